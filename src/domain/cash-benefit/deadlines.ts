import type { Draft } from 'immer';
import { type Deadline, type DeadlineDefinitions, withinLimit } from '../engine/deadlines';
import { type CaseDraft, notify } from '../engine/draft';
import type { CashBenefitState } from './state';

export type CashBenefitDeadlineKind = 'assessment-right';
export type CashBenefitDeadline = Deadline<CashBenefitDeadlineKind>;

export const cashBenefitDeadlines: DeadlineDefinitions<CashBenefitState, CashBenefitDeadlineKind> = {
  /** Seed 001 §8: one continuous year on kontanthjælp gives the right to be assessed for a ressourceforløb. */
  'assessment-right': {
    label: 'one continuous year on kontanthjælp: the right to be assessed for a ressourceforløb',
    remind: ['caseworker'],
    milestone: true,
    instances: (state) => [
      {
        id: 'assessment-right',
        startedAt: state.spellStartedAt,
        ...withinLimit(
          state.spellStartedAt,
          {
            within: state.ruleset.cashBenefit.assessmentRightAfter,
            reminders: [],
          },
          state.ruleset.calendar,
        ),
        void: state.phase === 'interrupted',
      },
    ],
    onDue(draft: Draft<CashBenefitState>, deadline) {
      draft.phase = 'right-given';
      draft.rightGivenAt = deadline.dueAt;
      notify(
        draft as CaseDraft,
        'assessment-right',
        'right-to-assessment',
        ['citizen', 'caseworker'],
        { since: draft.spellStartedAt },
        deadline.dueAt,
      );
    },
  },
};
