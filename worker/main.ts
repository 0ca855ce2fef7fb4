import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { ConfigError, loadAll, loadConfig } from '../src/config';
import { createMailer, describeMailConfig, loadMailConfig } from '../src/config/mail';
import { createDeliveryLedger } from '../src/notifications/ledger';
import { openDatabase } from '../src/store/database';
import { createLogger } from '../src/observability/logger';
import { installRuntime } from '../src/observability/runtime';
import {
  createBusinessMetrics,
  freeLocalPort,
  pollCaseFigures,
  serveWorkerMetrics,
} from '../src/observability/business-metrics';
import { temporalConnectConfig } from '../src/temporal/connection';
import { createDataConverter } from '../src/temporal/data-converter';
import { createCaseWorker } from './create-worker';

/**
 * The worker process. On SIGTERM or SIGINT the SDK's runtime stops polling and lets the tasks in
 * hand finish (workflow tasks, and activities within their timeouts) before the process exits.
 */
async function main(): Promise<void> {
  // Every setting, mail and templates included, is checked before anything starts.
  const [config, mail] = loadAll(loadConfig, loadMailConfig);
  const logger = createLogger(config.logLevel, 'worker');
  const metricsConfig = config.worker.metrics;
  // The SDK's exporter listens privately; the worker's one endpoint serves its series after ours.
  const sdkMetricsPort = metricsConfig ? await freeLocalPort() : undefined;
  installRuntime({
    logger,
    level: config.logLevel,
    ...(sdkMetricsPort ? { metrics: { host: '127.0.0.1', port: sdkMetricsPort } } : {}),
  });
  const metrics = createBusinessMetrics();
  const database = openDatabase(config.database);
  const ledger = await createDeliveryLedger(database);
  const { connectionOptions, namespace } = temporalConnectConfig();
  const connection = await NativeConnection.connect(connectionOptions);
  const metricsServer = metricsConfig
    ? await serveWorkerMetrics({
        host: metricsConfig.host,
        port: metricsConfig.port,
        metrics,
        sdkMetricsUrl: `http://127.0.0.1:${sdkMetricsPort}/metrics`,
      })
    : undefined;
  const caseFigures = metricsConfig
    ? pollCaseFigures({
        client: new Client({ connection, namespace, dataConverter: createDataConverter(config.keyRing) }),
        metrics,
        logger,
        intervalMs: metricsConfig.caseFiguresEveryMs,
      })
    : undefined;
  try {
    const { maxCachedWorkflows, maxConcurrentWorkflowTaskExecutions, maxConcurrentActivityTaskExecutions } =
      config.worker;
    const worker = await createCaseWorker({
      connection,
      namespace,
      taskQueue: config.taskQueue,
      keyRing: config.keyRing,
      mailer: createMailer(mail),
      ledger,
      directory: mail.directory,
      templates: mail.templates,
      messageIdDomain: mail.messageIdDomain,
      metrics,
      ...(config.worker.workflowBundle ? { workflowBundle: { codePath: config.worker.workflowBundle } } : {}),
      tuning: {
        ...(maxCachedWorkflows !== undefined ? { maxCachedWorkflows } : {}),
        ...(maxConcurrentWorkflowTaskExecutions ? { maxConcurrentWorkflowTaskExecutions } : {}),
        ...(maxConcurrentActivityTaskExecutions ? { maxConcurrentActivityTaskExecutions } : {}),
      },
    });
    logger.info({ mail: describeMailConfig(mail), database: database.describe() }, 'mail configured');
    logger.info(
      {
        taskQueue: config.taskQueue,
        namespace,
        ...(metricsConfig ? { metrics: `http://${metricsConfig.host}:${metricsConfig.port}/metrics` } : {}),
      },
      'worker polling',
    );
    await worker.run();
    logger.info('worker stopped: tasks in hand finished');
  } finally {
    caseFigures?.stop();
    metricsServer?.close();
    await connection.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
