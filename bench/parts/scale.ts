import { join } from 'node:path';
import { visibilityQuery } from '../../src/client/case-service';
import { countQuery } from '../baseline-workflows';
import { caseId, newCase } from '../lib/cases';
import { profiled, type RunContext } from '../lib/context';
import { countWorkflows } from '../lib/history';
import { Progress, step } from '../lib/progress';
import { costFigure, type Figure, type PartResult, rateFigure } from '../lib/report';
import { msSince, pool, round, sleep, summarise } from '../lib/stats';
import { startSystem } from '../lib/system';
import { rssOf } from '../lib/temporal-server';
import { metricOf } from '../lib/worker-host';
import { cpuDelta, cpuPer } from '../lib/cpu';

export interface ScaleOptions {
  /** Cases to open. */
  n: number;
  concurrency: number;
  /** Stop opening after this many minutes, however many are open. */
  minutes: number;
  db: 'memory' | 'file';
  /** The case worker's maxCachedWorkflows; the worker's default (defaultMaxCachedCases, from the heap limit) without. */
  cache?: number;
}

/** Started but not yet run by the worker, at most: beyond it the opening waits (the rate is sustainable). */
const MAX_BACKLOG = 1_000;
const SAMPLE_EVERY_MS = 5_000;
const QUERY_SAMPLES = 100;
const MiB = 2 ** 20;

interface Sample {
  t: number;
  opened: number;
  settled: number;
  /** Settled starts per second over the last window. */
  rate: number;
  workerRssMiB: number;
  cachedWorkflows: number;
  serverRssMiB: number;
  dbMiB: number;
}

/**
 * Part 4, scale: opens as many cases as Temporal holds in a bounded run (N, or until the time
 * is up) through the HTTP API, keeping at most MAX_BACKLOG starts ahead of the worker; samples the
 * start rate, the worker's memory against its cache limit, the server's memory and its store (the
 * dev server's SQLite file, or the cluster's PostgreSQL databases); then times a supervisor's list query and a single-case query at that size. Baselines at the
 * same size: bare starts, the same visibility query sent straight to Temporal, a bare query.
 */
