import { DefaultLogger, type LogEntry } from '@temporalio/worker';

/**
 * Warnings and errors from the SDK, minus one the time-skipping test server always causes (it does not
 * advertise a capability that only affects heartbeat details).
 */
export const quietLogger = new DefaultLogger('WARN', (entry: LogEntry) => {
  if (entry.message.includes('activity_failure_include_heartbeat')) return;
  console.warn(`[${entry.level}] ${entry.message}`);
});
