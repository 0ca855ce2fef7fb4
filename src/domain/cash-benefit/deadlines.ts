import type { Draft } from 'immer';
import { ageOn, birthDateFromCpr } from '../engine/cpr';
import {
  breachAndEscalate,
  type Deadline,
  type DeadlineDefinitions,
  type DeadlineInstance,
  remindersBefore,
  withinLimit,
} from '../engine/deadlines';
import { type CaseDraft, notify } from '../engine/draft';
import { addDuration, scaleDuration, subtractDuration, toInstant } from '../engine/time';
import type { CashBenefitState } from './state';
import { msg } from '../messages/message';

export type CashBenefitDeadlineKind = 'assessment-right' | 'team-referral' | 'municipal-assessment';
export type CashBenefitDeadline = Deadline<CashBenefitDeadlineKind>;

/** How long a continuous spell gives the citizen's right (seeds; version 1 too), if the ruleset gives one. */
function rightAfter(state: CashBenefitState): string | undefined {
  const rules = state.ruleset.cashBenefit;
  if (rules.assessment === undefined) return rules.assessmentRightAfter;
  return rules.assessment?.kind === 'citizen-right' ? rules.assessment.after : undefined;
}

/** The n-th (1-based) point of the law's afklaring: `after`, then every `repeatEvery`, of continuous benefit. */
export function afklaringDueMs(state: CashBenefitState, n: number): number | undefined {
  const duty = state.ruleset.cashBenefit.assessment;
  if (duty?.kind !== 'municipal-duty') return undefined;
  if (n > 1 && !duty.repeatEvery) return undefined;
  const calendar = state.ruleset.calendar;
  const first = addDuration(state.spellStartedAt, duty.after, calendar);
  return n === 1 ? first : addDuration(first, scaleDuration(duty.repeatEvery!, n - 1), calendar);
}

/**
 * Whether the afklaring at a point applies: LAB § 36 a, the recipient is aktivitetsparat and has
 * turned `minimumAge` by then (the age from the CPR number; an unreadable one counts as applying, so
 * staff are reminded rather than not).
 */
export function afklaringApplies(state: CashBenefitState, dueMs: number): boolean {
  const duty = state.ruleset.cashBenefit.assessment;
  if (duty?.kind !== 'municipal-duty') return false;
  if (duty.onlyAktivitetsparat && (state.category ?? 'aktivitetsparat') !== 'aktivitetsparat') return false;
  if (duty.minimumAge === null) return true;
  const birthDate = birthDateFromCpr(state.citizen.cpr);
  return !birthDate || ageOn(birthDate, toInstant(dueMs)) >= duty.minimumAge;
}

/** The next afklaring point not yet met: the one a recorded afklaring meets. */
export function nextAfklaring(state: CashBenefitState): { n: number; dueMs: number } | undefined {
  const met = new Set((state.afklaringer ?? []).map((afklaring) => afklaring.n));
  for (let n = 1; n <= 60; n += 1) {
    const dueMs = afklaringDueMs(state, n);
    if (dueMs === undefined) return undefined;
    if (!met.has(n) && afklaringApplies(state, dueMs)) return { n, dueMs };
  }
  return undefined;
}

export const cashBenefitDeadlines: DeadlineDefinitions<CashBenefitState, CashBenefitDeadlineKind> = {
  /** Seed 001 §8: one continuous year on kontanthjælp gives the right to be assessed for a ressourceforløb. */
  'assessment-right': {
    label: msg('deadline.label.assessment-right'),
    remind: ['caseworker'],
    milestone: true,
    instances: (state) => {
      const after = rightAfter(state);
      if (!after) return [];
      return [
        {
          id: 'assessment-right',
          startedAt: state.spellStartedAt,
          ...withinLimit(state.spellStartedAt, { within: after, reminders: [] }, state.ruleset.calendar),
          void: state.phase === 'interrupted',
        },
      ];
    },
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

  /** Seed 001 §8, its follow-on: once the right is given, the caseworker puts the case to the team. */
  'team-referral': {
    label: msg('deadline.label.team-referral'),
    remind: ['caseworker'],
    instances: (state) => {
      const assessment = state.ruleset.cashBenefit.assessment;
      if (assessment?.kind !== 'citizen-right' || !state.rightGivenAt) return [];
      return [
        {
          id: 'team-referral',
          startedAt: state.rightGivenAt,
          ...withinLimit(state.rightGivenAt, assessment.thenToTeam, state.ruleset.calendar),
          metAt: state.sentToTeamAt,
          void: state.phase === 'interrupted' && !state.sentToTeamAt,
        },
      ];
    },
    onDue: breachAndEscalate,
  },

  /**
   * LAB § 36 a: the municipality's afklaring after 2 continuous years, and every 2 years after, for
   * aktivitetsparate recipients aged 30 or more. A duty of the municipality: staff are reminded and it
   * escalates when missed; the citizen gets no letter. Every point comes, met or missed.
   */
  'municipal-assessment': {
    label: msg('deadline.label.municipal-assessment'),
    remind: ['caseworker'],
    instances: (state) => {
      const duty = state.ruleset.cashBenefit.assessment;
      if (duty?.kind !== 'municipal-duty') return [];
      const calendar = state.ruleset.calendar;
      const recorded = new Map((state.afklaringer ?? []).map((afklaring) => [afklaring.n, afklaring.at]));
      const instances: DeadlineInstance[] = [];
      let startedAt = state.spellStartedAt;
      for (let n = 1; n <= 60; n += 1) {
        const dueMs = afklaringDueMs(state, n);
        if (dueMs === undefined) break;
        const id = `municipal-assessment:${n}`;
        const metAt = recorded.get(n);
        const breached = Boolean(state.deadlineLog[id]?.breachedAt);
        const applies = afklaringApplies(state, dueMs);
        if (applies || metAt || breached) {
          instances.push({
            id,
            label: msg('deadline.label.municipal-assessment-n', { n }),
            startedAt,
            dueAtMs: dueMs,
            reminders: remindersBefore(dueMs, duty.reminders, calendar),
            ...(metAt ? { metAt } : {}),
            void: !metAt && (state.phase === 'interrupted' || !applies),
          });
          // The first point neither met nor missed is the last one scheduled.
          if (!metAt && !breached && applies) break;
        }
        startedAt = toInstant(dueMs);
      }
      return instances;
    },
    onDue: breachAndEscalate,
  },
};

/** When the next afklaring can be recorded from. */
export function afklaringRecordableFromMs(state: CashBenefitState, dueMs: number): number {
  const duty = state.ruleset.cashBenefit.assessment;
  if (duty?.kind !== 'municipal-duty') return dueMs;
  return subtractDuration(dueMs, duty.recordableBefore, state.ruleset.calendar);
}
