import { produce } from 'immer';
import {
  type CaseDraft,
  escalate,
  nextEscalationAt,
  notify,
  raiseEscalationLevel,
  record,
  refusalSettlesAt,
  settle,
  SYSTEM,
} from './case-draft';
import { type Deadline, type DeadlineKind, listDeadlines, pendingDeadlines } from './deadlines';
import type { Audience, CaseState } from './state';
import { type Instant, toEpochMs, toInstant } from './time';

/**
 * The case rules for the passing of time: sends the reminders that have fallen due, records the
 * breaches and what follows from them, and raises unacknowledged escalations. Pure and idempotent:
 * the same state at the same `now` gives the same result, and running it twice changes nothing more.
 */
export function advanceClock(state: CaseState, now: number): CaseState {
  // A breach can start a deadline that is already due too (the worker was away): run to a fixed point.
  let current = state;
  for (let round = 0; round < 10; round += 1) {
    const next = advanceOnce(current, now);
    if (next === current) break;
    current = next;
  }
  return current;
}

function advanceOnce(state: CaseState, now: number): CaseState {
  const at = toInstant(now);
  return produce(state, (draft) => {
    for (const deadline of pendingDeadlines(draft as CaseState)) {
      const dueMs = toEpochMs(deadline.dueAt);
      for (const reminder of deadline.reminders) {
        if (reminder.sentAt || toEpochMs(reminder.at) > now || now >= dueMs) continue;
        remind(draft, deadline, reminder.offset, reminder.at);
      }
      if (dueMs <= now) breach(draft, deadline);
    }
    draft.escalations.forEach((escalation, index) => {
      const nextAt = nextEscalationAt(draft as CaseState, escalation);
      if (nextAt !== undefined && nextAt <= now) raiseEscalationLevel(draft, index, toInstant(nextAt));
    });
    settle(draft, at);
  });
}

/** The next instant at which the case must wake up by itself, if any. */
export function nextWakeUp(state: CaseState): number | undefined {
  const times: number[] = [];
  for (const deadline of pendingDeadlines(state)) {
    times.push(toEpochMs(deadline.dueAt));
    for (const reminder of deadline.reminders) if (!reminder.sentAt) times.push(toEpochMs(reminder.at));
  }
  for (const escalation of state.escalations) {
    const nextAt = nextEscalationAt(state, escalation);
    if (nextAt !== undefined) times.push(nextAt);
  }
  const settles = refusalSettlesAt(state);
  if (settles !== undefined) times.push(settles);
  return times.length > 0 ? Math.min(...times) : undefined;
}

/** Who is reminded ahead of a deadline: always the caseworker; the citizen where it concerns their rights. */
const reminderAudience: Partial<Record<DeadlineKind, Audience[]>> = {
  'real-offer': ['caseworker', 'citizen', 'relatives'],
  'maximum-duration': ['caseworker', 'citizen', 'relatives'],
};

function remind(draft: CaseDraft, deadline: Deadline, offset: string, at: Instant): void {
  (draft.deadlineLog[deadline.id] ??= { reminded: {} }).reminded[offset] = at;
  record(draft, {
    at,
    actor: SYSTEM,
    type: 'deadlineReminder',
    outcome: 'recorded',
    summary: `reminder: ${deadline.label} by ${deadline.dueAt.slice(0, 10)}`,
  });
  notify(
    draft,
    `deadline-${deadline.id}/reminder-${offset}`,
    'deadline-reminder',
    reminderAudience[deadline.kind] ?? ['caseworker'],
    { deadline: deadline.kind, label: deadline.label, dueAt: deadline.dueAt },
    at,
  );
}

function breach(draft: CaseDraft, deadline: Deadline): void {
  // Recorded at the moment it fell due, even when the worker was away at that moment.
  const at = deadline.dueAt;
  (draft.deadlineLog[deadline.id] ??= { reminded: {} }).breachedAt = at;
  record(draft, {
    at,
    actor: SYSTEM,
    type: 'deadlineBreached',
    outcome: 'recorded',
    summary: `deadline breached: ${deadline.label} (due ${at.slice(0, 10)})`,
  });
  const facts = { deadline: deadline.kind, label: deadline.label, dueAt: deadline.dueAt };
  const key = `deadline-${deadline.id}/breach`;
  switch (deadline.kind) {
    case 'real-offer':
      draft.decisionOnExistingEvidence ??= { rightSince: at };
      notify(
        draft,
        key,
        'right-to-decision-on-existing-evidence',
        ['citizen', 'caseworker', 'relatives'],
        facts,
        at,
      );
      escalate(draft, deadline.id, 'no real offer has started within the limit', at);
      return;
    case 'first-measure':
      if (draft.rules.course.firstMeasure.onBreach === 'back-to-team') {
        draft.teamReviews.push({ requestedAt: at, reason: 'reassessment' });
        notify(draft, key, 'back-to-team', ['citizen', 'caseworker', 'relatives'], facts, at);
        return;
      }
      notify(draft, key, 'deadline-breached', ['caseworker'], facts, at);
      escalate(draft, deadline.id, 'no measure has started within the limit', at);
      return;
    case 'complaint-reconsideration': {
      const complaint = draft.complaints.find((candidate) => candidate.id === deadline.subject)!;
      complaint.status = 'forwarded';
      complaint.forwardedAt = at;
      complaint.forwardedBecause = 'overdue';
      notify(
        draft,
        key,
        'complaint-forwarded',
        ['citizen', 'caseworker', 'relatives'],
        { ...facts, complaintId: complaint.id, because: 'overdue' },
        at,
      );
      escalate(
        draft,
        deadline.id,
        `complaint ${complaint.id} was not reconsidered in time and went to Ankestyrelsen`,
        at,
      );
      return;
    }
    default:
      notify(draft, key, 'deadline-breached', ['caseworker'], facts, at);
      escalate(draft, deadline.id, `${deadline.label}: not within the limit`, at);
  }
}

export { listDeadlines };
