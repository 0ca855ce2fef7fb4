import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { z } from 'zod';
import { localKeyFilePath, localTokensFilePath } from '../src/config';
import { ensureDevTokens } from '../src/config/api-tokens';
import { ensureLocalKeyFile } from '../src/config/encryption-keys';
import { TASK_QUEUE } from '../src/messages';
import {
  APP_DATABASE,
  appDatabaseUrl,
  type ClusterState,
  describeCluster,
  portsAround,
  setupNamespace,
  startCluster,
  stopCluster,
  temporalServerCommand,
  temporalServerEnv,
  temporalUiConfig,
  temporalUiEnv,
  waitForTemporal,
} from './lib/cluster';
import {
  ensurePostgres,
  ensureTemporalServer,
  ensureTemporalUi,
  requireTemporalUi,
} from './lib/cluster-binaries';
import { MissingBinaryError } from './lib/install';
import { DataDirInUseError, lockDataDir } from './lib/data-lock';
import { isPortFree, Supervisor, waitFor } from './lib/processes';
import { ensureTemporalCli } from './lib/temporal-binaries';

/**
 * `npm run cluster`: the product on a local Temporal cluster shaped like the compose deployment —
 * PostgreSQL, the Temporal server with SQL visibility, two workers sharing the task queue, the API
 * and the codec server, each its own process. Ctrl-C stops them all, the application first and
 * PostgreSQL last. Cases are kept in RF_CLUSTER_DIR between runs.
 */
const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const Settings = z.object({
  RF_DATA_DIR: z.string().min(1).default('data'),
  RF_CLUSTER_DIR: z.string().min(1).optional(),
  RF_API_PORT: port(3000),
  RF_TEMPORAL_PORT: port(7233),
  RF_POSTGRES_PORT: port(55432),
  RF_CODEC_PORT: port(8888),
  RF_TEMPORAL_UI_PORT: port(8233),
  RF_WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65534).default(9464),
});

const projectRoot = resolve(__dirname, '..');
const tsx = require.resolve('tsx/cli');
const NAMESPACE = 'default';
let cluster: ClusterState | undefined;

