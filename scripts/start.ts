import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { z } from 'zod';
import { localKeyFilePath, localTokensFilePath } from '../src/config';
import { ensureDevTokens } from '../src/config/api-tokens';
import { ensureLocalKeyFile } from '../src/config/encryption-keys';
import { TASK_QUEUE } from '../src/messages';
import { DataDirInUseError, lockDataDir } from './lib/data-lock';
import { devServerArgs } from './lib/dev-server';
import { isPortFree, Supervisor, waitFor } from './lib/processes';
import { ensureTemporalCli, MissingBinaryError } from './lib/temporal-binaries';

/**
 * `npm start`: the whole system on one machine. A Temporal dev server persisting to SQLite under
 * data/, the worker and the HTTP API, each its own process; Ctrl-C stops them all, API first.
 */
const Settings = z.object({
  RF_DATA_DIR: z.string().min(1).default('data'),
  RF_API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  RF_TEMPORAL_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  RF_TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
  RF_CODEC_PORT: z.coerce.number().int().min(1).max(65535).default(8888),
  RF_WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
});

const projectRoot = resolve(__dirname, '..');
const tsx = require.resolve('tsx/cli');

async function main(): Promise<void> {
  const settings = Settings.parse(process.env);
  const dataDir = resolve(settings.RF_DATA_DIR);
  lockDataDir(dataDir, 'npm start');
  const temporal = ensureTemporalCli();

  for (const [name, port] of [
    ['Temporal', settings.RF_TEMPORAL_PORT],
    ['Temporal UI', settings.RF_TEMPORAL_UI_PORT],
    ['API', settings.RF_API_PORT],
    ['codec server', settings.RF_CODEC_PORT],
    ...(settings.RF_WORKER_METRICS_PORT > 0
      ? [['worker metrics', settings.RF_WORKER_METRICS_PORT] as const]
      : []),
  ] as const) {
    if (!(await isPortFree(port))) {
      throw new StartError(
        `port ${port} for the ${name} is in use: stop what uses it, or set another port (see README)`,
      );
    }
  }

  const tokensFile = localTokensFilePath(dataDir);
  const devTokens = ensureDevTokens(tokensFile);
  const keyFile = localKeyFilePath(dataDir);
  if (ensureLocalKeyFile(keyFile).created) {
    console.log(
      `Created a local encryption key in ${keyFile}. Keep it: without it the stored cases cannot be read.`,
    );
  }

  const address = `127.0.0.1:${settings.RF_TEMPORAL_PORT}`;
  supervisor.start(
    'temporal',
    temporal,
    devServerArgs({
      port: settings.RF_TEMPORAL_PORT,
      dbFile: join(dataDir, 'temporal.sqlite'),
      // The Web UI decrypts case data through the codec server, for a signed-in administrator.
      ui: { port: settings.RF_TEMPORAL_UI_PORT, codecEndpoint: `http://127.0.0.1:${settings.RF_CODEC_PORT}` },
    }),
    process.env,
  );
  await waitFor('the Temporal dev server', async () => {
    const connection = await Connection.connect({ address, connectTimeout: 1000 });
    try {
      await connection.workflowService.describeNamespace({ namespace: 'default' });
      return true;
    } finally {
      await connection.close();
    }
  });

  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: 'default',
    RF_DATA_DIR: dataDir,
    RF_ENCRYPTION_KEYS_FILE: keyFile,
    RF_API_TOKENS_FILE: tokensFile,
    RF_API_PORT: String(settings.RF_API_PORT),
    RF_LOG_LEVEL: process.env.RF_LOG_LEVEL ?? 'WARN',
    RF_CODEC_PORT: String(settings.RF_CODEC_PORT),
    RF_CODEC_CORS_ORIGINS: `http://localhost:${settings.RF_TEMPORAL_UI_PORT},http://127.0.0.1:${settings.RF_TEMPORAL_UI_PORT}`,
    RF_WORKER_METRICS_PORT: String(settings.RF_WORKER_METRICS_PORT),
  };
  supervisor.start('worker', process.execPath, [tsx, join(projectRoot, 'worker/main.ts')], env);
  supervisor.start('api', process.execPath, [tsx, join(projectRoot, 'src/api/main.ts')], env);
  supervisor.start('codec', process.execPath, [tsx, join(projectRoot, 'src/codec-server/main.ts')], env);
  const api = `http://127.0.0.1:${settings.RF_API_PORT}`;
  await waitFor('the API', async () => (await fetch(`${api}/healthz`)).ok);
  await waitFor('the worker', () => workerIsPolling(address));

  console.log(
    [
      '',
      'Ressourceforløb is running:',
      `  Worklist     ${api}/ (staff pages: sign in with a token below)`,
      `  API          ${api}/api/v1/cases`,
      `  Temporal UI  http://127.0.0.1:${settings.RF_TEMPORAL_UI_PORT}`,
      `  Temporal     ${address} (SQLite: ${join(dataDir, 'temporal.sqlite')})`,
      `  Mail outbox  ${join(dataDir, 'outbox')}`,
      `  API docs     ${api}/docs`,
      `  Metrics      ${api}/metrics (API), ${settings.RF_WORKER_METRICS_PORT > 0 ? `http://127.0.0.1:${settings.RF_WORKER_METRICS_PORT}/metrics (worker)` : 'worker metrics off'}`,
      `  Codec server http://127.0.0.1:${settings.RF_CODEC_PORT}/login (sign in with the admin token to read cases in the Web UI)`,
      '',
      `Development tokens (${tokensFile}${devTokens.created ? ', created now' : ''}):`,
      ...devTokens.tokens.map(
        (entry) =>
          `  ${entry.role.padEnd(10)} ${entry.municipality.padEnd(3)} ${entry.person.padEnd(18)} ${entry.token}`,
      ),
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

async function workerIsPolling(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address });
  try {
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace: 'default',
      taskQueue: { name: TASK_QUEUE },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    return pollers.length > 0;
  } finally {
    await connection.close();
  }
}

class StartError extends Error {}

const supervisor = new Supervisor((name, code) => {
  console.error(`${name} exited unexpectedly (code ${code}); stopping everything.`);
  void stop(1);
});

async function stop(code: number): Promise<void> {
  console.log('Stopping the API, the worker and Temporal …');
  await supervisor.stopAll();
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

main().catch(async (error: unknown) => {
  if (error instanceof DataDirInUseError) {
    // Nothing was started: one line, and out.
    console.error(error.message);
    process.exit(1);
  }
  const known = error instanceof StartError || error instanceof MissingBinaryError;
  console.error(known ? error.message : error);
  await stop(1);
});
