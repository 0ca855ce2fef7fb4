import { getHeapStatistics } from 'node:v8';
import { type InjectedSinks, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { Client } from '@temporalio/client';
import { createActivities, type ActivityDependencies } from '../activities';
import { createRulesetMoveActivities } from '../activities/ruleset-moves';
import { CaseService } from '../src/client/case-service';
import type { BusinessMetrics } from '../src/observability/business-metrics';
import type { CaseSinks } from '../workflows/sinks';
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
  /** The worker's business metrics: refused events (from the cases) and failed mail (from delivery). */
  metrics?: Pick<BusinessMetrics, 'eventsRefused' | 'mailsFailed'>;
  tuning?: Pick<
    WorkerOptions,
    'maxCachedWorkflows' | 'maxConcurrentWorkflowTaskExecutions' | 'maxConcurrentActivityTaskExecutions'
  >;
}

/**
 * Heap set aside per cached case. Since the workflows share the case rules and check events without
 * zod, a new case held in the cache costs about 0.16 MiB, what a trivial workflow costs
 * (`npm run bench -- scale`, 2026-12-01; it was 2 MiB while every workflow built its own zod
 * schemas). A case years old holds more: its timeline, notifications and deadline log, which the
 * benchmark's new cases do not have. 1 MiB leaves room for that and for the tasks.
 */
export const HEAP_MIB_PER_CACHED_CASE = 1;

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

export async function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  const { metrics } = options;
  let cases: CaseService | undefined;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    dataConverter: createDataConverter(options.keyRing),
    activities: {
      ...createActivities({
        ...options,
        onMailFailed: () => {
          options.onMailFailed?.();
          metrics?.mailsFailed.inc();
        },
      }),
      // A bulk ruleset move talks to the cases as a client does (queries and Updates).
      ...createRulesetMoveActivities(() => (cases ??= caseServiceOf(options))),
    },
    sinks: caseSinks(metrics),
    maxCachedWorkflows: defaultMaxCachedCases(),
    ...options.tuning,
    // Bundled here as the images bundle it (shared modules preloaded, validators checked).
    workflowBundle: options.workflowBundle ?? { code: await bundleCaseWorkflows() },
  });
}

/** The worker's own client of the cases, on its connection (for the activities that act on cases). */
function caseServiceOf(options: CaseWorkerOptions): CaseService {
  const client = new Client({
    connection: options.connection,
    namespace: options.namespace,
    dataConverter: createDataConverter(options.keyRing),
  });
  // Within the move activity's 10 seconds (workflows/ruleset-move-run.ts), so a slow case is retried.
  return new CaseService(client, options.taskQueue, { answerWithinMs: 8_000 });
}
