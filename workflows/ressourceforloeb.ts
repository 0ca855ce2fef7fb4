import * as wf from '@temporalio/workflow';
import { type CaseState, courseRules, openCase } from '../src/domain';
import {
  caseEventMessages,
  type CaseWorkflowInput,
  type FleksjobWorkflowInput,
  workflowTypes,
} from '../src/messages';
import { DEFAULT_HISTORY_LIMIT, runCase } from './case-shell';

/**
 * One ressourceforløb, from referral (or the citizen's own application) until it is concluded. A
 * course that ends with a fleksjob continues, under the same case ID, as its fleksjob follow-up.
 */
export async function ressourceforloeb(input: CaseWorkflowInput): Promise<CaseState> {
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const final = await runCase({
    rules: courseRules,
    state: initialState(input),
    messages: caseEventMessages,
    historyLimit,
    recentUpdates: input.recentUpdates,
    continueAsNew: (state, recentUpdates) =>
      wf.continueAsNew<typeof ressourceforloeb>({ state, historyLimit, recentUpdates }),
  });
  // Cases that concluded before the follow-up existed ended here; the patch keeps their histories valid.
  if (final.outcome?.outcome === 'fleksjob' && wf.patched('fleksjob-follow-up-after-course')) {
    const followUp: FleksjobWorkflowInput = { fromCourse: final, historyLimit };
    await wf.makeContinueAsNewFunc({ workflowType: workflowTypes.fleksjob })(followUp);
  }
  return final;
}

function initialState(input: CaseWorkflowInput): CaseState {
  if (input.state) return input.state;
  if (!input.open)
    throw wf.ApplicationFailure.nonRetryable('a case needs either open or state', 'InvalidInput');
  return openCase(input.open.case, input.open.rules, Date.now(), input.open.openedBy);
}
