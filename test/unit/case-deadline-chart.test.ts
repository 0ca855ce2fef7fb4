import { deadlineChart, statusColours } from '../../src/web/case-deadline-chart';
import type { Deadline } from '../../src/domain/engine/deadlines';

/**
 * The case page's time line is a pure function of the case's deadlines and today: every deadline a
 * bar from its start to its due date, named and marked by status in text (not by colour alone),
 * today a line, and a title and description a screen reader reads.
 */
const deadline = (over: Partial<Deadline> & Pick<Deadline, 'id' | 'kind' | 'status'>): Deadline => ({
  label: over.kind,
  startedAt: '2027-01-04T08:00:00.000Z',
  dueAt: '2027-01-18T08:00:00.000Z',
  reminders: [],
  ...over,
});

const deadlines: Deadline[] = [
  deadline({
    id: 'coordinating-caseworker',
    kind: 'coordinating-caseworker',
    status: 'met',
    metAt: '2027-01-10T09:00:00.000Z',
  }),
  deadline({
    id: 'team-meeting',
    kind: 'team-meeting',
    status: 'breached',
    dueAt: '2027-03-01T08:00:00.000Z',
    breachedAt: '2027-03-01T08:00:00.000Z',
  }),
  deadline({
    id: 'maximum-duration',
    kind: 'maximum-duration',
    status: 'pending',
    startedAt: '2027-04-01T08:00:00.000Z',
    dueAt: '2032-04-01T08:00:00.000Z',
  }),
];
const now = new Date('2027-06-01T10:00:00.000Z');

test('an image with a title naming the span and a description counting the deadlines by status', () => {
  const svg = deadlineChart({ deadlines, openedAt: '2027-01-04T08:00:00.000Z' }, now).toString();
  expect(svg).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="fristforloeb-title fristforloeb-desc"/);
  expect(svg).toContain(
    '<title id="fristforloeb-title">Sagens frister på en tidslinje fra 4. jan. 2027 til 1. apr. 2032</title>',
  );
  expect(svg).toMatch(
    /<desc id="fristforloeb-desc">3 frister: 1 overskredet, 1 løber, 1 overholdt\. I dag er 1\. jun\. 2027\./,
  );
});

test('every deadline is a bar in its status colour, its status written beside it; met and breached are marked', () => {
  const svg = deadlineChart({ deadlines }, now).toString();
  expect(svg.match(/<rect\s/g)).toHaveLength(3);
  for (const colour of [statusColours.met, statusColours.breached, statusColours.pending])
    expect(svg).toContain(`fill="${colour}"`);
  for (const text of ['Overholdt', 'Overskredet', 'Løber'])
    expect(svg).toMatch(new RegExp(`>\\s*${text}\\s*<`));
  expect(svg).toContain('Koordinerende sagsbehandler');
  expect(svg).toContain('Forløbets længste varighed');
  // A ring where the caseworker deadline was met and where the team meeting was breached.
  expect(svg.match(/<circle/g)).toHaveLength(2);
});

test('today is a line on the chart while it falls within it, and not drawn outside it', () => {
  const todayLine = /stroke-dasharray[^>]*\/>\s*<text[^>]*>\s*I dag\s*</;
  expect(deadlineChart({ deadlines }, now).toString()).toMatch(todayLine);
  expect(deadlineChart({ deadlines }, new Date('2040-01-01T00:00:00Z')).toString()).not.toMatch(todayLine);
});

test('bars lie in order along the axis: a later start is further right; the chart starts at the opening', () => {
  const svg = deadlineChart({ deadlines, openedAt: '2026-12-20T08:00:00.000Z' }, now).toString();
  const xs = [...svg.matchAll(/<rect\s+x="([\d.]+)"/g)].map((match) => Number(match[1]));
  expect(xs[0]).toBeGreaterThan(300);
  expect(xs[2]).toBeGreaterThan(xs[1]!);
  expect(svg).toContain('fra 20. dec. 2026');
});

test('a deadline kind without a Danish label is marked as English; text from the case is escaped', () => {
  const svg = deadlineChart(
    { deadlines: [deadline({ id: 'x', kind: '<new-kind>', status: 'pending' })] },
    now,
  );
  expect(svg.toString()).toContain('lang="en"');
  expect(svg.toString()).toContain('&lt;new-kind&gt;');
  expect(svg.toString()).not.toContain('<new-kind>');
});

test('a case without deadlines has no chart', () => {
  expect(deadlineChart({ deadlines: [] }, now).toString()).toBe('');
});
