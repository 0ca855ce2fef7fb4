import { commonEventRules, type EventRule } from '../engine/event-rules';
import type { CashBenefitEventData, CashBenefitEventType } from './events';
import type { CashBenefitState } from './state';

/** The rule of each event of a kontanthjælp spell. */
export const cashBenefitRules: {
  [T in CashBenefitEventType]: EventRule<CashBenefitState, CashBenefitEventData<T>>;
} = {
  ...commonEventRules<CashBenefitState>(),
  cashBenefitInterrupted: {
    refuse: () => undefined,
    apply: (draft, data, { at }) => {
      draft.phase = 'interrupted';
      draft.interrupted = { at, reason: data.reason };
      return { summary: `the spell on kontanthjælp was interrupted: ${data.reason}`, reason: data.note };
    },
  },
};
