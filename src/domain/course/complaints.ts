import type { Draft } from 'immer';
import { notify } from '../engine/draft';
import type { EventRule } from '../engine/event-rules';
import type { Instant } from '../engine/time';
import type { CourseEventData } from './events';
import { type CourseState, offerRefusal } from './state';

type CourseDraft = Draft<CourseState>;
type ComplaintEvent = 'complaintReceived' | 'complaintReconsidered' | 'appealDecided';

const day = (instant: Instant) => instant.slice(0, 10);

/**
 * Complaints about a grant, a refusal or an offer (seed 002; Rsl. §§ 66–67): received, reconsidered
 * by the municipality within the ruleset's limit, and, if kept, decided by Ankestyrelsen.
 */
export const complaintRules: { [T in ComplaintEvent]: EventRule<CourseState, CourseEventData<T>> } = {
  complaintReceived: {
    refuse: (state, data) => {
      if (state.complaints.some((complaint) => complaint.id === data.complaintId)) {
        return `a complaint with ID "${data.complaintId}" already exists`;
      }
      if (data.about === 'refusal' && state.phase !== 'refused')
        return 'there is no refusal of a course to complain about';
      if (data.about === 'grant' && state.phase !== 'in-course')
        return 'there is no granted course to complain about';
      if (data.about === 'offer') {
        const { offer, refusal } = offerRefusal(state, data.offerId!);
        if (!offer) return refusal;
        if (offer.status === 'withdrawn') return `offer ${offer.id} has been withdrawn`;
      }
      return undefined;
    },
    apply: (draft, data, { at }) => {
      draft.complaints.push({
        id: data.complaintId,
        about: data.about,
        ...(data.offerId ? { offerId: data.offerId } : {}),
        receivedAt: at,
        status: 'awaiting-reconsideration',
      });
      return {
        summary: `complaint ${data.complaintId} about the ${data.about === 'offer' ? `offer ${data.offerId}` : data.about} received`,
      };
    },
  },

  complaintReconsidered: {
    refuse: (state, data) => {
      const complaint = state.complaints.find((candidate) => candidate.id === data.complaintId);
      if (!complaint) return `there is no complaint "${data.complaintId}" in this case`;
      if (complaint.forwardedBecause === 'overdue') {
        return `complaint ${complaint.id} was not reconsidered in time and went to Ankestyrelsen on ${day(complaint.forwardedAt!)}`;
      }
      if (complaint.status !== 'awaiting-reconsideration')
        return `complaint ${complaint.id} has already been reconsidered`;
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const complaint = draft.complaints.find((candidate) => candidate.id === data.complaintId)!;
      complaint.reconsideredAt = at;
      complaint.reasoning = data.reasoning;
      if (data.result === 'kept') {
        complaint.status = 'forwarded';
        complaint.forwardedAt = at;
        complaint.forwardedBecause = 'kept';
        notify(
          draft,
          `complaint-${complaint.id}/forwarded`,
          'complaint-forwarded',
          ['citizen', 'relatives'],
          { complaintId: complaint.id, because: 'kept', reasoning: data.reasoning },
          at,
        );
        return {
          summary: `complaint ${complaint.id}: the municipality keeps its decision; the complaint goes to Ankestyrelsen`,
          reason: data.reasoning,
        };
      }
      complaint.status = 'upheld';
      reopenAfterComplaint(draft, complaint, at);
      notify(
        draft,
        `complaint-${complaint.id}/upheld`,
        'decision',
        ['citizen', 'relatives'],
        { complaintId: complaint.id, complaintUpheld: true },
        at,
        { basis: 'complaint-reconsidered', reasoning: data.reasoning },
      );
      return {
        summary: `complaint ${complaint.id} upheld: the municipality changes its decision`,
        reason: data.reasoning,
      };
    },
  },

  appealDecided: {
    refuse: (state, data) => {
      const complaint = state.complaints.find((candidate) => candidate.id === data.complaintId);
      if (!complaint) return `there is no complaint "${data.complaintId}" in this case`;
      if (complaint.status !== 'forwarded') return `complaint ${complaint.id} is not with Ankestyrelsen`;
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const complaint = draft.complaints.find((candidate) => candidate.id === data.complaintId)!;
      complaint.status = 'appeal-decided';
      complaint.appeal = { result: data.result, at };
      if (data.result !== 'decision-upheld') reopenAfterComplaint(draft, complaint, at);
      return { summary: `Ankestyrelsen on complaint ${complaint.id}: ${data.result}` };
    },
  },
};

/** An upheld complaint (or a changed decision on appeal): the municipality decides again, or the offer goes. */
function reopenAfterComplaint(
  draft: CourseDraft,
  complaint: CourseDraft['complaints'][number],
  at: Instant,
): void {
  if (complaint.about === 'offer') {
    const offer = draft.offers.find((candidate) => candidate.id === complaint.offerId);
    if (offer && offer.status !== 'ended' && offer.status !== 'withdrawn') {
      offer.status = 'withdrawn';
      offer.endedAt = at;
      offer.endReason = 'withdrawn';
    }
    return;
  }
  if (draft.phase === 'concluded') return;
  draft.phase = 'awaiting-decision';
  draft.decisionRequests.push({ requestedAt: at });
}
