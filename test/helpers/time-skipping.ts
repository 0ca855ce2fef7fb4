import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { installQuietRuntime } from './quiet-logger';
import { CaseService } from '../../src/client/case-service';
import type { Actor } from '../../src/domain';
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
import { memoryLedger } from '../../src/notifications/ledger';
import { loadRuleset } from '../../src/config/rulesets';

installQuietRuntime();

export interface TimeSkippingHarness {
  env: TestWorkflowEnvironment;
  worker: Worker;
  cases: CaseService;
  mailer: RecordingMailer;
  keyRing: KeyRing;
  taskQueue: string;
  /** Skips time to `ms` (epoch ms of the test server's clock); nothing if it has passed. */
  sleepUntil(ms: number): Promise<void>;
  /**
   * Caseworker assigned, the team recommends a course unanimously, the municipality grants it: the
   * course of an opened case starts now. Returns that instant.
   */
  grantCourse(caseId: string, actor: Actor, assignment: CaseworkerAssignment): Promise<number>;
  teardown(): Promise<void>;
}

export interface CaseworkerAssignment {
  caseworkerId: string;
  name: string;
  email: string;
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
    ledger: memoryLedger(),
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    keyRing,
    mailer,
    directory: mail.directory ?? createDirectory({}),
    workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH },
  });
  const running = worker.run();
  const cases = new CaseService(env.client, taskQueue);
  return {
    env,
    worker,
    cases,
    mailer,
    keyRing,
    taskQueue,
    async sleepUntil(ms) {
      const now = await env.currentTimeMs();
      if (ms > now) await env.sleep(ms - now);
    },
    async grantCourse(caseId, actor, assignment) {
      await cases.send(caseId, 'caseworkerAssigned', assignment, actor);
      await cases.send(
        caseId,
        'teamRecommendation',
        { recommends: 'ressourceforloeb', unanimous: true, citizenAttendedWholeMeeting: true },
        actor,
      );
      // Under a ruleset with a granted period (the law, version 2) a grant says until when: 2 years on.
      const { ruleset } = await cases.state(caseId);
      const current = loadRuleset(ruleset.name);
      const rules =
        current.version === ruleset.version ? current : loadRuleset(`${ruleset.name}@${ruleset.version}`);
      const grantedUntil = rules.course.grantedPeriod
        ? new Date((await env.currentTimeMs()) + 730 * 24 * 3600 * 1000).toISOString().slice(0, 10)
        : undefined;
      await cases.send(
        caseId,
        'municipalDecision',
        { decision: 'grant-course', reasoning: 'as recommended', ...(grantedUntil ? { grantedUntil } : {}) },
        actor,
      );
      return env.currentTimeMs();
    },
    async teardown() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}
