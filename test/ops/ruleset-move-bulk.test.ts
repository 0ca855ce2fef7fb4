import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { waitFor } from '../../scripts/lib/processes';
import { CaseService } from '../../src/client/case-service';
import { visibilityQuery } from '../../src/client/visibility';
import { loadRuleset } from '../../src/config/rulesets';
import type { Actor, Ruleset } from '../../src/domain';
import type { RulesetMoveReport } from '../../src/domain/ruleset-move';
import { rulesetMoveRunIdFor } from '../../src/messages';
import { createDataConverter } from '../../src/temporal/data-converter';
import { WORKFLOW_BUNDLE_PATH } from '../helpers/paths';
import { installQuietRuntime } from '../helpers/quiet-logger';
import { namespaceOf, startTemporal } from '../helpers/test-server';
import { render } from '../../src/domain/messages';

/**
 * A thousand running cases moved to another ruleset version by one bulk run, with the worker killed
 * (SIGKILL, its whole process group) in the middle: a dry run first that changes nothing, then the
 * move. Every case that can move is moved exactly once (its audit timeline has one move), and the
 * cases whose move would void a right the citizen already has — a decision on the existing evidence
 * under a compressed seeds ruleset, which the law does not have — are reported and left as they are.
 */
installQuietRuntime();
const root = join(__dirname, '..', '..');
const tsx = require.resolve('tsx/cli');
const CASES = Number(process.env.RF_BULK_CASES ?? 1000);
const WITH_RIGHT = 5;
const keyBase64 = randomBytes(32).toString('base64');
const keyRing = { activeKeyId: 'k', keys: new Map([['k', Buffer.from(keyBase64, 'base64')]]) };
const dir = mkdtempSync(join(tmpdir(), 'rf-bulk-move-'));
const caseworker: Actor = { id: 'cw-1', role: 'caseworker', municipality: '101' };
const admin: Actor = { id: 'admin-1', role: 'admin', municipality: '*' };
const taskQueue = `bulk-${randomBytes(3).toString('hex')}`;
const law = loadRuleset('law-2022');
/** The seeds with a year compressed to 2 seconds for the real-offer right, and long waits otherwise (quiet). */
const seeds = loadRuleset('seeds-2017');
const compressed: Ruleset = {
  ...seeds,
  name: 'bulk-seeds',
  version: 1,
  course: { ...seeds.course, realOffer: { within: 'PT2S', reminders: [] } },
};

let env: TestWorkflowEnvironment;
let cases: CaseService;
let worker: ChildProcess | undefined;

function startWorker(): void {
  worker = spawn(process.execPath, [tsx, join(root, 'worker', 'main.ts')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', process.env.RF_BULK_DEBUG ? 'inherit' : 'ignore'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_NAMESPACE: namespaceOf(env),
      RF_TASK_QUEUE: taskQueue,
      RF_ENCRYPTION_KEYS: `k=${keyBase64}`,
      RF_DATA_DIR: dir,
      RF_WORKER_METRICS_PORT: '0',
      RF_WORKFLOW_BUNDLE: WORKFLOW_BUNDLE_PATH,
      RF_LOG_LEVEL: 'error',
    },
  });
}

function killWorker(): void {
  // The worker's whole process group, at once: no chance to finish or report anything.
  if (worker?.pid) process.kill(-worker.pid, 'SIGKILL');
  worker = undefined;
}

