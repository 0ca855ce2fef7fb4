import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleset } from '../../src/config/rulesets';
import type { Actor, CaseView, Ruleset } from '../../src/domain';
import { caseId, newCase } from '../lib/cases';
import { profiled, type RunContext } from '../lib/context';
import { countWorkflows, historyCounts } from '../lib/history';
import { Progress, step } from '../lib/progress';
import { costFigure, type PartResult } from '../lib/report';
import { percentile, pool, round, sleep } from '../lib/stats';
import { startSystem } from '../lib/system';
import { metricOf } from '../lib/worker-host';
import { cpuDelta, cpuPer } from '../lib/cpu';

export interface StormOptions {
  /** Cases (and bare workflows) whose deadline falls due at one instant. */
  n: number;
}

const RULESET_FILE = join(__dirname, '..', 'rulesets', 'storm.json');
const DEADLINE = 'coordinating-caseworker';
/** Starts waiting for their first workflow task while the storm is set up: few, so each runs moments after its call. */
const SETUP_CONCURRENCY = 4;

/**
 * Part 3, a deadline storm: N open cases whose first deadline (a coordinating caseworker within the
 * ruleset's waiting time) falls due at one instant; each breach notifies the job centre and escalates
 * to the supervisor, two mails through the outbox mailer. Measured from that instant until every case
 * shows its escalation in visibility and every mail is written — against N bare workflows whose timer
 * fires at one instant and then run one no-op activity.
 *
 * A case's deadline is counted from the moment its workflow first runs, so each case gets the storm
 * ruleset with its own waiting time: the time left until the storm instant when it is opened. The
 * bare workflows get theirs the same way; the spread of the actual due instants is measured and shown.
 */
