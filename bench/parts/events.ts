import type { WorkflowHandle } from '@temporalio/client';
import { loadRuleset } from '../../src/config/rulesets';
import type { Actor } from '../../src/domain';
import { countQuery, eventSignal, eventUpdate } from '../baseline-workflows';
import { caseId, newCase } from '../lib/cases';
import { profiled, type RunContext } from '../lib/context';
import { historyCounts } from '../lib/history';
import { Progress, step } from '../lib/progress';
import { costFigure, type Figure, type PartResult } from '../lib/report';
import { type LatencySummary, msSince, pool, round, summarise, waitUntil } from '../lib/stats';
import { startSystem } from '../lib/system';
import { metricOf } from '../lib/worker-host';
import { addCpu, cpuDelta, cpuPer, noCpu } from '../lib/cpu';

export interface EventsOptions {
  /** Requests per kind. */
  n: number;
  /** Requests in flight per kind (1: pure latency). */
  concurrency: number;
}

const kinds = {
  'http-relative': 'POST /cases/{id}/relatives (HTTP: auth, zod, Update, validator, state query)',
  'http-caseworker': 'POST /cases/{id}/coordinating-caseworker (HTTP; + caseload count, 2 queries)',
  'case-update': 'CaseService.send: the case Update alone (codec, validator; no HTTP)',
  'case-query': 'CaseService.state: the case state query alone (codec; no HTTP)',
  'bare-update': 'bare executeUpdate on a trivial workflow',
  'codec-update': 'bare executeUpdate + the encryption codec',
  'bare-signal': 'bare Signal to a trivial workflow',
  'bare-query': 'bare Query of a trivial workflow',
} as const;
type Kind = keyof typeof kinds;

/** Cases (and trivial workflows) the events are spread over, so no single history grows long. */
const TARGETS = 20;
const BLOCK = 20;

/**
 * Part 2, a caseworker's event round trip: latency percentiles of an event sent over HTTP against a
 * bare Update and a bare Signal of a trivial workflow, one request at a time, interleaved in blocks
 * of 20 so every kind meets the same noise. The product path is split into its pieces (the Update
 * alone, the state query alone) so the difference can be attributed.
 */
