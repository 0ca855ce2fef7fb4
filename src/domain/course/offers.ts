import { notify } from '../engine/draft';
import type { EventRule } from '../engine/event-rules';
import type { Instant } from '../engine/time';
import type { CourseEventData } from './events';
import { type CourseState, findOffer, offerRefusal, requirePhase } from './state';

type OfferEvent =
  | 'offerRegistered'
  | 'offerStarted'
  | 'offerEnded'
  | 'specialistAdvisedAgainst'
  | 'healthCoordinatorRequested'
  | 'healthCoordinatorAdvice'
  | 'healthAdviceDecided';

const day = (instant: Instant) => instant.slice(0, 10);

/** Seed 000's specialist veto: a proposal, not law; rulesets without the field keep it on. */
const vetoApplies = (state: CourseState) => state.ruleset.course.specialistVeto?.applies !== false;

/** LAB § 113, stk. 3: the municipality decides after the coordinator's advice (absent: the advice moves the offer). */
const municipalityDecides = (state: CourseState) =>
  state.ruleset.healthCoordinator.municipalityDecides === true;

/**
 * The offers of a course (measures): registered, started, ended; a specialist's advice against one
 * (seed 000's veto, a switch of the ruleset); the regional health coordinator's advice and, under the
 * law, the municipality's decision after it (LAB § 113, stk. 3).
 */
