import { getHeapStatistics } from 'node:v8';
import { type InjectedSinks, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from '../activities';
import type { BusinessMetrics } from '../src/observability/business-metrics';
import type { CaseSinks } from '../workflows/sinks';
import type { KeyRing } from '../src/temporal/encryption-codec';
import { createDataConverter } from '../src/temporal/data-converter';
import { caseWorkflowsPath } from './workflow-bundle';

export interface CaseWorkerOptions extends ActivityDependencies {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  keyRing: KeyRing;
  /** A prebuilt workflow bundle (tests, production images); without it the worker bundles at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Sticky cache and concurrency: the worker's memory and throughput, tuned per deployment. */
  /** The worker's business metrics: refused events (from the cases) and failed mail (from delivery). */
  metrics?: Pick<BusinessMetrics, 'eventsRefused' | 'mailsFailed'>;
  tuning?: Pick<
    WorkerOptions,
    'maxCachedWorkflows' | 'maxConcurrentWorkflowTaskExecutions' | 'maxConcurrentActivityTaskExecutions'
  >;
}

/**
 * Heap set aside per cached case. A cached case workflow holds about 2 MiB (its own copy of the
 * workflow code's modules, zod's above all: `npm run bench -- scale` measures it); the SDK's default
 * cache assumes about 1.7 MiB and fills the whole heap, so a full cache left the worker collecting
 * garbage instead of running tasks. Twice the measured size leaves the other half for the tasks.
 */
export const HEAP_MIB_PER_CACHED_CASE = 4;

/** The sticky cache's default size: as many cases as fit in the worker's heap limit at that budget. */
export function defaultMaxCachedCases(heapLimitMiB = getHeapStatistics().heap_size_limit / 2 ** 20): number {
  return Math.max(10, Math.floor((heapLimitMiB - 256) / HEAP_MIB_PER_CACHED_CASE));
}

/** What the cases tell their worker beside their history (also for replaying histories in tests). */
export function caseSinks(metrics?: Pick<BusinessMetrics, 'eventsRefused'>): InjectedSinks<CaseSinks> {
  return {
    caseMetrics: { eventRefused: { fn: () => metrics?.eventsRefused.inc(), callDuringReplay: false } },
  };
}

export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  const { metrics } = options;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    dataConverter: createDataConverter(options.keyRing),
    activities: createActivities({
      ...options,
      onMailFailed: () => {
        options.onMailFailed?.();
        metrics?.mailsFailed.inc();
      },
    }),
    sinks: caseSinks(metrics),
    maxCachedWorkflows: defaultMaxCachedCases(),
    ...options.tuning,
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: caseWorkflowsPath }),
  });
}
