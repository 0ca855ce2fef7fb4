import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../../src/api/app';
import { CaseService } from '../../src/client/case-service';
import { loadRuleset } from '../../src/config/rulesets';
import { createLogger, silentLogger } from '../../src/observability/logger';
import { installRuntime } from '../../src/observability/runtime';
import { createDirectory } from '../../src/notifications/directory';
import type { Mailer } from '../../src/notifications/mailer';
import { createDataConverter } from '../../src/temporal/data-converter';
import { createCaseWorker } from '../../worker/create-worker';
import { requireTestServer } from '../../scripts/lib/temporal-binaries';
import { freePort } from '../helpers/ports';
import { historyKeyRing } from '../helpers/keys';
import { WORKFLOW_BUNDLE_PATH } from '../helpers/paths';
import { testTokenRegistry } from '../helpers/tokens';
import { httpClient } from '../helpers/http';
import { registerSearchAttributes } from '../helpers/search-attributes';
import { memoryLedger } from '../../src/notifications/ledger';

/** /metrics: the API's request series, and the Temporal SDK's worker series from the worker's endpoint. */

test('the API exposes request counts and latencies by route pattern and status, never a case ID', async () => {
  const connection = Connection.lazy({ address: '127.0.0.1:9' });
  const app = createApp({
    cases: new CaseService(new Client({ connection }), 'none', { answerWithinMs: 500 }),
    ruleset: loadRuleset('seeds-2017'),
    tokens: testTokenRegistry(),
    logger: silentLogger(),
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const api = httpClient(() => `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  try {
    await api.get('/healthz', null);
    await api.get('/api/v1/cases/KBH-2026-0001', null);
    await api.post('/api/v1/cases', { caseId: 'x' });
    const metrics = String((await api.get('/metrics', null)).body);
    expect(metrics).toContain('http_requests_total{method="GET",route="/healthz",status="200"} 1');
    expect(metrics).toContain('http_requests_total{method="GET",route="unmatched",status="401"} 1');
    expect(metrics).toContain('http_requests_total{method="POST",route="/api/v1/cases",status="400"} 1');
    expect(metrics).toMatch(
      /http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/healthz",status="200"\} 1/,
    );
    expect(metrics).toContain('process_resident_memory_bytes');
    expect(metrics).not.toContain('KBH-2026-0001');
  } finally {
    server.close();
    await connection.close();
  }
});

test("the worker's endpoint exposes the SDK's series: task latency, sticky cache, activity failures", async () => {
  const port = await freePort();
  installRuntime({
    logger: createLogger('error', 'test-worker'),
    level: 'ERROR',
    metrics: { host: '127.0.0.1', port },
  });
  const keyRing = historyKeyRing();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: requireTestServer() } },
    client: { dataConverter: createDataConverter(keyRing) },
  });
  let calls = 0;
  const flaky: Mailer = {
    async send() {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    },
  };
  const taskQueue = 'metrics';
  const worker = await createCaseWorker({
    ledger: memoryLedger(),
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    keyRing,
    mailer: flaky,
    directory: createDirectory({}),
    workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH },
  });
  await registerSearchAttributes(env);
  try {
    await worker.runUntil(async () => {
      const cases = new CaseService(env.client, taskQueue);
      await cases.open(
        {
          caseId: 'METRICS-1',
          municipality: '101',
          citizen: { cpr: '0101901234', name: 'M', email: 'm@example.dk' },
        },
        loadRuleset('seeds-2017'),
        { id: 'cw', role: 'caseworker' },
      );
      await env.sleep('15 days'); // the caseworker waiting time is breached: notifications go out
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // the failed first attempt is retried
    });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/temporal_workflow_task_execution_latency/);
    expect(metrics).toMatch(/temporal_sticky_cache_size/);
    expect(metrics).toMatch(/temporal_activity_execution_failed/);
    expect(calls).toBeGreaterThan(1);
  } finally {
    await env.teardown();
  }
});
