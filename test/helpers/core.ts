import {
  course,
  type CourseDeadline,
  type CourseEventData,
  type CourseEventType,
  type CourseState,
  openCourse,
  type Ruleset,
} from '../../src/domain';
import { addDuration } from '../../src/domain/engine/time';
import { loadRuleset } from '../../src/config/rulesets';
import { attemptOn, caseworker, deadlineOn, refusalOn, sendOn, supervisor, topicsOf } from './spec';

/** Helpers for testing the ressourceforløb's rules directly, on the generic ones in spec.ts. */
export const T0 = Date.parse('2027-01-04T08:00:00.000Z');
export { caseworker, supervisor };
/** The built-in rulesets as they are now (version 2: Danish calendar, complaints under BEK 861/2025). */
export const seeds = loadRuleset('seeds-2017');
export const law = loadRuleset('law-2022');
export const seedsNow = seeds;
export const lawNow = law;
/**
 * Their first versions: a case pinned to them keeps their rules (UTC arithmetic, a kept complaint
 * forwarded by the case itself, an ended course closed at once); tests of that behaviour use these.
 */
export const seedsV1 = loadRuleset('seeds-2017@1');
export const lawV1 = loadRuleset('law-2022@1');

/** T0 plus an ISO duration, or plus milliseconds. */
export function after(duration: string, extraMs = 0): number {
  return addDuration(T0, duration) + extraMs;
}

export function open(rules: Ruleset = seeds, at = T0): CourseState {
  return openCourse(
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

type Input<T extends CourseEventType> = Partial<CourseEventData<T>> | Record<string, unknown>;

/** Applies an event (after the clock, as the workflow does); fails the test if the case refuses it. */
export function send<T extends CourseEventType>(
  state: CourseState,
  type: T,
  data: Input<T>,
  at: number,
  actor = caseworker,
): CourseState {
  return sendOn(course, state, type, data, at, actor);
}

/** The reason the case refuses an event; fails the test if it is accepted. */
export function refusal<T extends CourseEventType>(
  state: CourseState,
  type: T,
  data: Input<T>,
  at: number,
  actor = caseworker,
): string {
  return refusalOn(course, state, type, data, at, actor);
}

export function attempt(
  state: CourseState,
  type: CourseEventType,
  data: unknown,
  at: number,
  actor = caseworker,
) {
  return attemptOn(course, state, type, data, at, actor);
}

export function deadline(state: CourseState, id: string): CourseDeadline {
  return deadlineOn(course, state, id) as CourseDeadline;
}

export function hasDeadline(state: CourseState, id: string): boolean {
  return course.deadlines(state).some((candidate) => candidate.id === id);
}

export const topics = topicsOf;

/** The clock alone: reminders, breaches and escalations up to `at`. */
export const advanceClock = (state: CourseState, at: number) => course.advanceClock(state, at);

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

/** The grant `inCourse` sends: under a ruleset with a granted period, for 3 years ("frem til" 2030-02-03). */
export function grantFor(rules: Ruleset): Record<string, unknown> {
  return rules.course.grantedPeriod ? { ...events.grant, grantedUntil: GRANTED_UNTIL } : events.grant;
}
export const GRANTED_UNTIL = '2030-02-03';

/** Referral → team → decision to grant → in course, starting at T0 + 1 month. */
export function inCourse(rules: Ruleset = seeds): CourseState {
  let state = open(rules);
  state = send(state, 'caseworkerAssigned', events.assign, after('P1W'));
  state = send(state, 'teamRecommendation', events.recommendCourse, after('P3W'));
  return send(state, 'municipalDecision', grantFor(rules), after('P1M'));
}

export const COURSE_START = after('P1M');

/** T0 + 1 month (the course start in `inCourse`) plus a duration. */
export function courseAfter(duration: string, extraMs = 0): number {
  return addDuration(COURSE_START, duration) + extraMs;
}
