import { NativeConnection } from '@temporalio/worker';
import { ConfigError, loadAll, loadConfig } from '../src/config';
import { createMailer, describeMailConfig, loadMailConfig } from '../src/config/mail';
import { createDeliveryLedger } from '../src/notifications/ledger';
import { openDatabase } from '../src/store/database';
import { createLogger } from '../src/observability/logger';
import { installRuntime } from '../src/observability/runtime';
import { temporalConnectConfig } from '../src/temporal/connection';
import { createCaseWorker } from './create-worker';

/**
 * The worker process. On SIGTERM or SIGINT the SDK's runtime stops polling and lets the tasks in
 * hand finish (workflow tasks, and activities within their timeouts) before the process exits.
 */
async function main(): Promise<void> {
  // Every setting, mail and templates included, is checked before anything starts.
  const [config, mail] = loadAll(loadConfig, loadMailConfig);
  const logger = createLogger(config.logLevel, 'worker');
  installRuntime({
    logger,
    level: config.logLevel,
    ...(config.worker.metrics ? { metrics: config.worker.metrics } : {}),
  });
  const database = openDatabase(config.database);
  const ledger = await createDeliveryLedger(database);
  const { connectionOptions, namespace } = temporalConnectConfig();
  const connection = await NativeConnection.connect(connectionOptions);
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
        ...(config.worker.metrics
          ? { metrics: `http://${config.worker.metrics.host}:${config.worker.metrics.port}/metrics` }
          : {}),
      },
      'worker polling',
    );
    await worker.run();
    logger.info('worker stopped: tasks in hand finished');
  } finally {
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
