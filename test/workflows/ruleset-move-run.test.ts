import { loadRuleset } from '../../src/config/rulesets';
import type { Actor } from '../../src/domain';
import type { RulesetMoveReport } from '../../src/domain/ruleset-move';
import { rulesetMoveRunIdFor } from '../../src/messages';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';

/**
 * The bulk move resumes across runs: with a page of two cases and a tiny history limit it continues
 * as new after every page, carrying its cursor and its report, and still moves every case once.
 */
const caseworker: Actor = { id: 'cw-1', role: 'caseworker', municipality: '101' };
const admin: Actor = { id: 'admin-1', role: 'admin', municipality: '*' };
const seeds = loadRuleset('seeds-2017');
const law = loadRuleset('law-2022');
let h: DevServerHarness;

beforeAll(async () => {
  h = await startDevServer(seeds);
}, 60_000);
afterAll(async () => {
  await h?.teardown();
});

test('continue-as-new after every page: the cursor and the report carry over, every case moved once', async () => {
  const caseIds = ['RUN-1', 'RUN-2', 'RUN-3', 'RUN-4', 'RUN-5'];
  for (const caseId of caseIds)
    await h.cases.open(
      { caseId, municipality: '101', citizen: { cpr: '010190-1234', name: 'B' } },
      seeds,
      caseworker,
    );
  for (
    let attempt = 0;
    (await h.cases.casesToMove({ ruleset: 'seeds-2017@2' }, { size: 10 })).caseIds.length < 5;
    attempt += 1
  ) {
    if (attempt > 100) throw new Error('visibility never listed the cases');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await h.cases.startRulesetMoveRun({
    moveId: 'paged',
    from: 'seeds-2017@2',
    to: law,
    reason: 'r',
    actor: admin,
    apply: true,
    perSecond: 100,
    concurrency: 2,
    pageSize: 2,
    historyLimit: 5,
  });
  const handle = h.env.client.workflow.getHandle(rulesetMoveRunIdFor('paged'));
  const report = (await handle.result()) as RulesetMoveReport;
  expect(report).toMatchObject({ status: 'done', seen: 5, counts: { moved: 5, failed: 0 } });
  const runs: string[] = [];
  for await (const run of h.env.client.workflow.list({
    query: `WorkflowId = '${rulesetMoveRunIdFor('paged')}'`,
  }))
    runs.push(run.status.name);
  expect(runs.filter((status) => status === 'CONTINUED_AS_NEW').length).toBeGreaterThanOrEqual(2);
  for (const caseId of caseIds) {
    const state = await h.cases.state(caseId);
    expect(state.ruleset.name).toBe('law-2022');
  }
  // Asking again for the same move ID finds the first run; nothing moves twice.
  expect(
    await h.cases.startRulesetMoveRun({
      moveId: 'paged',
      from: 'seeds-2017@2',
      to: law,
      reason: 'r',
      actor: admin,
      apply: true,
      perSecond: 100,
      concurrency: 2,
      pageSize: 2,
    }),
  ).toEqual({ id: 'paged', started: false });
});
