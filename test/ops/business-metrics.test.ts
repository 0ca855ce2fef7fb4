import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import type { Payload } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { CaseService, EventRefusedError } from '../../src/client/case-service';
import { loadRuleset } from '../../src/config/rulesets';
import type { Ruleset } from '../../src/domain/engine/ruleset';
import { createDirectory } from '../../src/notifications/directory';
import { memoryLedger } from '../../src/notifications/ledger';
import type { Mailer } from '../../src/notifications/mailer';
import {
  createBusinessMetrics,
  pollCaseFigures,
  serveWorkerMetrics,
} from '../../src/observability/business-metrics';
import { createLogger } from '../../src/observability/logger';
import { installRuntime } from '../../src/observability/runtime';
import { workflowIdForCase } from '../../src/messages';
import { createDataConverter } from '../../src/temporal/data-converter';
import { createCaseWorker } from '../../worker/create-worker';
import { testKeyRing } from '../helpers/keys';
import { WORKFLOW_BUNDLE_PATH } from '../helpers/paths';
import { freePort } from '../helpers/ports';
import { namespaceOf, startTemporal } from '../helpers/test-server';

/**
 * The worker's business metrics on its one endpoint, beside the SDK's series: a real worker on a real
 * Temporal server, its gauges read from visibility, its counters moved by what the cases do.
 */

const logLines: string[] = [];
const sdkPort = freePort();
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let server: Server;
let stopPolling: () => void;
let endpoint: string;
let cases: CaseService;
const caseworker = { id: 'cw-1', role: 'caseworker' as const, municipality: '101' };

/** A mail server that refuses the citizen's address for good and cannot reach the head of department. */
const mailer: Mailer = {
  async send(message) {
    if (message.to.endsWith('@refused.example')) {
      throw Object.assign(new Error('550 no such user'), { responseCode: 550, command: 'RCPT TO' });
    }
    if (message.to.startsWith('chef@')) {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    }
  },
};

/** The seeds' rules with seconds for weeks: a coordinating caseworker within 3 s, the head of department 4 s later. */
function fastRuleset(): Ruleset {
  const ruleset = structuredClone(loadRuleset('seeds-2017'));
  ruleset.waitingTimes.referralToCoordinatingCaseworker = { within: 'PT3S', reminders: [] };
  ruleset.escalation.levels = [
    { role: 'supervisor', after: 'PT0S' },
    { role: 'head-of-department', after: 'PT4S' },
  ];
  return ruleset;
}

beforeAll(async () => {
  const logger = createLogger(
    'info',
    'worker',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    }),
  );
  installRuntime({ logger, level: 'INFO', metrics: { host: '127.0.0.1', port: await sdkPort } });
  const keyRing = testKeyRing();
  env = await startTemporal({ dataConverter: createDataConverter(keyRing) });
  const taskQueue = `metrics-${Math.random().toString(36).slice(2)}`;
  const metrics = createBusinessMetrics();
  worker = await createCaseWorker({
    ledger: memoryLedger(),
    connection: env.nativeConnection,
    namespace: namespaceOf(env),
    taskQueue,
    keyRing,
    mailer,
    directory: createDirectory({}),
    workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH },
    metrics,
  });
  running = worker.run();
  const port = await freePort();
  server = await serveWorkerMetrics({
    host: '127.0.0.1',
    port,
    metrics,
    sdkMetricsUrl: `http://127.0.0.1:${await sdkPort}/metrics`,
  });
  endpoint = `http://127.0.0.1:${port}/metrics`;
  stopPolling = pollCaseFigures({
    client: env.client,
    metrics,
    logger,
    intervalMs: 500,
    taskQueue,
  }).stop;
  cases = new CaseService(env.client, taskQueue);
}, 120_000);

afterAll(async () => {
  stopPolling?.();
  server?.close();
  worker?.shutdown();
  await running;
  await env?.teardown();
});

async function scrape(): Promise<string> {
  return (await fetch(endpoint)).text();
}

/** The value of one series (name with its labels, as exposed), or undefined while it is absent. */
function valueOf(metrics: string, series: string): number | undefined {
  const line = metrics.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function until(what: string, check: (metrics: string) => boolean, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const metrics = await scrape();
    if (check(metrics)) return metrics;
    if (Date.now() > deadline) throw new Error(`${what} did not happen in time:\n${metrics}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test('one endpoint: the business series with help text, and the SDK series after them', async () => {
  const metrics = await until('the first reading of visibility', (text) => text.includes('rf_mails_queued '));
  for (const name of [
    'rf_deadlines_breached_open',
    'rf_escalations_open',
    'rf_mails_queued',
    'rf_mails_failed_total',
    'rf_mail_oldest_undelivered_seconds',
    'rf_events_refused_total',
  ]) {
    expect(metrics).toContain(`# TYPE ${name} `);
  }
  expect(valueOf(metrics, 'rf_escalations_open{level="supervisor"}')).toBe(0);
  expect(valueOf(metrics, 'rf_escalations_open{level="head-of-department"}')).toBe(0);
  expect(valueOf(metrics, 'rf_mail_oldest_undelivered_seconds')).toBe(0);
  expect(metrics).toMatch(/^temporal_/m);
}, 60_000);

