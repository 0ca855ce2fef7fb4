import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from '../activities';
import type { KeyRing } from '../src/temporal/encryption-codec';
import { createDataConverter, failureConverterPath } from '../src/temporal/data-converter';

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

export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    dataConverter: createDataConverter(options.keyRing),
    activities: createActivities(options),
    ...options.tuning,
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: require.resolve('../workflows') }),
  });
}

/** Bundles the workflow code once (at image build time), with the failure converter the workers use. */
export { failureConverterPath };
