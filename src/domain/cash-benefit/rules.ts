import { commonEventRules, type EventRule } from '../engine/event-rules';
import { toEpochMs, toInstant } from '../engine/time';
import { afklaringRecordableFromMs, nextAfklaring } from './deadlines';
import type { CashBenefitEventData, CashBenefitEventType } from './events';
import type { CashBenefitState } from './state';

const day = (epochMs: number) => toInstant(epochMs).slice(0, 10);

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

  caseSentToTeam: {
    refuse: (state) => {
      if (state.ruleset.cashBenefit.assessment?.kind !== 'citizen-right')
        return 'this ruleset gives no right to assessment that sends the case to the team';
      if (state.phase !== 'right-given') return 'the right to assessment has not been given yet';
      return undefined;
    },
    apply: (draft, data, { at }) => {
      draft.phase = 'sent-to-team';
      draft.sentToTeamAt = at;
      return { summary: 'the case was put to the rehabilitation team', reason: data.note };
    },
  },

  afklaringRecorded: {
    refuse: (state, _data, { at }) => {
      if (state.ruleset.cashBenefit.assessment?.kind !== 'municipal-duty')
        return 'this ruleset has no afklaring after continuous kontanthjælp';
      if (state.phase === 'interrupted') return 'the spell has been interrupted';
      const next = nextAfklaring(state);
      if (!next) return 'no afklaring is due for this recipient';
      const from = afklaringRecordableFromMs(state, next.dueMs);
      return toEpochMs(at) < from
        ? `afklaring ${next.n} is due ${day(next.dueMs)}; it can be recorded from ${day(from)}`
        : undefined;
    },
    apply: (draft, data, { at }) => {
      const next = nextAfklaring(draft as CashBenefitState)!;
      (draft.afklaringer ??= []).push({
        at,
        n: next.n,
        outcome: data.outcome,
        ...(data.note ? { note: data.note } : {}),
      });
      return {
        summary: `afklaring ${next.n}: ${data.outcome === 'team' ? 'the case goes to the rehabilitation team' : 'a measure follows'}`,
        reason: data.note,
      };
    },
  },

  categoryChanged: {
    refuse: (state, data) =>
      state.phase === 'interrupted'
        ? 'the spell has been interrupted'
        : (state.category ?? 'aktivitetsparat') === data.category
          ? `the recipient is already ${data.category}`
          : undefined,
    apply: (draft, data) => {
      draft.category = data.category;
      return { summary: `the recipient is now ${data.category}` };
    },
  },
};
