import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { Connection } from '@temporalio/client';
import { DefaultLogger, type LogEntry, Runtime } from '@temporalio/worker';
import { bundleAll } from './lib/bundles';
import { installedTemporalServerVersion } from '../scripts/lib/cluster';
import type { RunContext } from './lib/context';
import { renderProfiles, summariseProfiles } from './lib/profile-summary';
import { machineInfo, type PartResult, renderTable } from './lib/report';
import { round } from './lib/stats';
import { killServersNow, startDevServer, stopAllServers } from './lib/temporal-server';
import { killWorkersNow } from './lib/worker-host';
import { runEvents } from './parts/events';
import { runScale } from './parts/scale';
import { runSimulation } from './parts/simulation';
import { runStarts } from './parts/starts';
import { runStorm } from './parts/storm';
import { runWorklist } from './parts/worklist';

/**
 * `npm run bench [-- <part>… [--n N] [--concurrency C] [--profile] …]`: runs the benchmark parts (all
 * by default), prints a table, and writes every figure with the machine and versions to
 * bench/results/. See the Benchmarks section of README.md.
 */
const usage = `usage: npm run bench [-- [starts|events|storm|scale|simulation|worklist]… [options]]

  --n N             the part's size (starts: workflows per kind; events: requests per kind;
                    storm: cases; scale: cases to open; simulation: fleksjob years;
                    worklist: open cases in the municipality)
  --concurrency C   requests in flight (starts, scale); events are sent one at a time unless given
  --rounds R        starts: alternating blocks per kind (default 4)
  --minutes M       scale: stop opening cases after M minutes (default 40)
  --db memory|file  scale: the dev server's store (default file: a SQLite file, its size reported)
  --server dev|cluster  the Temporal every part runs against: the CLI's dev server (default), or a
                    fresh local cluster (Temporal server on PostgreSQL, as npm run cluster)
  --cache K         scale: the case worker's maxCachedWorkflows (default: the worker's, from its heap limit)
  --profile         write CPU profiles of the worker and of this process to bench/results/profiles/
  --keep            keep the run's scratch folder (outboxes, SQLite files) under bench/results/
  --help`;

interface Options {
  n?: number;
  concurrency?: number;
  rounds?: number;
  minutes?: number;
  cache?: number;
  db: 'memory' | 'file';
  server: 'dev' | 'cluster';
  profile: boolean;
  keep: boolean;
}

const defaults = {
  starts: { n: 1000, concurrency: 16 },
  events: { n: 400, concurrency: 1 },
  storm: { n: 500 },
  scale: { n: 10_000, concurrency: 32 },
  simulation: { n: 20 },
  worklist: { n: 2000 },
} as const;

type PartName = keyof typeof defaults;
const partNames = Object.keys(defaults) as PartName[];

const argsConfig = {
  allowPositionals: true,
  options: {
    n: { type: 'string' },
    concurrency: { type: 'string' },
    rounds: { type: 'string' },
    minutes: { type: 'string' },
    cache: { type: 'string' },
    db: { type: 'string' },
    server: { type: 'string' },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
} as const;

function parse(): { parts: PartName[]; options: Options } {
  let parsed: ReturnType<typeof parseArgs<typeof argsConfig>>;
  try {
    parsed = parseArgs(argsConfig);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const unknown = positionals.filter((name) => !partNames.includes(name as PartName));
  if (unknown.length > 0) throw new UsageError(`unknown part ${unknown.join(', ')}`);
  const positive = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1) throw new UsageError(`--${name} must be a positive integer`);
    return number;
  };
  if (values.db !== undefined && values.db !== 'memory' && values.db !== 'file')
    throw new UsageError('--db is memory or file');
  if (values.server !== undefined && values.server !== 'dev' && values.server !== 'cluster')
    throw new UsageError('--server is dev or cluster');
  // The cluster keeps its history and visibility in PostgreSQL: there is no store to choose.
  if (values.db !== undefined && values.server === 'cluster')
    throw new UsageError("--db chooses the dev server's store; the cluster keeps its data in PostgreSQL");
  return {
    parts: positionals.length > 0 ? (positionals as PartName[]) : partNames,
    options: {
      ...(values.n ? { n: positive('n', values.n) } : {}),
      ...(values.concurrency ? { concurrency: positive('concurrency', values.concurrency) } : {}),
      ...(values.rounds ? { rounds: positive('rounds', values.rounds) } : {}),
      ...(values.minutes ? { minutes: positive('minutes', values.minutes) } : {}),
      ...(values.cache ? { cache: positive('cache', values.cache) } : {}),
      db: (values.db as 'memory' | 'file' | undefined) ?? 'file',
      server: (values.server as 'dev' | 'cluster' | undefined) ?? 'dev',
      profile: values.profile,
      keep: values.keep,
    },
  };
}

class UsageError extends Error {}

