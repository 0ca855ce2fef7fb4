import { cpuSecondsOf } from './temporal-server';

/** CPU seconds used so far by a part's processes: Temporal's (the dev server, or the cluster's server and PostgreSQL), the worker, this one. */
export interface CpuSnapshot {
  server: number;
  worker: number;
  bench: number;
}

export function cpuSnapshot(of: { server: () => number; worker: number }): CpuSnapshot {
  const own = process.cpuUsage();
  return {
    server: of.server(),
    worker: cpuSecondsOf(of.worker),
    bench: (own.user + own.system) / 1e6,
  };
}

export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  return {
    server: after.server - before.server,
    worker: after.worker - before.worker,
    bench: after.bench - before.bench,
  };
}

export function addCpu(total: CpuSnapshot, delta: CpuSnapshot): CpuSnapshot {
  return {
    server: total.server + delta.server,
    worker: total.worker + delta.worker,
    bench: total.bench + delta.bench,
  };
}

export const noCpu = (): CpuSnapshot => ({ server: 0, worker: 0, bench: 0 });

/** CPU milliseconds per unit of work, per process, rounded: where the time of one case goes. */
export function cpuPer(total: CpuSnapshot, units: number): CpuSnapshot & { total: number } {
  const ms = (seconds: number) => Math.round((seconds / Math.max(1, units)) * 1e5) / 100;
  return {
    server: ms(total.server),
    worker: ms(total.worker),
    bench: ms(total.bench),
    total: ms(total.server + total.worker + total.bench),
  };
}
