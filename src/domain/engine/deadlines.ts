import { type Draft, produce } from 'immer';
import type { CaseCalendar } from './calendar';
import type { Audience, CaseBase } from './case';
import { escalate, nextEscalationAt, notify, raiseEscalationLevel, record, SYSTEM } from './draft';
import { addDuration, type Instant, type IsoDuration, subtractDuration, toEpochMs, toInstant } from './time';
import { msg, type Text } from '../messages/message';

/**
 * The deadline machinery every kind of case shares. A kind declares each of its deadlines once:
 * which instances its facts give (when each falls due, whether it was met), who is reminded ahead of
 * it, and what follows when it falls due unmet (`onDue`). The engine works out their status from the
 * deadline log, sends the reminders, records breaches and raises unacknowledged escalations.
 */
export interface Reminder {
  /** Names the reminder in the deadline log: its offset before the deadline, e.g. "P1M". */
  key: string;
  at: Instant;
  sentAt?: Instant;
}

export interface Deadline<K extends string = string> {
  /** Stable within the case: the key of the deadline's log, and part of its notifications' IDs. */
  id: string;
  kind: K;
  label: Text;
  startedAt: Instant;
  dueAt: Instant;
  reminders: Reminder[];
  /** A milestone is not a duty but a moment that gives a right: it is reached, not breached. */
  status: 'pending' | 'met' | 'breached' | 'reached';
  metAt?: Instant;
  breachedAt?: Instant;
  reachedAt?: Instant;
  milestone?: true;
  /** The complaint, offer or check a deadline is about. */
  subject?: string;
  /** Where the rule comes from, as the case's ruleset names it (e.g. "LAB § 113, stk. 2"). */
  source?: string;
}

/** One instance of a deadline, as a kind's facts give it (the engine adds its status from the log). */
export interface DeadlineInstance {
  id: string;
  /** The label of this instance, where it differs from the deadline's (e.g. "yearly check 2 …"). */
  label?: Text;
  startedAt: Instant;
  dueAtMs: number;
  reminders: Array<{ key: string; atMs: number }>;
  metAt?: Instant;
  /** The deadline no longer applies (the case closed, the offer was withdrawn) and was never breached. */
  void: boolean;
  subject?: string;
  source?: string;
}

/** A deadline of a kind of case: its instances, its reminders' audience, and what follows when it falls due. */
export interface DeadlineDefinition<S extends CaseBase, K extends string> {
  label: Text;
  /** The instances the case's facts give (none while the deadline does not apply). */
  instances(state: S): DeadlineInstance[];
  /** Who is reminded ahead of it. */
  remind: Audience[];
  /** What follows when it falls due unmet (the breach, or the milestone, is already recorded). */
  onDue(draft: Draft<S>, deadline: Deadline<K>): void;
  /** A moment that gives a right: reached, not breached, and not escalated. */
  milestone?: true;
}

export type DeadlineDefinitions<S extends CaseBase, K extends string> = {
  [Kind in K]: DeadlineDefinition<S, Kind>;
};

/** A limit counted from `startedAt` (in the ruleset's calendar, if it has one), with reminders at offsets before it. */
export function withinLimit(
  startedAt: Instant,
  limit: { within: IsoDuration; reminders: IsoDuration[]; source?: string },
  calendar?: CaseCalendar | null,
): Pick<DeadlineInstance, 'dueAtMs' | 'reminders' | 'source'> {
  const dueAtMs = addDuration(startedAt, limit.within, calendar);
  return {
    dueAtMs,
    reminders: remindersBefore(dueAtMs, limit.reminders, calendar),
    ...(limit.source ? { source: limit.source } : {}),
  };
}

/** Reminders at offsets before a due instant. */
export function remindersBefore(
  dueAtMs: number,
  offsets: IsoDuration[],
  calendar?: CaseCalendar | null,
): DeadlineInstance['reminders'] {
  return offsets.map((offset) => ({ key: offset, atMs: subtractDuration(dueAtMs, offset, calendar) }));
}

/** The most common consequence: the caseworker is told and the case escalates to a supervisor. */
export function breachAndEscalate<S extends CaseBase, K extends string>(
  draft: Draft<S>,
  deadline: Deadline<K>,
  reason: Text = msg('deadline.not-met', { label: deadline.label }),
): void {
  const facts = { deadline: deadline.kind, dueAt: deadline.dueAt };
  notify(
    draft as Draft<CaseBase>,
    `deadline-${deadline.id}/breach`,
    'deadline-breached',
    ['caseworker'],
    facts,
    deadline.dueAt,
  );
  escalate(draft as Draft<CaseBase>, deadline.id, reason, deadline.dueAt);
}

