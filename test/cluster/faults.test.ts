import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { CaseService } from '../../src/client/case-service';
import { loadRuleset } from '../../src/config/rulesets';
import type { Actor, CaseView, Ruleset } from '../../src/domain';
import { messageIdFor } from '../../src/notifications/mailer';
import { createDataConverter } from '../../src/temporal/data-converter';
import {
  appDatabaseUrl,
  readClusterState,
  spawnTemporalServer,
  stopTemporalServer,
  waitForTemporal,
} from '../../scripts/lib/cluster';
import { TestSmtpServer } from '../notifications/smtp-test-server';
import { WORKFLOW_BUNDLE_PATH } from '../helpers/paths';
import { clusterUnderTest, newClusterNamespace } from '../helpers/test-server';

/**
 * Faults on the cluster (cluster runs only): two worker processes share the task queue, as
 * `npm run cluster` and `docker compose up --scale worker=2` run them, and mail goes by SMTP to a
 * server that keeps every message it accepts. Many cases' coordinating-caseworker deadline falls due
 * at one instant (bench/rulesets/storm.json): each breach mails the job centre and escalates to the
 * supervisor. Then one worker is killed with SIGKILL in the middle of the storm, or the Temporal
 * server is restarted across the instant; every deadline must still fire and every mail arrive once,
 * counted by Message-ID (a retry after a crash resends the same Message-ID, so a receiving system can
 * recognise a copy; the raw count is reported beside it).
 */
const root = join(__dirname, '..', '..');
const tsx = require.resolve('tsx/cli');
const STORM_RULESET = join(root, 'bench', 'rulesets', 'storm.json');
const DEADLINE = 'coordinating-caseworker';
const MAIL_DOMAIN = 'kommune.example';
const CASES = 30;

const cluster = clusterUnderTest();
const key = randomBytes(32);
const keyRing = { activeKeyId: 'faults', keys: new Map([['faults', key]]) };
const taskQueue = `faults-${randomBytes(4).toString('hex')}`;
const actor: Actor = { id: 'sara.caseworker', role: 'caseworker', municipality: '101' };
let namespace: string;
let smtp: TestSmtpServer;
let connection: Connection;
let cases: CaseService;
const workers = new Map<string, ChildProcess>();
const workerOutput = new Map<string, string>();
/** Each worker's RF_DATA_DIR, removed at the end. */
const scratch = mkdtempSync(join(tmpdir(), 'rf-faults-'));

