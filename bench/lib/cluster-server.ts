import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ClusterState,
  freeClusterPorts,
  setupNamespace,
  startCluster,
  stopCluster,
} from '../../scripts/lib/cluster';
import { ensurePostgres, ensureTemporalServer } from '../../scripts/lib/cluster-binaries';
import { type BenchServer, cpuSecondsOf, procMemory, rssOf, trackOther } from './temporal-server';

/**
 * A fresh local cluster for one part (`npm run bench -- … --server cluster`): PostgreSQL and the
 * Temporal server with SQL persistence and visibility, as `npm run cluster` and the cluster tests
 * run them (scripts/lib/cluster.ts), the namespace `default` with the product's search attributes.
 * Under the system's temporary folder (PostgreSQL runs as the `postgres` user, who must reach it),
 * on free ports, removed when the part ends.
 */
export async function startClusterServer(): Promise<BenchServer> {
  const log = (line: string) => process.stderr.write(`[cluster] ${line}\n`);
  ensureTemporalServer(log);
  ensurePostgres(log);
  const dir = mkdtempSync(join(tmpdir(), 'rf-bench-cluster-'));
  const state = await startCluster({ dir, ports: await freeClusterPorts(), log });
  setupNamespace(state, 'default', () => undefined);
  const temporalPid = state.temporal.pid!;
  let stopped = false;
  const server = {
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopCluster(state, () => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
    killNow() {
      for (const pid of [temporalPid, postmasterPid(state)]) {
        try {
          // SIGQUIT is PostgreSQL's immediate shutdown; for the Temporal server, a hard stop.
          if (pid) process.kill(pid, 'SIGQUIT');
        } catch {
          // already gone
        }
      }
    },
  };
  const untrack = trackOther(server);
  return {
    kind: 'cluster',
    name: `cluster (Temporal server ${state.temporal.version}, PostgreSQL ${state.postgres.version})`,
    storeName: 'PostgreSQL',
    address: state.address,
    rss: () => rssOf(temporalPid) + postgresMemory(state),
    cpuSeconds: () => cpuSecondsOf(temporalPid) + postgresCpuSeconds(state),
    dbBytes: () => folderBytes(join(state.dir, 'postgres', 'data', 'base')),
    async stop() {
      untrack();
      await server.stop();
    },
  };
}

function postmasterPid(state: ClusterState): number | undefined {
  const file = join(state.dir, 'postgres', 'data', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** The postmaster's children now running (its backends, the checkpointer, the WAL writer, …). */
function postgresChildren(postmaster: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === postmaster) children.push(Number(entry));
    } catch {
      // gone between the listing and the read
    }
  }
  return children;
}

/**
 * PostgreSQL's memory: the proportional set size of the postmaster and its children, so the shared
 * buffers every backend maps are counted once, not once per backend as their RSS would.
 */
function postgresMemory(state: ClusterState): number {
  const postmaster = postmasterPid(state);
  if (!postmaster) return 0;
  return [postmaster, ...postgresChildren(postmaster)].reduce(
    (sum, pid) => sum + procMemory(pid, 'smaps_rollup', 'Pss'),
    0,
  );
}

/** CPU of the postmaster, of its running children, and of the children that exited (closed connections). */
function postgresCpuSeconds(state: ClusterState): number {
  const postmaster = postmasterPid(state);
  if (!postmaster) return 0;
  return (
    cpuSecondsOf(postmaster, { withExitedChildren: true }) +
    postgresChildren(postmaster).reduce((sum, pid) => sum + cpuSecondsOf(pid), 0)
  );
}

function folderBytes(dir: string): number {
  let total = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    try {
      const stat = statSync(path);
      total += stat.isDirectory() ? folderBytes(path) : stat.size;
    } catch {
      // removed while counted
    }
  }
  return total;
}
