import type { Draft } from 'immer';
import { notify } from '../engine/draft';
import type { EventRule } from '../engine/event-rules';
import { citizenTimeEnds, type Instant, toEpochMs } from '../engine/time';
import type { CourseEventData } from './events';
import { type Complaint, type CourseState, offerRefusal } from './state';
import { msg } from '../messages/message';

type CourseDraft = Draft<CourseState>;
type ComplaintEvent =
  | 'complaintReceived'
  | 'complaintReconsidered'
  | 'complaintMaintained'
  | 'complaintForwarded'
  | 'appealDecided';

const day = (instant: Instant) => instant.slice(0, 10);

/**
 * Complaints (seed 002; Rsl. §§ 66–67; BEK 861/2025 §§ 11–13), all in this file: when a complaint
 * can be made, its reconsideration, how what is not fully met reaches Ankestyrelsen, Ankestyrelsen's
 * decision, and the complaint window that keeps a case open after a decision that ends it.
 *
 * How a complaint reaches Ankestyrelsen is the ruleset's `complaints.forwarding`. Rulesets without it
 * (the ones cases were pinned to before 2026-12) keep their rule: a kept or overdue complaint is
 * marked forwarded by the case itself. With it, a caseworker sends it and registers that
 * (`complaintForwarded`): nothing is marked forwarded, and no letter says so, until then.
 */
export const registered = (state: CourseState) => state.ruleset.complaints.forwarding !== undefined;

/** The instant of the decision a complaint is about (undefined: there is none to complain about). */
function decisionAt(state: CourseState, about: Complaint['about'], offerId?: string): Instant | undefined {
  switch (about) {
    case 'refusal':
      return state.phase === 'refused' ? state.refusedAt : undefined;
    case 'grant':
      return state.phase === 'in-course'
        ? state.decisions.filter((decision) => decision.decision === 'grant-course' && decision.stands).at(-1)
            ?.at
        : undefined;
    case 'offer':
      return offerId ? state.offers.find((offer) => offer.id === offerId)?.registeredAt : undefined;
    case 'conclusion':
      return state.phase === 'closing' ? state.outcome?.at : undefined;
  }
}

/** The end of the complaint window for a decision (Rsl. § 67: 4 weeks from receipt). */
export function complaintWindowEnds(state: CourseState, decidedAt: Instant, receivedOn?: string): number {
  return citizenTimeEnds(state.ruleset.calendar, decidedAt, state.ruleset.complaints.window, receivedOn);
}

const findComplaint = (state: CourseState, complaintId: string) =>
  state.complaints.find((candidate) => candidate.id === complaintId);
const noSuchComplaint = (complaintId: string) => msg('complaint.not-found', { complaintId });

