import { ConfigError, loadConfig } from '../config';
import { loadTokenRegistry } from '../config/api-tokens';
import { createLogger } from '../observability/logger';
import { createCodecServer } from './app';

/** The codec server process: decrypts payloads for the Temporal Web UI, for administrators only. */
function main(): void {
  const config = loadConfig();
  if (!config.api.tokensFile) {
    throw new ConfigError(['RF_API_TOKENS_FILE: the codec server authenticates with the API token file']);
  }
  const tokens = loadTokenRegistry(config.api.tokensFile);
  const logger = createLogger(config.logLevel, 'codec-server');
  const app = createCodecServer({
    keyRing: config.keyRing,
    tokens,
    corsOrigins: config.codecServer.corsOrigins,
    logger,
  });
  const server = app.listen(config.codecServer.port, config.codecServer.host, () => {
    logger.info(
      { url: `http://${config.codecServer.host}:${config.codecServer.port}` },
      'codec server listening',
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

try {
  main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