/** Every deadline of a case, from its kind's definitions, with its status from the deadline log. */
export function resolveDeadlines<S extends CaseBase, K extends string>(
  definitions: DeadlineDefinitions<S, K>,
  state: S,
): Deadline<K>[] {
  const log = state.deadlineLog;
  return (Object.keys(definitions) as K[])
    .flatMap((kind) => {
      const definition = definitions[kind];
      return definition.instances(state).map((instance) => resolve(kind, definition, instance, log));
    })
    .filter((deadline): deadline is Deadline<K> => deadline !== undefined)
    .sort((a, b) => toEpochMs(a.dueAt) - toEpochMs(b.dueAt) || a.id.localeCompare(b.id));
}

function resolve<S extends CaseBase, K extends string>(
  kind: K,
  definition: DeadlineDefinition<S, K>,
  instance: DeadlineInstance,
  log: CaseBase['deadlineLog'],
): Deadline<K> | undefined {
  const entry = log[instance.id];
  if (instance.void && !entry?.breachedAt && !entry?.reachedAt) return undefined;
  const startMs = toEpochMs(instance.startedAt);
  const reminders = instance.reminders
    .filter(({ atMs }) => atMs > startMs && atMs < instance.dueAtMs)
    .sort((a, b) => a.atMs - b.atMs)
    .map(({ key, atMs }) => ({
      key,
      at: toInstant(atMs),
      ...(entry?.reminded[key] ? { sentAt: entry.reminded[key] } : {}),
    }));
  const status = instance.metAt
    ? 'met'
    : entry?.breachedAt
      ? 'breached'
      : entry?.reachedAt
        ? 'reached'
        : 'pending';
  return {
    id: instance.id,
    kind,
    label: instance.label ?? definition.label,
    startedAt: instance.startedAt,
    dueAt: toInstant(instance.dueAtMs),
    reminders,
    status,
    ...(instance.metAt ? { metAt: instance.metAt } : {}),
    ...(entry?.breachedAt ? { breachedAt: entry.breachedAt } : {}),
    ...(entry?.reachedAt ? { reachedAt: entry.reachedAt } : {}),
    ...(instance.subject ? { subject: instance.subject } : {}),
    ...(instance.source ? { source: instance.source } : {}),
    ...(definition.milestone ? { milestone: true as const } : {}),
  };
}

/** What the clock needs of a kind of case. */
export interface Clock<S extends CaseBase, K extends string> {
  deadlines: DeadlineDefinitions<S, K>;
  /** What follows from any change: resolving escalations, closing a settled case. */
  settle(draft: Draft<S>, at: Instant): void;
  /** Other instants the case must wake up at. */
  wakeUps?(state: S): Array<number | undefined>;
}

/**
 * Sends the reminders that have fallen due, records the breaches and what follows from them, and
 * raises unacknowledged escalations. Pure and idempotent. A consequence can start a deadline that is
 * already due too (the worker was away while both fell due), so it runs to a fixed point; ten rounds
 * is far more than any chain of consequences the rules have, and keeps a faulty rule from looping.
 */
export function advanceClockWith<S extends CaseBase, K extends string>(
  state: S,
  now: number,
  clock: Clock<S, K>,
): S {
  let current = state;
  for (let round = 0; round < 10; round += 1) {
    const next = advanceOnce(current, now, clock);
    if (next === current) break;
    current = next;
  }
  return current;
}

