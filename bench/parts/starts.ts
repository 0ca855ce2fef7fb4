import { loadRuleset } from '../../src/config/rulesets';
import type { Actor } from '../../src/domain';
import { caseId, newCase } from '../lib/cases';
import { profiled, type RunContext } from '../lib/context';
import { historyCounts } from '../lib/history';
import { Progress, step } from '../lib/progress';
import { costFigure, type PartResult, rateFigure } from '../lib/report';
import { msSince, pool, round, summarise, waitUntil } from '../lib/stats';
import { startSystem } from '../lib/system';
import { metricOf } from '../lib/worker-host';
import { addCpu, cpuDelta, cpuPer, noCpu } from '../lib/cpu';

export interface StartsOptions {
  n: number;
  concurrency: number;
  rounds: number;
}

type Kind = 'http' | 'direct' | 'bare' | 'codec';

const labels: Record<Kind, string> = {
  http: 'cases via HTTP API',
  direct: 'cases via CaseService.open (no HTTP)',
  bare: 'bare workflow.start',
  codec: 'bare workflow.start + codec',
};

/**
 * Part 1, case starts: N cases opened through POST /api/v1/cases against N bare starts of a workflow
 * that holds one timer, at the same concurrency, in alternating blocks so that noise from the rest of
 * the machine falls on both. Two more kinds split the difference: the same case started through
 * CaseService without HTTP, and the bare start with the product's encryption codec. "Accepted" is
 * when every start call has answered; "settled" when the worker has also run every new workflow's
 * first workflow task (the case has its deadlines and is visible to supervisors).
 */
