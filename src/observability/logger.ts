import pino, { type Logger } from 'pino';
import type { LogEntry, LogLevel } from '@temporalio/worker';

export type { Logger };

/**
 * Structured JSON logs, one object per line, for every process. Personal data never goes in: code
 * logs case IDs, roles and people's user IDs, and these paths are redacted anyway should a citizen's
 * details slip into a log object.
 */
const REDACTED = [
  'cpr',
  '*.cpr',
  '*.*.cpr',
  'citizen',
  '*.citizen',
  'email',
  '*.email',
  'authorization',
  '*.authorization',
  'headers.authorization',
];

export function createLogger(level: string, name: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name,
      level: level.toLowerCase(),
      base: { service: name },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** The Temporal SDK's log entries (worker and its native core), into the same JSON log. */
export function temporalLogFunction(logger: Logger): (entry: LogEntry) => void {
  const methods: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
    TRACE: 'trace',
    DEBUG: 'debug',
    INFO: 'info',
    WARN: 'warn',
    ERROR: 'error',
  };
  return (entry) => logger[methods[entry.level]]({ ...(entry.meta ?? {}), sdk: true }, entry.message);
}

/** For tests and benchmarks: a logger that writes nothing. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
