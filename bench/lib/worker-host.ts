import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  WorkerProcessConfig,
  WorkerReply,
  WorkerRequest,
  WorkerStatusReport,
  WorkerTimestamps,
} from './worker-protocol';

export interface WorkerHost {
  pid: number;
  /** The SDK core's counters, summed per task queue: metric name → queue → value. */
  metrics(): Promise<CoreMetrics>;
  status(): Promise<WorkerStatusReport>;
  timestamps(): Promise<WorkerTimestamps>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

/**
 * Starts bench/worker-process.ts in its own Node process, as production runs the worker apart from
 * the API. With `profileDir`, each of its threads writes a V8 CPU profile (.cpuprofile) there on exit.
 */
export async function startWorkerProcess(
  config: WorkerProcessConfig,
  options: { profileDir?: string } = {},
): Promise<WorkerHost> {
  // One profile per thread: the main thread (activities, codec, SDK) and the workflow thread.
  const profiling = options.profileDir
    ? (mkdirSync(options.profileDir, { recursive: true }),
      ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`])
    : [];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ...profiling, join(__dirname, '..', 'worker-process.ts'), JSON.stringify(config)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: process.env },
  );
  children.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => children.delete(child));

  let nextId = 1;
  const waiting = new Map<number, (reply: WorkerReply) => void>();
  child.on('message', (reply: WorkerReply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  const ready = new Promise<void>((resolve, reject) => {
    waiting.set(0, () => resolve());
    void exited.then((code) =>
      reject(new Error(`the worker process exited (code ${code}) before it was ready`)),
    );
  });
  const ask = (type: WorkerRequest['type']): Promise<WorkerReply> =>
    new Promise((resolve, reject) => {
      const id = nextId;
      nextId += 1;
      waiting.set(id, resolve);
      if (!child.connected) {
        reject(new Error('the worker process is gone'));
        return;
      }
      child.send({ id, type } satisfies WorkerRequest);
    });
  await ready;
  return {
    pid: child.pid!,
    metrics: () => scrapeMetrics(config.metricsPort),
    status: async () => (await ask('status')).status!,
    timestamps: async () => (await ask('timestamps')).timestamps!,
    reset: async () => {
      await ask('reset');
    },
    async stop() {
      if (child.exitCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await Promise.race([ask('shutdown'), exited]);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** On a hard exit, kill the worker processes this benchmark started, each by its own ID. */
export function killWorkersNow(): void {
  for (const child of children) child.kill('SIGKILL');
}

export type CoreMetrics = Map<string, Map<string, number>>;

/** Reads the worker's Prometheus endpoint: each metric summed over its labels except the task queue. */
async function scrapeMetrics(port: number | undefined): Promise<CoreMetrics> {
  const metrics: CoreMetrics = new Map();
  if (!port) return metrics;
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  for (const line of text.split('\n')) {
    const match = /^(\w+)(?:\{([^}]*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const queue = /task_queue="([^"]*)"/.exec(match[2] ?? '')?.[1] ?? '';
    const byQueue = metrics.get(match[1]!) ?? new Map<string, number>();
    byQueue.set(queue, (byQueue.get(queue) ?? 0) + Number(match[3]));
    metrics.set(match[1]!, byQueue);
  }
  return metrics;
}

/** One counter of one task queue (0 when the worker has not reported it yet). */
export function metricOf(metrics: CoreMetrics, name: string, queue: string): number {
  return metrics.get(name)?.get(queue) ?? 0;
}
