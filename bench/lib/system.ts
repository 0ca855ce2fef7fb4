import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../src/api/app';
import { CaseService } from '../../src/client/case-service';
import { loadRuleset } from '../../src/config/rulesets';
import type { Ruleset } from '../../src/domain/engine/ruleset';
import { silentLogger } from '../../src/observability/logger';
import type { KeyRing } from '../../src/temporal/encryption-codec';
import { createDataConverter } from '../../src/temporal/data-converter';
import { benchKeyRing, type RunContext } from './context';
import { type CpuSnapshot, cpuSnapshot } from './cpu';
import { HttpClient } from './http';
import { startClusterServer } from './cluster-server';
import { type BenchServer, freePort, startDevServer } from './temporal-server';
import { type BenchPeople, benchTokens } from './tokens';
import { startWorkerProcess, type WorkerHost } from './worker-host';
import { API_CACHED_VIEWS } from '../../src/config';

export interface BenchSystem {
  server: BenchServer;
  connection: Connection;
  /** A client with the default data converter: what the bare baselines use. */
  bareClient: Client;
  /** A client with the product's encryption codec: what the API and CaseService use. */
  codecClient: Client;
  cases: CaseService;
  keyRing: KeyRing;
  worker: WorkerHost;
  queues: { cases: string; bare: string; codec: string; bareUncached: string };
  outboxDir: string;
  api: { url: string; http: HttpClient; people: BenchPeople };
  /** CPU seconds used so far by the dev server, the worker process and this process. */
  cpu(): CpuSnapshot;
  stop(): Promise<void>;
}

export interface SystemOptions {
  part: string;
  /** A SQLite file for the dev server; in memory without (the cluster keeps PostgreSQL in the run's scratch folder). */
  dbFile?: string;
  /** The ruleset the API pins new cases to (seeds-2017 by default: no deadline falls during a part). */
  ruleset?: Ruleset;
  workers?: { cases?: boolean; bare?: boolean; codec?: boolean; bareUncached?: boolean };
  /** The case worker's cache limit (maxCachedWorkflows); the worker's default (from its heap limit) without. */
  maxCachedWorkflows?: number;
  /** HTTP client sockets (the load's concurrency). */
  maxSockets?: number;
}

/**
 * One part's system: a fresh dev server (or local cluster, `--server cluster`), a worker process (the product's case worker and the
 * baselines' workers), two clients (bare and with the codec) and the HTTP API in this process.
 */
export async function startSystem(context: RunContext, options: SystemOptions): Promise<BenchSystem> {
  const workers = { cases: true, bare: true, codec: true, bareUncached: false, ...options.workers };
  const server =
    context.server === 'cluster'
      ? await startClusterServer()
      : await startDevServer(options.dbFile ? { dbFile: options.dbFile } : {});
  const { keyRing, key } = benchKeyRing();
  const queues = {
    cases: `bench-cases-${options.part}`,
    bare: `bench-bare-${options.part}`,
    codec: `bench-codec-${options.part}`,
    bareUncached: `bench-bare-uncached-${options.part}`,
  };
  const outboxDir = join(context.workDir, `${options.part}-outbox`);
  mkdirSync(outboxDir, { recursive: true });
  const worker = await startWorkerProcess(
    {
      address: server.address,
      namespace: 'default',
      key,
      ...(workers.cases ? { caseQueue: queues.cases, outboxDir, caseBundle: context.bundles.cases } : {}),
      ...(workers.bare ? { bareQueue: queues.bare } : {}),
      ...(workers.codec ? { codecQueue: queues.codec } : {}),
      ...(workers.bareUncached ? { bareUncachedQueue: queues.bareUncached } : {}),
      baselineBundle: context.bundles.baseline,
      metricsPort: await freePort(),
      ...(options.maxCachedWorkflows ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    },
    context.profileDir ? { profileDir: join(context.profileDir, `${options.part}-worker`) } : {},
  );
  const connection = await Connection.connect({ address: server.address });
  const bareClient = new Client({ connection, namespace: 'default' });
  const codecClient = new Client({
    connection,
    namespace: 'default',
    dataConverter: createDataConverter(keyRing),
  });
  // As the API process runs by default (RF_API_CACHED_VIEWS).
  const cases = new CaseService(codecClient, queues.cases, { cachedViews: API_CACHED_VIEWS });
  const { registry, people } = benchTokens(join(context.workDir, options.part));
  const app = createApp({
    cases,
    ruleset: options.ruleset ?? loadRuleset('seeds-2017'),
    tokens: registry,
    outboxDir,
    logger: silentLogger(),
  });
  const listening: Server = await new Promise((resolve) => {
    const created = app.listen(0, '127.0.0.1', () => resolve(created));
  });
  listening.keepAliveTimeout = 60_000;
  const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  const http = new HttpClient(url, options.maxSockets ?? 64);
  return {
    server,
    connection,
    bareClient,
    codecClient,
    cases,
    keyRing,
    worker,
    queues,
    outboxDir,
    api: { url, http, people },
    cpu: () => cpuSnapshot({ server: () => server.cpuSeconds(), worker: worker.pid }),
    async stop() {
      http.close();
      listening.closeAllConnections();
      await new Promise((resolve) => listening.close(resolve));
      await worker.stop();
      await connection.close();
      await server.stop();
    },
  };
}
