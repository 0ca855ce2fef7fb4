import { DefaultLogger, type LogEntry, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { DEFAULT_MAIL_FROM } from '../src/config/mail';
import { createDirectory } from '../src/notifications/directory';
import type { Mailer } from '../src/notifications/mailer';
import { createDeliveryLedger } from '../src/notifications/ledger';
import { createOutboxMailer } from '../src/notifications/outbox';
import { openDatabase } from '../src/store/database';
import { createDataConverter } from '../src/temporal/data-converter';
import { createCaseWorker } from '../worker/create-worker';
import { createBaselineActivities } from './baseline-activities';
import type {
  WorkerProcessConfig,
  WorkerReply,
  WorkerRequest,
  WorkerStatusReport,
} from './lib/worker-protocol';

/**
 * A worker process for the benchmark, started by bench/lib/worker-host.ts: the product's case worker
 * (createCaseWorker, the outbox mailer, the encryption codec, as in production) and the baseline
 * workers, each on its own task queue. It answers the benchmark's requests over IPC: its memory,
 * each worker's cache, and when each mail was written and each baseline activity ran.
 */
const config = JSON.parse(process.argv[2] ?? '{}') as WorkerProcessConfig;

const counters = { mails: [] as number[], noops: [] as number[], noopDueAt: [] as number[] };

function countingMailer(inner: Mailer): Mailer {
  return {
    async send(message) {
      await inner.send(message);
      counters.mails.push(Date.now());
    },
  };
}

async function main(): Promise<void> {
  Runtime.install({
    logger: new DefaultLogger('WARN', (entry: LogEntry) => {
      if (entry.message.includes('activity_failure_include_heartbeat')) return;
      process.stderr.write(`[worker ${entry.level}] ${entry.message}\n`);
    }),
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      // The SDK core's own counters (workflow tasks, activities, cache), scraped by the benchmark.
      ...(config.metricsPort
        ? { metrics: { prometheus: { bindAddress: `127.0.0.1:${config.metricsPort}` } } }
        : {}),
    },
  });
  const connection = await NativeConnection.connect({ address: config.address });
  const keyRing = {
    activeKeyId: config.key.id,
    keys: new Map([[config.key.id, Buffer.from(config.key.base64, 'base64')]]),
  };
  const workers: Array<{ queue: string; kind: string; worker: Worker }> = [];
  if (config.caseQueue) {
    workers.push({
      queue: config.caseQueue,
      kind: 'case',
      worker: await createCaseWorker({
        // The delivery ledger on SQLite beside the outbox, as the embedded default keeps it.
        ledger: await createDeliveryLedger(openDatabase({ sqlitePath: `${config.outboxDir!}.sqlite` })),
        connection,
        namespace: config.namespace,
        taskQueue: config.caseQueue,
        keyRing,
        mailer: countingMailer(createOutboxMailer(config.outboxDir!, DEFAULT_MAIL_FROM)),
        directory: createDirectory({}),
        workflowBundle: { codePath: config.caseBundle! },
        ...(config.maxCachedWorkflows ? { tuning: { maxCachedWorkflows: config.maxCachedWorkflows } } : {}),
      }),
    });
  }
  const activities = createBaselineActivities((dueAt) => {
    counters.noops.push(Date.now());
    counters.noopDueAt.push(dueAt);
  });
  for (const [queue, kind] of [
    [config.bareQueue, 'baseline'],
    [config.codecQueue, 'baseline+codec'],
    [config.bareUncachedQueue, 'baseline-uncached'],
  ] as const) {
    if (!queue) continue;
    workers.push({
      queue,
      kind,
      worker: await Worker.create({
        connection,
        namespace: config.namespace,
        taskQueue: queue,
        workflowBundle: { codePath: config.baselineBundle! },
        activities,
        ...(kind === 'baseline+codec' ? { dataConverter: createDataConverter(keyRing) } : {}),
        ...(kind === 'baseline-uncached' ? { maxCachedWorkflows: 0 } : {}),
      }),
    });
  }
  const running = Promise.all(workers.map(({ worker }) => worker.run()));

  const status = (): WorkerStatusReport => {
    const memory = process.memoryUsage();
    return {
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      workers: workers.map(({ queue, kind, worker }) => {
        const state = worker.getStatus();
        return {
          queue,
          kind,
          maxCachedWorkflows: worker.options.maxCachedWorkflows,
          numCachedWorkflows: state.numCachedWorkflows,
          inFlightActivations: state.numInFlightWorkflowActivations,
          inFlightActivities: state.numInFlightActivities,
        };
      }),
      mails: counters.mails.length,
      lastMailAt: counters.mails[counters.mails.length - 1] ?? null,
      noops: counters.noops.length,
      lastNoopAt: counters.noops[counters.noops.length - 1] ?? null,
    };
  };

  process.on('message', (request: WorkerRequest) => {
    const reply = (body: Omit<WorkerReply, 'id'>) => process.send?.({ id: request.id, ...body });
    switch (request.type) {
      case 'status':
        reply({ status: status() });
        return;
      case 'timestamps':
        reply({ timestamps: { ...counters } });
        return;
      case 'reset':
        counters.mails = [];
        counters.noops = [];
        counters.noopDueAt = [];
        reply({});
        return;
      case 'shutdown':
        for (const { worker } of workers) worker.shutdown();
        void running
          .then(() => connection.close())
          .then(() => {
            reply({});
            // Let the reply leave before exiting (a CPU profile, if asked for, is written on exit).
            setTimeout(() => process.exit(0), 50);
          });
        return;
    }
  });
  process.send?.({ id: 0, status: status() });
  await running;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