/** Runs `task` over `items`, `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index += width)
    results.push(...(await Promise.all(items.slice(index, index + width).map(task))));
  return results;
}

beforeAll(async () => {
  env = await startTemporal({ dataConverter: createDataConverter(keyRing) });
  cases = new CaseService(env.client, taskQueue);
  startWorker();
}, 60_000);

afterAll(async () => {
  killWorker();
  await env?.teardown();
  rmSync(dir, { recursive: true, force: true });
});

const caseIds = Array.from({ length: CASES }, (_, n) => `BULK-${String(n).padStart(4, '0')}`);
const withRight = caseIds.slice(0, WITH_RIGHT);

const t0 = Date.now();
/** Where the time goes (with RF_BULK_DEBUG=1). */
const step = (what: string) => {
  if (process.env.RF_BULK_DEBUG)
    process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}\n`);
};

test('a dry run and a move of 1,000 cases, the worker killed mid-move: each case moved once, rights kept', async () => {
  const citizen = { cpr: '010190-1234', name: 'Test Borger' };
  await inParallel(caseIds, 50, (caseId) =>
    cases.open({ caseId, municipality: '101', citizen }, compressed, caseworker),
  );
  step('opened');
  // A few courses granted: two seconds later their citizens have the right to a decision on the
  // existing evidence (no real offer started), a right law-2022 does not have nor keep.
  await inParallel(withRight, 5, async (caseId) => {
    await cases.send(
      caseId,
      'teamRecommendation',
      { recommends: 'ressourceforloeb', unanimous: true, citizenAttendedWholeMeeting: true },
      caseworker,
    );
    await cases.send(caseId, 'municipalDecision', { decision: 'grant-course', reasoning: 'r' }, caseworker);
  });
  await waitFor(
    'the rights to arise',
    async () =>
      (await Promise.all(withRight.map((caseId) => cases.stateOf(caseId, 'ressourceforloeb')))).every(
        (state) => state.decisionOnExistingEvidence,
      ),
    20_000,
  );
  step('rights');
  await waitFor(
    'visibility to list every case',
    async () => {
      const { count } = await env.client.workflowService.countWorkflowExecutions({
        namespace: namespaceOf(env),
        query: visibilityQuery({ status: 'open', ruleset: 'bulk-seeds@1' }),
      });
      return Number(count) === CASES;
    },
    30_000,
  );
  step('listed');
  const common = { from: 'bulk-seeds@1', to: law, reason: 'Lov nr. 1160 af 8. juni 2021', actor: admin };
  const resultOf = (moveId: string) =>
    env.client.workflow.getHandle(rulesetMoveRunIdFor(moveId)).result() as Promise<RulesetMoveReport>;

  // The dry run: every case planned, none changed.
  await cases.startRulesetMoveRun({
    ...common,
    moveId: 'dry',
    apply: false,
    perSecond: 1000,
    concurrency: 25,
    pageSize: 250,
  });
  const dry = await resultOf('dry');
  expect(dry.counts).toMatchObject({
    'would-move': CASES - WITH_RIGHT,
    'cannot-move': WITH_RIGHT,
    moved: 0,
    failed: 0,
  });
  expect((await cases.state(caseIds[CASES - 1]!)).ruleset.name).toBe('bulk-seeds');

  step('dry run done');
  // The move, rate limited; the worker is killed when about half of the cases are done.
  await cases.startRulesetMoveRun({
    ...common,
    moveId: 'apply',
    apply: true,
    perSecond: 250,
    concurrency: 25,
    pageSize: 250,
  });
  await waitFor(
    'half of the cases',
    async () => {
      const progress = await cases.rulesetMoveRunReport('apply').catch(() => undefined);
      return (progress?.seen ?? 0) >= CASES / 2;
    },
    60_000,
  );
  step('killing');
  killWorker();
  startWorker();
  const watching = process.env.RF_BULK_DEBUG
    ? setInterval(() => {
        void cases
          .rulesetMoveRunReport('apply')
          .then((progress) => step(`seen ${progress?.seen}`))
          .catch(() => step('no answer'));
      }, 2000)
    : undefined;
  const report = await resultOf('apply');
  clearInterval(watching);
  step('moved');
  process.stderr.write(`bulk move after a kill -9 of the worker: ${JSON.stringify(report.counts)}\n`);
  expect(report.counts['moved'] + report.counts['already-moved']).toBe(CASES - WITH_RIGHT);
  expect(report.counts['cannot-move']).toBe(WITH_RIGHT);
  expect(report.counts.failed).toBe(0);
  const refused = report.cases.filter((line) => line.outcome === 'cannot-move');
  expect(refused.map((line) => line.caseId).sort()).toEqual(withRight);
  expect(refused[0]!.reasons!.map((reason) => render(reason, 'en')).join()).toMatch(
    /decision-on-existing-evidence/,
  );

  // Every case: moved once (one entry in its audit timeline), or — with the right — left as it was.
  const states = await inParallel(caseIds, 50, (caseId) => cases.stateOf(caseId, 'ressourceforloeb'));
  const movedTwice = states.filter(
    (state) => state.timeline.filter((e) => e.type === 'rulesetMoved').length > 1,
  );
  expect(movedTwice.map((state) => state.caseId)).toEqual([]);
  for (const state of states) {
    const moves = state.timeline.filter((entry) => entry.type === 'rulesetMoved');
    if (withRight.includes(state.caseId)) {
      expect(state.ruleset).toMatchObject({ name: 'bulk-seeds', version: 1 });
      expect(moves).toHaveLength(0);
    } else {
      expect(state.ruleset).toMatchObject({ name: 'law-2022', version: law.version });
      expect(moves).toHaveLength(1);
      expect(moves[0]).toMatchObject({ actor: admin, reason: common.reason });
    }
  }
  // About 2 minutes on 2 quiet cores; the margin is for a machine shared with other work.
}, 420_000);
