import { resolveDeadlines } from '../engine/deadlines';
import { notify } from '../engine/draft';
import { commonEventRules, type EventRule } from '../engine/event-rules';
import { addDuration, type Instant } from '../engine/time';
import { startOfDate } from '../engine/calendar';
import { courseDeadlines } from './deadlines';
import { complaintRules } from './complaints';
import type { CourseEventData, CourseEventType, Recommendation } from './events';
import { ageRulesAgainstGrant } from './age';
import { conclude, type CourseState, findOffer, offerRefusal } from './state';

/**
 * The rules of a ressourceforløb for events: each event's rule says when it is refused (a reason a
 * caseworker understands; nothing changes) and what it changes, with its timeline entry and the
 * notifications it queues.
 */
const day = (instant: Instant) => instant.slice(0, 10);

const phaseNames: Record<CourseState['phase'], string> = {
  referred: 'waiting for the rehabilitation team',
  'awaiting-decision': "waiting for the municipality's decision",
  'in-course': 'in its course',
  refused: 'refused',
  closing: 'ended by a decision (open for complaints until the window has passed)',
  concluded: 'concluded',
};

function requirePhase(state: CourseState, allowed: CourseState['phase'][], what: string): string | undefined {
  if (allowed.includes(state.phase)) return undefined;
  return `${what} is not possible while the case is ${phaseNames[state.phase]}`;
}

/** Seed 000's specialist veto: a proposal, not law; rulesets without the field keep it on. */
const vetoApplies = (state: CourseState) => state.ruleset.course.specialistVeto?.applies !== false;

/** The calendar day after a date (YYYY-MM-DD). */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Under a ruleset with a granted period: a grant must give one, within the period's bounds. */
function grantedPeriodRefusal(
  state: CourseState,
  data: CourseEventData<'municipalDecision'>,
  at: Instant,
): string | undefined {
  const rule = state.ruleset.course.grantedPeriod;
  if (!rule || data.decision !== 'grant-course') return undefined;
  if (!data.grantedUntil)
    return rule.requireGrantedUntil
      ? `a grant says until when the course is granted (grantedUntil)${rule.source ? ` (${rule.source})` : ''}`
      : undefined;
  const end = startOfDate(data.grantedUntil, state.ruleset.calendar);
  // "Frem til" a date includes that day: a year from 4 February 2027 is granted until 4 February 2028.
  const lastMoment = startOfDate(nextDay(data.grantedUntil), state.ruleset.calendar) - 1;
  if (rule.minimum && lastMoment < addDuration(at, rule.minimum, state.ruleset.calendar))
    return `a course is granted for at least ${rule.minimum}: ${data.grantedUntil} is too soon`;
  if (rule.maximum && end > addDuration(at, rule.maximum, state.ruleset.calendar))
    return `a course is granted for at most ${rule.maximum}: ${data.grantedUntil} is too late`;
  return undefined;
}

/** A new grant during a course: only a grant, with a new period, after a new team review recommending a course. */
function newGrantRefusal(state: CourseState, data: CourseEventData<'municipalDecision'>): string | undefined {
  if (data.decision !== 'grant-course')
    return 'during a course the municipality ends it by concluding it (courseConcluded) or routing it to pension, not by a refusal';
  const last = state.decisions[state.decisions.length - 1];
  const recommendation = state.teamRecommendations[state.teamRecommendations.length - 1];
  if (!recommendation || !last || recommendation.at <= last.at)
    return 'a new course needs a new review by the rehabilitation team first';
  if (recommendation.recommends !== 'ressourceforloeb')
    return `the team's new review recommends ${recommendation.recommends}, not a new course`;
  if (!data.grantedUntil) return 'a new grant says until when the course is granted (grantedUntil)';
  return undefined;
}

/** LAB § 113, stk. 3: the municipality decides after the coordinator's advice (absent: the advice moves the offer). */
const municipalityDecides = (state: CourseState) =>
  state.ruleset.healthCoordinator.municipalityDecides === true;

/** What a refusal directs the citizen to, in the recommendation's terms. */
const alternativeAsRecommendation: Record<string, Recommendation | undefined> = {
  fleksjob: 'fleksjob',
  foertidspension: 'foertidspension',
  revalidering: 'revalidering',
  'other-measures': 'other-measures',
  none: undefined,
};

