import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Connection } from '@temporalio/client';
import { devServerArgs } from '../../scripts/lib/dev-server';
import { freePort, type ManagedProcess, stopProcess, waitFor } from '../../scripts/lib/processes';
import { ensureTemporalCli } from '../../scripts/lib/temporal-binaries';

export { freePort };

/** The Temporal a part runs against: the CLI's dev server (the default) or a local cluster (`--server cluster`). */
export interface BenchServer {
  kind: 'dev' | 'cluster';
  /** How the report names it: "dev server" or "cluster (Temporal server + PostgreSQL)". */
  name: string;
  /** How the report names its store: "SQLite" or "PostgreSQL". */
  storeName: string;
  address: string;
  /** Resident memory of the server's processes, bytes (PostgreSQL's shared memory counted once). */
  rss(): number;
  /** CPU seconds used so far by the server's processes. */
  cpuSeconds(): number;
  /** Bytes the store holds: the SQLite file and its WAL/SHM (0 in memory), or PostgreSQL's databases. */
  dbBytes(): number;
  stop(): Promise<void>;
}

/**
 * The Temporal CLI's dev server (the same binary `npm start` runs), on free ports, without the UI,
 * with the product's search attributes registered: in memory, or persisting to a fresh SQLite file.
 */
export async function startDevServer(options: { dbFile?: string } = {}): Promise<BenchServer> {
  const cli = ensureTemporalCli((line) => process.stderr.write(`${line}\n`));
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const args = devServerArgs({
    port,
    httpPort: await freePort(),
    metricsPort: await freePort(),
    ...(options.dbFile ? { dbFile: options.dbFile } : {}),
  });
  // Its own process group (as npm start runs it), its banner dropped, its errors shown.
  const child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[temporal] ${chunk.toString()}`));
  const proc: ManagedProcess = {
    name: 'temporal',
    child,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  track(proc);
  await waitFor(
    'the Temporal dev server',
    async () => {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: 'default' });
        return true;
      } finally {
        await connection.close();
      }
    },
    60_000,
  );
  const pid = proc.child.pid!;
  return {
    kind: 'dev',
    name: 'dev server',
    storeName: options.dbFile ? 'SQLite' : 'memory',
    address,
    rss: () => rssOf(pid),
    cpuSeconds: () => cpuSecondsOf(pid),
    dbBytes: () => (options.dbFile ? sqliteBytes(options.dbFile) : 0),
    async stop() {
      await stopProcess(proc);
      untrack(proc);
    },
  };
}

/** VmRSS of a process from /proc, in bytes (0 if it is gone or /proc is not there). */
export function rssOf(pid: number): number {
  return procMemory(pid, 'status', 'VmRSS');
}

/** A memory figure of a process in bytes (`Name:  N kB` in a /proc file), 0 if it is gone or unreadable. */
export function procMemory(pid: number, file: 'status' | 'smaps_rollup', field: string): number {
  try {
    const text = readFileSync(`/proc/${pid}/${file}`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The database file plus its -wal, -shm and -journal companions (a journal may vanish while counted). */
export function sqliteBytes(file: string): number {
  if (!existsSync(dirname(file))) return 0;
  const name = basename(file);
  let total = 0;
  for (const entry of readdirSync(dirname(file))) {
    if (entry !== name && !entry.startsWith(`${name}-`)) continue;
    try {
      total += statSync(join(dirname(file), entry)).size;
    } catch {
      // gone between the listing and the stat
    }
  }
  return total;
}

/** Child processes still running, stopped if the benchmark is interrupted. */
const running = new Set<ManagedProcess>();
/** Servers that are not one child process (the cluster): how to stop each, gently and at once. */
const others = new Set<{ stop(): Promise<void>; killNow(): void }>();
function track(proc: ManagedProcess): void {
  running.add(proc);
}
function untrack(proc: ManagedProcess): void {
  running.delete(proc);
}
export function trackOther(server: { stop(): Promise<void>; killNow(): void }): () => void {
  others.add(server);
  return () => others.delete(server);
}
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((proc) => stopProcess(proc, 5_000)));
  running.clear();
  await Promise.all([...others].map((server) => server.stop().catch(() => undefined)));
  others.clear();
}
/** On a hard exit, kill what is left by its own ID (each runs in its own process group). */
export function killServersNow(): void {
  for (const proc of running) {
    try {
      if (proc.child.pid) process.kill(-proc.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const server of others) server.killNow();
}

/** CPU seconds (user + system) a process has used, from /proc (0 if it is gone). */
export function cpuSecondsOf(pid: number, options: { withExitedChildren?: boolean } = {}): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): state is the 3rd field, utime the
    // 14th, stime the 15th, then cutime and cstime (children that exited and were waited for).
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const own = fields[11]! + fields[12]!;
    return (options.withExitedChildren ? own + fields[13]! + fields[14]! : own) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every common platform. */
const CLOCK_TICKS = 100;
