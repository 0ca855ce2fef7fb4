import { defineCaseKind } from '../engine/kind';
import { cashBenefitEventValidators } from '../generated/event-validators';
import { cashBenefitDeadlines } from './deadlines';
import { cashBenefitRules } from './rules';
import { msg } from '../messages/message';

/** A citizen's spell on kontanthjælp: events.ts, state.ts, rules.ts, deadlines.ts, open.ts. */
export const cashBenefit = defineCaseKind({
  kind: 'cash-benefit',
  events: cashBenefitEventValidators,
  rules: cashBenefitRules,
  deadlines: cashBenefitDeadlines,
  closed: (state) => {
    // Version 1 rulesets end the case when the right is given; the seeds' follow-on waits for the team.
    const legacy = state.ruleset.cashBenefit.assessment === undefined;
    if (state.phase === 'interrupted') return msg('cash-benefit.closed-interrupted');
    if (state.phase === 'sent-to-team') return msg('cash-benefit.closed-team');
    if (state.phase === 'right-given' && legacy) return msg('cash-benefit.closed-right');
    return undefined;
  },
  outcome: (state) =>
    state.phase === 'on-benefit' ||
    (state.phase === 'right-given' && state.ruleset.cashBenefit.assessment !== undefined)
      ? null
      : state.phase,
});
