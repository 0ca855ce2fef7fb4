import * as wf from '@temporalio/workflow';
import {
  currentShape,
  fleksjob,
  fleksjobFromCourse,
  type FleksjobState,
  openFleksjob,
} from '../src/domain/core';
import { failureTypes, fleksjobEventMessages, type FleksjobWorkflowInput } from '../src/messages';
import { DEFAULT_HISTORY_LIMIT, runCase } from './case-shell';
import { type RunPatches, runPatches } from './patches';

/**
 * The follow-up of a fleksjob, for as long as it runs — decades, in runs of bounded history. It
 * keeps the case's ID, so the API and supervisors' queries find the case across every run.
 */
export async function fleksjobFollowUp(input: FleksjobWorkflowInput): Promise<FleksjobState> {
  const patches = runPatches();
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  return runCase({
    rules: fleksjob,
    state: withYearlyCheckFix(initialState(input), patches),
    messages: fleksjobEventMessages,
    historyLimit,
    recentUpdates: input.recentUpdates,
    patches,
    continueAsNew: (state, recentUpdates) =>
      wf.continueAsNew<typeof fleksjobFollowUp>({ state, historyLimit, recentUpdates }),
  });
}

function initialState(input: FleksjobWorkflowInput): FleksjobState {
  if (input.state) return currentShape(input.state);
  if (input.fromCourse) return fleksjobFromCourse(currentShape(input.fromCourse), Date.now());
  if (!input.open) {
    throw wf.ApplicationFailure.nonRetryable(
      'a follow-up needs open, fromCourse or state',
      failureTypes.invalidInput,
    );
  }
  return openFleksjob(input.open.case, input.open.rules, Date.now(), input.open.openedBy);
}

/**
 * Issue 14 item 10: a yearly check that passed unrecorded is now followed by the next year's. A run
 * that began before that fix keeps the old behaviour (its history has no timer for the next check);
 * every run after it, including its own continuation, has the fix.
 */
function withYearlyCheckFix(state: FleksjobState, patches: RunPatches): FleksjobState {
  const { yearlyChecksStopAfterMiss: _old, ...fixed } = state;
  return patches.patched('fleksjob-yearly-check-every-year')
    ? fixed
    : { ...fixed, yearlyChecksStopAfterMiss: true };
}
