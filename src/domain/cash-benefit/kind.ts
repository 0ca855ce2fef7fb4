import { defineCaseKind } from '../engine/kind';
import { cashBenefitEventValidators } from '../generated/event-validators';
import { cashBenefitDeadlines } from './deadlines';
import { cashBenefitRules } from './rules';

/** A citizen's spell on kontanthjælp: events.ts, state.ts, rules.ts, deadlines.ts, open.ts. */
export const cashBenefit = defineCaseKind({
  kind: 'cash-benefit',
  events: cashBenefitEventValidators,
  rules: cashBenefitRules,
  deadlines: cashBenefitDeadlines,
  closed: (state) =>
    state.phase === 'on-benefit'
      ? undefined
      : `the spell has ${state.phase === 'interrupted' ? 'been interrupted' : 'given the right to assessment'}; it accepts no further events`,
  outcome: (state) => (state.phase === 'on-benefit' ? null : state.phase),
});
