import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { LogLevel } from '../config';
import { type Logger, temporalLogFunction } from './logger';

/**
 * The Temporal SDK's runtime for a worker process: its logs (the native core's too) into our JSON
 * log, and its metrics — workflow and activity task latencies, the sticky cache, activity failures —
 * on a Prometheus endpoint at /metrics.
 */
export function installRuntime(options: {
  logger: Logger;
  level: LogLevel;
  metrics?: { host: string; port: number };
}) {
  Runtime.install({
    logger: new DefaultLogger(options.level, temporalLogFunction(options.logger)),
    telemetryOptions: {
      logging: {
        filter: { core: options.level === 'TRACE' ? 'DEBUG' : 'WARN', other: 'ERROR' },
        forward: {},
      },
      ...(options.metrics
        ? { metrics: { prometheus: { bindAddress: `${options.metrics.host}:${options.metrics.port}` } } }
        : {}),
    },
  });
}
