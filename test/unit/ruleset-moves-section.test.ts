import { moveLine, rulesetMovesSection } from '../../src/web/ruleset-moves-section';

const running = {
  moveId: 'law-2026-2026-07',
  apply: true,
  from: 'law-2022@2',
  to: 'law-2026@2',
  status: 'running' as const,
  startedAt: '2026-07-01T06:00:00.000Z',
  seen: 1234,
  counts: { 'would-move': 0, moved: 1200, 'already-moved': 0, 'cannot-move': 34, failed: 0 },
  casesLeftOut: 0,
};

// Issue 16: a move of thousands of cases shows its progress on the staff pages, in Danish.
test('a running move reads as a Danish line: what, from and to, since when, how far and what became of the cases', () => {
  const text = moveLine(running).value.replace(/\s+/g, ' ');
  expect(text).toContain('Flytning law-2022@2 → law-2026@2');
  expect(text).toContain('kører (startet 1. juli 2026');
  expect(text).toContain('1.234 sager set: 1.200 flyttet, 34 kan ikke flyttes.');
});

test('a finished dry run says so, and no moves show no section', () => {
  const done = { ...running, apply: false, status: 'done' as const, finishedAt: '2026-07-01T07:30:00.000Z' };
  const text = moveLine(done).value.replace(/\s+/g, ' ');
  expect(text).toContain('Prøvekørsel law-2022@2 → law-2026@2');
  expect(text).toContain('færdig 1. juli 2026');
  expect(rulesetMovesSection([]).value).toBe('');
});
