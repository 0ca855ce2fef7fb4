import { z } from 'zod';
import type { Actor, CaseEvent, CaseEventData, CaseEventType } from './events';
import type { Ruleset, RulesetRef } from './ruleset';
import { rulesetRef } from './ruleset';
import { addDuration, type Instant, toEpochMs, toInstant } from './time';

/** A case ID is chosen by the municipality. It must never carry a CPR number. */
export const CaseIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, '3–64 letters, digits, dots, dashes or underscores')
  .refine((id) => !/(^|\D)\d{6}-?\d{4}(\D|$)/.test(id), {
    message: 'looks like a CPR number; a case ID must not contain personal data',
  });

export const CitizenSchema = z
  .object({
    cpr: z.string().regex(/^\d{6}-?\d{4}$/, 'a CPR number is 10 digits, DDMMYY-XXXX'),
    name: z.string().min(1).max(200),
    email: z.email().optional(),
  })
  .strict();
export type Citizen = z.infer<typeof CitizenSchema>;

export const OpenCaseSchema = z
  .object({
    caseId: CaseIdSchema,
    municipality: z.string().regex(/^\d{3}$/, 'the three-digit municipality code, e.g. 101 for København'),
    citizen: CitizenSchema,
  })
  .strict();
export type OpenCase = z.infer<typeof OpenCaseSchema>;

export type Phase = 'in-course' | 'concluded';

export type DeadlineKind = 'real-offer';

export interface DeadlineRecord {
  kind: DeadlineKind;
  dueAt: Instant;
  status: 'pending' | 'met' | 'breached';
  metAt?: Instant;
  breachedAt?: Instant;
}

export interface TimelineEntry {
  at: Instant;
  actor: Actor;
  type: CaseEventType | 'caseOpened' | 'deadlineBreached';
  outcome: 'accepted' | 'rejected' | 'recorded';
  summary: string;
  reason?: string;
}

export interface CaseState {
  caseId: string;
  municipality: string;
  ruleset: RulesetRef;
  rules: Ruleset;
  citizen: Citizen;
  phase: Phase;
  openedAt: Instant;
  courseStartedAt: Instant;
  teamRecommendations: Array<CaseEventData<'teamRecommendation'> & { at: Instant }>;
  offers: Array<{ kind: string; real: boolean; startedAt: Instant }>;
  deadlines: Partial<Record<DeadlineKind, DeadlineRecord>>;
  escalated: boolean;
  rightToDecisionOnExistingEvidence: boolean;
  timeline: TimelineEntry[];
}

export type Effect = { type: 'escalate'; deadline: DeadlineKind; dueAt: Instant; caseId: string };

export type Decision = { ok: true; state: CaseState } | { ok: false; reason: string };

const SYSTEM: Actor = { id: 'system', role: 'system' };

export function openCase(input: OpenCase, rules: Ruleset, now: number, actor: Actor): CaseState {
  const openedAt = toInstant(now);
  return {
    caseId: input.caseId,
    municipality: input.municipality,
    ruleset: rulesetRef(rules),
    rules,
    citizen: input.citizen,
    phase: 'in-course',
    openedAt,
    courseStartedAt: openedAt,
    teamRecommendations: [],
    offers: [],
    deadlines: {
      'real-offer': {
        kind: 'real-offer',
        dueAt: toInstant(addDuration(now, rules.course.realOfferWithin)),
        status: 'pending',
      },
    },
    escalated: false,
    rightToDecisionOnExistingEvidence: false,
    timeline: [{ at: openedAt, actor, type: 'caseOpened', outcome: 'recorded', summary: 'case opened' }],
  };
}

/** Validates an event against the case and returns the new state, or the reason it is refused. */
export function decide(state: CaseState, event: CaseEvent, actor: Actor, now: number): Decision {
  if (state.phase === 'concluded') return { ok: false, reason: 'the course is concluded; no further events' };
  const at = toInstant(now);
  switch (event.type) {
    case 'teamRecommendation':
      return accepted(
        { ...state, teamRecommendations: [...state.teamRecommendations, { ...event.data, at }] },
        event.type,
        actor,
        at,
        `team recommends ${event.data.recommends}${event.data.unanimous ? '' : ' (not unanimous)'}`,
      );
    case 'offerStarted': {
      const offers = [...state.offers, { kind: event.data.kind, real: event.data.real, startedAt: at }];
      const deadline = state.deadlines['real-offer'];
      const deadlines =
        event.data.real && deadline?.status === 'pending'
          ? { ...state.deadlines, 'real-offer': { ...deadline, status: 'met' as const, metAt: at } }
          : state.deadlines;
      return accepted(
        { ...state, offers, deadlines },
        event.type,
        actor,
        at,
        `${event.data.real ? 'real ' : ''}offer started: ${event.data.kind}`,
      );
    }
  }
}

function accepted(
  state: CaseState,
  type: CaseEventType,
  actor: Actor,
  at: Instant,
  summary: string,
): Decision {
  return {
    ok: true,
    state: { ...state, timeline: [...state.timeline, { at, actor, type, outcome: 'accepted', summary }] },
  };
}

/** Records an event that was refused, so that nothing a user sent is silently lost. */
export function recordRejection(
  state: CaseState,
  type: string,
  actor: Actor,
  now: number,
  reason: string,
): CaseState {
  const entry: TimelineEntry = {
    at: toInstant(now),
    actor,
    type: type as CaseEventType,
    outcome: 'rejected',
    summary: `${type} refused`,
    reason,
  };
  return { ...state, timeline: [...state.timeline, entry] };
}

/** Marks every pending deadline that has fallen due at `now` as breached and says what must happen. */
export function advanceClock(state: CaseState, now: number): { state: CaseState; effects: Effect[] } {
  const effects: Effect[] = [];
  let next = state;
  for (const deadline of Object.values(state.deadlines)) {
    if (deadline.status !== 'pending' || toEpochMs(deadline.dueAt) > now) continue;
    const at = toInstant(now);
    next = {
      ...next,
      deadlines: { ...next.deadlines, [deadline.kind]: { ...deadline, status: 'breached', breachedAt: at } },
      escalated: true,
      rightToDecisionOnExistingEvidence:
        next.rightToDecisionOnExistingEvidence || deadline.kind === 'real-offer',
      timeline: [
        ...next.timeline,
        {
          at,
          actor: SYSTEM,
          type: 'deadlineBreached',
          outcome: 'recorded',
          summary: `${deadline.kind} deadline breached`,
        },
      ],
    };
    effects.push({ type: 'escalate', deadline: deadline.kind, dueAt: deadline.dueAt, caseId: state.caseId });
  }
  return { state: next, effects };
}

/** The next instant at which the case must wake up by itself, if any. */
export function nextWakeUp(state: CaseState): number | undefined {
  const due = Object.values(state.deadlines)
    .filter((deadline) => deadline.status === 'pending')
    .map((deadline) => toEpochMs(deadline.dueAt));
  return due.length > 0 ? Math.min(...due) : undefined;
}