export async function runStorm(context: RunContext, options: StormOptions): Promise<PartResult> {
  const started = Date.now();
  const { n } = options;
  const template = loadRuleset(RULESET_FILE);
  const system = await startSystem(context, {
    part: 'storm',
    workers: { cases: true, bare: true, codec: false },
  });
  const { caseworker } = system.api.people;
  const actor: Actor = {
    id: caseworker.person,
    role: caseworker.role,
    municipality: caseworker.municipality,
  };
  const withWait = (ms: number): Ruleset => ({
    ...template,
    waitingTimes: {
      ...template.waitingTimes,
      referralToCoordinatingCaseworker: { within: `PT${(ms / 1000).toFixed(3)}S`, reminders: [] },
    },
  });

  /**
   * Calibrates the start rate, picks the instant, and starts n workflows all due at it. A deadline is
   * counted from the workflow's first task, so starts are paced to the worker: at most a few wait for
   * their first task at any time, and each one's remaining time is taken just before it starts.
   */
  const schedule = async (
    label: string,
    queue: string,
    startOne: (index: number, dueInMs: number) => Promise<void>,
  ) => {
    const firstTasks = async () =>
      metricOf(await system.worker.metrics(), 'temporal_workflow_task_execution_latency_count', queue);
    const before = await firstTasks();
    let startedCount = 0;
    const paced = async (index: number, dueInMs: () => number) => {
      while (startedCount - ((await firstTasks()) - before) >= SETUP_CONCURRENCY) await sleep(5);
      startedCount += 1;
      await startOne(index, dueInMs());
    };
    const calibration = Date.now();
    for (let index = 0; index < 20; index += 1) await paced(1_000_000 + index, () => 6 * 3_600_000);
    const perStartMs = (Date.now() - calibration) / 20;
    const leadMs = Math.round(15_000 + 2 * n * perStartMs);
    const instant = Date.now() + leadMs;
    step(`${label}: starting ${n}, all due at +${(leadMs / 1000).toFixed(0)} s`);
    const progress = new Progress(`${label} setup`, n);
    for (let index = 0; index < n; index += 1) {
      await paced(index, () => {
        const dueInMs = instant - Date.now();
        if (dueInMs < 2_000)
          throw new Error(`${label}: the setup overran the storm instant; try a smaller --n`);
        return dueInMs;
      });
      progress.tick();
    }
    progress.finish();
    return instant;
  };

  // The product: N cases, two mails each.
  await system.worker.reset();
  const caseInstant = await schedule('cases', system.queues.cases, async (index, dueInMs) => {
    await system.cases.open(newCase(caseId('bench-storm', index)), withWait(dueInMs), actor);
  });
  const caseQuery = `RfEscalated = true AND TaskQueue = '${system.queues.cases}'`;
  await sleep(Math.max(0, caseInstant - Date.now() - 100));
  const caseCpuBefore = system.cpu();
  const caseStorm = await profiled(context, 'storm-cases-bench', () =>
    watch(caseInstant, n, 2 * n, async () => {
      const status = await system.worker.status();
      return { visible: await countWorkflows(system.bareClient, caseQuery), done: status.mails };
    }),
  );
  const caseCpu = cpuPer(cpuDelta(caseCpuBefore, system.cpu()), n);
  const mailTimes = (await system.worker.timestamps()).mails.filter((time) => time >= caseInstant - 60_000);

  step('checking every case: breached, escalated, every notification delivered');
  const dueTimes: number[] = [];
  let notDelivered = 0;
  let notBreached = 0;
  let recipients = 0;
  await pool(n, 8, async (index) => {
    const view = (await system.cases.state(caseId('bench-storm', index))) as CaseView;
    const deadline = view.deadlines.find((candidate) => candidate.id === DEADLINE);
    if (deadline?.status !== 'breached' || view.escalations.length === 0) notBreached += 1;
    if (deadline) dueTimes.push(Date.parse(deadline.dueAt));
    for (const notification of view.notifications) {
      if (notification.delivery.status !== 'sent') notDelivered += 1;
      recipients += notification.recipients.length;
    }
  });
  const outboxFiles = readdirSync(system.outboxDir).filter((file) => file.endsWith('.eml')).length;
  const caseHistory = await historyCounts(system.bareClient, `rf-${caseId('bench-storm', 0)}`);

  // The baseline: N bare workflows, one timer and one no-op activity each.
  await system.worker.reset();
  const bareInstant = await schedule('bare', system.queues.bare, async (index, dueInMs) => {
    await system.bareClient.workflow.start('benchStorm', {
      taskQueue: system.queues.bare,
      workflowId: `bench-storm-bare-${index}`,
      args: [{ dueInMs }],
    });
  });
  const bareQuery = `WorkflowType = 'benchStorm' AND ExecutionStatus = 'Completed' AND WorkflowId STARTS_WITH 'bench-storm-bare-' AND TaskQueue = '${system.queues.bare}'`;
  await sleep(Math.max(0, bareInstant - Date.now() - 100));
  const bareCpuBefore = system.cpu();
  const bareStorm = await profiled(context, 'storm-bare-bench', () =>
    watch(bareInstant, n, n, async () => {
      const status = await system.worker.status();
      return { visible: await countWorkflows(system.bareClient, bareQuery), done: status.noops };
    }),
  );
  const bareCpu = cpuPer(cpuDelta(bareCpuBefore, system.cpu()), n);
  const bareTimes = await system.worker.timestamps();
  const bareHistory = await historyCounts(system.bareClient, 'bench-storm-bare-0');
  await system.stop();

  // From the first due instant actually reached; the spread says how close to one instant they were.
  const caseFirstDue = Math.min(...dueTimes);
  const caseSpread = Math.max(...dueTimes) - caseFirstDue;
  const bareDue = bareTimes.noopDueAt.filter(
    (time) => time >= bareInstant - 60_000 && time < bareInstant + 60_000,
  );
  const bareFirstDue = bareDue.length ? Math.min(...bareDue) : bareInstant;
  const bareSpread = bareDue.length ? Math.max(...bareDue) - bareFirstDue : 0;
  const sortedMails = mailTimes.sort((a, b) => a - b);
  const sortedNoops = bareTimes.noops.filter((time) => time >= bareInstant - 60_000).sort((a, b) => a - b);
  const caseAllMails = (sortedMails[sortedMails.length - 1] ?? Number.NaN) - caseFirstDue;
  const bareAllNoops = (sortedNoops[sortedNoops.length - 1] ?? Number.NaN) - bareFirstDue;
  const seconds = (ms: number) => round(ms / 1000, 2);

  return {
    part: 'storm',
    params: {
      n,
      setupConcurrency: SETUP_CONCURRENCY,
      ruleset: 'bench/rulesets/storm.json',
      deadline: DEADLINE,
    },
    figures: [
      costFigure({
        id: 'storm.visible',
        label: 'every breach visible (visibility)',
        unit: 's',
        product: seconds(caseStorm.allVisibleAt - caseFirstDue),
        baseline: seconds(bareStorm.allVisibleAt - bareFirstDue),
        baselineLabel: 'every bare workflow completed',
      }),
      costFigure({
        id: 'storm.done',
        label: 'every mail written / activity run',
        unit: 's',
        product: seconds(caseAllMails),
        baseline: seconds(bareAllNoops),
        baselineLabel: 'every no-op activity run',
      }),
      costFigure({
        id: 'storm.half',
        label: 'half the mails written / activities run',
        unit: 's',
        product: seconds(percentile(sortedMails, 50) - caseFirstDue),
        baseline: seconds(percentile(sortedNoops, 50) - bareFirstDue),
        baselineLabel: 'half the no-op activities run',
      }),
      costFigure({
        id: 'storm.cpu',
        label: 'CPU per breach, all processes',
        unit: 'ms',
        product: caseCpu.total,
        baseline: bareCpu.total,
        baselineLabel: 'per bare timer + activity',
      }),
      costFigure({
        id: 'storm.spread',
        label: 'spread of the due instants',
        unit: 'ms',
        product: caseSpread,
        baseline: bareSpread,
        baselineLabel: 'bare timers',
      }),
    ],
    details: {
      cases: {
        instant: new Date(caseInstant).toISOString(),
        firstDue: new Date(caseFirstDue).toISOString(),
        spreadMs: caseSpread,
        secondsToAllVisible: seconds(caseStorm.allVisibleAt - caseFirstDue),
        secondsToAllMails: seconds(caseAllMails),
        mailsWritten: sortedMails.length,
        outboxFiles,
        notificationRecipients: recipients,
        notDelivered,
        notBreached,
        mailsPerSecond: round(sortedMails.length / Math.max(0.001, caseAllMails / 1000), 1),
        cpuMsPerCase: caseCpu,
        timeline: caseStorm.timeline.map((point) => ({ ...point, t: seconds(point.t - caseFirstDue) })),
        historyOfOneCase: caseHistory,
      },
      bare: {
        instant: new Date(bareInstant).toISOString(),
        spreadMs: bareSpread,
        secondsToAllCompleted: seconds(bareStorm.allVisibleAt - bareFirstDue),
        secondsToAllActivities: seconds(bareAllNoops),
        activitiesRun: sortedNoops.length,
        activitiesPerSecond: round(sortedNoops.length / Math.max(0.001, bareAllNoops / 1000), 1),
        cpuMsPerWorkflow: bareCpu,
        timeline: bareStorm.timeline.map((point) => ({ ...point, t: seconds(point.t - bareFirstDue) })),
        historyOfOneWorkflow: bareHistory,
      },
    },
    wallSeconds: round((Date.now() - started) / 1000, 1),
  };
}

