import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { ensureTestServer } from '../../scripts/lib/temporal-binaries';
import { CaseService } from '../../src/client/case-service';
import { DEFAULT_MAIL_FROM } from '../../src/config/mail';
import { loadRuleset } from '../../src/config/rulesets';
import type { Actor, CaseView, FleksjobState } from '../../src/domain';
import { allSearchAttributeKeys } from '../../src/messages/search-attributes';
import { createDirectory } from '../../src/notifications/directory';
import type { Mailer } from '../../src/notifications/mailer';
import { createOutboxMailer } from '../../src/notifications/outbox';
import { createDataConverter } from '../../src/temporal/data-converter';
import { createCaseWorker } from '../../worker/create-worker';
import { createBaselineActivities } from '../baseline-activities';
import { countQuery, eventUpdate } from '../baseline-workflows';
import { newCase } from '../lib/cases';
import { benchKeyRing, profiled, type RunContext } from '../lib/context';
import { type HistoryCounts, historyCounts } from '../lib/history';
import { Progress, step } from '../lib/progress';
import { costFigure, type PartResult } from '../lib/report';
import { round } from '../lib/stats';
import { memoryLedger } from '../../src/notifications/ledger';

export interface SimulationOptions {
  /** Years of fleksjob follow-up after the course. */
  years: number;
}

const DAY = 86_400_000;
/**
 * The time-skipping server ends any single run after 10 simulated years (here even with a longer
 * workflowExecutionTimeout: the baseline's single run timed out after 10 years, and so did the
 * fleksjob follow-up the course continued as). A real server does not. So the case continues as new
 * every 150 history events, as the fleksjob tests do, a run every few simulated years (production's
 * default is 5,000), and the baseline does the same.
 */
const HISTORY_LIMIT = 150;
const CASE_ID = 'bench-sim-1';
const caseworker: Actor = { id: 'cw-1', role: 'caseworker', municipality: '101' };

/** What the scenario does to its case: the product's case, or the baseline's trivial workflow. */
interface Target {
  open(): Promise<void>;
  send(type: string, data: unknown): Promise<void>;
  read(): Promise<void>;
}

/**
 * The scenario, in simulated time: a whole 3-year course with the events of test/workflows/course.test.ts
 * 'ts-full' (relatives, offers, the health coordinator, a complaint, a new caseworker), concluded with a
 * fleksjob on day 1085; the course continues as new into the fleksjob follow-up under the same case
 * ID; the fleksjob starts at 3 hours a week, the progression review is recorded, and then a yearly
 * check every year for `years` years. Returns the number of events sent.
 */
async function scenario(env: TestWorkflowEnvironment, target: Target, years: number, progress?: Progress) {
  let events = 0;
  const send = async (type: string, data: unknown) => {
    await target.send(type, data);
    events += 1;
  };
  const sleepUntil = async (ms: number) => {
    const now = await env.currentTimeMs();
    if (ms > now) await env.sleep(ms - now);
    progress?.tick();
  };
  await target.open();
  await send('caseworkerAssigned', { caseworkerId: 'cw-1', name: 'Sara', email: 'sara@kk.dk' });
  await send('teamRecommendation', {
    recommends: 'ressourceforloeb',
    unanimous: true,
    citizenAttendedWholeMeeting: true,
  });
  await send('municipalDecision', { decision: 'grant-course', reasoning: 'as recommended' });
  const start = await env.currentTimeMs();
  await send('relativeRegistered', {
    relativeId: 'r1',
    name: 'Mette',
    relation: 'spouse',
    email: 'mette@example.dk',
  });
  await send('relativeConsent', { relativeId: 'r1', consent: true, covers: ['decisions', 'deadlines'] });
  await send('offerRegistered', {
    offerId: 'mentor',
    kind: 'mentor',
    real: false,
    plannedStart: '2027-01-15',
  });
  await send('offerStarted', { offerId: 'mentor' });
  await sleepUntil(start + 60 * DAY);
  await send('offerRegistered', {
    offerId: 'praktik',
    kind: 'internship',
    real: true,
    plannedStart: '2027-04-01',
  });
  await send('healthCoordinatorRequested', { offerId: 'praktik' });
  // A complaint about the offer within the 4 weeks from the decision (Rsl. § 67; BEK 861/2025 § 11).
  await sleepUntil(start + 65 * DAY);
  await send('complaintReceived', { complaintId: 'k1', about: 'offer', offerId: 'praktik' });
  await sleepUntil(start + 75 * DAY);
  await send('complaintReconsidered', { complaintId: 'k1', result: 'kept', reasoning: 'suitable' });
  // Version 2 rulesets: a kept complaint counts as sent to Ankestyrelsen when a caseworker says so.
  await send('complaintForwarded', { complaintId: 'k1' });
  await sleepUntil(start + 80 * DAY);
  await send('healthCoordinatorAdvice', { offerId: 'praktik', advice: 'adjust', note: 'fewer hours' });
  // Version 2 rulesets (LAB § 113, stk. 3): the municipality's decision moves the offer.
  await send('healthAdviceDecided', { offerId: 'praktik', decision: 'adjust', reasoning: 'fewer hours' });
  await send('offerStarted', { offerId: 'praktik' });
  await sleepUntil(start + 400 * DAY);
  await send('offerEnded', { offerId: 'praktik', reason: 'completed' });
  await send('caseworkerAssigned', { caseworkerId: 'cw-2', name: 'Ny', email: 'ny@kk.dk' });
  await send('offerRegistered', {
    offerId: 'uddannelse',
    kind: 'education',
    real: true,
    plannedStart: '2028-03-01',
  });
  await send('offerStarted', { offerId: 'uddannelse' });
  await sleepUntil(start + 900 * DAY);
  await send('teamRecommendation', {
    recommends: 'fleksjob',
    unanimous: true,
    citizenAttendedWholeMeeting: true,
  });
  await sleepUntil(start + 1085 * DAY);
  await send('courseConcluded', { outcome: 'fleksjob' });
  // Version 2 rulesets: the ended course stays open for its complaint window (4 weeks from the
  // decision's receipt, Rsl. § 67), then continues as new into its fleksjob follow-up, same case ID.
  await sleepUntil(start + (1085 + 40) * DAY);
  await target.read();
  await send('fleksjobStarted', { weeklyHours: 3 });
  const job = await env.currentTimeMs();
  await sleepUntil(job + 80 * DAY);
  await send('progressionReviewRecorded', { workCapacity: 'as-expected', weeklyHours: 3 });
  for (let year = 1; year <= years; year += 1) {
    await sleepUntil(job + (year * 365.25 - 10) * DAY);
    await send('yearlyCheckRecorded', {
      progression: true,
      planFollowed: true,
      weeklyHours: 3 + (year % 3) / 2,
    });
  }
  await sleepUntil(job + (years * 365.25 + 30) * DAY);
  await target.read();
  return events;
}

