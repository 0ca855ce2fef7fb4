import { z } from 'zod';
import type { Actor, CaseEventData, CaseEventType, ConsentTopic, Outcome, Recommendation } from './events';
import type { EscalationRole, Ruleset, RulesetRef } from './ruleset';
import type { Instant } from './time';

/** A case ID is chosen by the municipality. It must never carry a CPR number. */
export const CaseIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, '3–64 letters, digits, dots, dashes or underscores')
  .refine((id) => !/\d{6}-?\d{4}/.test(id), {
    message: 'looks like a CPR number; a case ID must not contain personal data',
  });

export const MunicipalitySchema = z.string().regex(/^\d{3}$/, 'the three-digit municipality code, e.g. 101');

export const CitizenSchema = z
  .object({
    cpr: z.string().regex(/^\d{6}-?\d{4}$/, 'a CPR number is 10 digits, DDMMYY-XXXX'),
    name: z.string().trim().min(1).max(200),
    email: z.email().optional(),
  })
  .strict();
export type Citizen = z.infer<typeof CitizenSchema>;

export const OpenCaseSchema = z
  .object({
    caseId: CaseIdSchema,
    municipality: MunicipalitySchema,
    /** Referred by the municipality, or the citizen's own application (seed 002). */
    origin: z.enum(['referral', 'application']).default('referral'),
    citizen: CitizenSchema,
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

export interface CoordinatingCaseworker {
  id: string;
  name: string;
  email?: string;
  assignedAt: Instant;
}

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

export interface Relative {
  id: string;
  name: string;
  relation: string;
  email?: string;
  consent: { given: boolean; covers: ConsentTopic[]; at: Instant } | null;
}

export interface Escalation {
  id: string;
  deadlineId: string;
  reason: string;
  raisedAt: Instant;
  /** Index into the ruleset's escalation levels reached so far. */
  level: number;
  levelRole: EscalationRole;
  status: 'open' | 'acknowledged' | 'resolved';
  acknowledgedAt?: Instant;
  acknowledgedBy?: string;
  resolvedAt?: Instant;
}

export type Audience = 'citizen' | 'relatives' | 'caseworker' | EscalationRole;

export type NotificationTopic =
  | 'deadline-reminder'
  | 'deadline-breached'
  | 'escalation'
  | 'right-to-decision-on-existing-evidence'
  | 'team-dissent'
  | 'decision'
  | 'back-to-team'
  | 'complaint-forwarded'
  | 'offer-advised-against'
  | 'routed-to-pension'
  | 'course-concluded';

export interface Recipient {
  role: Audience;
  name?: string;
  email?: string;
  /** A caseworker's or relative's ID; supervisors are looked up by municipality. */
  id?: string;
}

/** A message the case must send; `id` is deterministic so a retried delivery is the same message. */
export interface NotificationRecord {
  id: string;
  topic: NotificationTopic;
  createdAt: Instant;
  recipients: Recipient[];
  /** Template variables: case facts only, never a CPR number or a health detail. */
  facts: Record<string, string | number | boolean>;
  delivery: {
    status: 'pending' | 'sent' | 'retrying' | 'failed';
    at?: Instant;
    attempts: number;
    /** While retrying: how many rounds of attempts failed, and when the next round is. */
    rounds?: number;
    retryAt?: Instant;
    error?: string;
  };
}

export interface DeadlineLogEntry {
  /** Reminder offset (e.g. "P1M") → when that reminder went out. */
  reminded: Record<string, Instant>;
  breachedAt?: Instant;
}

export interface TimelineEntry {
  seq: number;
  at: Instant;
  actor: Actor;
  type:
    | CaseEventType
    | 'caseOpened'
    | 'deadlineReminder'
    | 'deadlineBreached'
    | 'escalationRaised'
    | 'caseClosed';
  outcome: 'accepted' | 'rejected' | 'recorded';
  summary: string;
  /** Why: the refusal reason of a rejected event, or the reasoning an event carried. */
  reason?: string;
}

export interface CaseState {
  caseId: string;
  municipality: string;
  origin: 'referral' | 'application';
  ruleset: RulesetRef;
  rules: Ruleset;
  citizen: Citizen;
  phase: Phase;
  openedAt: Instant;
  coordinatingCaseworker?: CoordinatingCaseworker;
  /** The first assignment meets the waiting time for a coordinating caseworker; later changes do not. */
  caseworkerFirstAssignedAt?: Instant;
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
  relatives: Relative[];
  outcome?: { outcome: Outcome | 'refused'; at: Instant; note?: string; routedToPension?: string };
  deadlineLog: Record<string, DeadlineLogEntry>;
  escalations: Escalation[];
  notifications: NotificationRecord[];
  timeline: TimelineEntry[];
}

export type { Recommendation };
