import { getHeapStatistics } from 'node:v8';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from '../activities';
import type { KeyRing } from '../src/temporal/encryption-codec';
import { createDataConverter } from '../src/temporal/data-converter';
import { bundleCaseWorkflows } from './workflow-bundle';

export interface CaseWorkerOptions extends ActivityDependencies {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  keyRing: KeyRing;
  /** A prebuilt workflow bundle (tests, production images); without it the worker bundles at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Sticky cache and concurrency: the worker's memory and throughput, tuned per deployment. */
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

export async function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    dataConverter: createDataConverter(options.keyRing),
    activities: createActivities(options),
    maxCachedWorkflows: defaultMaxCachedCases(),
    ...options.tuning,
    // Bundled here as the images bundle it (shared modules preloaded, validators checked).
    workflowBundle: options.workflowBundle ?? { code: await bundleCaseWorkflows() },
  });
}
