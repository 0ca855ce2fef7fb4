import * as wf from '@temporalio/workflow';
import { cashBenefit, type CashBenefitState, currentShape, openCashBenefit } from '../src/domain/core';
import { cashBenefitEventMessages, type CashBenefitWorkflowInput, failureTypes } from '../src/messages';
import { DEFAULT_HISTORY_LIMIT, runCase } from './case-shell';
import { runPatches } from './patches';

/** A citizen's spell on kontanthjælp: after one continuous year, the right to be assessed for a course. */
export async function cashBenefitSpell(input: CashBenefitWorkflowInput): Promise<CashBenefitState> {
  const patches = runPatches();
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  return runCase({
    rules: cashBenefit,
    state: initialState(input),
    messages: cashBenefitEventMessages,
    historyLimit,
    recentUpdates: input.recentUpdates,
    patches,
    continueAsNew: (state, recentUpdates) =>
      wf.continueAsNew<typeof cashBenefitSpell>({ state, historyLimit, recentUpdates }),
  });
}

function initialState(input: CashBenefitWorkflowInput): CashBenefitState {
  if (input.state) return currentShape(input.state);
  if (!input.open)
    throw wf.ApplicationFailure.nonRetryable('a spell needs either open or state', failureTypes.invalidInput);
  return openCashBenefit(input.open.case, input.open.rules, Date.now(), input.open.openedBy);
}
