import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { devServerArgs } from '../../scripts/lib/dev-server';
import { freePort, waitFor } from '../../scripts/lib/processes';
import { requireTemporalCli } from '../../scripts/lib/temporal-binaries';
import { CaseService } from '../../src/client/case-service';
import { loadRuleset } from '../../src/config/rulesets';
import type { Actor, Ruleset } from '../../src/domain';
import { createDirectory } from '../../src/notifications/directory';
import { createDeliveryLedger } from '../../src/notifications/ledger';
import { createSmtpMailer } from '../../src/notifications/smtp';
import { openDatabase } from '../../src/store/database';
import { createDataConverter } from '../../src/temporal/data-converter';
import { createCaseWorker } from '../../worker/create-worker';
import { TestSmtpServer } from '../notifications/smtp-test-server';
import { WORKFLOW_BUNDLE_PATH } from '../helpers/paths';
import { installQuietRuntime } from '../helpers/quiet-logger';

/**
 * Mail exactly once as the receiver sees it, through a crash of Temporal itself: a storm of breaches
 * sends mail to a (slow) SMTP server, and the Temporal dev server is killed with SIGKILL in the middle
 * of it and started again on the same database. Activities that sent their mail but could not report
 * it are run again by Temporal after their timeout; the delivery ledger knows what went. Every message
 * must arrive, and none twice: the SMTP server counts every message it accepts (writes, not files).
 */
installQuietRuntime();
const root = join(__dirname, '..', '..');
const CASES = 24;
const dir = mkdtempSync(join(tmpdir(), 'rf-mail-once-'));
const key = randomBytes(32);
const keyRing = { activeKeyId: 'once', keys: new Map([['once', key]]) };
const actor: Actor = { id: 'sara.caseworker', role: 'caseworker', municipality: '101' };

let port: number;
let server: ChildProcess | undefined;
let smtp: TestSmtpServer;
let worker: Worker;
let running: Promise<void>;
let workerConnection: NativeConnection;
let connection: Connection;
let cases: CaseService;

async function startServer(): Promise<void> {
  const args = devServerArgs({ port, dbFile: join(dir, 'temporal.sqlite'), httpPort: await freePort() });
  server = spawn(requireTemporalCli(), args, { stdio: 'ignore', detached: true });
  await waitFor('the Temporal dev server', async () => {
    const probe = await Connection.connect({ address: `127.0.0.1:${port}`, connectTimeout: 1000 });
    try {
      await probe.workflowService.describeNamespace({ namespace: 'default' });
      return true;
    } finally {
      await probe.close();
    }
  });
}

function killServer(): void {
  // The server's whole process group, at once: no chance to finish anything.
  if (server?.pid) process.kill(-server.pid, 'SIGKILL');
  server = undefined;
}

beforeAll(async () => {
  port = await freePort();
  await startServer();
  smtp = await TestSmtpServer.create();
  // A slow mail server: many messages are in flight when Temporal dies.
  smtp.acknowledgeAfterMs = 150;
  const taskQueue = `once-${randomBytes(4).toString('hex')}`;
  workerConnection = await NativeConnection.connect({ address: `127.0.0.1:${port}` });
  worker = await createCaseWorker({
    connection: workerConnection,
    namespace: 'default',
    taskQueue,
    keyRing,
    mailer: createSmtpMailer({ url: smtp.url, from: 'Jobcenter <noreply@kommune.example>' }),
    ledger: await createDeliveryLedger(openDatabase({ sqlitePath: join(dir, 'ressourceforloeb.sqlite') })),
    directory: createDirectory({}),
    messageIdDomain: 'kommune.example',
    workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH },
  });
  running = worker.run();
  connection = await Connection.connect({ address: `127.0.0.1:${port}` });
  cases = new CaseService(new Client({ connection, dataConverter: createDataConverter(keyRing) }), taskQueue);
}, 60_000);

afterAll(async () => {
  worker?.shutdown();
  await running?.catch(() => undefined);
  await workerConnection?.close();
  await connection?.close();
  killServer();
  await smtp?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a kill -9 of the Temporal server amid a storm of mail: every message arrives, none twice', async () => {
  // Every case's coordinating-caseworker deadline falls due at one instant, a few seconds from now:
  // each breach mails the job centre and escalates to the supervisor.
  const storm = loadRuleset(join(root, 'bench', 'rulesets', 'storm.json'));
  const instant = Date.now() + 6_000;
  for (let n = 0; n < CASES; n += 1) {
    const within = `PT${((instant - Date.now()) / 1000).toFixed(3)}S`;
    const ruleset: Ruleset = {
      ...storm,
      waitingTimes: { ...storm.waitingTimes, referralToCoordinatingCaseworker: { within, reminders: [] } },
    };
    await cases.open(
      { caseId: `ONCE-${n}`, municipality: '101', citizen: { cpr: '010190-1234', name: 'Jens Jensen' } },
      ruleset,
      actor,
    );
  }
  const expected = CASES * 2;
  // Kill Temporal once some of the mail has arrived and more is on its way.
  await waitFor('the first mail', async () => smtp.received.length >= 4, 30_000);
  killServer();
  const beforeKill = smtp.received.length;
  // Down long enough that the worker gives up reporting what it finished (15 s; without the ledger this
  // alone sent about one message in five twice).
  await new Promise((resolve) => setTimeout(resolve, 15_000));
  await startServer();
  // Activities whose report was lost run again after their heartbeat timeout (30 s).
  await waitFor('every message', async () => smtp.countsByMessageId().size >= expected, 150_000);
  // Anything still to be sent twice would come now.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  process.stderr.write(
    `kill -9 of the dev server: ${expected} messages, ${beforeKill} before the kill, ${smtp.received.length} accepted in all\n`,
  );
  expect(beforeKill).toBeLessThan(expected);
  expect(smtp.countsByMessageId().size).toBe(expected);
  expect(smtp.duplicates()).toEqual([]);
  expect(smtp.received).toHaveLength(expected);
}, 240_000);
