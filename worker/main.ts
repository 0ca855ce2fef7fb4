import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { ConfigError, loadConfig } from '../src/config';
import { createOutboxMailer } from '../src/notifications/outbox';
import { temporalConnectConfig } from '../src/temporal/connection';
import { createDirectory } from '../src/notifications/directory';
import { createCaseWorker } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfig();
  Runtime.install({ logger: new DefaultLogger(config.logLevel) });
  const { connectionOptions, namespace } = temporalConnectConfig();
  const connection = await NativeConnection.connect(connectionOptions);
  try {
    const worker = await createCaseWorker({
      connection,
      namespace,
      taskQueue: config.taskQueue,
      keyRing: config.keyRing,
      mailer: createOutboxMailer(config.outboxDir, 'ressourceforloeb@kommune.invalid'),
      directory: createDirectory({}),
    });
    console.log(`worker polling task queue "${config.taskQueue}" in namespace "${namespace}"`);
    await worker.run();
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
