import * as wf from '@temporalio/workflow';
import { course, type CourseState, currentShape, openCourse } from '../src/domain/core';
import {
  courseEventMessages,
  type CaseWorkflowInput,
  failureTypes,
  type FleksjobWorkflowInput,
  workflowTypes,
} from '../src/messages';
import { DEFAULT_HISTORY_LIMIT, runCase } from './case-shell';
import { runPatches } from './patches';

/**
 * One ressourceforløb, from referral (or the citizen's own application) until it is concluded. A
 * course that ends with a fleksjob continues, under the same case ID, as its fleksjob follow-up.
 */
export async function ressourceforloeb(input: CaseWorkflowInput): Promise<CourseState> {
  const patches = runPatches();
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const final = await runCase({
    rules: course,
    state: initialState(input),
    messages: courseEventMessages,
    historyLimit,
    recentUpdates: input.recentUpdates,
    patches,
    continueAsNew: (state, recentUpdates) =>
      wf.continueAsNew<typeof ressourceforloeb>({ state, historyLimit, recentUpdates }),
  });
  // Cases that concluded before the follow-up existed ended here; the patch keeps their histories valid.
  if (final.outcome?.outcome === 'fleksjob' && patches.patched('fleksjob-follow-up-after-course')) {
    const followUp: FleksjobWorkflowInput = { fromCourse: final, historyLimit };
    await wf.makeContinueAsNewFunc({ workflowType: workflowTypes.fleksjob })(followUp);
  }
  return final;
}

function initialState(input: CaseWorkflowInput): CourseState {
  if (input.state) return currentShape(input.state);
  if (!input.open)
    throw wf.ApplicationFailure.nonRetryable('a case needs either open or state', failureTypes.invalidInput);
  return openCourse(input.open.case, input.open.rules, Date.now(), input.open.openedBy);
}
