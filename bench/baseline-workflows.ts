import * as wf from '@temporalio/workflow';
import type { BaselineActivities } from './baseline-activities';

/**
 * The baselines: the least a workflow can do for each thing a case does, so each figure of the
 * product can be set beside what Temporal itself does on the same machine in the same run. Bundled
 * apart from the product's workflows.
 */
export const eventUpdate = wf.defineUpdate<number, [unknown]>('event');
export const eventSignal = wf.defineSignal<[unknown]>('event');
export const countQuery = wf.defineQuery<number>('count');

const { noop } = wf.proxyActivities<BaselineActivities>({ startToCloseTimeout: '1 minute' });

/**
 * Holds one durable timer (as a case holds its next deadline) and counts the Updates and Signals it
 * receives; a Query answers the count.
 */
export async function benchTimer(input: { holdMs?: number } = {}): Promise<number> {
  let events = 0;
  wf.setHandler(eventUpdate, () => {
    events += 1;
    return events;
  });
  wf.setHandler(eventSignal, () => {
    events += 1;
  });
  wf.setHandler(countQuery, () => events);
  await wf.condition(() => false, input.holdMs ?? 10 * 365 * 86_400_000);
  return events;
}

/** The deadline storm's baseline: a timer that fires after `dueInMs`, then one no-op activity. */
export async function benchStorm(input: { dueInMs: number }): Promise<void> {
  const dueAt = Date.now() + input.dueInMs;
  await wf.sleep(input.dueInMs);
  await noop(dueAt);
}

/**
 * The simulation's baseline: the same number of timers, activities and Updates as the simulated case,
 * with no rules at all. Timers fire at the given offsets from the first run's start; after each, a
 * share of the no-op activities runs. Like a case, it continues as new when its history passes
 * `historyLimit`, and also after 5 simulated years (it writes less history than a case, and the
 * time-skipping server ends a run after 10); after the last timer it waits, answering Updates.
 */
const FIVE_YEARS_MS = 5 * 365 * 86_400_000;

export interface SimulationInput {
  timerOffsetsMs: number[];
  activities: number;
  historyLimit: number;
  perTimer?: number;
  startedAt?: number;
  events?: number;
}

export async function benchSimulation(input: SimulationInput): Promise<number> {
  let events = input.events ?? 0;
  wf.setHandler(eventUpdate, () => {
    events += 1;
    return events;
  });
  wf.setHandler(countQuery, () => events);
  const start = input.startedAt ?? Date.now();
  const runStart = Date.now();
  const perTimer = input.perTimer ?? Math.ceil(input.activities / Math.max(1, input.timerOffsetsMs.length));
  const offsets = [...input.timerOffsetsMs];
  let activitiesLeft = input.activities;
  while (offsets.length > 0) {
    const offset = offsets.shift()!;
    await wf.sleep(Math.max(1, start + offset - Date.now()));
    for (let i = 0; i < perTimer && activitiesLeft > 0; i += 1, activitiesLeft -= 1) await noop(Date.now());
    if (wf.workflowInfo().historyLength > input.historyLimit || Date.now() - runStart > FIVE_YEARS_MS) {
      await wf.condition(wf.allHandlersFinished);
      await wf.continueAsNew<typeof benchSimulation>({
        ...input,
        timerOffsetsMs: offsets,
        activities: activitiesLeft,
        perTimer,
        startedAt: start,
        events,
      });
    }
  }
  await wf.condition(() => false);
  return events;
}
