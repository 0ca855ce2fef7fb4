import { CaseService } from '../client/case-service';
import { ConfigError, loadConfig } from '../config';
import { connectClient } from '../temporal/connection';
import { createApp } from './app';

async function main(): Promise<void> {
  const config = loadConfig();
  const client = await connectClient(config.keyRing);
  const app = createApp({ cases: new CaseService(client, config.taskQueue), ruleset: config.ruleset });
  const server = app.listen(config.api.port, config.api.host, () => {
    console.log(`API listening on http://${config.api.host}:${config.api.port}`);
  });
  const stop = () => {
    server.close(() => void client.connection.close().finally(() => process.exit(0)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
