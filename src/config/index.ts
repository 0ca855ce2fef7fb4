import { join } from 'node:path';
import { z } from 'zod';
import type { Ruleset } from '../domain/ruleset';
import { describeIssues } from '../domain/validation';
import { TASK_QUEUE } from '../messages';
import type { KeyRing } from '../temporal/encryption-codec';
import { parseKeyRing, readKeyRingFile } from './encryption-keys';
import { loadRuleset } from './rulesets';

const EnvSchema = z.object({
  RF_DATA_DIR: z.string().min(1).default('data'),
  RF_TASK_QUEUE: z.string().min(1).default(TASK_QUEUE),
  RF_API_HOST: z.string().min(1).default('127.0.0.1'),
  RF_API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  RF_RULESET: z.string().min(1).default('seeds-2017'),
  RF_ENCRYPTION_KEYS: z.string().min(1).optional(),
  RF_ENCRYPTION_KEYS_FILE: z.string().min(1).optional(),
  RF_ENCRYPTION_ACTIVE_KEY: z.string().min(1).optional(),
  RF_OUTBOX_DIR: z.string().min(1).optional(),
  RF_LOG_LEVEL: z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  RF_API_TOKENS_FILE: z.string().min(1).optional(),
});

export interface AppConfig {
  dataDir: string;
  taskQueue: string;
  api: { host: string; port: number };
  ruleset: Ruleset;
  keyRing: KeyRing;
  outboxDir: string;
  logLevel: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** The API's bearer tokens (the worker needs none). */
  apiTokensFile?: string;
}

/** A configuration problem that stops the process: one line per setting that is missing or wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(describeIssues(parsed.error));
  }
  const settings = parsed.data;
  const problems: string[] = [];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      problems.push((error as Error).message);
      return undefined;
    }
  };
  const ruleset = attempt(() => loadRuleset(settings.RF_RULESET));
  const keyRing = attempt(() => loadKeyRing(settings));
  if (problems.length > 0 || !ruleset || !keyRing) throw new ConfigError(problems);
  return {
    dataDir: settings.RF_DATA_DIR,
    taskQueue: settings.RF_TASK_QUEUE,
    api: { host: settings.RF_API_HOST, port: settings.RF_API_PORT },
    ruleset,
    keyRing,
    outboxDir: settings.RF_OUTBOX_DIR ?? join(settings.RF_DATA_DIR, 'outbox'),
    logLevel: settings.RF_LOG_LEVEL,
    ...(settings.RF_API_TOKENS_FILE ? { apiTokensFile: settings.RF_API_TOKENS_FILE } : {}),
  };
}

export function localKeyFilePath(dataDir: string): string {
  return join(dataDir, 'encryption-keys.json');
}

export function localTokensFilePath(dataDir: string): string {
  return join(dataDir, 'api-tokens.json');
}

function loadKeyRing(settings: z.infer<typeof EnvSchema>): KeyRing {
  if (settings.RF_ENCRYPTION_KEYS)
    return parseKeyRing(settings.RF_ENCRYPTION_KEYS, settings.RF_ENCRYPTION_ACTIVE_KEY);
  if (settings.RF_ENCRYPTION_KEYS_FILE) return readKeyRingFile(settings.RF_ENCRYPTION_KEYS_FILE);
  throw new Error(
    'RF_ENCRYPTION_KEYS or RF_ENCRYPTION_KEYS_FILE: an encryption key is required (npm start creates a local one)',
  );
}