/**
 * Waits for the instant, then polls until `visible` reaches `n` and `done` reaches `expected` (or
 * stops growing for 30 s); returns when visibility first showed all, and a coarse timeline.
 */
async function watch(
  instant: number,
  n: number,
  expected: number,
  poll: () => Promise<{ visible: number; done: number }>,
): Promise<{ allVisibleAt: number; timeline: Array<{ t: number; visible: number; done: number }> }> {
  await sleep(Math.max(0, instant - Date.now() - 50));
  const progress = new Progress('storm', expected, 'done');
  const timeline: Array<{ t: number; visible: number; done: number }> = [];
  let allVisibleAt = Number.NaN;
  let last = { visible: -1, done: -1 };
  let lastChange = Date.now();
  for (;;) {
    const now = Date.now();
    const state = await poll();
    if (state.visible !== last.visible || state.done !== last.done) {
      lastChange = now;
      timeline.push({ t: now, ...state });
      progress.tick(state.done - Math.max(0, last.done), `visible ${state.visible}/${n}`);
    }
    last = state;
    if (Number.isNaN(allVisibleAt) && state.visible >= n) allVisibleAt = now;
    if (state.visible >= n && state.done >= expected) break;
    if (now - lastChange > 30_000) break;
    await sleep(50);
  }
  progress.finish();
  return { allVisibleAt, timeline };
}
