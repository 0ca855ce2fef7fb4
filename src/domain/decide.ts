import type { Draft } from 'immer';
import { notify } from './case-draft';
import { conclude, settle } from './clock';
import { listDeadlines } from './deadlines';
import {
  applyRule,
  commonEventRules,
  type Decision as GenericDecision,
  type EventRule,
  type ExternalFacts,
} from './event-rules';
import type { Actor, CaseEvent, CaseEventData, CaseEventType, Recommendation } from './events';
import type { CaseState, Offer } from './state';
import type { Instant } from './time';

export type Decision = GenericDecision<CaseState>;
type CourseDraft = Draft<CaseState>;

/**
 * The case rules for events: a pure function of (state, event, actor, now). A refused event changes
 * nothing; an accepted one returns the new state, with its timeline entry and notifications.
 */
export function decide(
  state: CaseState,
  event: CaseEvent,
  actor: Actor,
  now: number,
  external?: ExternalFacts,
): Decision {
  if (state.phase === 'concluded') {
    return {
      ok: false,
      reason: `the case was concluded (${state.outcome?.outcome}) on ${day(state.outcome!.at)}; it accepts no further events`,
    };
  }
  const rule = eventRules[event.type] as EventRule<CaseState, unknown>;
  return applyRule(state, event.type, rule, event.data, actor, now, settle, external);
}

export { recordRejection } from './event-rules';

const day = (instant: Instant) => instant.slice(0, 10);

const phaseNames: Record<CaseState['phase'], string> = {
  referred: 'waiting for the rehabilitation team',
  'awaiting-decision': "waiting for the municipality's decision",
  'in-course': 'in its course',
  refused: 'refused',
  concluded: 'concluded',
};

function requirePhase(state: CaseState, allowed: CaseState['phase'][], what: string): string | undefined {
  if (allowed.includes(state.phase)) return undefined;
  return `${what} is not possible while the case is ${phaseNames[state.phase]}`;
}

function findOffer(state: CaseState, offerId: string): Offer | undefined {
  return state.offers.find((offer) => offer.id === offerId);
}

function offerRefusal(state: CaseState, offerId: string): { offer?: Offer; refusal?: string } {
  const offer = findOffer(state, offerId);
  return offer ? { offer } : { refusal: `there is no offer "${offerId}" in this case` };
}

/** What a refusal directs the citizen to, in the recommendation's terms. */
const alternativeAsRecommendation: Record<string, Recommendation | undefined> = {
  fleksjob: 'fleksjob',
  foertidspension: 'foertidspension',
  revalidering: 'revalidering',
  'other-measures': 'other-measures',
  none: undefined,
};

