import { z } from 'zod';
import { type CaseBase, CaseIdentityShape } from './case-base';
import type { CaseEventData, Outcome, Recommendation } from './events';
import type { Instant } from './time';

export * from './case-base';

export const OpenCaseSchema = z
  .object({
    ...CaseIdentityShape,
    /** Referred by the municipality, or the citizen's own application (seed 002). */
    origin: z.enum(['referral', 'application']).default('referral'),
  })
  .strict();
export type OpenCase = z.output<typeof OpenCaseSchema>;

export type Phase =
  /** Waiting for the rehabilitation team (first time, or again after a deviating decision). */
  | 'referred'
  /** The team has recommended; the municipality decides. */
  | 'awaiting-decision'
  | 'in-course'
  /** The municipality refused a course; the complaint window is open. */
  | 'refused'
  | 'concluded';

export type TeamRecommendationRecord = CaseEventData<'teamRecommendation'> & {
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
  alternative?: CaseEventData<'municipalDecision'>['alternative'];
  reasoning: string;
  followsRecommendation: boolean;
  /** A decision that deviates from the recommendation stands only after the team has seen the case again. */
  stands: boolean;
}

export type OfferStatus = 'planned' | 'awaiting-health-advice' | 'started' | 'ended' | 'withdrawn';

export interface Offer {
  id: string;
  kind: CaseEventData<'offerRegistered'>['kind'];
  real: boolean;
  plannedStart: string;
  description?: string;
  registeredAt: Instant;
  status: OfferStatus;
  startedAt?: Instant;
  endedAt?: Instant;
  endReason?: CaseEventData<'offerEnded'>['reason'];
  /** A medical specialist advised against it: it can never start. */
  specialistVeto?: { specialty: string; at: Instant };
  healthCoordinator?: {
    requestedAt: Instant;
    advice?: CaseEventData<'healthCoordinatorAdvice'>['advice'];
    advisedAt?: Instant;
    note?: string;
  };
}

export interface Complaint {
  id: string;
  about: 'grant' | 'refusal' | 'offer';
  offerId?: string;
  receivedAt: Instant;
  status: 'awaiting-reconsideration' | 'upheld' | 'forwarded' | 'appeal-decided';
  reconsideredAt?: Instant;
  reasoning?: string;
  forwardedAt?: Instant;
  /** Kept by the municipality, or not reconsidered in time. */
  forwardedBecause?: 'kept' | 'overdue';
  appeal?: { result: CaseEventData<'appealDecided'>['result']; at: Instant };
}

export interface CaseState extends CaseBase {
  kind?: 'ressourceforloeb';
  origin: 'referral' | 'application';
  phase: Phase;
  openedAt: Instant;
  /** Each time the case was put before the team, and when the team answered. */
  teamReviews: TeamReview[];
  /** Each time a municipal decision became due, and when it was made. */
  decisionRequests: DecisionRequest[];
  teamRecommendations: TeamRecommendationRecord[];
  decisions: DecisionRecord[];
  course?: { startedAt: Instant };
  refusedAt?: Instant;
  offers: Offer[];
  complaints: Complaint[];
  decisionOnExistingEvidence?: { rightSince: Instant; demandedAt?: Instant };
  outcome?: { outcome: Outcome | 'refused'; at: Instant; note?: string; routedToPension?: string };
}

export type { Recommendation };