async function main(): Promise<void> {
  const settings = Settings.parse(process.env);
  const dataDir = resolve(settings.RF_DATA_DIR);
  lockDataDir(dataDir, 'npm run cluster');
  const clusterDir = resolve(settings.RF_CLUSTER_DIR ?? join(dataDir, 'cluster'));
  ensureTemporalCli();
  ensureTemporalServer();
  ensurePostgres();
  ensureTemporalUi();

  const ports = portsAround(settings.RF_TEMPORAL_PORT, settings.RF_POSTGRES_PORT);
  const metricsPorts =
    settings.RF_WORKER_METRICS_PORT > 0
      ? [settings.RF_WORKER_METRICS_PORT, settings.RF_WORKER_METRICS_PORT + 1]
      : [];
  for (const [name, used] of [
    ['PostgreSQL', ports.postgres],
    ...Object.entries(ports)
      .filter(([key]) => key !== 'postgres')
      .map(([key, value]) => [`Temporal (${key})`, value] as const),
    ['Temporal UI', settings.RF_TEMPORAL_UI_PORT],
    ['API', settings.RF_API_PORT],
    ['codec server', settings.RF_CODEC_PORT],
    ...metricsPorts.map((value, index) => [`worker ${index + 1} metrics`, value] as const),
  ] as const) {
    if (!(await isPortFree(used))) {
      throw new StartError(
        `port ${used} for ${name} is in use: stop what uses it, or set another port (see README, "Run on a local cluster")`,
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

  console.log(`Starting PostgreSQL and applying Temporal's schema in ${clusterDir} …`);
  cluster = await startCluster({ dir: clusterDir, ports, startServer: false });
  const { command, args } = temporalServerCommand(cluster);
  supervisor.start('temporal', command, args, {
    ...process.env,
    // Errors only: at warn the server reports every dial while its services find each other.
    ...temporalServerEnv(cluster, process.env.RF_TEMPORAL_LOG_LEVEL ?? 'error'),
  });
  cluster.temporal.version = await waitForTemporal(cluster);
  setupNamespace(cluster, NAMESPACE, () => undefined);

  const outboxDir = join(clusterDir, 'outbox');
  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: cluster.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    RF_DATA_DIR: dataDir,
    RF_OUTBOX_DIR: outboxDir,
    RF_ENCRYPTION_KEYS_FILE: keyFile,
    RF_API_TOKENS_FILE: tokensFile,
    RF_API_PORT: String(settings.RF_API_PORT),
    RF_CODEC_PORT: String(settings.RF_CODEC_PORT),
    RF_CODEC_CORS_ORIGINS: `http://localhost:${settings.RF_TEMPORAL_UI_PORT},http://127.0.0.1:${settings.RF_TEMPORAL_UI_PORT}`,
    // The application's own database: the mail ledger (workers) and the waiting-times projection (API).
    RF_DATABASE_URL: appDatabaseUrl(cluster),
    RF_LOG_LEVEL: process.env.RF_LOG_LEVEL ?? 'WARN',
  };
  for (const [index, metrics] of (metricsPorts.length > 0 ? metricsPorts : [0, 0]).entries()) {
    supervisor.start(`worker-${index + 1}`, process.execPath, [tsx, join(projectRoot, 'worker/main.ts')], {
      ...env,
      RF_WORKER_METRICS_PORT: String(metrics),
    });
  }
  supervisor.start('api', process.execPath, [tsx, join(projectRoot, 'src/api/main.ts')], env);
  supervisor.start('codec', process.execPath, [tsx, join(projectRoot, 'src/codec-server/main.ts')], env);
  const ui = requireTemporalUi();
  const uiConfig = temporalUiConfig(clusterDir, ui.template);
  supervisor.start('ui', ui.server, uiConfig.args, {
    ...process.env,
    ...temporalUiEnv(cluster.address, settings.RF_TEMPORAL_UI_PORT, settings.RF_CODEC_PORT),
  });
  const uiUrl = `http://127.0.0.1:${settings.RF_TEMPORAL_UI_PORT}`;
  const api = `http://127.0.0.1:${settings.RF_API_PORT}`;
  await waitFor('the API', async () => (await fetch(`${api}/healthz`)).ok, 120_000);
  await waitFor('the Temporal UI', async () => (await fetch(uiUrl)).ok, 60_000);
  await waitFor('both workers', () => pollers(cluster!.address).then((count) => count >= 2), 120_000);

  console.log(
    [
      '',
      'Ressourceforløb is running on a local cluster:',
      `  ${describeCluster(cluster)}`,
      `  API          ${api}/api/v1/cases (docs: ${api}/docs)`,
      `  Temporal UI  ${uiUrl}`,
      `  Workers      2 on task queue ${TASK_QUEUE}${metricsPorts.length > 0 ? `, metrics at ${metricsPorts.map((value) => `http://127.0.0.1:${value}/metrics`).join(' and ')}` : ''}`,
      `  PostgreSQL   127.0.0.1:${ports.postgres} (Temporal's databases and ${APP_DATABASE}; data in ${join(clusterDir, 'postgres')})`,
      `  Mail outbox  ${outboxDir}`,
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

/** How many workers poll the case task queue. */
async function pollers(address: string): Promise<number> {
  const connection = await Connection.connect({ address });
  try {
    const response = await connection.workflowService.describeTaskQueue({
      namespace: NAMESPACE,
      taskQueue: { name: TASK_QUEUE },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    return new Set(response.pollers.map((poller) => poller.identity)).size;
  } finally {
    await connection.close();
  }
}

class StartError extends Error {}

const supervisor = new Supervisor((name, code) => {
  console.error(`${name} exited unexpectedly (code ${code}); stopping everything.`);
  void stop(1);
});

let stopping: Promise<void> | undefined;
async function stop(code: number): Promise<void> {
  stopping ??= (async () => {
    console.log('Stopping the application, the Temporal server and PostgreSQL …');
    await supervisor.stopAll();
    if (cluster) {
      // The server was the supervisor's; only PostgreSQL is left.
      delete cluster.temporal.pid;
      await stopCluster(cluster);
    }
  })();
  await stopping;
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
