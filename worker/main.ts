import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { ConfigError, loadConfig } from '../src/config';
import { createMailer, describeMailConfig, loadMailConfig } from '../src/config/mail';
import { temporalConnectConfig } from '../src/temporal/connection';
import { createCaseWorker } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfig();
  // Mail settings, templates and the directory are checked before anything starts.
  const mail = loadMailConfig();
  Runtime.install({ logger: new DefaultLogger(config.logLevel) });
  const { connectionOptions, namespace } = temporalConnectConfig();
  const connection = await NativeConnection.connect(connectionOptions);
  try {
    const worker = await createCaseWorker({
      connection,
      namespace,
      taskQueue: config.taskQueue,
      keyRing: config.keyRing,
      mailer: createMailer(mail),
      directory: mail.directory,
      templates: mail.templates,
      messageIdDomain: mail.messageIdDomain,
    });
    console.log(describeMailConfig(mail));
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
