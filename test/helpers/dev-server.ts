import { silentLogger } from '../../src/observability/logger';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { installQuietRuntime } from './quiet-logger';
import { createApp } from '../../src/api/app';
import { CaseService } from '../../src/client/case-service';
import { loadRuleset } from '../../src/config/rulesets';
import type { Ruleset } from '../../src/domain/engine/ruleset';
import type { KeyRing } from '../../src/temporal/encryption-codec';
import { createDataConverter } from '../../src/temporal/data-converter';
import { createDirectory, type Directory } from '../../src/notifications/directory';
import type { Mailer } from '../../src/notifications/mailer';
import { createCaseWorker } from '../../worker/create-worker';
import { testKeyRing } from './keys';
import { WORKFLOW_BUNDLE_PATH } from './paths';
import { testTokenRegistry } from './tokens';
import { RecordingMailer } from './recording-mailer';
import { memoryLedger } from '../../src/notifications/ledger';
import { namespaceOf, startTemporal } from './test-server';

installQuietRuntime();

export interface DevServerHarness {
  env: TestWorkflowEnvironment;
  worker: Worker;
  cases: CaseService;
  mailer: RecordingMailer;
  keyRing: KeyRing;
  taskQueue: string;
  /** The HTTP API, listening on a free port: `${api}/api/v1/cases`. */
  api: string;
  teardown(): Promise<void>;
}

/**
 * A real Temporal server, a running worker and the HTTP API: one per test file. The server is a dev
 * server of the file's own, or on a cluster run the cluster with a namespace of the file's own
 * (test/helpers/test-server.ts).
 */
export async function startDevServer(
  ruleset: Ruleset = loadRuleset('seeds-2017'),
  mail: { transport?: Mailer; directory?: Directory } = {},
): Promise<DevServerHarness> {
  const keyRing = testKeyRing();
  const env = await startTemporal({ dataConverter: createDataConverter(keyRing) });
  const taskQueue = `test-${Math.random().toString(36).slice(2)}`;
  const mailer = new RecordingMailer(mail.transport);
  const worker = await createCaseWorker({
    ledger: memoryLedger(),
    connection: env.nativeConnection,
    namespace: namespaceOf(env),
    taskQueue,
    keyRing,
    mailer,
    directory: mail.directory ?? createDirectory({}),
    workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH },
  });
  const running = worker.run();
  // As the API process runs it: reads go through the view cache (valid while a history has not grown).
  const cases = new CaseService(env.client, taskQueue, { cachedViews: 500 });
  const server: Server = await new Promise((resolve) => {
    const listening = createApp({
      cases,
      ruleset,
      tokens: testTokenRegistry(),
      logger: silentLogger(),
    }).listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    env,
    worker,
    cases,
    mailer,
    keyRing,
    taskQueue,
    api: `http://127.0.0.1:${port}`,
    async teardown() {
      await new Promise((resolve) => server.close(resolve));
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}
