import type { Draft } from 'immer';
import { breachAndEscalate, type DeadlineDefinitions, withinLimit } from '../engine/deadlines';
import { type CaseDraft, escalate, notify, record, SYSTEM } from '../engine/draft';
import { addDuration, citizenTimeEnds, type Instant, toEpochMs, toInstant } from '../engine/time';
import { complaintWindowEnds, registered } from './complaints';
import type { Complaint, CourseState } from './state';
import { msg } from '../messages/message';

/**
 * The complaints' deadlines and the complaint window that keeps a case open after a decision that
 * ends it (the rules of the complaint events are in complaints.ts).
 */
export type ComplaintDeadlineKind = 'complaint-reconsideration' | 'complaint-answer' | 'complaint-forwarding';

const pending = (complaint: Complaint) =>
  complaint.status === 'awaiting-reconsideration' ||
  complaint.status === 'awaiting-citizen' ||
  complaint.status === 'awaiting-forwarding' ||
  complaint.status === 'forwarded';

/** The complaint deadlines: each with who is reminded and what follows when it falls due. */
export const complaintDeadlines: DeadlineDefinitions<CourseState, ComplaintDeadlineKind> = {
  /**
   * A complaint is reconsidered within the limit (BEK 861/2025 § 11): upheld or partly upheld with a
   * new decision, or kept and sent to Ankestyrelsen. Under the rulesets before 2026-12 an overdue
   * complaint went to Ankestyrelsen by itself; now it escalates, saying it must be sent.
   */
  'complaint-reconsideration': {
    label: msg('deadline.label.complaint-reconsideration'),
    remind: ['caseworker'],
    instances: (state) =>
      state.complaints
        .filter((complaint) => !complaint.late)
        .map((complaint) => ({
          id: `complaint-reconsideration:${complaint.id}`,
          startedAt: complaint.receivedAt,
          ...withinLimit(
            complaint.receivedAt,
            state.ruleset.complaints.reconsideration,
            state.ruleset.calendar,
          ),
          metAt:
            registered(state) && complaint.result === 'kept'
              ? complaint.forwardedAt
              : complaint.reconsideredAt,
          void: state.phase === 'concluded' && !complaint.reconsideredAt,
          subject: complaint.id,
        })),
    onDue(draft, deadline) {
      const complaint = draft.complaints.find((candidate) => candidate.id === deadline.subject)!;
      if (registered(draft as CourseState)) {
        breachAndEscalate(
          draft,
          deadline,
          msg(complaint.result === 'kept' ? 'complaint.kept-not-sent' : 'complaint.not-reconsidered', {
            complaintId: complaint.id,
          }),
        );
        return;
      }
      complaint.status = 'forwarded';
      complaint.forwardedAt = deadline.dueAt;
      complaint.forwardedBecause = 'overdue';
      notify(
        draft as CaseDraft,
        `deadline-${deadline.id}/breach`,
        'complaint-forwarded',
        ['citizen', 'caseworker', 'relatives'],
        {
          deadline: deadline.kind,
          dueAt: deadline.dueAt,
          complaintId: complaint.id,
          because: 'overdue',
        },
        deadline.dueAt,
      );
      escalate(
        draft as CaseDraft,
        deadline.id,
        msg('complaint.overdue-forwarded', { complaintId: complaint.id }),
        deadline.dueAt,
      );
    },
  },

  /** After partial medhold the citizen has a time to say whether the complaint is maintained (§ 12). */
  'complaint-answer': {
    label: msg('deadline.label.complaint-answer'),
    remind: [],
    milestone: true,
    instances: (state) => {
      const partial = state.ruleset.complaints.forwarding?.partial;
      if (!partial) return [];
      return state.complaints
        .filter((complaint) => complaint.result === 'partly-upheld')
        .map((complaint) => ({
          id: `complaint-answer:${complaint.id}`,
          startedAt: complaint.reconsideredAt!,
          dueAtMs: citizenTimeEnds(
            state.ruleset.calendar,
            complaint.reconsideredAt!,
            partial.citizenAnswersWithin,
          ),
          reminders: [],
          ...(complaint.answer ? { metAt: complaint.answer.at } : {}),
          void: false,
          subject: complaint.id,
        }));
    },
    onDue(draft, deadline) {
      const complaint = draft.complaints.find((candidate) => candidate.id === deadline.subject)!;
      if (complaint.status !== 'awaiting-citizen') return;
      complaint.status = 'settled';
      record(draft as CaseDraft, {
        at: deadline.dueAt,
        actor: SYSTEM,
        type: 'complaintSettled',
        outcome: 'recorded',
        summary: msg('complaint.settled-unanswered', { complaintId: complaint.id }),
      });
    },
  },

  /** A maintained (§ 12: 14 days) or late (§ 13: at once) complaint is sent to Ankestyrelsen. */
  'complaint-forwarding': {
    label: msg('deadline.label.complaint-forwarding'),
    remind: ['caseworker'],
    instances: (state) => {
      const forwarding = state.ruleset.complaints.forwarding;
      if (!forwarding) return [];
      return state.complaints.flatMap((complaint) => {
        const from = complaint.late
          ? complaint.receivedAt
          : complaint.answer?.maintained
            ? complaint.answer.at
            : undefined;
        if (!from) return [];
        return [
          {
            id: `complaint-forwarding:${complaint.id}`,
            startedAt: from,
            ...withinLimit(
              from,
              complaint.late ? forwarding.lateForwardWithin : forwarding.partial.forwardWithin,
            ),
            ...(complaint.forwardedAt ? { metAt: complaint.forwardedAt } : {}),
            void: false,
            subject: complaint.id,
          },
        ];
      });
    },
    onDue: (draft, deadline) =>
      breachAndEscalate(draft, deadline, msg('complaint.not-sent', { complaintId: deadline.subject ?? '' })),
  },
};

