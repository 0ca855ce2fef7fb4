import { CaseService } from '../client/case-service';
import { ConfigError, loadConfig } from '../config';
import { loadTokenRegistry } from '../config/api-tokens';
import { loadMailConfig } from '../config/mail';
import { connectClient } from '../temporal/connection';
import { createApp } from './app';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.apiTokensFile) {
    throw new ConfigError([
      'RF_API_TOKENS_FILE: the API needs a token file (npm start creates a development one)',
    ]);
  }
  const tokens = loadTokenRegistry(config.apiTokensFile);
  const mail = loadMailConfig();
  const client = await connectClient(config.keyRing);
  const app = createApp({
    cases: new CaseService(client, config.taskQueue),
    ruleset: config.ruleset,
    tokens,
    ...(mail.transport.kind === 'outbox' ? { outboxDir: mail.transport.dir } : {}),
  });
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
  console.error(
    error instanceof ConfigError || (error as Error).message?.includes('token file')
      ? (error as Error).message
      : error,
  );
  process.exit(1);
});
