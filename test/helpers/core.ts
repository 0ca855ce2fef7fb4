import {
  type Actor,
  advanceClock,
  type CaseEventData,
  type CaseEventType,
  type CaseState,
  decide,
  type Deadline,
  listDeadlines,
  openCase,
  parseCaseEvent,
  type Ruleset,
} from '../../src/domain';
import { addDuration } from '../../src/domain/time';
import { loadRuleset } from '../../src/config/rulesets';

/** Helpers for testing the functional core directly: no Temporal, time is an argument. */
export const T0 = Date.parse('2027-01-04T08:00:00.000Z');
export const caseworker: Actor = { id: 'cw-17', role: 'caseworker' };
export const supervisor: Actor = { id: 'sup-3', role: 'supervisor' };
export const seeds = loadRuleset('seeds-2017');
export const law = loadRuleset('law-2022');

/** T0 plus an ISO duration, or plus milliseconds. */
export function after(duration: string, extraMs = 0): number {
  return addDuration(T0, duration) + extraMs;
}

export function open(rules: Ruleset = seeds, at = T0): CaseState {
  return openCase(
    {
      caseId: 'KBH-2027-0042',
      municipality: '101',
      origin: 'referral',
      citizen: { cpr: '010190-1234', name: 'Jens Jensen', email: 'jens@example.dk' },
    },
    rules,
    at,
    caseworker,
  );
}

type Input<T extends CaseEventType> = Partial<CaseEventData<T>> | Record<string, unknown>;

/** Applies an event (after the clock, as the workflow does); fails the test if the case refuses it. */
export function send<T extends CaseEventType>(
  state: CaseState,
  type: T,
  data: Input<T>,
  at: number,
  actor: Actor = caseworker,
): CaseState {
  const result = attempt(state, type, data, at, actor);
  if (!result.ok) throw new Error(`${type} refused: ${result.reason}`);
  return result.state;
}

/** The reason the case refuses an event; fails the test if it is accepted. */
export function refusal<T extends CaseEventType>(
  state: CaseState,
  type: T,
  data: Input<T>,
  at: number,
  actor: Actor = caseworker,
): string {
  const result = attempt(state, type, data, at, actor);
  if (result.ok) throw new Error(`${type} was accepted`);
  return result.reason;
}

export function attempt(
  state: CaseState,
  type: CaseEventType,
  data: unknown,
  at: number,
  actor: Actor = caseworker,
) {
  const parsed = parseCaseEvent(type, data);
  if (!parsed.ok) return parsed;
  return decide(advanceClock(state, at), parsed.event, actor, at);
}

export function deadline(state: CaseState, id: string): Deadline {
  const found = listDeadlines(state).find((candidate) => candidate.id === id);
  if (!found)
    throw new Error(
      `no deadline ${id}; have ${listDeadlines(state)
        .map((d) => d.id)
        .join(', ')}`,
    );
  return found;
}

export function hasDeadline(state: CaseState, id: string): boolean {
  return listDeadlines(state).some((candidate) => candidate.id === id);
}

export function topics(state: CaseState): string[] {
  return state.notifications.map(
    (notification) => `${notification.topic}:${notification.recipients.map((r) => r.role).join('+')}`,
  );
}

// Typical event payloads.
export const events = {
  assign: { caseworkerId: 'cw-17', name: 'Sara Sagsbehandler', email: 'sara@kk.dk' },
  recommendCourse: { recommends: 'ressourceforloeb', unanimous: true, citizenAttendedWholeMeeting: true },
  recommendCourseWithDissent: {
    recommends: 'ressourceforloeb',
    unanimous: false,
    dissent: [{ member: 'sundhedskoordinator', opinion: 'a course is premature' }],
    citizenAttendedWholeMeeting: true,
  },
  grant: { decision: 'grant-course', reasoning: 'the team recommends a course' },
  refuse: { decision: 'refuse', alternative: 'other-measures', reasoning: 'other measures fit better' },
  realOffer: (offerId = 'o1') => ({ offerId, kind: 'job-training', real: true, plannedStart: '2027-03-01' }),
  otherOffer: (offerId = 'o2') => ({ offerId, kind: 'mentor', real: false, plannedStart: '2027-03-01' }),
} as const;

/** Referral → team → decision to grant → in course, starting at T0 + 1 month. */
export function inCourse(rules: Ruleset = seeds): CaseState {
  let state = open(rules);
  state = send(state, 'caseworkerAssigned', events.assign, after('P1W'));
  state = send(state, 'teamRecommendation', events.recommendCourse, after('P3W'));
  return send(state, 'municipalDecision', events.grant, after('P1M'));
}

export const COURSE_START = after('P1M');

/** T0 + 1 month (the course start in `inCourse`) plus a duration. */
export function courseAfter(duration: string, extraMs = 0): number {
  return addDuration(COURSE_START, duration) + extraMs;
}
