import type { Server } from 'node:http';
import { CaseService } from '../client/case-service';
import { ConfigError, loadAll, loadConfig } from '../config';
import { loadTokenRegistry } from '../config/api-tokens';
import { loadMailConfig } from '../config/mail';
import { createHttpMetrics } from '../observability/http-metrics';
import { createLogger, type Logger } from '../observability/logger';
import { createWaitingTimesProjection } from '../reporting/projection';
import { rebuildWhenEmpty } from '../reporting/rebuild';
import { openDatabase } from '../store/database';
import { connectClient } from '../temporal/connection';
import { createApp } from './app';

/**
 * The API process. On SIGTERM or SIGINT it stops taking requests (/readyz answers 503, the listener
 * closes), lets the requests in flight finish — up to RF_SHUTDOWN_GRACE_SECONDS — and then exits.
 */
async function main(): Promise<void> {
  const [config, mail] = loadAll(loadConfig, loadMailConfig);
  if (!config.api.tokensFile) {
    throw new ConfigError([
      'RF_API_TOKENS_FILE: the API needs a token file (npm start creates a development one)',
    ]);
  }
  const tokens = (() => {
    try {
      return loadTokenRegistry(config.api.tokensFile);
    } catch (error) {
      throw new ConfigError([`RF_API_TOKENS_FILE: ${(error as Error).message}`]);
    }
  })();
  const logger = createLogger(config.logLevel, 'api');
  const client = await connectClient(config.keyRing);
  let stopping = false;
  const cases = new CaseService(client, config.taskQueue, {
    // Every API process signs page tokens alike, so any of them can continue a list.
    pageTokenSecret: config.keyRing.keys.get(config.keyRing.activeKeyId),
    cachedViews: config.api.cachedViews,
  });
  const waitingTimes = createWaitingTimesProjection(openDatabase(config.database), logger);
  rebuildWhenEmpty(waitingTimes, cases, logger);
  const app = createApp({
    cases,
    waitingTimes,
    ruleset: config.ruleset,
    rulesets: config.rulesets,
    tokens,
    logger,
    metrics: createHttpMetrics(),
    isStopping: () => stopping,
    ...(mail.transport.kind === 'outbox' ? { outboxDir: mail.transport.dir } : {}),
  });
  const server = app.listen(config.api.port, config.api.host, () => {
    logger.info({ url: `http://${config.api.host}:${config.api.port}` }, 'API listening');
  });
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void shutDown(server, logger, signal, config.shutdownGraceMs).then(async () => {
      await client.connection.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** Stops taking connections, lets the requests in flight finish, and gives up on them after the grace period. */
function shutDown(server: Server, logger: Logger, signal: string, graceMs: number): Promise<void> {
  logger.info({ signal }, 'stopping: no new requests; finishing those in flight');
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      logger.warn({ graceMs }, 'grace period over: closing the connections still open');
      server.closeAllConnections();
    }, graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      logger.info('API stopped');
      resolve();
    });
    server.closeIdleConnections();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