/** The rules of the complaint events. */
export const complaintRules: { [T in ComplaintEvent]: EventRule<CourseState, CourseEventData<T>> } = {
  complaintReceived: {
    refuse: (state, data) => {
      if (findComplaint(state, data.complaintId)) {
        return msg('complaint.exists', { complaintId: data.complaintId });
      }
      if (data.about === 'refusal' && state.phase !== 'refused') return msg('complaint.no-refusal');
      if (data.about === 'grant' && state.phase !== 'in-course') return msg('complaint.no-grant');
      if (data.about === 'conclusion' && state.phase !== 'closing') return msg('complaint.no-ending');
      if (data.about === 'offer') {
        const { offer, refusal } = offerRefusal(state, data.offerId!);
        if (!offer) return refusal;
        if (offer.status === 'withdrawn') return msg('offer.withdrawn', { offerId: offer.id });
      }
      if (!registered(state) && (data.decisionReceivedOn || data.lateReason)) {
        return msg('complaint.no-receipt-date');
      }
      const decided = decisionAt(state, data.about, data.offerId);
      if (decided && data.decisionReceivedOn && data.decisionReceivedOn < day(decided)) {
        return msg('complaint.received-before-sent', {
          sentOn: day(decided),
          receivedOn: data.decisionReceivedOn,
        });
      }
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const decided = decisionAt(draft as CourseState, data.about, data.offerId);
      const late =
        registered(draft as CourseState) &&
        decided !== undefined &&
        toEpochMs(at) > complaintWindowEnds(draft as CourseState, decided, data.decisionReceivedOn);
      draft.complaints.push({
        id: data.complaintId,
        about: data.about,
        ...(data.offerId ? { offerId: data.offerId } : {}),
        receivedAt: at,
        ...(data.decisionReceivedOn ? { decisionReceivedOn: data.decisionReceivedOn } : {}),
        // BEK 861/2025 § 13: a late complaint is not reconsidered; it goes to Ankestyrelsen at once,
        // which decides whether to dispense (Rsl. § 67, stk. 2).
        ...(late ? { late: { ...(data.lateReason ? { reason: data.lateReason } : {}) } } : {}),
        status: late ? 'awaiting-forwarding' : 'awaiting-reconsideration',
      });
      const what =
        data.about === 'offer'
          ? msg('offer.plain', { offerId: data.offerId ?? '' })
          : msg(`complaint.about.${data.about}`);
      return {
        summary: msg(late ? 'complaint.received-late' : 'complaint.received', {
          complaintId: data.complaintId,
          what,
        }),
        ...(data.lateReason ? { reason: data.lateReason } : {}),
      };
    },
  },

  complaintReconsidered: {
    refuse: (state, data) => {
      const complaint = findComplaint(state, data.complaintId);
      if (!complaint) return noSuchComplaint(data.complaintId);
      if (complaint.late) {
        return msg('complaint.late-not-reconsidered', { complaintId: complaint.id });
      }
      if (complaint.forwardedBecause === 'overdue') {
        return msg('complaint.overdue-went', { complaintId: complaint.id, on: day(complaint.forwardedAt!) });
      }
      if (complaint.status !== 'awaiting-reconsideration')
        return msg('complaint.reconsidered-already', { complaintId: complaint.id });
      if (data.result === 'partly-upheld' && !registered(state)) {
        return msg('complaint.no-partial');
      }
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const complaint = draft.complaints.find((candidate) => candidate.id === data.complaintId)!;
      complaint.reconsideredAt = at;
      complaint.reasoning = data.reasoning;
      complaint.result = data.result;
      if (data.result === 'kept') {
        if (registered(draft as CourseState)) {
          complaint.status = 'awaiting-forwarding';
          return {
            summary: msg('complaint.kept-must-send', { complaintId: complaint.id }),
            reason: data.reasoning,
          };
        }
        markForwarded(draft, complaint, at, 'kept');
        return {
          summary: msg('complaint.kept-goes', { complaintId: complaint.id }),
          reason: data.reasoning,
        };
      }
      reopenAfterComplaint(draft, complaint, at);
      if (data.result === 'partly-upheld') {
        complaint.status = 'awaiting-citizen';
        notify(
          draft,
          `complaint-${complaint.id}/partly-upheld`,
          'decision',
          ['citizen', 'relatives'],
          { complaintId: complaint.id, complaintPartlyUpheld: true, reasoning: data.reasoning },
          at,
        );
        return {
          summary: msg('complaint.partly-upheld', { complaintId: complaint.id }),
          reason: data.reasoning,
        };
      }
      complaint.status = 'upheld';
      notify(
        draft,
        `complaint-${complaint.id}/upheld`,
        'decision',
        ['citizen', 'relatives'],
        { complaintId: complaint.id, complaintUpheld: true, reasoning: data.reasoning },
        at,
        { basis: 'complaint-reconsidered', reasoning: data.reasoning },
      );
      return {
        summary: msg('complaint.upheld', { complaintId: complaint.id }),
        reason: data.reasoning,
      };
    },
  },

  complaintMaintained: {
    refuse: (state, data) => {
      const complaint = findComplaint(state, data.complaintId);
      if (!complaint) return noSuchComplaint(data.complaintId);
      if (complaint.status !== 'awaiting-citizen') {
        return msg('complaint.not-awaiting-citizen', { complaintId: complaint.id });
      }
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const complaint = draft.complaints.find((candidate) => candidate.id === data.complaintId)!;
      complaint.answer = { maintained: data.maintained, at };
      complaint.status = data.maintained ? 'awaiting-forwarding' : 'settled';
      return {
        summary: data.maintained
          ? msg('complaint.maintained', { complaintId: complaint.id })
          : msg('complaint.not-maintained', { complaintId: complaint.id }),
      };
    },
  },

  complaintForwarded: {
    refuse: (state, data, { at }) => {
      const complaint = findComplaint(state, data.complaintId);
      if (!complaint) return noSuchComplaint(data.complaintId);
      if (!registered(state)) {
        return msg('complaint.forwarded-by-case');
      }
      if (complaint.status === 'forwarded' || complaint.status === 'appeal-decided')
        return msg('complaint.sent-already', { complaintId: complaint.id, on: day(complaint.forwardedAt!) });
      if (complaint.status !== 'awaiting-forwarding') {
        return msg('complaint.not-to-send', { complaintId: complaint.id });
      }
      if (data.sentOn && (data.sentOn > day(at) || data.sentOn < day(complaint.receivedAt))) {
        return msg('complaint.sent-on-window', { receivedOn: day(complaint.receivedAt) });
      }
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const complaint = draft.complaints.find((candidate) => candidate.id === data.complaintId)!;
      const sentAt = data.sentOn && data.sentOn !== day(at) ? `${data.sentOn}T12:00:00.000Z` : at;
      const because = complaint.late ? 'late' : complaint.answer?.maintained ? 'maintained' : 'kept';
      markForwarded(draft, complaint, sentAt, because);
      return { summary: msg('complaint.sent', { complaintId: complaint.id, on: day(sentAt) }) };
    },
  },

  appealDecided: {
    refuse: (state, data) => {
      const complaint = findComplaint(state, data.complaintId);
      if (!complaint) return noSuchComplaint(data.complaintId);
      if (complaint.status !== 'forwarded')
        return msg('complaint.not-with-ankestyrelsen', { complaintId: complaint.id });
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const complaint = draft.complaints.find((candidate) => candidate.id === data.complaintId)!;
      complaint.status = 'appeal-decided';
      complaint.appeal = { result: data.result, at };
      if (data.result !== 'decision-upheld') reopenAfterComplaint(draft, complaint, at);
      return {
        summary: msg('complaint.appeal-decided', {
          complaintId: complaint.id,
          result: msg(`value.appeal.${data.result}`),
        }),
      };
    },
  },
};