export const offerRules: { [T in OfferEvent]: EventRule<CourseState, CourseEventData<T>> } = {
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
        ...(data.basis ? { basis: data.basis } : {}),
        registeredAt: at,
        status: 'planned',
      });
      const countsOnly = draft.ruleset.course.firstMeasure.countsOnly;
      const counts = !countsOnly || (data.basis !== undefined && countsOnly.includes(data.basis));
      return {
        summary: `${data.real ? 'real ' : ''}offer ${data.offerId} (${data.kind}${data.basis ? `, ${data.basis}` : ''}) registered, planned to start ${data.plannedStart}${counts ? '' : '; it does not count as the first measure (LAB § 113, stk. 2)'}`,
      };
    },
  },

  offerStarted: {
    refuse: (state, data) => {
      const phase = requirePhase(state, ['in-course'], 'starting an offer');
      if (phase) return phase;
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      if (offer.specialistVeto && vetoApplies(state)) {
        return `a medical specialist (${offer.specialistVeto.specialty}) advised against offer ${offer.id} on ${day(offer.specialistVeto.at)}: it must not start`;
      }
      if (offer.status === 'awaiting-health-advice') {
        return offer.healthCoordinator!.advisedAt
          ? `offer ${offer.id} waits for the municipality's decision on the health coordinator's advice of ${day(offer.healthCoordinator!.advisedAt)} (LAB § 113, stk. 3)`
          : `offer ${offer.id} waits for the regional health coordinator's advice, requested ${day(offer.healthCoordinator!.requestedAt)}`;
      }
      if (offer.status === 'paused') {
        return `offer ${offer.id} is paused until the municipality has decided on the health coordinator's advice (LAB § 113, stk. 3)`;
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
      const started = offer.status === 'started' || offer.status === 'paused';
      if (started && data.reason === 'withdrawn') {
        return `offer ${offer.id} has started: it ends as completed or discontinued, not withdrawn`;
      }
      if (!started && data.reason !== 'withdrawn') {
        return `offer ${offer.id} has not started: it can only be withdrawn`;
      }
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const offer = draft.offers.find((candidate) => candidate.id === data.offerId)!;
      offer.status = data.reason === 'withdrawn' ? 'withdrawn' : 'ended';
      offer.endedAt = at;
      offer.endReason = data.reason;
      return { summary: `offer ${offer.id} ${data.reason}`, reason: data.note };
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
        summary: vetoApplies(draft as CourseState)
          ? `a specialist (${data.specialty}) advised against offer ${offer.id}: it can never start`
          : `a specialist (${data.specialty}) advised against offer ${offer.id}: recorded as advice; the municipality decides`,
      };
    },
  },

  healthCoordinatorRequested: {
    refuse: (state, data) => {
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      if (offer.healthCoordinator)
        return `the health coordinator has already been asked about offer ${offer.id}`;
      if (offer.specialistVeto && vetoApplies(state))
        return `a specialist has advised against offer ${offer.id}: it will not start anyway`;
      if (municipalityDecides(state)) {
        if (offer.status !== 'planned' && offer.status !== 'started')
          return `offer ${offer.id} is ${offer.status}: advice can be asked for on a planned or running offer`;
        return undefined;
      }
      if (offer.status !== 'planned')
        return `offer ${offer.id} is ${offer.status}: advice can be asked for before an offer starts`;
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const offer = draft.offers.find((candidate) => candidate.id === data.offerId)!;
      offer.healthCoordinator = { requestedAt: at };
      if (offer.status === 'started') {
        offer.status = 'paused';
        return {
          summary: `the citizen asked for the regional health coordinator's advice on offer ${offer.id}, which is running: it pauses until the municipality has decided (LAB § 113, stk. 3)`,
        };
      }
      offer.status = 'awaiting-health-advice';
      return {
        summary: municipalityDecides(draft as CourseState)
          ? `the citizen asked for the regional health coordinator's advice on offer ${offer.id}; it waits until the municipality has decided (LAB § 113, stk. 3)`
          : `the citizen asked for the regional health coordinator's advice on offer ${offer.id}; it waits`,
      };
    },
  },

  healthCoordinatorAdvice: {
    refuse: (state, data) => {
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      if (municipalityDecides(state)) {
        if (!offer.healthCoordinator) return `no advice on offer ${offer.id} has been asked for`;
        if (offer.healthCoordinator.advisedAt)
          return `the health coordinator's advice on offer ${offer.id} was recorded on ${day(offer.healthCoordinator.advisedAt)}`;
        return undefined;
      }
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
      if (municipalityDecides(draft as CourseState)) {
        return {
          summary: `the health coordinator advises to ${data.advice === 'proceed' ? 'go ahead with' : data.advice} offer ${offer.id}: recorded as advice; the municipality decides (LAB § 113, stk. 3)`,
          reason: data.note,
        };
      }
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

  healthAdviceDecided: {
    refuse: (state, data) => {
      const phase = requirePhase(state, ['in-course'], "the municipality's decision on an offer");
      if (phase) return phase;
      if (!municipalityDecides(state))
        return "under this ruleset the health coordinator's advice itself decides the offer";
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      const request = offer.healthCoordinator;
      if (!request) return `no health coordinator's advice on offer ${offer.id} has been asked for`;
      if (request.decidedAt)
        return `the municipality already decided on offer ${offer.id} on ${day(request.decidedAt)}`;
      if (!request.advisedAt)
        return `the health coordinator's advice on offer ${offer.id} has not been recorded yet: the municipality decides after it`;
      if (offer.status !== 'awaiting-health-advice' && offer.status !== 'paused')
        return `offer ${offer.id} has already ended`;
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const offer = draft.offers.find((candidate) => candidate.id === data.offerId)!;
      offer.healthCoordinator = {
        ...offer.healthCoordinator!,
        decision: data.decision,
        decidedAt: at,
        reasoning: data.reasoning,
      };
      const wasRunning = offer.status === 'paused';
      if (data.decision === 'replace') {
        offer.status = wasRunning ? 'ended' : 'withdrawn';
        offer.endedAt = at;
        offer.endReason = wasRunning ? 'discontinued' : 'withdrawn';
        return {
          summary: `after the health coordinator's advice the municipality decides to replace offer ${offer.id}: it is ${wasRunning ? 'discontinued' : 'withdrawn'}`,
          reason: data.reasoning,
        };
      }
      offer.status = wasRunning ? 'started' : 'planned';
      const how = data.decision === 'keep' ? 'keep' : 'adjust';
      return {
        summary: `after the health coordinator's advice the municipality decides to ${how} offer ${offer.id}: it ${wasRunning ? 'resumes' : 'may start'}`,
        reason: data.reasoning,
      };
    },
  },
};