function advanceOnce<S extends CaseBase, K extends string>(state: S, now: number, clock: Clock<S, K>): S {
  return produce(state, (draft) => {
    const base = draft as Draft<CaseBase>;
    for (const deadline of resolveDeadlines(clock.deadlines, draft as S)) {
      if (deadline.status !== 'pending') continue;
      const definition = clock.deadlines[deadline.kind];
      const dueMs = toEpochMs(deadline.dueAt);
      for (const reminder of deadline.reminders) {
        if (reminder.sentAt || toEpochMs(reminder.at) > now || now >= dueMs) continue;
        remind(base, deadline, reminder, definition.remind);
      }
      if (dueMs > now) continue;
      // Recorded at the moment it fell due, even when the worker was away at that moment.
      const at = deadline.dueAt;
      const entry = (base.deadlineLog[deadline.id] ??= { reminded: {} });
      if (definition.milestone) entry.reachedAt = at;
      else entry.breachedAt = at;
      record(base, {
        at,
        actor: SYSTEM,
        type: definition.milestone ? 'milestoneReached' : 'deadlineBreached',
        outcome: 'recorded',
        summary: definition.milestone
          ? msg('deadline.reached', { label: deadline.label, on: at.slice(0, 10) })
          : msg('deadline.breached', { label: deadline.label, dueOn: at.slice(0, 10) }),
      });
      definition.onDue(draft, deadline);
    }
    base.escalations.forEach((escalation, index) => {
      const nextAt = nextEscalationAt(base as CaseBase, escalation);
      if (nextAt !== undefined && nextAt <= now) raiseEscalationLevel(base, index, toInstant(nextAt));
    });
    clock.settle(draft, toInstant(now));
  });
}

function remind(draft: Draft<CaseBase>, deadline: Deadline, reminder: Reminder, audience: Audience[]): void {
  (draft.deadlineLog[deadline.id] ??= { reminded: {} }).reminded[reminder.key] = reminder.at;
  record(draft, {
    at: reminder.at,
    actor: SYSTEM,
    type: 'deadlineReminder',
    outcome: 'recorded',
    summary: msg('deadline.reminder', { label: deadline.label, dueOn: deadline.dueAt.slice(0, 10) }),
  });
  notify(
    draft,
    `deadline-${deadline.id}/reminder-${reminder.key}`,
    'deadline-reminder',
    audience,
    { deadline: deadline.kind, dueAt: deadline.dueAt },
    reminder.at,
  );
}

/** The next instant at which the case must wake up by itself, if any. */
export function nextWakeUpWith<S extends CaseBase, K extends string>(
  state: S,
  clock: Clock<S, K>,
): number | undefined {
  const times: number[] = [];
  for (const deadline of resolveDeadlines(clock.deadlines, state)) {
    if (deadline.status !== 'pending') continue;
    times.push(toEpochMs(deadline.dueAt));
    for (const reminder of deadline.reminders) if (!reminder.sentAt) times.push(toEpochMs(reminder.at));
  }
  for (const escalation of state.escalations) {
    const nextAt = nextEscalationAt(state, escalation);
    if (nextAt !== undefined) times.push(nextAt);
  }
  for (const time of clock.wakeUps?.(state) ?? []) if (time !== undefined) times.push(time);
  return times.length > 0 ? Math.min(...times) : undefined;
}

/** Escalations whose deadline is met or gone stop: resolved. A closed case resolves them all. */
export function resolveEscalations(
  draft: Draft<CaseBase>,
  deadlines: Deadline[],
  closed: boolean,
  at: Instant,
): void {
  const byId = new Map(deadlines.map((deadline) => [deadline.id, deadline]));
  for (const escalation of draft.escalations) {
    if (escalation.status === 'resolved') continue;
    // Escalations of failed deliveries are not about a deadline: a supervisor acknowledges them.
    if (escalation.deadlineId.startsWith('delivery:') && !closed) continue;
    const deadline = byId.get(escalation.deadlineId);
    if (closed || !deadline || deadline.status === 'met') {
      escalation.status = 'resolved';
      escalation.resolvedAt = at;
    }
  }
}

/** The waiting time for a coordinating caseworker, counted from when the case was opened (every kind of case). */
export function caseworkerWaitingTime<S extends CaseBase>(
  closed: (state: S) => boolean,
): DeadlineDefinition<S, 'coordinating-caseworker'> {
  return {
    label: msg('deadline.label.coordinating-caseworker'),
    remind: ['caseworker'],
    instances: (state) => [
      {
        id: 'coordinating-caseworker',
        startedAt: state.openedAt,
        ...withinLimit(
          state.openedAt,
          state.ruleset.waitingTimes.referralToCoordinatingCaseworker,
          state.ruleset.calendar,
        ),
        metAt: state.caseworkerFirstAssignedAt,
        void: closed(state) && !state.caseworkerFirstAssignedAt,
      },
    ],
    onDue: breachAndEscalate,
  };
}