/** The complaint is with Ankestyrelsen: recorded, and the citizen told (BEK 861/2025 § 11, stk. 1). */
function markForwarded(
  draft: CourseDraft,
  complaint: Draft<Complaint>,
  at: Instant,
  because: NonNullable<Complaint['forwardedBecause']>,
): void {
  complaint.status = 'forwarded';
  complaint.forwardedAt = at;
  complaint.forwardedBecause = because;
  notify(
    draft,
    `complaint-${complaint.id}/forwarded`,
    'complaint-forwarded',
    ['citizen', 'relatives'],
    {
      complaintId: complaint.id,
      because,
      ...(complaint.reasoning ? { reasoning: complaint.reasoning } : {}),
    },
    at,
  );
}

/**
 * An upheld complaint (or a changed or remitted decision on appeal) reopens the step it concerns: the
 * offer goes; a grant or refusal is decided again; a course whose ending was complained about runs on.
 */
export function reopenAfterComplaint(draft: CourseDraft, complaint: Draft<Complaint>, at: Instant): void {
  if (complaint.about === 'offer') {
    const offer = draft.offers.find((candidate) => candidate.id === complaint.offerId);
    if (offer && offer.status !== 'ended' && offer.status !== 'withdrawn') {
      offer.status = 'withdrawn';
      offer.endedAt = at;
      offer.endReason = 'withdrawn';
    }
    return;
  }
  if (complaint.about === 'conclusion') {
    if (draft.phase !== 'closing') return;
    delete draft.outcome;
    draft.phase = draft.course ? 'in-course' : 'awaiting-decision';
    if (!draft.course) draft.decisionRequests.push({ requestedAt: at });
    return;
  }
  if (draft.phase === 'concluded') return;
  draft.phase = 'awaiting-decision';
  draft.decisionRequests.push({ requestedAt: at });
}