/** Steps of the scenario that advance time (for the progress bar). */
const stepsOf = (years: number) => 11 + years;

/**
 * Part 5, simulation speed: the wall time of a whole course and `years` of fleksjob follow-up in the
 * time-skipping test environment, against the same scenario driven against a trivial workflow with
 * the same Updates, the same timers firing at the same simulated instants and the same number of
 * activities (taken from the case's own history).
 */
export async function runSimulation(context: RunContext, options: SimulationOptions): Promise<PartResult> {
  const started = Date.now();
  const { keyRing } = benchKeyRing();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: ensureTestServer() } },
    client: { dataConverter: createDataConverter(keyRing) },
  });
  const namespace = env.namespace ?? 'default';
  await env.connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(
      allSearchAttributeKeys.map((key) => [
        key.name,
        temporal.api.enums.v1.IndexedValueType[
          `INDEXED_VALUE_TYPE_${key.type}` as keyof typeof temporal.api.enums.v1.IndexedValueType
        ],
      ]),
    ),
  });
  const outboxDir = join(context.workDir, 'simulation-outbox');
  mkdirSync(outboxDir, { recursive: true });
  let mails = 0;
  const outbox = createOutboxMailer(outboxDir, DEFAULT_MAIL_FROM);
  const mailer: Mailer = {
    async send(message) {
      await outbox.send(message);
      mails += 1;
    },
  };
  const caseQueue = 'bench-sim-cases';
  const bareQueue = 'bench-sim-bare';
  const caseWorker = await createCaseWorker({
    ledger: memoryLedger(),
    connection: env.nativeConnection,
    namespace,
    taskQueue: caseQueue,
    keyRing,
    mailer,
    directory: createDirectory({}),
    workflowBundle: { codePath: context.bundles.cases },
  });
  let noops = 0;
  const bareWorker = await Worker.create({
    connection: env.nativeConnection,
    namespace,
    taskQueue: bareQueue,
    workflowBundle: { codePath: context.bundles.baseline },
    activities: createBaselineActivities(() => {
      noops += 1;
    }),
  });
  const running = Promise.all([caseWorker.run(), bareWorker.run()]);
  try {
    const cases = new CaseService(env.client, caseQueue);
    const rules = loadRuleset('seeds-2017');

    // The product.
    const caseTarget: Target = {
      open: async () => {
        await cases.open(newCase(CASE_ID), rules, caseworker, {
          executionTimeout: '36500 days',
          historyLimit: HISTORY_LIMIT,
        });
      },
      send: async (type, data) => {
        await cases.send(CASE_ID, type, data, caseworker);
      },
      read: async () => {
        await cases.state(CASE_ID);
      },
    };
    step(`a course and ${options.years} years of fleksjob follow-up, time-skipped`);
    const caseProgress = new Progress('case', stepsOf(options.years), 'steps');
    const caseT0 = Date.now();
    const caseEvents = await profiled(context, 'simulation-cases-bench', () =>
      scenario(env, caseTarget, options.years, caseProgress),
    );
    const caseMs = Date.now() - caseT0;
    caseProgress.finish();
    const final = (await cases.stateOf(CASE_ID, 'fleksjob')) as CaseView<FleksjobState>;
    const counts = await historyCounts(env.client, `rf-${CASE_ID}`);
    const timerOffsets = await firedTimerOffsets(env, `rf-${CASE_ID}`);

    // The baseline: the same Updates at the same instants, the same timers and as many activities.
    const bareClient = new Client({ connection: env.connection, namespace });
    let handle: WorkflowHandle | undefined;
    const bareTarget: Target = {
      open: async () => {
        await bareClient.workflow.start('benchSimulation', {
          taskQueue: bareQueue,
          workflowId: 'bench-sim-bare-1',
          args: [
            { timerOffsetsMs: timerOffsets, activities: counts.activities, historyLimit: HISTORY_LIMIT },
          ],
          workflowExecutionTimeout: '36500 days',
        });
        // By ID alone, as the API finds a case: Updates reach whichever run is current.
        handle = bareClient.workflow.getHandle('bench-sim-bare-1');
      },
      send: async () => {
        await handle!.executeUpdate(eventUpdate, { args: [{}] });
      },
      read: async () => {
        await handle!.query(countQuery);
      },
    };
    const bareProgress = new Progress('bare', stepsOf(options.years), 'steps');
    const bareT0 = Date.now();
    const bareEvents = await profiled(context, 'simulation-bare-bench', () =>
      scenario(env, bareTarget, options.years, bareProgress),
    );
    const bareMs = Date.now() - bareT0;
    bareProgress.finish();
    const bareCounts = await historyCounts(env.client, 'bench-sim-bare-1');

    const problems: string[] = [];
    if (final.yearlyChecks.length !== options.years)
      problems.push(`expected ${options.years} yearly checks, the case has ${final.yearlyChecks.length}`);
    if (final.origin !== 'course') problems.push('the follow-up did not continue the course');
    if (final.escalations.some((escalation) => escalation.status === 'open'))
      problems.push('the follow-up has open escalations');
    const seconds = (ms: number) => round(ms / 1000, 2);
    return {
      part: 'simulation',
      params: {
        years: options.years,
        courseDays: 1085,
        historyLimit: HISTORY_LIMIT,
        executionTimeout: '36500 days',
      },
      figures: [
        costFigure({
          id: 'simulation.wall',
          label: `3-year course + ${options.years} y fleksjob, wall`,
          unit: 's',
          product: seconds(caseMs),
          baseline: seconds(bareMs),
          baselineLabel: 'same timers, Updates, activities',
        }),
        costFigure({
          id: 'simulation.perEvent',
          label: 'wall time per history event',
          unit: 'ms',
          product: round(caseMs / counts.events),
          baseline: round(bareMs / bareCounts.events),
          baselineLabel: 'trivial workflow',
        }),
        costFigure({
          id: 'simulation.historyBytes',
          label: `stored history, ${counts.runs} runs`,
          unit: 'KiB',
          product: round(counts.bytes / 1024, 1),
          baseline: round(bareCounts.bytes / 1024, 1),
          baselineLabel: `trivial workflow, ${bareCounts.runs} runs`,
        }),
      ],
      details: {
        simulatedYears: round((1085 + options.years * 365.25 + 30) / 365.25, 1),
        eventsSent: { case: caseEvents, bare: bareEvents },
        caseHistory: counts,
        bareHistory: bareCounts satisfies HistoryCounts,
        timersFired: timerOffsets.length,
        mailsWritten: mails,
        bareActivitiesRun: noops,
        finalState: {
          kind: final.kind,
          phase: final.phase,
          yearlyChecks: final.yearlyChecks.length,
          notifications: final.notifications.length,
          timeline: final.timeline.length,
        },
        ...(problems.length ? { problems } : {}),
      },
      wallSeconds: round((Date.now() - started) / 1000, 1),
    };
  } finally {
    caseWorker.shutdown();
    bareWorker.shutdown();
    await running;
    await env.teardown();
  }
}

/** When each timer of every run fired, in ms after the first run started. */
async function firedTimerOffsets(env: TestWorkflowEnvironment, workflowId: string): Promise<number[]> {
  const times: number[] = [];
  let first = Number.NaN;
  let runId: string | undefined;
  const EventType = temporal.api.enums.v1.EventType;
  for (;;) {
    const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    const startMs = Number(events[0]?.eventTime?.seconds ?? 0) * 1000;
    first = Number.isNaN(first) ? startMs : Math.min(first, startMs);
    for (const event of events) {
      if (event.eventType === EventType.EVENT_TYPE_TIMER_FIRED) {
        times.push(
          Number(event.eventTime?.seconds ?? 0) * 1000 + Math.floor((event.eventTime?.nanos ?? 0) / 1e6),
        );
      }
    }
    runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
    if (!runId) break;
  }
  return times.map((time) => time - first).sort((a, b) => a - b);
}
