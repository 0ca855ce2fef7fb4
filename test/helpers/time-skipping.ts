import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { installQuietRuntime } from './quiet-logger';
import { CaseService } from '../../src/client/case-service';
import type { KeyRing } from '../../src/temporal/encryption-codec';
import { createDataConverter } from '../../src/temporal/data-converter';
import { createDirectory, type Directory } from '../../src/notifications/directory';
import type { Mailer } from '../../src/notifications/mailer';
import { createCaseWorker } from '../../worker/create-worker';
import { requireTestServer } from '../../scripts/lib/temporal-binaries';
import { historyKeyRing } from './keys';
import { WORKFLOW_BUNDLE_PATH } from './paths';
import { registerSearchAttributes } from './search-attributes';
import { RecordingMailer } from './recording-mailer';

installQuietRuntime();

export interface TimeSkippingHarness {
  env: TestWorkflowEnvironment;
  worker: Worker;
  cases: CaseService;
  mailer: RecordingMailer;
  keyRing: KeyRing;
  taskQueue: string;
  teardown(): Promise<void>;
}

/** A time-skipping test server, a running worker on the bundled workflows, and a case service: one per test file. */
export async function startTimeSkipping(
  mail: { transport?: Mailer; directory?: Directory } = {},
): Promise<TimeSkippingHarness> {
  const keyRing = historyKeyRing();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: requireTestServer() } },
    client: { dataConverter: createDataConverter(keyRing) },
  });
  await registerSearchAttributes(env);
  const taskQueue = `test-${Math.random().toString(36).slice(2)}`;
  const mailer = new RecordingMailer(mail.transport);
  const worker = await createCaseWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    keyRing,
    mailer,
    directory: mail.directory ?? createDirectory({}),
    workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH },
  });
  const running = worker.run();
  return {
    env,
    worker,
    cases: new CaseService(env.client, taskQueue),
    mailer,
    keyRing,
    taskQueue,
    async teardown() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}