/** The rule of each event of a ressourceforløb: when it is refused, and what it changes. */
export const courseRules: { [T in CourseEventType]: EventRule<CourseState, CourseEventData<T>> } = {
  ...commonEventRules<CourseState>(),
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
          {
            recommends: data.recommends,
            dissentingMembers: data.dissent.map((d) => d.member).join(', '),
            // What each dissenter thinks: the citizen has the right to know (shown to the citizen only).
            dissentViews: data.dissent.map((d) => `- ${d.member}: ${d.opinion}`).join('\n'),
          },
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
    refuse: (state, data, { at }) => {
      if (state.phase === 'referred')
        return 'the municipality decides on the basis of the team’s recommendation: the team has not recommended yet';
      if (state.phase === 'in-course' && state.ruleset.course.grantedPeriod) {
        const refusal = newGrantRefusal(state, data);
        if (refusal) return refusal;
      } else {
        const phase = requirePhase(state, ['awaiting-decision'], 'a decision');
        if (phase) return phase;
      }
      const period = grantedPeriodRefusal(state, data, at);
      if (period) return period;
      // The age rules apply to the first grant; a new period of a running course follows its own review.
      if (state.phase !== 'awaiting-decision' || data.decision !== 'grant-course' || data.citizenWishes)
        return undefined;
      const against = ageRulesAgainstGrant(state, at, data.grantedUntil);
      return against.length === 0
        ? undefined
        : `a course cannot be granted: ${against.map((rule) => rule.reason).join('; ')} (record that the citizen wishes the course, if so)`;
    },
    apply: (draft, data, { at }) => {
      if (draft.phase === 'in-course') {
        // A new grant after a new team review: the course goes on for a new period.
        draft.decisions.push({
          at,
          decision: data.decision,
          reasoning: data.reasoning,
          grantedUntil: data.grantedUntil!,
          followsRecommendation: true,
          stands: true,
        });
        (draft.course!.grants ??= []).push({ at, grantedUntil: data.grantedUntil! });
        notify(
          draft,
          `decision-${draft.decisions.length}`,
          'decision',
          ['citizen', 'relatives'],
          { decision: data.decision, alternative: '' },
          at,
          { reasoning: data.reasoning },
        );
        return {
          summary: `the municipality grants a new course period until ${data.grantedUntil}, following the team`,
          reason: data.reasoning,
        };
      }
      const waives = data.citizenWishes
        ? ageRulesAgainstGrant(draft as CourseState, at, data.grantedUntil).map((rule) => rule.rule)
        : [];
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
        ...(data.grantedUntil ? { grantedUntil: data.grantedUntil } : {}),
        followsRecommendation: follows,
        stands,
        ...(data.citizenWishes ? { citizenWishes: { waives } } : {}),
      });
      const wish =
        data.citizenWishes && data.decision === 'grant-course'
          ? waives.length > 0
            ? ` — the citizen wishes the course although the age rules (${waives.join(', ')}) stand in the way (LAB § 112, stk. 3; § 114, stk. 3–4)`
            : ' — the citizen wishes the course'
          : '';
      const what =
        (data.decision === 'grant-course'
          ? `grant a course${data.grantedUntil ? ` until ${data.grantedUntil}` : ''}`
          : `refuse a course (${data.alternative})`) + wish;
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
        if (data.grantedUntil) (draft.course.grants ??= []).push({ at, grantedUntil: data.grantedUntil });
      } else {
        draft.phase = 'refused';
        draft.refusedAt = at;
      }
      notify(
        draft,
        `decision-${draft.decisions.length}`,
        'decision',
        ['citizen', 'relatives'],
        { decision: data.decision, alternative: data.alternative ?? '' },
        at,
        { reasoning: data.reasoning },
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

  specialReasonsRecorded: {
    refuse: (state) => {
      const phase = requirePhase(state, ['in-course'], 'recording særlige grunde');
      if (phase) return phase;
      if (state.ruleset.course.firstMeasure.onBreach !== 'back-to-team')
        return 'under this ruleset a late first measure escalates; it does not send the case back to the team';
      if (state.course!.specialReasons)
        return `særlige grunde were already recorded on ${day(state.course!.specialReasons.at)}`;
      const firstMeasure = resolveDeadlines(courseDeadlines, state).find(
        (deadline) => deadline.kind === 'first-measure',
      );
      if (firstMeasure?.status === 'met') return 'a first measure has already started';
      if (firstMeasure?.status === 'breached')
        return `the first-measure limit passed on ${day(firstMeasure.dueAt)}: the case has gone back to the team`;
      return undefined;
    },
    apply: (draft, data, { at }) => {
      draft.course!.specialReasons = { reasoning: data.reasoning, at };
      return {
        summary:
          'særlige grunde recorded (LAB § 113, stk. 2): if no measure has started within the limit, the case does not go back to the team',
        reason: data.reasoning,
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

  earlierCourseRegistered: {
    refuse: (state, data, { at }) =>
      requirePhase(state, ['referred', 'awaiting-decision', 'in-course'], 'registering an earlier course') ??
      (data.to > day(at) ? 'an earlier course has ended: its end date is not in the future' : undefined) ??
      ((state.earlierCourses ?? []).some((course) => data.from <= course.to && course.from <= data.to)
        ? `the period ${data.from} to ${data.to} overlaps an earlier course already registered`
        : undefined),
    apply: (draft, data, { at }) => {
      (draft.earlierCourses ??= []).push({
        from: data.from,
        to: data.to,
        ...(data.note ? { note: data.note } : {}),
        registeredAt: at,
      });
      return {
        summary: `an earlier ressourceforløb registered: ${data.from} to ${data.to}`,
        reason: data.note,
      };
    },
  },

  ...complaintRules,

  decisionOnExistingEvidenceDemanded: {
    refuse: (state) => {
      const phase = requirePhase(state, ['in-course'], 'a demand for a decision on the existing evidence');
      if (phase) return phase;
      const right = state.decisionOnExistingEvidence;
      if (!right) {
        const realOffer = resolveDeadlines(courseDeadlines, state).find(
          (deadline) => deadline.kind === 'real-offer',
        );
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
        // Why (terminal illness, say) is a health detail: it stays in the case, not in the mail;
        // the letter gives the reasoning the caseworker wrote for the citizen.
        {},
        at,
        { reasoning: data.reasoning },
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
      notify(
        draft,
        'concluded',
        'course-concluded',
        ['citizen', 'relatives'],
        { outcome: data.outcome },
        at,
        { reasoning: data.reasoning },
      );
      return {
        summary: `the course is concluded: ${data.outcome}`,
        reason: data.note,
      };
    },
  },
};
