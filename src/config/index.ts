import { join } from 'node:path';
import { z } from 'zod';
import type { Ruleset } from '../domain/engine/ruleset';
import { describeIssues } from '../domain/engine/validation';
import { TASK_QUEUE } from '../messages';
import type { KeyRing } from '../temporal/encryption-codec';
import { parseKeyRing, readKeyRingFile } from './encryption-keys';
import { chooseRuleset, loadRulesets } from './rulesets';

/** Case views the API process keeps (RF_API_CACHED_VIEWS): a few KiB to a few tens of KiB each. */
export const API_CACHED_VIEWS = 2000;

/**
 * Every setting except where Temporal is (that is Temporal's own environment configuration, read by
 * src/temporal/connection.ts) and mail (src/config/mail.ts), validated with zod at start. A missing
 * or wrong setting stops the process with one line per problem.
 */
const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const count = z.coerce.number().int().min(1).max(100_000).optional();

const EnvSchema = z.object({
  RF_DATA_DIR: z.string().min(1).default('data'),
  /** The product's own tables on PostgreSQL (a cluster); without it, SQLite in the data folder. */
  RF_DATABASE_URL: z
    .url({
      protocol: /^postgres(ql)?$/,
      error: 'a PostgreSQL URL, postgres://user:password@host:5432/database',
    })
    .optional(),
  RF_TASK_QUEUE: z.string().min(1).default(TASK_QUEUE),
  RF_RULESET: z.string().min(1).default('seeds-2017'),
  RF_ENCRYPTION_KEYS: z.string().min(1).optional(),
  RF_ENCRYPTION_KEYS_FILE: z.string().min(1).optional(),
  RF_ENCRYPTION_ACTIVE_KEY: z.string().min(1).optional(),
  RF_LOG_LEVEL: z
    .string()
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'], 'one of trace, debug, info, warn, error'))
    .default('INFO'),
  RF_API_HOST: z.string().min(1).default('127.0.0.1'),
  RF_API_PORT: port(3000),
  RF_API_TOKENS_FILE: z.string().min(1).optional(),
  /** Finish requests in flight for at most this long after SIGTERM. */
  RF_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Case views the API keeps in memory, each valid while its case's history has not grown; 0: none. */
  RF_API_CACHED_VIEWS: z.coerce.number().int().min(0).max(1_000_000).default(API_CACHED_VIEWS),
  RF_WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(1_000_000).optional(),
  RF_WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: count,
  RF_WORKER_MAX_CONCURRENT_ACTIVITIES: count,
  /** The worker's Prometheus endpoint (business metrics and the Temporal SDK's); 0 switches it off. */
  RF_WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  RF_WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** How often the worker reads the deployment's case figures (breaches, escalations, mail) from visibility. */
  RF_WORKER_CASE_METRICS_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** A workflow bundle built ahead (the container image has one): the worker then starts at once. */
  RF_WORKFLOW_BUNDLE: z.string().min(1).optional(),
  RF_CODEC_HOST: z.string().min(1).default('127.0.0.1'),
  RF_CODEC_PORT: port(8888),
  /** Browser origins of the Temporal Web UI allowed to call the codec server. */
  RF_CODEC_CORS_ORIGINS: z
    .string()
    .default('http://localhost:8233,http://127.0.0.1:8233,http://localhost:8080')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.url({ protocol: /^https?$/, error: 'each origin a URL such as https://temporal-ui.kommune.dk' }),
      ),
    ),
});

export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export interface AppConfig {
  dataDir: string;
  /** The product's own database: PostgreSQL at `url`, or the SQLite file. */
  database: { url?: string; sqlitePath: string };
  taskQueue: string;
  /** The ruleset in force for new cases when the configuration was read (of `rulesets`). */
  ruleset: Ruleset;
  /** Every configured ruleset version (RF_RULESET, comma-separated): a new case gets the one in force on its day. */
  rulesets: Ruleset[];
  keyRing: KeyRing;
  logLevel: LogLevel;
  shutdownGraceMs: number;
  api: { host: string; port: number; tokensFile?: string; cachedViews: number };
  worker: {
    maxCachedWorkflows?: number;
    maxConcurrentWorkflowTaskExecutions?: number;
    maxConcurrentActivityTaskExecutions?: number;
    metrics?: { host: string; port: number; caseFiguresEveryMs: number };
    workflowBundle?: string;
  };
  codecServer: { host: string; port: number; corsOrigins: string[] };
}

/** A configuration problem that stops the process: one line per setting that is missing or wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
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
  const rulesets = attempt(() => loadRulesets(settings.RF_RULESET));
  const ruleset = rulesets && chooseRuleset(rulesets);
  const keyRing = attempt(() => loadKeyRing(settings));
  if (problems.length > 0 || !rulesets || !ruleset || !keyRing) throw new ConfigError(problems);
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
  return {
    dataDir: settings.RF_DATA_DIR,
    database: {
      ...optional('url', settings.RF_DATABASE_URL),
      sqlitePath: join(settings.RF_DATA_DIR, 'ressourceforloeb.sqlite'),
    },
    taskQueue: settings.RF_TASK_QUEUE,
    ruleset,
    rulesets,
    keyRing,
    logLevel: settings.RF_LOG_LEVEL,
    shutdownGraceMs: settings.RF_SHUTDOWN_GRACE_SECONDS * 1000,
    api: {
      host: settings.RF_API_HOST,
      port: settings.RF_API_PORT,
      cachedViews: settings.RF_API_CACHED_VIEWS,
      ...optional('tokensFile', settings.RF_API_TOKENS_FILE),
    },
    worker: {
      ...optional('maxCachedWorkflows', settings.RF_WORKER_MAX_CACHED_WORKFLOWS),
      ...optional('maxConcurrentWorkflowTaskExecutions', settings.RF_WORKER_MAX_CONCURRENT_WORKFLOW_TASKS),
      ...optional('maxConcurrentActivityTaskExecutions', settings.RF_WORKER_MAX_CONCURRENT_ACTIVITIES),
      ...(settings.RF_WORKER_METRICS_PORT > 0
        ? {
            metrics: {
              host: settings.RF_WORKER_METRICS_HOST,
              port: settings.RF_WORKER_METRICS_PORT,
              caseFiguresEveryMs: settings.RF_WORKER_CASE_METRICS_SECONDS * 1000,
            },
          }
        : {}),
      ...optional('workflowBundle', settings.RF_WORKFLOW_BUNDLE),
    },
    codecServer: {
      host: settings.RF_CODEC_HOST,
      port: settings.RF_CODEC_PORT,
      corsOrigins: settings.RF_CODEC_CORS_ORIGINS,
    },
  };
}

/**
 * Runs several loaders and reports the problems of all of them at once, so an operator fixes the
 * whole configuration in one go rather than one error per restart.
 */
export function loadAll<T extends unknown[]>(...loaders: { [K in keyof T]: () => T[K] }): T {
  const problems: string[] = [];
  const results = loaders.map((load) => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return results as T;
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
