import { type Draft, produce } from 'immer';
import { z } from 'zod';
import { type CaseBase, CaseIdentityShape, emptyCaseRecords } from './case-base';
import { dateWithin, text } from './fields';
import { type CaseDraft, notify, record } from './case-draft';
import {
  advanceClockWith,
  type ClockRules,
  type Deadline,
  nextWakeUpWith,
  resolveDeadlines,
  resolveEscalations,
  withinLimit,
} from './deadline-engine';
import {
  applyRule,
  commonEventRules,
  type Decision,
  type EventRule,
  type ExternalFacts,
} from './event-rules';
import { type Actor, commonEventSchemas, parseEvent } from './events';
import { type Ruleset, rulesetRef } from './ruleset';
import { type Instant, toEpochMs, toInstant } from './time';

/**
 * A citizen's spell on kontanthjælp (cash benefit). One continuous year gives the right to be assessed
 * for a ressourceforløb (seed 001 §8): the citizen and the caseworker are told, unless the spell is
 * interrupted before. A light case: it ends when the right is given or the spell is interrupted.
 */
export const cashBenefitEventSchemas = {
  ...commonEventSchemas,
  cashBenefitInterrupted: z
    .object({
      reason: z.enum(['employment', 'education', 'other-benefit', 'moved', 'other']),
      note: text(2000, { multiline: true }).optional(),
    })
    .strict(),
} as const;

export type CashBenefitEventType = keyof typeof cashBenefitEventSchemas;
export type CashBenefitEventData<T extends CashBenefitEventType> = z.output<
  (typeof cashBenefitEventSchemas)[T]
>;
export type CashBenefitEvent = {
  [T in CashBenefitEventType]: { type: T; data: CashBenefitEventData<T> };
}[CashBenefitEventType];

export const OpenCashBenefitSchema = z
  .object({
    ...CaseIdentityShape,
    /** The first day of the continuous spell, when it began before it was registered here. */
    spellStartedOn: dateWithin('1990-01-01', '2099-12-31').optional(),
  })
  .strict();
export type OpenCashBenefit = z.output<typeof OpenCashBenefitSchema>;

export interface CashBenefitState extends CaseBase {
  kind: 'cash-benefit';
  phase: 'on-benefit' | 'right-given' | 'interrupted';
  openedAt: Instant;
  spellStartedAt: Instant;
  rightGivenAt?: Instant;
  interrupted?: { at: Instant; reason: CashBenefitEventData<'cashBenefitInterrupted'>['reason'] };
}

export function openCashBenefit(
  input: OpenCashBenefit,
  rules: Ruleset,
  now: number,
  actor: Actor,
): CashBenefitState {
  const at = toInstant(now);
  const spellStartedAt = input.spellStartedOn ? `${input.spellStartedOn}T00:00:00.000Z` : at;
  const initial: CashBenefitState = {
    kind: 'cash-benefit',
    caseId: input.caseId,
    municipality: input.municipality,
    citizen: input.citizen,
    rules,
    ruleset: rulesetRef(rules),
    phase: 'on-benefit',
    openedAt: at,
    spellStartedAt,
    ...emptyCaseRecords(),
  };
  return produce(initial, (draft) => {
    record(draft, {
      at,
      actor,
      type: 'caseOpened',
      outcome: 'recorded',
      summary: `kontanthjælp spell registered, continuous since ${spellStartedAt.slice(0, 10)}`,
    });
  });
}

export function validateOpenCashBenefit(input: OpenCashBenefit, now: number): string | undefined {
  if (input.spellStartedOn && toEpochMs(`${input.spellStartedOn}T00:00:00.000Z`) > now) {
    return 'spellStartedOn: a spell cannot start in the future';
  }
  return undefined;
}

export function parseCashBenefitEvent(type: string, data: unknown) {
  return parseEvent<CashBenefitEvent>(cashBenefitEventSchemas, type, data);
}

export function decideCashBenefit(
  state: CashBenefitState,
  event: CashBenefitEvent,
  actor: Actor,
  now: number,
  external?: ExternalFacts,
): Decision<CashBenefitState> {
  if (state.phase !== 'on-benefit') {
    return {
      ok: false,
      reason: `the spell has ${state.phase === 'interrupted' ? 'been interrupted' : 'given the right to assessment'}; it accepts no further events`,
    };
  }
  const rule = cashBenefitRules[event.type] as EventRule<CashBenefitState, unknown>;
  return applyRule(state, event.type, rule, event.data, actor, now, settle, external);
}

const cashBenefitRules: {
  [T in CashBenefitEventType]: EventRule<CashBenefitState, CashBenefitEventData<T>>;
} = {
  ...commonEventRules<CashBenefitState>(),
  cashBenefitInterrupted: {
    refuse: () => undefined,
    apply: (draft, data, { at }) => {
      draft.phase = 'interrupted';
      draft.interrupted = { at, reason: data.reason };
      return {
        summary: `the spell on kontanthjælp was interrupted: ${data.reason}`,
        ...(data.note ? { reason: data.note } : {}),
      };
    },
  },
};

export function listCashBenefitDeadlines(state: CashBenefitState): Deadline<'assessment-right'>[] {
  return resolveDeadlines(
    [
      {
        id: 'assessment-right',
        kind: 'assessment-right',
        label: 'one continuous year on kontanthjælp: the right to be assessed for a ressourceforløb',
        startedAt: state.spellStartedAt,
        ...withinLimit(state.spellStartedAt, {
          within: state.rules.cashBenefit.assessmentRightAfter,
          reminders: [],
        }),
        milestone: true,
        void: state.phase === 'interrupted',
      },
    ],
    state.deadlineLog,
  );
}

const cashBenefitClock: ClockRules<CashBenefitState, 'assessment-right'> = {
  deadlines: listCashBenefitDeadlines,
  reminderAudience: () => ['caseworker'],
  onDue: (draft, deadline) => {
    draft.phase = 'right-given';
    draft.rightGivenAt = deadline.dueAt;
    notify(
      draft,
      'assessment-right',
      'right-to-assessment',
      ['citizen', 'caseworker'],
      { since: draft.spellStartedAt },
      deadline.dueAt,
    );
  },
  settle,
};

function settle(draft: Draft<CashBenefitState>, at: Instant): void {
  resolveEscalations(
    draft as CaseDraft,
    listCashBenefitDeadlines(draft as CashBenefitState),
    draft.phase !== 'on-benefit',
    at,
  );
}

export function advanceCashBenefitClock(state: CashBenefitState, now: number): CashBenefitState {
  return advanceClockWith(state, now, cashBenefitClock);
}

export function nextCashBenefitWakeUp(state: CashBenefitState): number | undefined {
  return nextWakeUpWith(state, cashBenefitClock);
}