test('a refused event counts once; a citizen address refused for good counts as a failed mail', async () => {
  await cases.open(
    {
      caseId: 'METRICS-1',
      municipality: '101',
      citizen: { cpr: '0101901234', name: 'Mette Hansen', email: 'mette@refused.example' },
    },
    fastRuleset(),
    caseworker,
  );
  const before = valueOf(await scrape(), 'rf_events_refused_total') ?? 0;
  // A decision before the team has met is refused, and recorded in the case's timeline.
  await expect(
    cases.send('METRICS-1', 'municipalDecision', { decision: 'grant-course' }, caseworker),
  ).rejects.toThrow(EventRefusedError);
  await until('the refused event counted', (text) => valueOf(text, 'rf_events_refused_total') === before + 1);

  // The team disagreed: the citizen is told, and the mail server refuses their address for good.
  await cases.send(
    'METRICS-1',
    'teamRecommendation',
    {
      recommends: 'ressourceforloeb',
      unanimous: false,
      dissent: [{ member: 'lægen', opinion: 'Borgeren bør først udredes.' }],
      citizenAttendedWholeMeeting: true,
    },
    caseworker,
  );
  await until('the failed mail counted', (text) => (valueOf(text, 'rf_mails_failed_total') ?? 0) >= 1);
}, 60_000);

test('a breached deadline, its escalation by level, and mail waiting on an unreachable server', async () => {
  // The coordinating caseworker's deadline (3 s) breaches: the supervisor at once, then the head of
  // department, whose mail cannot go (the server refuses the connection) and waits, ageing.
  const metrics = await until(
    'the breach, both levels and a queued mail',
    (text) =>
      (valueOf(text, 'rf_deadlines_breached_open') ?? 0) >= 1 &&
      (valueOf(text, 'rf_escalations_open{level="head-of-department"}') ?? 0) >= 1 &&
      (valueOf(text, 'rf_mails_queued') ?? 0) >= 1 &&
      (valueOf(text, 'rf_mail_oldest_undelivered_seconds') ?? 0) > 0,
    45_000,
  );
  expect(valueOf(metrics, 'rf_escalations_open{level="supervisor"}')).toBeGreaterThanOrEqual(1);
  const age = valueOf(metrics, 'rf_mail_oldest_undelivered_seconds')!;
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  expect(valueOf(await scrape(), 'rf_mail_oldest_undelivered_seconds')).toBeGreaterThan(age);
}, 60_000);

test('the worker logs each delivery with topic, role and outcome, and no personal data', () => {
  const deliveries = logLines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'delivery');
  const outcomes = new Set(deliveries.map((entry) => `${entry.topic} ${entry.role} ${entry.outcome}`));
  expect(outcomes).toContain('team-dissent citizen rejected');
  expect(outcomes).toContain('escalation head-of-department unavailable');
  expect([...outcomes].some((outcome) => outcome.endsWith(' sent'))).toBe(true);
  const all = logLines.join('\n');
  expect(all).not.toMatch(/0101901234|Mette|@refused\.example|leder@|chef@/);
});

test('in the Web UI a case reads like a case: Danish summaries on timers and deliveries, phase and next deadline as its details', async () => {
  const handle = env.client.workflow.getHandle(workflowIdForCase('METRICS-1'));
  const history = await handle.fetchHistory();
  const converter = env.client.options.loadedDataConverter;
  const summaries: string[] = [];
  for (const event of history.events ?? []) {
    const payload = event.userMetadata?.summary;
    if (!payload) continue;
    let decoded = [payload as Payload];
    for (const codec of [...converter.payloadCodecs].reverse()) decoded = await codec.decode(decoded);
    summaries.push(
      `${event.timerStartedEventAttributes ? 'timer' : event.activityTaskScheduledEventAttributes ? 'activity' : event.eventType}: ${converter.payloadConverter.fromPayload<string>(decoded[0]!)}`,
    );
  }
  expect(
    summaries.some((line) =>
      /^timer: (frist for koordinerende sagsbehandler|eskalering|nyt forsøg)/.test(line),
    ),
  ).toBe(true);
  expect(summaries.some((line) => /^activity: brev til borger/.test(line))).toBe(true);
  const details = (await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata'))
    .currentDetails;
  expect(details).toContain('**Fase:** venter på kommunens afgørelse');
  expect(details).toMatch(/\*\*Næste frist:\*\* frist for afgørelse, \d{4}-\d{2}-\d{2}/);
}, 30_000);
