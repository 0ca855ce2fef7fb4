import { DefaultLogger, type LogEntry, Runtime } from '@temporalio/worker';

/**
 * SDK warnings and errors, including those of the native core, minus one the time-skipping test
 * server always causes (it does not advertise a capability that only affects heartbeat details).
 */
export function installQuietRuntime(): void {
  const logger = new DefaultLogger('WARN', (entry: LogEntry) => {
    if (entry.message.includes('activity_failure_include_heartbeat')) return;
    console.warn(`[${entry.level}] ${entry.message}`, entry.meta ?? '');
  });
  Runtime.install({
    logger,
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
  });
}