const eventRules: { [T in CaseEventType]: EventRule<CaseState, CaseEventData<T>> } = {
  ...commonEventRules<CaseState>(),
  teamRecommendation: {
    refuse: (state) =>
      requirePhase(
        state,
        ['referred', 'awaiting-decision', 'in-course'],
        'a recommendation (the municipality has refused a course; a complaint or a new referral comes first)',
      ),
    apply: (draft, data, { at }) => {
      const open = draft.teamReviews.find((review) => !review.answeredAt);
      if (open) open.answeredAt = at;
      const context = open?.reason ?? 'follow-up';
      draft.teamRecommendations.push({ ...data, at, context });
      if (draft.phase === 'referred') {
        draft.phase = 'awaiting-decision';
        draft.decisionRequests.push({ requestedAt: at });
      }
      if (!data.unanimous) {
        notify(
          draft,
          `recommendation-${draft.teamRecommendations.length}/dissent`,
          'team-dissent',
          ['citizen', 'relatives'],
          { recommends: data.recommends, dissentingMembers: data.dissent.map((d) => d.member).join(', ') },
          at,
        );
      }
      const how = data.unanimous
        ? 'unanimously'
        : `with dissent from ${data.dissent.map((d) => d.member).join(', ')}`;
      return {
        summary: `the team recommends ${data.recommends} ${how}${data.citizenAttendedWholeMeeting ? '' : '; the citizen did not attend the whole meeting'} (${context})`,
      };
    },
  },

  municipalDecision: {
    refuse: (state) =>
      state.phase === 'referred'
        ? 'the municipality decides on the basis of the team’s recommendation: the team has not recommended yet'
        : requirePhase(state, ['awaiting-decision'], 'a decision'),
    apply: (draft, data, { at }) => {
      const recommendation = draft.teamRecommendations[draft.teamRecommendations.length - 1]!;
      const follows =
        data.decision === 'grant-course'
          ? recommendation.recommends === 'ressourceforloeb'
          : recommendation.recommends !== 'ressourceforloeb' &&
            alternativeAsRecommendation[data.alternative!] === recommendation.recommends;
      const stands = follows || recommendation.context === 'deviation';
      const request = draft.decisionRequests.find((candidate) => !candidate.decidedAt);
      if (request) request.decidedAt = at;
      draft.decisions.push({
        at,
        decision: data.decision,
        ...(data.alternative ? { alternative: data.alternative } : {}),
        reasoning: data.reasoning,
        followsRecommendation: follows,
        stands,
      });
      const what =
        data.decision === 'grant-course' ? 'grant a course' : `refuse a course (${data.alternative})`;
      if (!stands) {
        draft.phase = 'referred';
        draft.teamReviews.push({ requestedAt: at, reason: 'deviation' });
        notify(
          draft,
          `decision-${draft.decisions.length}/back-to-team`,
          'back-to-team',
          ['citizen', 'caseworker', 'relatives'],
          { proposed: data.decision },
          at,
        );
        return {
          summary: `the municipality would ${what}, against the team's recommendation (${recommendation.recommends}): the case goes back to the team before the decision can stand`,
          reason: data.reasoning,
        };
      }
      if (data.decision === 'grant-course') {
        draft.phase = 'in-course';
        draft.course ??= { startedAt: at };
      } else {
        draft.phase = 'refused';
        draft.refusedAt = at;
      }
      notify(
        draft,
        `decision-${draft.decisions.length}`,
        'decision',
        ['citizen', 'relatives'],
        {
          decision: data.decision,
          alternative: data.alternative ?? '',
          complaintWindow: draft.rules.complaints.window,
        },
        at,
      );
      return {
        summary: `the municipality decides to ${what}${follows ? ', following the team' : ', after the team has seen the case again'}`,
        reason: data.reasoning,
      };
    },
  },

  offerRegistered: {
    refuse: (state, data) =>
      requirePhase(state, ['in-course'], 'registering an offer') ??
      (findOffer(state, data.offerId) ? `an offer with ID "${data.offerId}" already exists` : undefined),
    apply: (draft, data, { at }) => {
      draft.offers.push({
        id: data.offerId,
        kind: data.kind,
        real: data.real,
        plannedStart: data.plannedStart,
        ...(data.description ? { description: data.description } : {}),
        registeredAt: at,
        status: 'planned',
      });
      return {
        summary: `${data.real ? 'real ' : ''}offer ${data.offerId} (${data.kind}) registered, planned to start ${data.plannedStart}`,
      };
    },
  },

  offerStarted: {
    refuse: (state, data) => {
      const phase = requirePhase(state, ['in-course'], 'starting an offer');
      if (phase) return phase;
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      if (offer.specialistVeto) {
        return `a medical specialist (${offer.specialistVeto.specialty}) advised against offer ${offer.id} on ${day(offer.specialistVeto.at)}: it must not start`;
      }
      if (offer.status === 'awaiting-health-advice') {
        return `offer ${offer.id} waits for the regional health coordinator's advice, requested ${day(offer.healthCoordinator!.requestedAt)}`;
      }
      if (offer.status !== 'planned')
        return `offer ${offer.id} has already ${offer.status === 'started' ? 'started' : 'ended'}`;
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const offer = draft.offers.find((candidate) => candidate.id === data.offerId)!;
      offer.status = 'started';
      offer.startedAt = at;
      return { summary: `${offer.real ? 'real ' : ''}offer ${offer.id} (${offer.kind}) started` };
    },
  },

  offerEnded: {
    refuse: (state, data) => {
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      if (offer.status === 'ended' || offer.status === 'withdrawn')
        return `offer ${offer.id} has already ended`;
      if (offer.status === 'started' && data.reason === 'withdrawn') {
        return `offer ${offer.id} has started: it ends as completed or discontinued, not withdrawn`;
      }
      if (offer.status !== 'started' && data.reason !== 'withdrawn') {
        return `offer ${offer.id} has not started: it can only be withdrawn`;
      }
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const offer = draft.offers.find((candidate) => candidate.id === data.offerId)!;
      offer.status = data.reason === 'withdrawn' ? 'withdrawn' : 'ended';
      offer.endedAt = at;
      offer.endReason = data.reason;
      return { summary: `offer ${offer.id} ${data.reason}`, ...(data.note ? { reason: data.note } : {}) };
    },
  },

  specialistAdvisedAgainst: {
    refuse: (state, data) => {
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      if (offer.specialistVeto) return `a specialist has already advised against offer ${offer.id}`;
      if (offer.status === 'ended' || offer.status === 'withdrawn')
        return `offer ${offer.id} has already ended`;
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const offer = draft.offers.find((candidate) => candidate.id === data.offerId)!;
      offer.specialistVeto = { specialty: data.specialty, at };
      if (offer.status === 'started') {
        notify(
          draft,
          `offer-${offer.id}/advised-against`,
          'offer-advised-against',
          ['caseworker'],
          { offerId: offer.id },
          at,
        );
        return {
          summary: `a specialist (${data.specialty}) advised against offer ${offer.id}, which is running: the caseworker is told`,
        };
      }
      return {
        summary: `a specialist (${data.specialty}) advised against offer ${offer.id}: it can never start`,
      };
    },
  },

  healthCoordinatorRequested: {
    refuse: (state, data) => {
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      if (offer.healthCoordinator)
        return `the health coordinator has already been asked about offer ${offer.id}`;
      if (offer.specialistVeto)
        return `a specialist has advised against offer ${offer.id}: it will not start anyway`;
      if (offer.status !== 'planned')
        return `offer ${offer.id} is ${offer.status}: advice can be asked for before an offer starts`;
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const offer = draft.offers.find((candidate) => candidate.id === data.offerId)!;
      offer.status = 'awaiting-health-advice';
      offer.healthCoordinator = { requestedAt: at };
      return {
        summary: `the citizen asked for the regional health coordinator's advice on offer ${offer.id}; it waits`,
      };
    },
  },

  healthCoordinatorAdvice: {
    refuse: (state, data) => {
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      if (offer.status !== 'awaiting-health-advice')
        return `no advice on offer ${offer.id} has been asked for`;
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const offer = draft.offers.find((candidate) => candidate.id === data.offerId)!;
      offer.healthCoordinator = {
        ...offer.healthCoordinator!,
        advice: data.advice,
        advisedAt: at,
        ...(data.note ? { note: data.note } : {}),
      };
      if (data.advice === 'replace') {
        offer.status = 'withdrawn';
        offer.endedAt = at;
        offer.endReason = 'withdrawn';
        return { summary: `the health coordinator advises replacing offer ${offer.id}: it is withdrawn` };
      }
      offer.status = 'planned';
      return {
        summary: `the health coordinator advises to ${data.advice === 'adjust' ? 'adjust' : 'go ahead with'} offer ${offer.id}: it may start`,
      };
    },
  },

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
          { complaintId: complaint.id, because: 'kept' },
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

  decisionOnExistingEvidenceDemanded: {
    refuse: (state) => {
      const phase = requirePhase(state, ['in-course'], 'a demand for a decision on the existing evidence');
      if (phase) return phase;
      const right = state.decisionOnExistingEvidence;
      if (!right) {
        const realOffer = listDeadlines(state).find((deadline) => deadline.kind === 'real-offer');
        return realOffer
          ? `the citizen has this right only if no real offer has started by ${day(realOffer.dueAt)}`
          : 'this ruleset gives no right to a decision on the existing evidence';
      }
      if (right.demandedAt) return `the citizen already demanded a decision on ${day(right.demandedAt)}`;
      return undefined;
    },
    apply: (draft, _data, { at }) => {
      draft.decisionOnExistingEvidence!.demandedAt = at;
      return { summary: 'the citizen demands a decision on the existing evidence' };
    },
  },

  workCapacityCannotDevelop: {
    refuse: (state) =>
      requirePhase(
        state,
        ['referred', 'awaiting-decision', 'in-course'],
        'routing the case toward førtidspension',
      ),
    apply: (draft, data, { at }) => {
      conclude(draft, 'foertidspension', at, {
        routedToPension: data.basis,
        ...(data.note ? { note: data.note } : {}),
      });
      notify(
        draft,
        'routed-to-pension',
        'routed-to-pension',
        ['citizen', 'caseworker', 'relatives'],
        // Why (terminal illness, say) is a health detail: it stays in the case, not in the mail.
        {},
        at,
      );
      return {
        summary: `work capacity cannot develop (${data.basis}): no course; the case goes toward førtidspension`,
      };
    },
  },

  courseConcluded: {
    refuse: (state, data) =>
      state.phase !== 'in-course' && data.outcome !== 'ended-other'
        ? `the course has not started: only "ended-other" (moved, died, pension age) can close the case while it is ${phaseNames[state.phase]}`
        : undefined,
    apply: (draft, data, { at }) => {
      conclude(draft, data.outcome, at, data.note ? { note: data.note } : {});
      notify(draft, 'concluded', 'course-concluded', ['citizen', 'relatives'], { outcome: data.outcome }, at);
      return {
        summary: `the course is concluded: ${data.outcome}`,
        ...(data.note ? { reason: data.note } : {}),
      };
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