export async function runEvents(context: RunContext, options: EventsOptions): Promise<PartResult> {
  const started = Date.now();
  const system = await startSystem(context, { part: 'events', maxSockets: options.concurrency });
  const rules = loadRuleset('seeds-2017');
  const { caseworker } = system.api.people;
  const actor: Actor = {
    id: caseworker.person,
    role: caseworker.role,
    municipality: caseworker.municipality,
  };

  step(`opening ${TARGETS} cases per product kind and ${TARGETS} trivial workflows per baseline`);
  const caseSets = { relative: 'bench-ev-rel', caseworker: 'bench-ev-cw', direct: 'bench-ev-dir' };
  for (const prefix of Object.values(caseSets)) {
    await pool(TARGETS, 8, (index) =>
      system.cases.open(newCase(caseId(prefix, index)), rules, actor).then(() => {}),
    );
  }
  const bare: WorkflowHandle[] = [];
  const codec: WorkflowHandle[] = [];
  for (let index = 0; index < TARGETS; index += 1) {
    bare.push(
      await system.bareClient.workflow.start('benchTimer', {
        taskQueue: system.queues.bare,
        workflowId: `bench-ev-bare-${index}`,
        args: [{}],
      }),
    );
    codec.push(
      await system.codecClient.workflow.start('benchTimer', {
        taskQueue: system.queues.codec,
        workflowId: `bench-ev-codec-${index}`,
        args: [{}],
      }),
    );
  }
  await waitUntil('the first workflow tasks', async () => {
    const metrics = await system.worker.metrics();
    const done = (queue: string) =>
      metricOf(metrics, 'temporal_workflow_task_execution_latency_count', queue);
    return (
      done(system.queues.cases) >= 3 * TARGETS &&
      done(system.queues.bare) >= TARGETS &&
      done(system.queues.codec) >= TARGETS
    );
  });

  const sent = new Map<Kind, number>();
  let failures = 0;
  let firstFailure: string | undefined;
  const expectOk = (status: number, body: unknown) => {
    if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}`);
  };

  const one = async (kind: Kind): Promise<void> => {
    const k = sent.get(kind) ?? 0;
    sent.set(kind, k + 1);
    const target = k % TARGETS;
    const turn = Math.floor(k / TARGETS);
    switch (kind) {
      case 'http-relative': {
        const id = caseId(caseSets.relative, target);
        const answer = await system.api.http.send('POST', `/api/v1/cases/${id}/relatives`, caseworker.token, {
          relativeId: `r${turn}`,
          name: 'Bench Pårørende',
          relation: 'spouse',
        });
        return expectOk(answer.status, answer.body);
      }
      case 'http-caseworker': {
        const id = caseId(caseSets.caseworker, target);
        const answer = await system.api.http.send(
          'POST',
          `/api/v1/cases/${id}/coordinating-caseworker`,
          caseworker.token,
          { caseworkerId: turn % 2 === 0 ? 'cw-a' : 'cw-b', name: 'Bench Sagsbehandler', email: 'cw@kk.dk' },
        );
        return expectOk(answer.status, answer.body);
      }
      case 'case-update':
        await system.cases.send(
          caseId(caseSets.direct, target),
          'relativeRegistered',
          { relativeId: `r${turn}`, name: 'Bench Pårørende', relation: 'spouse' },
          actor,
        );
        return;
      case 'case-query':
        await system.cases.state(caseId(caseSets.direct, target));
        return;
      case 'bare-update':
        await bare[target]!.executeUpdate(eventUpdate, { args: [{}] });
        return;
      case 'codec-update':
        await codec[target]!.executeUpdate(eventUpdate, { args: [{}] });
        return;
      case 'bare-signal':
        await bare[target]!.signal(eventSignal, {});
        return;
      case 'bare-query':
        await bare[target]!.query(countQuery);
        return;
    }
  };

  const order = Object.keys(kinds) as Kind[];
  const latencies = new Map<Kind, number[]>(order.map((kind) => [kind, []]));
  const cpuTotals = new Map(order.map((kind) => [kind, noCpu()]));
  const runBlock = async (kind: Kind, count: number, record: boolean, progress?: Progress) => {
    const cpuBefore = system.cpu();
    await pool(count, options.concurrency, async () => {
      const t0 = process.hrtime.bigint();
      try {
        await one(kind);
        if (record) latencies.get(kind)!.push(msSince(t0));
      } catch (error) {
        failures += 1;
        firstFailure ??= `${kind}: ${(error as Error).message}`;
      }
      progress?.tick();
    });
    if (record) cpuTotals.set(kind, addCpu(cpuTotals.get(kind)!, cpuDelta(cpuBefore, system.cpu())));
  };

  step('warming up: 20 of each kind');
  for (const kind of order) await runBlock(kind, BLOCK, false);
  const rounds = Math.ceil(options.n / BLOCK);
  const progress = new Progress('events', rounds * BLOCK * order.length, 'requests');
  await profiled(context, 'events-bench', async () => {
    for (let r = 0; r < rounds; r += 1) {
      for (let i = 0; i < order.length; i += 1)
        await runBlock(order[(i + r) % order.length]!, BLOCK, true, progress);
    }
  });
  progress.finish();

  const stats = Object.fromEntries(order.map((kind) => [kind, summarise(latencies.get(kind)!)])) as Record<
    Kind,
    LatencySummary
  >;
  const cpu = Object.fromEntries(
    order.map((kind) => [kind, cpuPer(cpuTotals.get(kind)!, latencies.get(kind)!.length)]),
  );
  step('counting what one case stored');
  const caseHistory = await historyCounts(system.bareClient, `rf-${caseId(caseSets.relative, 0)}`);
  const bareHistory = await historyCounts(system.bareClient, 'bench-ev-bare-0');
  await system.stop();

  const figures: Figure[] = [];
  for (const p of ['p50', 'p95', 'p99'] as const) {
    figures.push(
      costFigure({
        id: `events.http.${p}`,
        label: `event over HTTP ${p}`,
        unit: 'ms',
        product: round(stats['http-relative'][p]),
        baseline: round(stats['bare-update'][p]),
        baselineLabel: 'bare executeUpdate',
      }),
    );
  }
  for (const p of ['p50', 'p95', 'p99'] as const) {
    figures.push(
      costFigure({
        id: `events.http-vs-signal.${p}`,
        label: `event over HTTP ${p}`,
        unit: 'ms',
        product: round(stats['http-relative'][p]),
        baseline: round(stats['bare-signal'][p]),
        baselineLabel: 'bare Signal',
      }),
    );
  }
  figures.push(
    costFigure({
      id: 'events.case-update.p50',
      label: 'case Update alone (no HTTP) p50',
      unit: 'ms',
      product: round(stats['case-update'].p50),
      baseline: round(stats['codec-update'].p50),
      baselineLabel: 'bare executeUpdate + codec',
    }),
    costFigure({
      id: 'events.case-query.p50',
      label: 'case state query alone p50',
      unit: 'ms',
      product: round(stats['case-query'].p50),
      baseline: round(stats['bare-query'].p50),
      baselineLabel: 'bare Query',
    }),
    costFigure({
      id: 'events.cpu',
      label: 'CPU per event over HTTP, all processes',
      unit: 'ms',
      product: cpu['http-relative']!.total,
      baseline: cpu['bare-update']!.total,
      baselineLabel: 'bare executeUpdate',
    }),
    costFigure({
      id: 'events.http-caseworker.p50',
      label: 'assign caseworker over HTTP p50',
      unit: 'ms',
      product: round(stats['http-caseworker'].p50),
      baseline: round(stats['bare-update'].p50),
      baselineLabel: 'bare executeUpdate',
    }),
  );
  return {
    part: 'events',
    params: { n: options.n, concurrency: options.concurrency, targets: TARGETS, block: BLOCK },
    figures,
    details: {
      latencyMs: Object.fromEntries(order.map((kind) => [kind, { what: kinds[kind], ...stats[kind] }])),
      cpuMsPerRequest: cpu,
      failures,
      ...(firstFailure ? { firstFailure } : {}),
      historyOfOneCase: caseHistory,
      historyOfOneBareWorkflow: bareHistory,
    },
    wallSeconds: round((Date.now() - started) / 1000, 1),
  };
}