/**
 * When a case that a decision ended (a refusal; under `complaints.openAfterEnd` also a conclusion or
 * a routing to pension) closes by itself: when the complaint window has passed.
 */
export function settlesAt(state: CourseState): number | undefined {
  // The window's last instant still belongs to it: the case closes just after.
  if (state.phase === 'refused' && state.refusedAt) {
    return registered(state)
      ? complaintWindowEnds(state, state.refusedAt) + 1
      : addDuration(state.refusedAt, state.ruleset.complaints.window, state.ruleset.calendar);
  }
  if (state.phase === 'closing' && state.outcome) return complaintWindowEnds(state, state.outcome.at) + 1;
  return undefined;
}

/** A case whose complaint window has passed with no complaint about its ending pending is closed. */
export function closeSettled(draft: Draft<CourseState>, now: Instant): void {
  const settles = settlesAt(draft as CourseState);
  if (settles === undefined || toEpochMs(now) < settles) return;
  const about = draft.phase === 'refused' ? 'refusal' : 'conclusion';
  const complaints = draft.complaints.filter((complaint) => complaint.about === about);
  if (complaints.some((complaint) => pending(complaint as Complaint))) return;
  // Closed as of the moment the window closed, or the moment the last complaint was settled if later.
  const settled = complaints.map((complaint) =>
    toEpochMs(
      complaint.appeal?.at ?? complaint.answer?.at ?? complaint.reconsideredAt ?? complaint.receivedAt,
    ),
  );
  const at = toInstant(Math.max(settles, ...settled));
  if (draft.phase === 'refused') {
    draft.phase = 'concluded';
    draft.outcome = { outcome: 'refused', at };
  } else {
    draft.phase = 'concluded';
  }
  record(draft as CaseDraft, {
    at,
    actor: SYSTEM,
    type: 'caseClosed',
    outcome: 'recorded',
    summary: about === 'refusal' ? msg('case.refusal-stands') : msg('case.ending-stands'),
  });
}