async function runPart(name: PartName, context: RunContext, options: Options): Promise<PartResult> {
  const n = options.n ?? defaults[name].n;
  switch (name) {
    case 'starts':
      return runStarts(context, {
        n,
        concurrency: options.concurrency ?? defaults.starts.concurrency,
        rounds: options.rounds ?? 4,
      });
    case 'events':
      return runEvents(context, { n, concurrency: options.concurrency ?? defaults.events.concurrency });
    case 'storm':
      return runStorm(context, { n });
    case 'scale':
      return runScale(context, {
        n,
        concurrency: options.concurrency ?? defaults.scale.concurrency,
        minutes: options.minutes ?? 40,
        db: options.db,
        ...(options.cache ? { cache: options.cache } : {}),
      });
    case 'simulation':
      return runSimulation(context, { years: n });
    case 'worklist':
      return runWorklist(context, { n, requests: 100 });
  }
}

/**
 * The Temporal server's version. The cluster's binary says it without starting (a cluster is
 * PostgreSQL and the server: about 20 s to start); the dev server is asked over gRPC.
 */
async function serverVersion(kind: 'dev' | 'cluster'): Promise<string | undefined> {
  if (kind === 'cluster') return installedTemporalServerVersion();
  const server = await startDevServer();
  try {
    const connection = await Connection.connect({ address: server.address });
    try {
      const info = await connection.workflowService.getClusterInfo({});
      return info.serverVersion ?? undefined;
    } finally {
      await connection.close();
    }
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const { parts, options } = parse();
  const began = Date.now();
  const runId = new Date(began).toISOString().replace(/[:.]/g, '-');
  const resultsDir = join(__dirname, 'results');
  const workDir = join(resultsDir, `work-${runId}`);
  mkdirSync(workDir, { recursive: true });
  // The SDK core's warnings and errors, without the one the time-skipping server always causes.
  Runtime.install({
    logger: new DefaultLogger('WARN', (entry: LogEntry) => {
      if (entry.message.includes('activity_failure_include_heartbeat')) return;
      const failure = (entry.meta as { failure?: string; error?: unknown } | undefined) ?? {};
      const detail = failure.failure ?? (failure.error instanceof Error ? failure.error.message : '');
      process.stderr.write(
        `[${entry.level}] ${entry.message}${detail ? `: ${String(detail).split('\n')[0]}` : ''}\n`,
      );
    }),
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
  });
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  console.log(`${command}\nparts: ${parts.join(', ')}; results in ${relative(process.cwd(), resultsDir)}/`);
  const context: RunContext = {
    runId,
    resultsDir,
    workDir,
    bundles: await bundleAll(join(workDir, 'bundles')),
    server: options.server,
    ...(options.profile ? { profileDir: join(resultsDir, 'profiles', runId) } : {}),
  };
  const machine = machineInfo(await serverVersion(options.server), options.server);
  const results: PartResult[] = [];
  const failures: Record<string, string> = {};
  for (const name of parts) {
    console.log(`\n▶ ${name}`);
    try {
      const result = await runPart(name, context, options);
      results.push(result);
      console.log(renderTable([result]));
      console.log(`  (${result.wallSeconds} s)`);
    } catch (error) {
      failures[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`  ${name} failed: ${failures[name]}`);
      killWorkersNow();
      await stopAllServers();
    }
  }
  const wallSeconds = round((Date.now() - began) / 1000, 1);
  // Summarised before the scratch folder (with the workflow bundles the profiles point into) goes.
  const profiles = context.profileDir ? summariseProfiles(context.profileDir) : undefined;
  const report = {
    command,
    startedAt: new Date(began).toISOString(),
    wallSeconds,
    machine,
    parts: Object.fromEntries(results.map((result) => [result.part, result])),
    ...(Object.keys(failures).length ? { failures } : {}),
    ...(profiles ? { profiles } : {}),
  };
  const file = join(resultsDir, `bench-${runId}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
  if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  console.log(`\n${renderTable(results)}\n`);
  console.log(
    `${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${process.version}, ${String(machine.temporalCli)}; ` +
      `wall time ${wallSeconds} s`,
  );
  console.log(`figures: ${relative(process.cwd(), file)}`);
  if (profiles) {
    console.log(`\nCPU profiles (self time by origin; wf: is code inside the workflow sandbox):`);
    console.log(renderProfiles(profiles, context.profileDir!));
    console.log(`profiles: ${relative(process.cwd(), context.profileDir!)} (Chrome DevTools opens them)`);
  }
  if (Object.keys(failures).length > 0) process.exitCode = 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killWorkersNow();
    killServersNow();
    process.exit(130);
  });
}
process.on('exit', () => {
  killWorkersNow();
  killServersNow();
});

main()
  .catch((error: unknown) => {
    console.error(error instanceof UsageError ? `${error.message}\n\n${usage}` : error);
    process.exitCode = 1;
    return stopAllServers();
  })
  // The SDK's native runtime can keep threads alive after everything is closed: leave explicitly.
  .finally(() => process.exit());