export async function runStarts(context: RunContext, options: StartsOptions): Promise<PartResult> {
  const started = Date.now();
  const system = await startSystem(context, { part: 'starts', maxSockets: options.concurrency });
  const rules = loadRuleset('seeds-2017');
  const { caseworker } = system.api.people;
  const actor: Actor = {
    id: caseworker.person,
    role: caseworker.role,
    municipality: caseworker.municipality,
  };
  const queueOf: Record<Kind, string> = {
    http: system.queues.cases,
    direct: system.queues.cases,
    bare: system.queues.bare,
    codec: system.queues.codec,
  };
  const startedOnQueue = new Map<string, number>();
  const errors: Record<Kind, number> = { http: 0, direct: 0, bare: 0, codec: 0 };
  let firstError: string | undefined;

  const startOne = async (kind: Kind, id: string): Promise<void> => {
    switch (kind) {
      case 'http': {
        const answer = await system.api.http.send('POST', '/api/v1/cases', caseworker.token, newCase(id));
        if (answer.status !== 201) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body)}`);
        return;
      }
      case 'direct':
        await system.cases.open(newCase(id), rules, actor);
        return;
      case 'bare':
        await system.bareClient.workflow.start('benchTimer', {
          taskQueue: queueOf.bare,
          workflowId: id,
          args: [{}],
        });
        return;
      case 'codec':
        await system.codecClient.workflow.start('benchTimer', {
          taskQueue: queueOf.codec,
          workflowId: id,
          args: [{}],
        });
        return;
    }
  };

  const workflowTasksDone = async (queue: string) =>
    metricOf(await system.worker.metrics(), 'temporal_workflow_task_execution_latency_count', queue);

  /** Starts `count` workflows of one kind; returns when accepted and when settled, and each call's latency. */
  const block = async (kind: Kind, from: number, count: number, progress?: Progress) => {
    const queue = queueOf[kind];
    const latencies: number[] = [];
    const cpuBefore = system.cpu();
    const t0 = process.hrtime.bigint();
    await pool(count, options.concurrency, async (index) => {
      const callStarted = process.hrtime.bigint();
      try {
        await startOne(kind, caseId(`bench-${kind}`, from + index));
        latencies.push(msSince(callStarted));
      } catch (error) {
        errors[kind] += 1;
        firstError ??= `${kind}: ${(error as Error).message}`;
      }
      progress?.tick();
    });
    const acceptedMs = msSince(t0);
    startedOnQueue.set(queue, (startedOnQueue.get(queue) ?? 0) + count);
    const target = startedOnQueue.get(queue)!;
    await waitUntil(
      `first workflow tasks on ${queue}`,
      async () => (await workflowTasksDone(queue)) >= target - errors[kind],
      {
        everyMs: 20,
      },
    );
    return { acceptedMs, settledMs: msSince(t0), latencies, cpu: cpuDelta(cpuBefore, system.cpu()) };
  };

  const kinds: Kind[] = ['http', 'direct', 'bare', 'codec'];
  step(`warming up: 50 starts of each kind`);
  for (const kind of kinds) await block(kind, 1_000_000, 50);

  const perBlock = Math.max(1, Math.floor(options.n / options.rounds));
  const totals = new Map(
    kinds.map((kind) => [
      kind,
      { accepted: 0, settled: 0, latencies: [] as number[], count: 0, cpu: noCpu() },
    ]),
  );
  const progress = new Progress('starts', perBlock * options.rounds * kinds.length, 'workflows');
  await profiled(context, 'starts-bench', async () => {
    for (let round = 0; round < options.rounds; round += 1) {
      // Rotate the order each round, so no kind always runs first (on a fresh worker) or last.
      const order = kinds.map((_, index) => kinds[(index + round) % kinds.length]!);
      for (const kind of order) {
        const result = await block(kind, round * perBlock, perBlock, progress);
        const total = totals.get(kind)!;
        total.accepted += result.acceptedMs;
        total.settled += result.settledMs;
        total.latencies.push(...result.latencies);
        total.count += perBlock;
        total.cpu = addCpu(total.cpu, result.cpu);
      }
    }
  });
  progress.finish();

  const rate = (kind: Kind, what: 'accepted' | 'settled') => {
    const total = totals.get(kind)!;
    return round((total.count - errors[kind]) / (total[what] / 1000), 1);
  };
  const latency = (kind: Kind) => summarise(totals.get(kind)!.latencies);
  const cpu = (kind: Kind) => cpuPer(totals.get(kind)!.cpu, totals.get(kind)!.count);

  step('counting what one case and one bare workflow stored');
  const caseHistory = await historyCounts(system.bareClient, 'rf-bench-http-0');
  const bareHistory = await historyCounts(system.bareClient, 'bench-bare-0');
  const workerStatus = await system.worker.status();
  await system.stop();

  const figures = [
    rateFigure({
      id: 'starts.accepted',
      label: 'starts accepted (HTTP answered)',
      unit: '/s',
      product: rate('http', 'accepted'),
      baseline: rate('bare', 'accepted'),
      baselineLabel: labels.bare,
    }),
    rateFigure({
      id: 'starts.settled',
      label: 'starts settled (first workflow task run)',
      unit: '/s',
      product: rate('http', 'settled'),
      baseline: rate('bare', 'settled'),
      baselineLabel: labels.bare,
    }),
    rateFigure({
      id: 'starts.direct.settled',
      label: 'starts settled, CaseService.open (no HTTP)',
      unit: '/s',
      product: rate('direct', 'settled'),
      baseline: rate('codec', 'settled'),
      baselineLabel: labels.codec,
    }),
    costFigure({
      id: 'starts.latency.p50',
      label: 'start call p50 (HTTP)',
      unit: 'ms',
      product: round(latency('http').p50),
      baseline: round(latency('bare').p50),
      baselineLabel: labels.bare,
    }),
    costFigure({
      id: 'starts.cpu',
      label: 'CPU per start, all processes',
      unit: 'ms',
      product: cpu('http').total,
      baseline: cpu('bare').total,
      baselineLabel: labels.bare,
    }),
    costFigure({
      id: 'starts.cpu.worker',
      label: 'worker CPU per start',
      unit: 'ms',
      product: cpu('http').worker,
      baseline: cpu('bare').worker,
      baselineLabel: labels.bare,
    }),
    costFigure({
      id: 'starts.history.bytes',
      label: 'stored history after start',
      unit: 'B',
      product: caseHistory.bytes,
      baseline: bareHistory.bytes,
      baselineLabel: 'bare timer workflow',
    }),
  ];
  return {
    part: 'starts',
    params: { n: options.n, concurrency: options.concurrency, rounds: options.rounds, perBlock },
    figures,
    details: {
      rates: Object.fromEntries(
        kinds.map((kind) => [
          kind,
          {
            label: labels[kind],
            acceptedPerSecond: rate(kind, 'accepted'),
            settledPerSecond: rate(kind, 'settled'),
            callLatencyMs: latency(kind),
            cpuMsPerStart: cpu(kind),
            errors: errors[kind],
          },
        ]),
      ),
      ...(firstError ? { firstError } : {}),
      historyOfOneCase: caseHistory,
      historyOfOneBareWorkflow: bareHistory,
      workerAfter: workerStatus,
    },
    wallSeconds: round((Date.now() - started) / 1000, 1),
  };
}