export async function runScale(context: RunContext, options: ScaleOptions): Promise<PartResult> {
  const started = Date.now();
  const dbFile =
    options.db === 'file' && context.server === 'dev' ? join(context.workDir, 'scale.sqlite') : undefined;
  const system = await startSystem(context, {
    part: 'scale',
    ...(dbFile ? { dbFile } : {}),
    workers: { cases: true, bare: true, codec: false, bareUncached: true },
    maxSockets: options.concurrency,
    ...(options.cache ? { maxCachedWorkflows: options.cache } : {}),
  });
  const { caseworker, supervisor } = system.api.people;
  const measuresStore = system.server.storeName !== 'memory';
  const queue = system.queues.cases;
  const firstTasks = async (q: string) =>
    metricOf(await system.worker.metrics(), 'temporal_workflow_task_execution_latency_count', q);

  const idle = {
    worker: await system.worker.status(),
    serverRss: system.server.rss(),
    db: system.server.dbBytes(),
  };
  const maxCached = idle.worker.workers.find((worker) => worker.kind === 'case')?.maxCachedWorkflows ?? 0;
  step(
    `worker idle: ${Math.round(idle.worker.rss / MiB)} MiB RSS, cache limit ${maxCached} workflows; ` +
      `${system.server.name} ${Math.round(idle.serverRss / MiB)} MiB${measuresStore ? `, ${system.server.storeName} ${(idle.db / MiB).toFixed(1)} MiB` : ''}`,
  );

  // Opening: HTTP starts, paced by the worker's backlog.
  let opened = 0;
  let settled = 0;
  let errors = 0;
  let firstError: string | undefined;
  /** The sampler stops (at the end, or when it fails). */
  let stopped = false;
  let openingDone = false;
  const stopAt = Date.now() + options.minutes * 60_000;
  const samples: Sample[] = [];
  const latencies: number[] = [];
  const progress = new Progress('scale', options.n, 'cases');
  let samplerFailure: unknown;
  const sampler = (async () => {
    try {
      let lastSettled = 0;
      let lastAt = Date.now();
      let nextSample = Date.now() + SAMPLE_EVERY_MS;
      while (!stopped) {
        settled = await firstTasks(queue);
        if (Date.now() >= nextSample) {
          const status = await system.worker.status();
          const now = Date.now();
          const sample: Sample = {
            t: round((now - started) / 1000, 1),
            opened,
            settled,
            rate: round((settled - lastSettled) / ((now - lastAt) / 1000), 1),
            workerRssMiB: Math.round(status.rss / MiB),
            cachedWorkflows: status.workers.find((worker) => worker.kind === 'case')?.numCachedWorkflows ?? 0,
            serverRssMiB: Math.round(system.server.rss() / MiB),
            dbMiB: round(system.server.dbBytes() / MiB, 1),
          };
          samples.push(sample);
          progress.note(
            `| ${sample.rate}/s settled, worker ${sample.workerRssMiB} MiB (${sample.cachedWorkflows} cached), server ${sample.serverRssMiB} MiB${measuresStore ? `, db ${sample.dbMiB} MiB` : ''}`,
          );
          lastSettled = settled;
          lastAt = now;
          nextSample = now + SAMPLE_EVERY_MS;
        }
        await sleep(200);
      }
    } catch (error) {
      // The opening waits on `settled`: stop it rather than let it wait for ever.
      samplerFailure = error;
      stopped = true;
    }
  })();

  const openStarted = Date.now();
  const openCpuBefore = system.cpu();
  await profiled(context, 'scale-open-bench', () =>
    pool(options.n, options.concurrency, async (index) => {
      // Time up or too many errors: stop opening, but keep sampling until what is open has settled.
      if (openingDone || stopped || Date.now() > stopAt || errors > 100) {
        openingDone = true;
        return;
      }
      while (opened - settled > MAX_BACKLOG && !stopped) await sleep(50);
      const t0 = process.hrtime.bigint();
      try {
        const answer = await system.api.http.send(
          'POST',
          '/api/v1/cases',
          caseworker.token,
          newCase(caseId('bench-scale', index)),
        );
        if (answer.status !== 201) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body)}`);
        opened += 1;
        latencies.push(msSince(t0));
      } catch (error) {
        errors += 1;
        firstError ??= (error as Error).message;
      }
      progress.tick();
    }),
  );
  const acceptedSeconds = (Date.now() - openStarted) / 1000;
  while (settled < opened && !samplerFailure) await sleep(100);
  if (samplerFailure) throw samplerFailure;
  const settledSeconds = (Date.now() - openStarted) / 1000;
  const openCpu = cpuPer(cpuDelta(openCpuBefore, system.cpu()), Math.max(1, opened));
  stopped = true;
  await sampler;
  progress.finish(`${opened} cases open (${errors} errors) in ${settledSeconds.toFixed(0)} s`);
  const atSize = {
    worker: await system.worker.status(),
    serverRss: system.server.rss(),
    db: system.server.dbBytes(),
    visible: await countWorkflows(
      system.bareClient,
      `TaskQueue = '${queue}' AND ExecutionStatus = 'Running'`,
    ),
  };

  // Queries at this size: a supervisor's lists and single cases, over HTTP and straight to Temporal.
  const deadlineBefore = new Date(Date.now() + 400 * 86_400_000).toISOString();
  const lists = {
    open: { path: '/api/v1/cases?pageSize=50', filters: { status: 'open' as const, municipality: '101' } },
    referredDue: {
      path: `/api/v1/cases?phase=referred&deadlineBefore=${deadlineBefore}&pageSize=50`,
      filters: { status: 'open' as const, municipality: '101', phase: 'referred', deadlineBefore },
    },
  };
  const timed = async (count: number, fn: (i: number) => Promise<void>) => {
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const t0 = process.hrtime.bigint();
      await fn(i);
      times.push(msSince(t0));
    }
    return summarise(times);
  };
  const expect200 = (answer: { status: number; body: unknown }) => {
    if (answer.status !== 200)
      throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
  };
  const random = (below: number) => Math.floor(Math.random() * below);
  step(`querying at ${opened} cases: lists and single cases, ${QUERY_SAMPLES} of each`);
  const queries = await profiled(context, 'scale-queries-bench', async () => {
    const listHttp = await timed(QUERY_SAMPLES, async () =>
      expect200(await system.api.http.send('GET', lists.open.path, supervisor.token)),
    );
    const listRaw = await timed(QUERY_SAMPLES, async () => {
      await system.bareClient.workflowService.listWorkflowExecutions({
        namespace: 'default',
        query: visibilityQuery(lists.open.filters),
        pageSize: 50,
      });
    });
    const filteredHttp = await timed(QUERY_SAMPLES, async () =>
      expect200(await system.api.http.send('GET', lists.referredDue.path, supervisor.token)),
    );
    const filteredRaw = await timed(QUERY_SAMPLES, async () => {
      await system.bareClient.workflowService.listWorkflowExecutions({
        namespace: 'default',
        query: visibilityQuery(lists.referredDue.filters),
        pageSize: 50,
      });
    });
    const countRaw = await timed(20, async () => {
      await countWorkflows(system.bareClient, visibilityQuery(lists.open.filters));
    });
    const before = metricOf(
      await system.worker.metrics(),
      'temporal_workflow_task_replay_latency_count',
      queue,
    );
    const sampled: string[] = [];
    const caseAny = await timed(QUERY_SAMPLES, async () => {
      sampled.push(caseId('bench-scale', random(opened)));
      expect200(await system.api.http.send('GET', `/api/v1/cases/${sampled.at(-1)}`, supervisor.token));
    });
    const replays =
      metricOf(await system.worker.metrics(), 'temporal_workflow_task_replay_latency_count', queue) - before;
    const recent = Math.min(opened, Math.floor(maxCached / 2));
    const caseRecent = await timed(QUERY_SAMPLES, async () =>
      expect200(
        await system.api.http.send(
          'GET',
          `/api/v1/cases/${caseId('bench-scale', opened - 1 - random(recent))}`,
          supervisor.token,
        ),
      ),
    );
    // The same cases read again, unchanged since: the API's view cache answers (one describe each).
    const caseAgain = await timed(sampled.length, async (i) =>
      expect200(await system.api.http.send('GET', `/api/v1/cases/${sampled[i]}`, supervisor.token)),
    );
    return {
      listHttp,
      listRaw,
      filteredHttp,
      filteredRaw,
      countRaw,
      caseAny,
      caseRecent,
      caseAgain,
      replays,
    };
  });

  // Baselines at this size: bare starts (same pacing), then bare queries of them.
  const bareN = Math.min(2_000, Math.max(100, opened));
  step(`baseline at this size: ${bareN} bare starts`);
  const dbBeforeBare = system.server.dbBytes();
  const rssBeforeBare = (await system.worker.status()).rss;
  let bareStarted = 0;
  let bareSettled = 0;
  const bareBase = await firstTasks(system.queues.bare);
  const bareT0 = Date.now();
  const bareCpuBefore = system.cpu();
  const bareProgress = new Progress('bare starts', bareN);
  await pool(bareN, options.concurrency, async (index) => {
    while (bareStarted - bareSettled > MAX_BACKLOG) {
      bareSettled = (await firstTasks(system.queues.bare)) - bareBase;
      await sleep(50);
    }
    await system.bareClient.workflow.start('benchTimer', {
      taskQueue: system.queues.bare,
      workflowId: `bench-scale-bare-${index}`,
      args: [{}],
    });
    bareStarted += 1;
    bareProgress.tick();
  });
  while ((await firstTasks(system.queues.bare)) - bareBase < bareN) await sleep(50);
  const bareSeconds = (Date.now() - bareT0) / 1000;
  const bareCpu = cpuPer(cpuDelta(bareCpuBefore, system.cpu()), bareN);
  bareProgress.finish();
  await sleep(2_000);
  const bareDbBytes = system.server.dbBytes() - dbBeforeBare;
  const afterBare = await system.worker.status();
  const cachedBare = afterBare.workers.find((worker) => worker.kind === 'baseline')?.numCachedWorkflows ?? 0;
  const bareKiBPerCached = round((afterBare.rss - rssBeforeBare) / Math.max(1, cachedBare) / 1024, 1);
  const bareQuery = await timed(QUERY_SAMPLES, async () => {
    await system.bareClient.workflow.getHandle(`bench-scale-bare-${random(bareN)}`).query(countQuery);
  });
  // A bare Query that the worker must answer by replaying: bare workflows on a worker without a
  // sticky cache, so the baseline of a case read when it is not cached is the same operation.
  const uncachedN = 200;
  await pool(uncachedN, options.concurrency, async (index) => {
    await system.bareClient.workflow.start('benchTimer', {
      taskQueue: system.queues.bareUncached,
      workflowId: `bench-scale-bare-uncached-${index}`,
      args: [{}],
    });
  });
  while ((await firstTasks(system.queues.bareUncached)) < uncachedN) await sleep(50);
  const bareQueryUncached = await timed(QUERY_SAMPLES, async () => {
    await system.bareClient.workflow
      .getHandle(`bench-scale-bare-uncached-${random(uncachedN)}`)
      .query(countQuery);
  });
  const serverRssAfter = system.server.rss();
  const workerPid = system.worker.pid;
  const workerRssEnd = rssOf(workerPid);
  await system.stop();

  // While the cache fills, RSS grows by what each cached case holds; once it is full and turning
  // over, RSS also keeps garbage not yet returned, so the figure is the slope of the filling.
  const caseWorker = atSize.worker.workers.find((worker) => worker.kind === 'case')!;
  const filling = samples.filter((sample) => sample.cachedWorkflows > 0);
  const full = filling.find((sample) => sample.cachedWorkflows >= 0.9 * maxCached);
  const fillKiBPerCached =
    full && filling[0] && full.cachedWorkflows > filling[0].cachedWorkflows
      ? round(
          ((full.workerRssMiB - filling[0].workerRssMiB) * 1024) /
            (full.cachedWorkflows - filling[0].cachedWorkflows),
          1,
        )
      : undefined;
  const caseKiBPerCached =
    fillKiBPerCached ??
    round((atSize.worker.rss - idle.worker.rss) / Math.max(1, caseWorker.numCachedWorkflows) / 1024, 1);
  const caseRate = round(opened / settledSeconds, 1);
  const bareRate = round(bareN / bareSeconds, 1);
  const figures: Figure[] = [
    rateFigure({
      id: 'scale.rate',
      label: `starts settled, ${opened} cases over HTTP`,
      unit: '/s',
      product: caseRate,
      baseline: bareRate,
      baselineLabel: `${bareN} bare starts at that size`,
    }),
    costFigure({
      id: 'scale.cpu',
      label: 'CPU per start at size, all processes',
      unit: 'ms',
      product: openCpu.total,
      baseline: bareCpu.total,
      baselineLabel: 'per bare start at that size',
    }),
    costFigure({
      id: 'scale.list.p50',
      label: 'supervisor list (50 open) p50',
      unit: 'ms',
      product: round(queries.listHttp.p50),
      baseline: round(queries.listRaw.p50),
      baselineLabel: 'same visibility query, gRPC',
    }),
    costFigure({
      id: 'scale.list.p95',
      label: 'supervisor list (50 open) p95',
      unit: 'ms',
      product: round(queries.listHttp.p95),
      baseline: round(queries.listRaw.p95),
      baselineLabel: 'same visibility query, gRPC',
    }),
    costFigure({
      id: 'scale.filtered.p50',
      label: 'list: referred, deadline before p50',
      unit: 'ms',
      product: round(queries.filteredHttp.p50),
      baseline: round(queries.filteredRaw.p50),
      baselineLabel: 'same visibility query, gRPC',
    }),
    costFigure({
      id: 'scale.case.p50',
      label: 'single case (random) p50',
      unit: 'ms',
      product: round(queries.caseAny.p50),
      baseline: round(bareQuery.p50),
      baselineLabel: 'bare Query (random)',
    }),
    costFigure({
      id: 'scale.case.p95',
      label: 'single case (random) p95',
      unit: 'ms',
      product: round(queries.caseAny.p95),
      baseline: round(bareQuery.p95),
      baselineLabel: 'bare Query (random)',
    }),
    costFigure({
      id: 'scale.case.uncachedBaseline.p50',
      label: 'single case (random) p50, against a replay',
      unit: 'ms',
      product: round(queries.caseAny.p50),
      baseline: round(bareQueryUncached.p50),
      baselineLabel: 'bare Query, worker without a cache',
    }),
    costFigure({
      id: 'scale.case.uncachedBaseline.p95',
      label: 'single case (random) p95, against a replay',
      unit: 'ms',
      product: round(queries.caseAny.p95),
      baseline: round(bareQueryUncached.p95),
      baselineLabel: 'bare Query, worker without a cache',
    }),
    costFigure({
      id: 'scale.case.again.p50',
      label: 'the same case read again, unchanged, p50',
      unit: 'ms',
      product: round(queries.caseAgain.p50),
      baseline: round(bareQuery.p50),
      baselineLabel: 'bare Query (random)',
    }),
    costFigure({
      id: 'scale.case.again.p95',
      label: 'the same case read again, unchanged, p95',
      unit: 'ms',
      product: round(queries.caseAgain.p95),
      baseline: round(bareQuery.p95),
      baselineLabel: 'bare Query (random)',
    }),
    costFigure({
      id: 'scale.worker.rss',
      label: `worker RSS (cache ${caseWorker.numCachedWorkflows}/${caseWorker.maxCachedWorkflows})`,
      unit: 'MiB',
      product: Math.round(atSize.worker.rss / MiB),
      baseline: Math.round(idle.worker.rss / MiB),
      baselineLabel: 'the idle worker',
    }),
    costFigure({
      id: 'scale.worker.perCached',
      label: 'worker memory per cached workflow',
      unit: 'KiB',
      product: caseKiBPerCached,
      ...(bareKiBPerCached > 0
        ? { baseline: bareKiBPerCached, baselineLabel: `per cached bare workflow (${cachedBare})` }
        : {}),
      note: [
        fillKiBPerCached === undefined
          ? 'RSS at size over cached workflows (the cache did not fill while sampled)'
          : 'slope of RSS while the cache filled',
        ...(bareKiBPerCached > 0
          ? []
          : ['bare: not measurable, RSS fell while the full case cache turned over']),
      ].join('; '),
    }),
    costFigure({
      id: 'scale.server.rss',
      label: `${system.server.kind === 'dev' ? 'dev server RSS' : 'Temporal server + PostgreSQL memory'}`,
      unit: 'MiB',
      product: Math.round(atSize.serverRss / MiB),
      baseline: Math.round(idle.serverRss / MiB),
      baselineLabel: `the empty ${system.server.kind === 'dev' ? 'dev server' : 'cluster'}`,
    }),
  ];
  if (measuresStore) {
    figures.push(
      costFigure({
        id: 'scale.db.perCase',
        label: `${system.server.storeName} per case (${(atSize.db / MiB).toFixed(0)} MiB in all)`,
        unit: 'KiB',
        product: round((atSize.db - idle.db) / Math.max(1, opened) / 1024, 2),
        baseline: round(bareDbBytes / bareN / 1024, 2),
        baselineLabel: 'per bare workflow',
      }),
    );
  }
  return {
    part: 'scale',
    params: {
      n: options.n,
      opened,
      concurrency: options.concurrency,
      minutes: options.minutes,
      server: system.server.name,
      db: context.server === 'dev' ? options.db : 'PostgreSQL',
      maxBacklog: MAX_BACKLOG,
      maxCachedWorkflows: maxCached,
      cacheLimitSet: options.cache ?? 'worker default (from the heap limit)',
    },
    figures,
    details: {
      acceptedSeconds: round(acceptedSeconds, 1),
      settledSeconds: round(settledSeconds, 1),
      errors,
      ...(firstError ? { firstError } : {}),
      startCallLatencyMs: summarise(latencies),
      cpuMsPerCase: openCpu,
      cpuMsPerBareStart: bareCpu,
      samples,
      idle: {
        workerRssMiB: Math.round(idle.worker.rss / MiB),
        serverRssMiB: Math.round(idle.serverRss / MiB),
        dbMiB: round(idle.db / MiB, 2),
      },
      atSize: {
        workerRssMiB: Math.round(atSize.worker.rss / MiB),
        workerHeapUsedMiB: Math.round(atSize.worker.heapUsed / MiB),
        cachedWorkflows: caseWorker.numCachedWorkflows,
        maxCachedWorkflows: caseWorker.maxCachedWorkflows,
        serverRssMiB: Math.round(atSize.serverRss / MiB),
        dbMiB: round(atSize.db / MiB, 1),
        visibleRunningCases: atSize.visible,
      },
      end: { workerRssMiB: Math.round(workerRssEnd / MiB), serverRssMiB: Math.round(serverRssAfter / MiB) },
      queriesMs: { ...queries, bareQuery, bareQueryUncached },
      bare: {
        n: bareN,
        seconds: round(bareSeconds, 1),
        perSecond: bareRate,
        dbBytes: bareDbBytes,
        cached: cachedBare,
        workerRssMiBAfter: Math.round(afterBare.rss / MiB),
      },
    },
    wallSeconds: round((Date.now() - started) / 1000, 1),
  };
}
