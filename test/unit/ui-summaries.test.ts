import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEADLINE_NAMES, deliverySummary } from '../../workflows/ui-summaries';

/** The Web UI's short Danish names for deadlines are kept to the letters' list in labels.json. */
test('every deadline the letters name has a short name for the Web UI, and no other', () => {
  const labels = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'templates', 'da', 'labels.json'), 'utf8'),
  );
  expect(Object.keys(DEADLINE_NAMES).sort()).toEqual(Object.keys(labels.deadline).sort());
  expect(DEADLINE_NAMES['maximum-duration']).toBe('3-årsfrist');
});

test('a delivery names whom it writes to by role, never by name', () => {
  expect(deliverySummary(['citizen'])).toBe('brev til borger');
  expect(deliverySummary(['citizen', 'relatives', 'relatives'])).toBe('brev til borger, pårørende');
  expect(deliverySummary(['head-of-department'])).toBe('brev til afdelingschef');
});
