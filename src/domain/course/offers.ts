import { notify } from '../engine/draft';
import type { EventRule } from '../engine/event-rules';
import type { Instant } from '../engine/time';
import type { CourseEventData } from './events';
import { type CourseState, findOffer, offerRefusal, requirePhase } from './state';
import { msg } from '../messages/message';

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
      requirePhase(state, ['in-course'], msg('offer.what.register')) ??
      (findOffer(state, data.offerId) ? msg('offer.exists', { offerId: data.offerId }) : undefined),
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
        summary: msg(counts ? 'offer.registered' : 'offer.registered-not-counting', {
          offer: msg(data.real ? 'offer.real' : 'offer.plain', { offerId: data.offerId }),
          kind: data.basis
            ? msg('offer.kind-basis', { kind: msg(`value.offer-kind.${data.kind}`), basis: data.basis })
            : msg(`value.offer-kind.${data.kind}`),
          plannedStart: data.plannedStart,
        }),
      };
    },
  },

  offerStarted: {
    refuse: (state, data) => {
      const phase = requirePhase(state, ['in-course'], msg('offer.what.start'));
      if (phase) return phase;
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      if (offer.specialistVeto && vetoApplies(state)) {
        return msg('offer.vetoed', {
          specialty: offer.specialistVeto.specialty,
          offerId: offer.id,
          on: day(offer.specialistVeto.at),
        });
      }
      if (offer.status === 'awaiting-health-advice') {
        return offer.healthCoordinator!.advisedAt
          ? msg('offer.waits-municipality', {
              offerId: offer.id,
              on: day(offer.healthCoordinator!.advisedAt),
            })
          : msg('offer.waits-advice', { offerId: offer.id, on: day(offer.healthCoordinator!.requestedAt) });
      }
      if (offer.status === 'paused') {
        return msg('offer.paused', { offerId: offer.id });
      }
      if (offer.status !== 'planned')
        return msg(offer.status === 'started' ? 'offer.started-already' : 'offer.ended-already', {
          offerId: offer.id,
        });
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const offer = draft.offers.find((candidate) => candidate.id === data.offerId)!;
      offer.status = 'started';
      offer.startedAt = at;
      return {
        summary: msg('offer.started', {
          offer: msg(offer.real ? 'offer.real' : 'offer.plain', { offerId: offer.id }),
          kind: msg(`value.offer-kind.${offer.kind}`),
        }),
      };
    },
  },

  offerEnded: {
    refuse: (state, data) => {
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      if (offer.status === 'ended' || offer.status === 'withdrawn')
        return msg('offer.ended-already', { offerId: offer.id });
      const started = offer.status === 'started' || offer.status === 'paused';
      if (started && data.reason === 'withdrawn') {
        return msg('offer.started-not-withdrawn', { offerId: offer.id });
      }
      if (!started && data.reason !== 'withdrawn') {
        return msg('offer.not-started-withdraw', { offerId: offer.id });
      }
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const offer = draft.offers.find((candidate) => candidate.id === data.offerId)!;
      offer.status = data.reason === 'withdrawn' ? 'withdrawn' : 'ended';
      offer.endedAt = at;
      offer.endReason = data.reason;
      return {
        summary: msg('offer.ended', { offerId: offer.id, how: msg(`offer.end.${data.reason}`) }),
        reason: data.note,
      };
    },
  },

  specialistAdvisedAgainst: {
    refuse: (state, data) => {
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      if (offer.specialistVeto) return msg('offer.vetoed-already', { offerId: offer.id });
      if (offer.status === 'ended' || offer.status === 'withdrawn')
        return msg('offer.ended-already', { offerId: offer.id });
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
          summary: msg('offer.vetoed-running', { specialty: data.specialty, offerId: offer.id }),
        };
      }
      return {
        summary: vetoApplies(draft as CourseState)
          ? msg('offer.vetoed-never', { specialty: data.specialty, offerId: offer.id })
          : msg('offer.vetoed-advice', { specialty: data.specialty, offerId: offer.id }),
      };
    },
  },

  healthCoordinatorRequested: {
    refuse: (state, data) => {
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      if (offer.healthCoordinator) return msg('offer.advice-asked-already', { offerId: offer.id });
      if (offer.specialistVeto && vetoApplies(state))
        return msg('offer.vetoed-will-not-start', { offerId: offer.id });
      if (municipalityDecides(state)) {
        if (offer.status !== 'planned' && offer.status !== 'started')
          return msg('offer.advice-planned-or-running', {
            offerId: offer.id,
            status: msg(`offer.status.${offer.status}`),
          });
        return undefined;
      }
      if (offer.status !== 'planned')
        return msg('offer.advice-before-start', {
          offerId: offer.id,
          status: msg(`offer.status.${offer.status}`),
        });
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const offer = draft.offers.find((candidate) => candidate.id === data.offerId)!;
      offer.healthCoordinator = { requestedAt: at };
      if (offer.status === 'started') {
        offer.status = 'paused';
        return {
          summary: msg('offer.advice-requested-running', { offerId: offer.id }),
        };
      }
      offer.status = 'awaiting-health-advice';
      return {
        summary: municipalityDecides(draft as CourseState)
          ? msg('offer.advice-requested-municipality', { offerId: offer.id })
          : msg('offer.advice-requested', { offerId: offer.id }),
      };
    },
  },

  healthCoordinatorAdvice: {
    refuse: (state, data) => {
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      if (municipalityDecides(state)) {
        if (!offer.healthCoordinator) return msg('offer.no-advice-asked', { offerId: offer.id });
        if (offer.healthCoordinator.advisedAt)
          return msg('offer.advice-recorded-already', {
            offerId: offer.id,
            on: day(offer.healthCoordinator.advisedAt),
          });
        return undefined;
      }
      if (offer.status !== 'awaiting-health-advice')
        return msg('offer.no-advice-asked', { offerId: offer.id });
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
          summary: msg('offer.advice-municipality-decides', {
            offerId: offer.id,
            advice: msg(`offer.advice.${data.advice}`),
          }),
          reason: data.note,
        };
      }
      if (data.advice === 'replace') {
        offer.status = 'withdrawn';
        offer.endedAt = at;
        offer.endReason = 'withdrawn';
        return { summary: msg('offer.advice-replace', { offerId: offer.id }) };
      }
      offer.status = 'planned';
      return {
        summary: msg('offer.advice-may-start', {
          offerId: offer.id,
          advice: msg(data.advice === 'adjust' ? 'offer.advice.adjust' : 'offer.advice.proceed'),
        }),
      };
    },
  },

  healthAdviceDecided: {
    refuse: (state, data) => {
      const phase = requirePhase(state, ['in-course'], "the municipality's decision on an offer");
      if (phase) return phase;
      if (!municipalityDecides(state)) return msg('offer.advice-decides');
      const { offer, refusal } = offerRefusal(state, data.offerId);
      if (!offer) return refusal;
      const request = offer.healthCoordinator;
      if (!request) return msg('offer.no-coordinator-advice-asked', { offerId: offer.id });
      if (request.decidedAt)
        return msg('offer.decided-already', { offerId: offer.id, on: day(request.decidedAt) });
      if (!request.advisedAt) return msg('offer.advice-not-yet', { offerId: offer.id });
      if (offer.status !== 'awaiting-health-advice' && offer.status !== 'paused')
        return msg('offer.ended-already', { offerId: offer.id });
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
          summary: msg('offer.replaced-after-advice', {
            offerId: offer.id,
            how: msg(wasRunning ? 'offer.end.discontinued' : 'offer.end.withdrawn'),
          }),
          reason: data.reasoning,
        };
      }
      offer.status = wasRunning ? 'started' : 'planned';
      const how = data.decision === 'keep' ? 'keep' : 'adjust';
      return {
        summary: msg(wasRunning ? 'offer.resumes-after-advice' : 'offer.may-start-after-advice', {
          offerId: offer.id,
          how: msg(how === 'keep' ? 'offer.decision.keep' : 'offer.advice.adjust'),
        }),
        reason: data.reasoning,
      };
    },
  },
};
