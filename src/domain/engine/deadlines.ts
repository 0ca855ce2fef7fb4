import { type Draft, produce } from 'immer';
import type { Audience, CaseBase } from './case-base';
import { nextEscalationAt, notify, raiseEscalationLevel, record, SYSTEM } from './case-draft';
import { addDuration, type Instant, type IsoDuration, subtractDuration, toEpochMs, toInstant } from './time';

/**
 * The deadline machinery every kind of case shares. A case type says which deadlines follow from its
 * facts (candidates) and what a breach does; the engine works out their status from the deadline log,
 * sends reminders, records breaches and raises unacknowledged escalations.
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
  label: string;
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
}

export interface DeadlineCandidate<K extends string = string> {
  id: string;
  kind: K;
  label: string;
  startedAt: Instant;
  dueAtMs: number;
  reminders: Array<{ key: string; atMs: number }>;
  metAt?: Instant;
  /** The deadline no longer applies (the case closed, the offer was withdrawn) and was never breached. */
  void: boolean;
  subject?: string;
  milestone?: true;
}

/** A limit counted from `startedAt`, with reminders at offsets before it. */
export function withinLimit(
  startedAt: Instant,
  limit: { within: IsoDuration; reminders: IsoDuration[] },
): Pick<DeadlineCandidate, 'dueAtMs' | 'reminders'> {
  const dueAtMs = addDuration(startedAt, limit.within);
  return {
    dueAtMs,
    reminders: limit.reminders.map((offset) => ({ key: offset, atMs: subtractDuration(dueAtMs, offset) })),
  };
}

/** The waiting time for a coordinating caseworker, counted from when the case was opened (every kind of case). */
export function caseworkerWaitingTime(
  state: Pick<CaseBase, 'rules' | 'caseworkerFirstAssignedAt'> & { openedAt: Instant },
  closed: boolean,
): DeadlineCandidate<'coordinating-caseworker'> {
  return {
    id: 'coordinating-caseworker',
    kind: 'coordinating-caseworker',
    label: 'a coordinating caseworker is assigned',
    startedAt: state.openedAt,
    ...withinLimit(state.openedAt, state.rules.waitingTimes.referralToCoordinatingCaseworker),
    metAt: state.caseworkerFirstAssignedAt,
    void: closed && !state.caseworkerFirstAssignedAt,
  };
}

export function resolveDeadlines<K extends string>(
  candidates: DeadlineCandidate<K>[],
  log: CaseBase['deadlineLog'],
): Deadline<K>[] {
  return candidates
    .map((candidate) => resolve(candidate, log))
    .filter((deadline): deadline is Deadline<K> => deadline !== undefined)
    .sort((a, b) => toEpochMs(a.dueAt) - toEpochMs(b.dueAt) || a.id.localeCompare(b.id));
}

function resolve<K extends string>(
  candidate: DeadlineCandidate<K>,
  log: CaseBase['deadlineLog'],
): Deadline<K> | undefined {
  const entry = log[candidate.id];
  if (candidate.void && !entry?.breachedAt && !entry?.reachedAt) return undefined;
  const startMs = toEpochMs(candidate.startedAt);
  const reminders = candidate.reminders
    .filter(({ atMs }) => atMs > startMs && atMs < candidate.dueAtMs)
    .sort((a, b) => a.atMs - b.atMs)
    .map(({ key, atMs }) => ({
      key,
      at: toInstant(atMs),
      ...(entry?.reminded[key] ? { sentAt: entry.reminded[key] } : {}),
    }));
  const status = candidate.metAt
    ? 'met'
    : entry?.breachedAt
      ? 'breached'
      : entry?.reachedAt
        ? 'reached'
        : 'pending';
  return {
    id: candidate.id,
    kind: candidate.kind,
    label: candidate.label,
    startedAt: candidate.startedAt,
    dueAt: toInstant(candidate.dueAtMs),
    reminders,
    status,
    ...(candidate.metAt ? { metAt: candidate.metAt } : {}),
    ...(entry?.breachedAt ? { breachedAt: entry.breachedAt } : {}),
    ...(entry?.reachedAt ? { reachedAt: entry.reachedAt } : {}),
    ...(candidate.subject ? { subject: candidate.subject } : {}),
    ...(candidate.milestone ? { milestone: true as const } : {}),
  };
}

