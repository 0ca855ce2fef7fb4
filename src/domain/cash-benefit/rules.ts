import { commonEventRules, type EventRule } from '../engine/event-rules';
import { toEpochMs, toInstant } from '../engine/time';
import { afklaringRecordableFromMs, nextAfklaring } from './deadlines';
import type { CashBenefitEventData, CashBenefitEventType } from './events';
import type { CashBenefitState } from './state';
import { msg } from '../messages/message';

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
      return {
        summary: msg('cash-benefit.interrupted', { reason: msg(`value.interruption.${data.reason}`) }),
        reason: data.note,
      };
    },
  },

  caseSentToTeam: {
    refuse: (state) => {
      if (state.ruleset.cashBenefit.assessment?.kind !== 'citizen-right') return msg('cash-benefit.no-right');
      if (state.phase !== 'right-given') return msg('cash-benefit.right-not-yet');
      return undefined;
    },
    apply: (draft, data, { at }) => {
      draft.phase = 'sent-to-team';
      draft.sentToTeamAt = at;
      return { summary: msg('cash-benefit.put-to-team'), reason: data.note };
    },
  },

  afklaringRecorded: {
    refuse: (state, _data, { at }) => {
      if (state.ruleset.cashBenefit.assessment?.kind !== 'municipal-duty')
        return msg('cash-benefit.no-afklaring');
      if (state.phase === 'interrupted') return msg('cash-benefit.interrupted-already');
      const next = nextAfklaring(state);
      if (!next) return msg('cash-benefit.no-afklaring-due');
      const from = afklaringRecordableFromMs(state, next.dueMs);
      return toEpochMs(at) < from
        ? msg('cash-benefit.afklaring-too-early', { n: next.n, due: day(next.dueMs), from: day(from) })
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
        summary: msg(
          data.outcome === 'team' ? 'cash-benefit.afklaring-team' : 'cash-benefit.afklaring-measure',
          {
            n: next.n,
          },
        ),
        reason: data.note,
      };
    },
  },

  categoryChanged: {
    refuse: (state, data) =>
      state.phase === 'interrupted'
        ? msg('cash-benefit.interrupted-already')
        : (state.category ?? 'aktivitetsparat') === data.category
          ? msg('cash-benefit.category-same', { category: data.category })
          : undefined,
    apply: (draft, data) => {
      draft.category = data.category;
      return { summary: msg('cash-benefit.category-changed', { category: data.category }) };
    },
  },
};
