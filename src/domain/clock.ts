import type { Draft } from 'immer';
import { type CaseDraft, escalate, notify, record, SYSTEM } from './case-draft';
import { advanceClockWith, type ClockRules, nextWakeUpWith, resolveEscalations } from './deadline-engine';
import { type Deadline, type DeadlineKind, listDeadlines } from './deadlines';
import type { Outcome } from './events';
import type { Audience, CaseState } from './state';
import { addDuration, type Instant, toEpochMs, toInstant } from './time';

/**
 * The ressourceforløb rules for the passing of time: reminders, breaches and what follows from them,
 * escalation levels, and a refused case closing when its complaint window has passed.
 */
export function advanceClock(state: CaseState, now: number): CaseState {
  return advanceClockWith(state, now, courseClock);
}

/** The next instant at which the case must wake up by itself, if any. */
export function nextWakeUp(state: CaseState): number | undefined {
  return nextWakeUpWith(state, courseClock);
}

/** Who is reminded ahead of a deadline: always the caseworker; the citizen where it concerns their rights. */
const reminderAudience: Partial<Record<DeadlineKind, Audience[]>> = {
  'real-offer': ['caseworker', 'citizen', 'relatives'],
  'maximum-duration': ['caseworker', 'citizen', 'relatives'],
};

const courseClock: ClockRules<CaseState, DeadlineKind> = {
  deadlines: listDeadlines,
  reminderAudience: (deadline) => reminderAudience[deadline.kind] ?? ['caseworker'],
  onDue: breach,
  settle,
  wakeUps: (state) => [refusalSettlesAt(state)],
};

function breach(draft: Draft<CaseState>, deadline: Deadline): void {
  const at = deadline.dueAt;
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

export function conclude(
  draft: Draft<CaseState>,
  outcome: Outcome | 'refused',
  at: Instant,
  extra: { note?: string; routedToPension?: string } = {},
): void {
  draft.phase = 'concluded';
  draft.outcome = { outcome, at, ...extra };
}

/**
 * What follows from any change: a refused case whose complaint window has passed with no complaint
 * pending is closed, and escalations whose deadline is met or gone are resolved (the chain stops).
 */
export function settle(draft: Draft<CaseState>, at: Instant): void {
  closeSettledRefusal(draft, at);
  resolveEscalations(draft as CaseDraft, listDeadlines(draft as CaseState), draft.phase === 'concluded', at);
}

export function refusalSettlesAt(state: CaseState): number | undefined {
  if (state.phase !== 'refused' || !state.refusedAt) return undefined;
  return addDuration(state.refusedAt, state.rules.complaints.window);
}

function closeSettledRefusal(draft: Draft<CaseState>, now: Instant): void {
  const settlesAt = refusalSettlesAt(draft as CaseState);
  if (settlesAt === undefined || toEpochMs(now) < settlesAt) return;
  const pending = draft.complaints.some(
    (complaint) =>
      complaint.about === 'refusal' &&
      (complaint.status === 'awaiting-reconsideration' || complaint.status === 'forwarded'),
  );
  if (pending) return;
  // Closed as of the moment the window closed, or the moment the last complaint was settled if later.
  const settledComplaints = draft.complaints
    .filter((complaint) => complaint.about === 'refusal')
    .map((complaint) => toEpochMs(complaint.appeal?.at ?? complaint.reconsideredAt ?? complaint.receivedAt));
  const at = toInstant(Math.max(settlesAt, ...settledComplaints));
  conclude(draft, 'refused', at);
  record(draft as CaseDraft, {
    at,
    actor: SYSTEM,
    type: 'caseClosed',
    outcome: 'recorded',
    summary: 'refusal stands: no complaint pending after the complaint window',
  });
}

export { listDeadlines };
