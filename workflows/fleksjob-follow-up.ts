import * as wf from '@temporalio/workflow';
import { type FleksjobState, fleksjobFromCourse, fleksjobRules, openFleksjob } from '../src/domain';
import { fleksjobEventMessages, type FleksjobWorkflowInput } from '../src/messages';
import { DEFAULT_HISTORY_LIMIT, runCase } from './case-shell';

/**
 * The follow-up of a fleksjob, for as long as it runs — decades, in runs of bounded history. It
 * keeps the case's ID, so the API and supervisors' queries find the case across every run.
 */
export async function fleksjobFollowUp(input: FleksjobWorkflowInput): Promise<FleksjobState> {
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  return runCase({
    rules: fleksjobRules,
    state: initialState(input),
    messages: fleksjobEventMessages,
    historyLimit,
    recentUpdates: input.recentUpdates,
    continueAsNew: (state, recentUpdates) =>
      wf.continueAsNew<typeof fleksjobFollowUp>({ state, historyLimit, recentUpdates }),
  });
}

function initialState(input: FleksjobWorkflowInput): FleksjobState {
  if (input.state) return input.state;
  if (input.fromCourse) return fleksjobFromCourse(input.fromCourse, Date.now());
  if (!input.open)
    throw wf.ApplicationFailure.nonRetryable('a follow-up needs open, fromCourse or state', 'InvalidInput');
  return openFleksjob(input.open.case, input.open.rules, Date.now(), input.open.openedBy);
}
