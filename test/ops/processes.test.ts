import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectory } from '../../src/notifications/directory';
import { createCaseWorker } from '../../worker/create-worker';
import { WORKFLOW_BUNDLE_PATH } from '../helpers/paths';
import { freePort } from '../helpers/ports';
import { installQuietRuntime } from '../helpers/quiet-logger';
import { RecordingMailer } from '../helpers/recording-mailer';
import { namespaceOf, startTemporal } from '../helpers/test-server';
import { people } from '../helpers/tokens';
import { memoryLedger } from '../../src/notifications/ledger';

/** The worker and API processes as an operator starts them: configuration errors, and a graceful stop. */
installQuietRuntime();
const root = join(__dirname, '..', '..');
const tsx = require.resolve('tsx/cli');
const keyBase64 = randomBytes(32).toString('base64');

function run(
  entry: string,
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [tsx, join(root, entry)], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

test('a worker with wrong settings stops at once with one line per problem', async () => {
  const worker = run('worker/main.ts', {
    RF_LOG_LEVEL: 'loud',
    RF_WORKER_METRICS_PORT: 'ninety',
    RF_WORKER_MAX_CACHED_WORKFLOWS: '-1',
    RF_SMTP_URL: 'http://mail.example',
    RF_CODEC_CORS_ORIGINS: 'not a url',
  });
  expect(await worker.exited).toBe(1);
  const lines = worker.output().trim().split('\n');
  expect(lines[0]).toBe('invalid configuration:');
  expect(lines.slice(1)).toEqual([
    '  - RF_LOG_LEVEL: one of trace, debug, info, warn, error',
    expect.stringMatching(/^ {2}- RF_WORKER_MAX_CACHED_WORKFLOWS: /),
    expect.stringMatching(/^ {2}- RF_WORKER_METRICS_PORT: /),
    expect.stringMatching(/^ {2}- RF_CODEC_CORS_ORIGINS\.0: each origin a URL/),
    '  - RF_SMTP_URL: must start with smtp:// (STARTTLS when offered) or smtps:// (implicit TLS), not http://',
  ]);
}, 30_000);

test('the API without a token file, or without a key, says so and stops', async () => {
  const api = run('src/api/main.ts', { RF_ENCRYPTION_KEYS: `k=${keyBase64}` });
  expect(await api.exited).toBe(1);
  expect(api.output()).toContain('RF_API_TOKENS_FILE: the API needs a token file');
  const noKey = run('src/api/main.ts', {});
  expect(await noKey.exited).toBe(1);
  expect(noKey.output()).toContain(
    'RF_ENCRYPTION_KEYS or RF_ENCRYPTION_KEYS_FILE: an encryption key is required',
  );
}, 30_000);

test('SIGTERM while a request is in flight: no new requests, the one in flight finishes, then the API exits', async () => {
  const env = await startTemporal();
  const dir = mkdtempSync(join(tmpdir(), 'rf-sigterm-'));
  const tokensFile = join(dir, 'tokens.json');
  writeFileSync(tokensFile, JSON.stringify({ tokens: [people.caseworker] }));
  const port = await freePort();
  const taskQueue = 'sigterm';
  const keyRing = { activeKeyId: 'k', keys: new Map([['k', Buffer.from(keyBase64, 'base64')]]) };
  const api = run('src/api/main.ts', {
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_NAMESPACE: namespaceOf(env),
    RF_TASK_QUEUE: taskQueue,
    RF_ENCRYPTION_KEYS: `k=${keyBase64}`,
    RF_API_TOKENS_FILE: tokensFile,
    RF_API_PORT: String(port),
    RF_DATA_DIR: dir,
    RF_LOG_LEVEL: 'info',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (
      let i = 0;
      i < 100 &&
      !(await fetch(`${base}/healthz`)
        .then((r) => r.ok)
        .catch(() => false));
      i += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // No worker runs yet: the case is started, but the event waits for a worker to apply it.
    const authorization = `Bearer ${people.caseworker.token}`;
    const created = await fetch(`${base}/api/v1/cases`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({
        caseId: 'SIGTERM-1',
        municipality: '101',
        citizen: { cpr: '0101901234', name: 'S' },
      }),
    });
    expect(created.status).toBe(201);
    const inFlight = fetch(`${base}/api/v1/cases/SIGTERM-1/relatives`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ relativeId: 'r1', name: 'R', relation: 'friend' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    api.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();

    const worker = await createCaseWorker({
      ledger: memoryLedger(),
      connection: env.nativeConnection,
      namespace: namespaceOf(env),
      taskQueue,
      keyRing,
      mailer: new RecordingMailer(),
      directory: createDirectory({}),
      workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH },
    });
    await worker.runUntil(async () => {
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { event: { seq: number } }).event.seq).toBe(2);
      expect(await api.exited).toBe(0);
    });
    expect(api.output()).toContain('stopping: no new requests; finishing those in flight');
  } finally {
    api.child.kill('SIGKILL');
    await env.teardown();
  }
}, 60_000);