function startWorker(name: string): ChildProcess {
  const child = spawn(process.execPath, [tsx, join(root, 'worker/main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TEMPORAL_ADDRESS: cluster.address,
      TEMPORAL_NAMESPACE: namespace,
      RF_TASK_QUEUE: taskQueue,
      RF_ENCRYPTION_KEYS: `faults=${key.toString('base64')}`,
      RF_SMTP_URL: smtp.url,
      RF_MAIL_FROM: `Jobcenter <noreply@${MAIL_DOMAIN}>`,
      RF_WORKFLOW_BUNDLE: WORKFLOW_BUNDLE_PATH,
      RF_WORKER_METRICS_PORT: '0',
      RF_DATA_DIR: mkdtempSync(join(scratch, `${name}-`)),
      // Both workers keep their delivery ledger in the cluster's PostgreSQL, as a deployment does: a
      // copy one worker sent before it was killed is known to the other.
      RF_DATABASE_URL: appDatabaseUrl(cluster),
      RF_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx runs the worker in a child process of its own, and a kill must
    // reach that one, not only tsx.
    detached: true,
  });
  workerOutput.set(name, '');
  const keep = (chunk: Buffer) => workerOutput.set(name, (workerOutput.get(name) ?? '') + chunk.toString());
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  workers.set(name, child);
  return child;
}

async function stopWorker(name: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const child = workers.get(name);
  workers.delete(name);
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  process.kill(-child.pid!, signal);
  await exited;
}

/** True while any process of the worker's group is alive. */
function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

/** The distinct worker processes polling the case task queue. */
async function pollers(): Promise<number> {
  const { pollers: found } = await connection.workflowService.describeTaskQueue({
    namespace,
    taskQueue: { name: taskQueue },
    taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  return new Set(found.map((poller) => poller.identity)).size;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await sleep(500);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s${last ? ` (last error: ${String(last)})` : ''}`);
}

async function twoWorkersPolling(): Promise<void> {
  try {
    await until('two workers polling', async () => ((await pollers()) >= 2 ? true : undefined), 90_000);
  } catch (error) {
    // Say why: what the workers printed.
    for (const [name, output] of workerOutput) process.stderr.write(`[${name}] ${output.slice(-3000)}\n`);
    throw error;
  }
}

/**
 * Opens `count` cases whose coordinating-caseworker deadline falls due at about one instant: each gets
 * the storm ruleset with its waiting time set to what is left until then (a deadline counts from the
 * case's start).
 */
async function openStorm(
  prefix: string,
  count: number,
  leadMs: number,
): Promise<{ ids: string[]; instant: number }> {
  const template = loadRuleset(STORM_RULESET);
  const instant = Date.now() + leadMs;
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const caseId = `${prefix}-${index}`;
    const waitMs = instant - Date.now();
    if (waitMs < 1_000) throw new Error('opening the cases overran the storm instant');
    const rules: Ruleset = {
      ...template,
      waitingTimes: {
        ...template.waitingTimes,
        referralToCoordinatingCaseworker: { within: `PT${(waitMs / 1000).toFixed(3)}S`, reminders: [] },
      },
    };
    await cases.open(
      {
        caseId,
        municipality: '101',
        citizen: { cpr: '010190-1234', name: 'Test Borger', email: 'borger@example.dk' },
      },
      rules,
      actor,
    );
    ids.push(caseId);
  }
  return { ids, instant };
}

interface Outcome {
  breached: number;
  delivered: number;
  expectedMessageIds: Set<string>;
  expectedMails: number;
}

/** Every case's deadline breached and every notification sent, read from the cases themselves. */
async function settled(ids: string[]): Promise<Outcome | undefined> {
  const outcome: Outcome = { breached: 0, delivered: 0, expectedMessageIds: new Set(), expectedMails: 0 };
  for (const caseId of ids) {
    const view: CaseView = await cases.state(caseId);
    const deadline = view.deadlines.find((candidate) => candidate.id === DEADLINE);
    if (deadline?.status === 'breached' && view.escalations.length > 0) outcome.breached += 1;
    for (const notification of view.notifications) {
      if (notification.delivery.status === 'sent') outcome.delivered += 1;
      else return undefined;
      notification.recipients.forEach((_recipient, index) =>
        outcome.expectedMessageIds.add(messageIdFor(notification.id, index, MAIL_DOMAIN)),
      );
      outcome.expectedMails += notification.recipients.length - (notification.delivery.withoutAddress ?? 0);
    }
  }
  return outcome.breached === ids.length ? outcome : undefined;
}

/** Mails received for these cases' notifications: distinct Message-IDs, and every copy. */
function received(expected: Set<string>): { distinct: Set<string>; copies: number; unexpected: string[] } {
  const mine = smtp.received.filter((mail) => mail.messageId.includes(`@${MAIL_DOMAIN}`));
  const distinct = new Set(mine.map((mail) => mail.messageId).filter((id) => expected.has(id)));
  const unexpected = [...new Set(mine.map((mail) => mail.messageId))].filter((id) => !expected.has(id));
  return { distinct, copies: mine.filter((mail) => expected.has(mail.messageId)).length, unexpected };
}

beforeAll(async () => {
  namespace = newClusterNamespace('faults');
  smtp = await TestSmtpServer.create();
  // A slow mail server keeps deliveries in flight on both workers when one is killed.
  smtp.acknowledgeAfterMs = 250;
  connection = await Connection.connect({ address: cluster.address });
  cases = new CaseService(
    new Client({ connection, namespace, dataConverter: createDataConverter(keyRing) }),
    taskQueue,
  );
  startWorker('worker-a');
  startWorker('worker-b');
  await twoWorkersPolling();
}, 120_000);

afterAll(async () => {
  for (const name of [...workers.keys()]) await stopWorker(name);
  await connection?.close();
  await smtp?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

afterEach(() => {
  // Received mail is matched per test by Message-ID; clearing keeps the next test's count its own.
  smtp.received.length = 0;
});

test('kill -9 of one of two workers in the middle of a deadline storm: every deadline fires, every mail once', async () => {
  const { ids, instant } = await openStorm('KILL', CASES, 15_000);
  await sleep(instant - Date.now());
  // Kill once the storm is under way: the first mails are out and more are in flight.
  await until(
    'the first mails of the storm',
    async () => (smtp.received.length >= 4 ? true : undefined),
    60_000,
  );
  const victim = workers.get('worker-a')!;
  await stopWorker('worker-a', 'SIGKILL');
  const mailsAtKill = smtp.received.length;
  await until(
    'the killed worker gone, tsx and the worker itself',
    async () => (groupAlive(victim) ? undefined : true),
    5_000,
  );

  const outcome = await until('every case breached and every notification sent', () => settled(ids), 150_000);
  const mails = await until(
    'every mail received',
    async () => {
      const got = received(outcome.expectedMessageIds);
      return got.distinct.size >= outcome.expectedMails ? got : undefined;
    },
    30_000,
  );
  process.stdout.write(
    `kill -9 storm: ${ids.length} cases, ${outcome.expectedMails} mails (${mailsAtKill} before the kill), ${mails.copies - mails.distinct.size} repeated copies\n`,
  );
  expect(outcome.breached).toBe(CASES);
  // Two mails a case: the job centre's inbox (no caseworker yet) and the supervisor's escalation.
  expect(outcome.expectedMails).toBe(2 * CASES);
  expect(mails.distinct.size).toBe(outcome.expectedMails);
  expect(mails.unexpected).toEqual([]);
  expect(mailsAtKill).toBeLessThan(outcome.expectedMails);
}, 300_000);

test('a restart of the Temporal server across the instant the deadlines fall due: every deadline fires, every mail once', async () => {
  startWorker('worker-c');
  await twoWorkersPolling();
  const { ids, instant } = await openStorm('RESTART', CASES, 12_000);
  // Down from before the instant until after it: the timers fire from PostgreSQL after the restart.
  const state = readClusterState(cluster.dir);
  await sleep(Math.max(0, instant - Date.now() - 4_000));
  await stopTemporalServer(state, 'SIGTERM');
  const mailsWhileDown = smtp.received.length;
  await sleep(Math.max(0, instant - Date.now() + 4_000));
  spawnTemporalServer(state);
  await waitForTemporal(state);

  const outcome = await until('every case breached and every notification sent', () => settled(ids), 150_000);
  const mails = await until(
    'every mail received',
    async () => {
      const got = received(outcome.expectedMessageIds);
      return got.distinct.size >= outcome.expectedMails ? got : undefined;
    },
    30_000,
  );
  process.stdout.write(
    `server restart: ${ids.length} cases, ${outcome.expectedMails} mails (${mailsWhileDown} before the stop), ${mails.copies - mails.distinct.size} repeated copies\n`,
  );
  expect(outcome.breached).toBe(CASES);
  expect(outcome.expectedMails).toBe(2 * CASES);
  expect(mails.distinct.size).toBe(outcome.expectedMails);
  expect(mails.unexpected).toEqual([]);
  // The storm came after the server went down: the deadlines fired from what it had stored.
  expect(mailsWhileDown).toBe(0);
  // Nothing was in flight when the server stopped: not even a repeated copy.
  expect(mails.copies).toBe(mails.distinct.size);
  // Both workers lived through the outage.
  expect([...workers.values()].every(groupAlive)).toBe(true);
}, 300_000);
