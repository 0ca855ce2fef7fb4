import type { Draft } from 'immer';
import type { CaseBase } from '../engine/case';
import type { Instant } from '../engine/time';
import type { CourseEventData, Outcome } from './events';
import { type Message, msg, type Text } from '../messages/message';

/** The state of a ressourceforløb: from referral (or application) through team and decision to its end. */
export type Phase =
  /** Waiting for the rehabilitation team (first time, or again after a deviating decision). */
  | 'referred'
  /** The team has recommended; the municipality decides. */
  | 'awaiting-decision'
  | 'in-course'
  /** The municipality refused a course; the complaint window is open. */
  | 'refused'
  /** A decision ended the course (conclusion, routing to pension); the complaint window is open. */
  | 'closing'
  | 'concluded';

export type TeamRecommendationRecord = CourseEventData<'teamRecommendation'> & {
  at: Instant;
  /** Why the team met: the first review, a deviating decision, or a reassessment during the course. */
  context: TeamReview['reason'] | 'follow-up';
};

export interface TeamReview {
  requestedAt: Instant;
  /** referral: the first review; deviation: the municipality would not follow the team; reassessment: during the course. */
  reason: 'referral' | 'deviation' | 'reassessment';
  answeredAt?: Instant;
}

export interface DecisionRequest {
  requestedAt: Instant;
  decidedAt?: Instant;
}

export interface DecisionRecord {
  at: Instant;
  decision: 'grant-course' | 'refuse';
  alternative?: CourseEventData<'municipalDecision'>['alternative'];
  reasoning: string;
  /** With a grant: the last day of the period it grants ("frem til"). */
  grantedUntil?: string;
  followsRecommendation: boolean;
  /** A decision that deviates from the recommendation stands only after the team has seen the case again. */
  stands: boolean;
  /** The citizen wished the course although these age rules stood in the way (LAB § 112, stk. 3; § 114). */
  citizenWishes?: { waives: AgeRule[] };
}

/** The age rules a grant can meet: the pension age, the 40–50 total, one course over 50. */
export type AgeRule = 'pension-age' | 'total-from-40-to-50' | 'one-course-over-50';

/** A ressourceforløb before this case (LAB § 114, stk. 3–4). */
export interface EarlierCourse {
  from: string;
  to: string;
  note?: string;
  registeredAt: Instant;
}

export type OfferStatus =
  | 'planned'
  | 'awaiting-health-advice'
  /** Started, then the health coordinator was asked: paused until the municipality decides. */
  | 'paused'
  | 'started'
  | 'ended'
  | 'withdrawn';

export interface Offer {
  id: string;
  kind: CourseEventData<'offerRegistered'>['kind'];
  real: boolean;
  plannedStart: string;
  description?: string;
  basis?: CourseEventData<'offerRegistered'>['basis'];
  registeredAt: Instant;
  status: OfferStatus;
  startedAt?: Instant;
  endedAt?: Instant;
  endReason?: CourseEventData<'offerEnded'>['reason'];
  /** A medical specialist advised against it: it can never start. */
  specialistVeto?: { specialty: string; at: Instant };
  healthCoordinator?: {
    requestedAt: Instant;
    advice?: CourseEventData<'healthCoordinatorAdvice'>['advice'];
    advisedAt?: Instant;
    note?: string;
    /** The municipality's decision after the advice (rulesets with `healthCoordinator.municipalityDecides`). */
    decision?: CourseEventData<'healthAdviceDecided'>['decision'];
    decidedAt?: Instant;
    reasoning?: string;
  };
}

