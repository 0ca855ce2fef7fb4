import { EventRefusedError } from '../../src/client/case-service';
import type { Actor } from '../../src/domain';
import { loadRuleset } from '../../src/config/rulesets';
import { recordHistoriesIfAsked } from '../helpers/histories';
import { startTimeSkipping, type TimeSkippingHarness } from '../helpers/time-skipping';
import { render } from '../../src/domain/messages';

/**
 * A running case moved to another ruleset version through its workflow: the plan as a query (nothing
 * changes), the move as an Update only an administrator may send, recorded in the audit timeline once;
 * a case whose move would void a right the citizen already has is refused and left as it is.
 */
const caseworker: Actor = { id: 'cw-1', role: 'caseworker' };
const admin: Actor = { id: 'admin-1', role: 'admin', municipality: '*' };
const seeds = loadRuleset('seeds-2017');
const law = loadRuleset('law-2022');
const DAY = 86_400_000;
let h: TimeSkippingHarness;

beforeAll(async () => {
  h = await startTimeSkipping();
});
afterAll(async () => {
  try {
    // RECORD_HISTORIES=<folder>: a moved case's history, for the replay test (patched('ruleset-move')).
    await recordHistoriesIfAsked(h.env.client, ['MV-1', 'MV-2']);
  } finally {
    await h?.teardown();
  }
});

async function openCourse(caseId: string): Promise<number> {
  await h.cases.open(
    {
      caseId,
      municipality: '101',
      citizen: { cpr: '010190-1234', name: 'Test Borger', email: 'b@example.dk' },
    },
    seeds,
    caseworker,
  );
  return h.grantCourse(caseId, caseworker, { caseworkerId: 'cw-1', name: 'Sara', email: 'sara@kk.dk' });
}

test('a course under the seeds is moved to the law: planned, moved by an administrator once, audited', async () => {
  const start = await openCourse('MV-1');
  await h.sleepUntil(start + 7 * DAY);

  const plan = await h.cases.rulesetMovePlan('MV-1', law);
  expect(plan).toMatchObject({ canMove: true, from: { name: 'seeds-2017' }, to: { name: 'law-2022' } });
  expect(plan.fallAway.map((change) => change.kind)).toContain('real-offer');
  expect((await h.cases.state('MV-1')).ruleset.name).toBe('seeds-2017');

  const args = { moveId: 'law-2022-2026-12', to: law, reason: 'Lov nr. 1160 af 8. juni 2021' };
  await expect(h.cases.moveRuleset('MV-1', { ...args, actor: caseworker })).rejects.toThrow(
    /only an administrator/,
  );
  const answer = await h.cases.moveRuleset('MV-1', { ...args, actor: admin });
  expect(answer).toMatchObject({ moved: true });
  await h.cases.moveRuleset('MV-1', { ...args, actor: admin });

  const state = await h.cases.stateOf('MV-1', 'ressourceforloeb');
  expect(state.ruleset).toMatchObject({ name: 'law-2022', version: law.version });
  const moves = state.timeline.filter((entry) => entry.type === 'rulesetMoved');
  expect(moves).toHaveLength(1);
  expect(moves[0]).toMatchObject({ actor: admin, reason: args.reason });
  expect(render(moves[0]!.summary, 'en')).toMatch(/from ruleset seeds-2017@2 to law-2022@2/);
  // Under the law the first measure is due after 6 months, not the seeds' 3.
  const firstMeasure = state.deadlines.find((deadline) => deadline.kind === 'first-measure');
  expect(Date.parse(firstMeasure!.dueAt) - start).toBeGreaterThan(150 * DAY);
});

test('a move that would void the right to a decision on the existing evidence is refused; the case stays', async () => {
  const start = await openCourse('MV-2');
  await h.sleepUntil(start + 370 * DAY);
  const plan = await h.cases.rulesetMovePlan('MV-2', law);
  expect(plan.canMove).toBe(false);
  const move = h.cases.moveRuleset('MV-2', { moveId: 'm2', to: law, reason: 'r', actor: admin });
  await expect(move).rejects.toBeInstanceOf(EventRefusedError);
  await expect(move).rejects.toThrow(/decision-on-existing-evidence/);
  const state = await h.cases.stateOf('MV-2', 'ressourceforloeb');
  expect(state.ruleset.name).toBe('seeds-2017');
  expect(state.timeline.some((entry) => entry.type === 'rulesetMoved')).toBe(false);
});