/** What a kind of case tells the engine. */
export interface ClockRules<S extends CaseBase, K extends string = string> {
  deadlines(state: S): Deadline<K>[];
  /** Who is reminded ahead of a deadline. */
  reminderAudience(deadline: Deadline<K>): Audience[];
  /** What follows when a deadline falls due unmet (the breach, or the milestone, is already recorded). */
  onDue(draft: Draft<S>, deadline: Deadline<K>): void;
  /** What follows from any change: resolving escalations, closing a settled case. */
  settle(draft: Draft<S>, at: Instant): void;
  /** Other instants the case must wake up at. */
  wakeUps?(state: S): Array<number | undefined>;
}

/**
 * Sends the reminders that have fallen due, records the breaches and what follows from them, and
 * raises unacknowledged escalations. Pure and idempotent; a breach can start a deadline that is
 * already due too (the worker was away), so it runs to a fixed point.
 */
export function advanceClockWith<S extends CaseBase, K extends string>(
  state: S,
  now: number,
  rules: ClockRules<S, K>,
): S {
  let current = state;
  for (let round = 0; round < 10; round += 1) {
    const next = advanceOnce(current, now, rules);
    if (next === current) break;
    current = next;
  }
  return current;
}

function advanceOnce<S extends CaseBase, K extends string>(
  state: S,
  now: number,
  rules: ClockRules<S, K>,
): S {
  const at = toInstant(now);
  return produce(state, (draft) => {
    for (const deadline of rules
      .deadlines(draft as S)
      .filter((candidate) => candidate.status === 'pending')) {
      const dueMs = toEpochMs(deadline.dueAt);
      for (const reminder of deadline.reminders) {
        if (reminder.sentAt || toEpochMs(reminder.at) > now || now >= dueMs) continue;
        remind(draft, deadline, reminder, rules.reminderAudience(deadline));
      }
      if (dueMs <= now) {
        // Recorded at the moment it fell due, even when the worker was away at that moment.
        const at = deadline.dueAt;
        const entry = (draft.deadlineLog[deadline.id] ??= { reminded: {} });
        if (deadline.milestone) entry.reachedAt = at;
        else entry.breachedAt = at;
        record(draft, {
          at,
          actor: SYSTEM,
          type: deadline.milestone ? 'milestoneReached' : 'deadlineBreached',
          outcome: 'recorded',
          summary: deadline.milestone
            ? `reached: ${deadline.label} (${at.slice(0, 10)})`
            : `deadline breached: ${deadline.label} (due ${at.slice(0, 10)})`,
        });
        rules.onDue(draft, deadline);
      }
    }
    draft.escalations.forEach((escalation, index) => {
      const nextAt = nextEscalationAt(draft as CaseBase, escalation);
      if (nextAt !== undefined && nextAt <= now) raiseEscalationLevel(draft, index, toInstant(nextAt));
    });
    rules.settle(draft, at);
  });
}

function remind(draft: Draft<CaseBase>, deadline: Deadline, reminder: Reminder, audience: Audience[]): void {
  (draft.deadlineLog[deadline.id] ??= { reminded: {} }).reminded[reminder.key] = reminder.at;
  record(draft, {
    at: reminder.at,
    actor: SYSTEM,
    type: 'deadlineReminder',
    outcome: 'recorded',
    summary: `reminder: ${deadline.label} by ${deadline.dueAt.slice(0, 10)}`,
  });
  notify(
    draft,
    `deadline-${deadline.id}/reminder-${reminder.key}`,
    'deadline-reminder',
    audience,
    { deadline: deadline.kind, label: deadline.label, dueAt: deadline.dueAt },
    reminder.at,
  );
}

/** The next instant at which the case must wake up by itself, if any. */
export function nextWakeUpWith<S extends CaseBase, K extends string>(
  state: S,
  rules: ClockRules<S, K>,
): number | undefined {
  const times: number[] = [];
  for (const deadline of rules.deadlines(state)) {
    if (deadline.status !== 'pending') continue;
    times.push(toEpochMs(deadline.dueAt));
    for (const reminder of deadline.reminders) if (!reminder.sentAt) times.push(toEpochMs(reminder.at));
  }
  for (const escalation of state.escalations) {
    const nextAt = nextEscalationAt(state, escalation);
    if (nextAt !== undefined) times.push(nextAt);
  }
  for (const time of rules.wakeUps?.(state) ?? []) if (time !== undefined) times.push(time);
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