export interface Complaint {
  id: string;
  about: CourseEventData<'complaintReceived'>['about'];
  offerId?: string;
  receivedAt: Instant;
  /** The day the citizen received the decision complained about, where not the day it was sent. */
  decisionReceivedOn?: string;
  /** Received after the complaint window: not reconsidered, sent to Ankestyrelsen (BEK 861/2025 § 13). */
  late?: { reason?: string };
  status:
    | 'awaiting-reconsideration'
    | 'upheld'
    /** Partly upheld: waiting for the citizen to say whether the complaint is maintained. */
    | 'awaiting-citizen'
    /** Kept, maintained or late: a caseworker must send it to Ankestyrelsen. */
    | 'awaiting-forwarding'
    | 'forwarded'
    /** Partly upheld and not maintained. */
    | 'settled'
    | 'appeal-decided';
  reconsideredAt?: Instant;
  result?: CourseEventData<'complaintReconsidered'>['result'];
  reasoning?: string;
  /** After partial medhold: the citizen's answer. */
  answer?: { maintained: boolean; at: Instant };
  forwardedAt?: Instant;
  /** Why it went to Ankestyrelsen: kept, maintained after partial medhold, late, or not reconsidered in time. */
  forwardedBecause?: 'kept' | 'maintained' | 'late' | 'overdue';
  appeal?: { result: CourseEventData<'appealDecided'>['result']; at: Instant };
}

export interface CourseState extends CaseBase {
  kind: 'ressourceforloeb';
  origin: 'referral' | 'application';
  phase: Phase;
  /** Each time the case was put before the team, and when the team answered. */
  teamReviews: TeamReview[];
  /** Each time a municipal decision became due, and when it was made. */
  decisionRequests: DecisionRequest[];
  teamRecommendations: TeamRecommendationRecord[];
  /**
   * Without a team (Lov nr. 1750/2025): the samlet beskrivelse and the health coordinator's advice
   * recorded toward the pending decision (absent until one is recorded).
   */
  decisionBasis?: {
    description?: { text: string; at: Instant };
    healthAdvice?: { text: string; at: Instant };
  };
  decisions: DecisionRecord[];
  course?: {
    startedAt: Instant;
    /** Each period the course was granted for, in order (rulesets with a granted period). */
    grants?: { at: Instant; grantedUntil: string }[];
    /** "Særlige grunde" recorded: the first-measure limit does not send the case back to the team. */
    specialReasons?: { reasoning: string; at: Instant };
  };
  refusedAt?: Instant;
  offers: Offer[];
  /** Courses before this case (absent until one is registered). */
  earlierCourses?: EarlierCourse[];
  complaints: Complaint[];
  decisionOnExistingEvidence?: { rightSince: Instant; demandedAt?: Instant };
  outcome?: { outcome: Outcome | 'refused'; at: Instant; note?: string; routedToPension?: string };
}

/** The case ends: concluded with its outcome (or refused, once the complaint window has passed). */
export function conclude(
  draft: Draft<CourseState>,
  outcome: Outcome | 'refused',
  at: Instant,
  extra: { note?: string; routedToPension?: string } = {},
): void {
  // Under a ruleset that keeps an ended course open for complaints, it closes when the window has passed.
  draft.phase = outcome !== 'refused' && draft.ruleset.complaints.openAfterEnd ? 'closing' : 'concluded';
  draft.outcome = { outcome, at, ...extra };
}

export function findOffer(state: CourseState, offerId: string): Offer | undefined {
  return state.offers.find((offer) => offer.id === offerId);
}

export function offerRefusal(state: CourseState, offerId: string): { offer?: Offer; refusal?: Text } {
  const offer = findOffer(state, offerId);
  return offer ? { offer } : { refusal: msg('offer.not-found', { offerId }) };
}

/** A phase's name, as staff read it. */
export function phaseName(phase: CourseState['phase']): Message {
  return msg(`phase.course.${phase}`);
}

/** The refusal of an event outside the phases it belongs to. */
export function requirePhase(
  state: CourseState,
  allowed: CourseState['phase'][],
  what: Text,
): Text | undefined {
  if (allowed.includes(state.phase)) return undefined;
  return msg('phase.not-possible', { what, phase: phaseName(state.phase) });
}
