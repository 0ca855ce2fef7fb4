import { z } from 'zod';
import { CaseIdentityShape } from '../engine/identity';
import { commonEventSchemas, decisionBasisSchemas, type EventsOf, id, prose } from '../engine/events';
import { dateWithin, text } from '../engine/fields';
import { MeasureBasisSchema } from '../engine/ruleset';
import { courseEventChecks } from './checks';

/**
 * The events of a ressourceforløb — the common ones and the course's own — defined once: the API
 * validates requests with them, the OpenAPI document and the forms are generated from them, and the
 * case's workflow checks every event against them again.
 */
export const RecommendationSchema = z.enum([
  'ressourceforloeb',
  'fleksjob',
  'foertidspension',
  'revalidering',
  'other-measures',
]);
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const OutcomeSchema = z.enum([
  'job',
  'education',
  'revalidering',
  'fleksjob',
  'foertidspension',
  'new-course',
  'ended-other',
]);
export type Outcome = z.infer<typeof OutcomeSchema>;

/** The events of a ressourceforløb: the common ones and the course's own. */
export const OfferKindSchema = z.enum([
  'job-training',
  'internship',
  'treatment',
  'education',
  'mentor',
  'social-support',
  'other',
]);

export const courseEvents = {
  ...commonEventSchemas,

  teamRecommendation: z
    .object({
      recommends: RecommendationSchema,
      unanimous: z.boolean(),
      /** Who disagreed and why; the citizen is told. Required when the team was not unanimous. */
      dissent: z
        .array(z.object({ member: text(100), opinion: prose(2000) }).strict())
        .max(10)
        .default([]),
      citizenAttendedWholeMeeting: z.boolean(),
      plannedMeasures: z.array(text(200)).max(20).default([]),
    })
    .strict()
    .refine(courseEventChecks.dissentNamedUnlessUnanimous, {
      message:
        'a recommendation that is not unanimous must name who dissented and why (and a unanimous one none)',
      path: ['dissent'],
    }),

  municipalDecision: z
    .object({
      decision: z.enum(['grant-course', 'refuse']),
      /** With a refusal: what the citizen is directed to instead. */
      alternative: z
        .enum(['fleksjob', 'foertidspension', 'revalidering', 'other-measures', 'none'])
        .optional(),
      reasoning: prose(4000),
      /** With a grant: the last day of the period the course is granted for ("frem til"). */
      grantedUntil: dateWithin('2000-01-01', '2099-12-31').optional(),
      /**
       * The citizen wishes the course although an age rule would stand in the way (LAB § 112, stk. 3;
       * § 114, stk. 3–4): recorded in the decision.
       */
      citizenWishes: z.boolean().optional(),
    })
    .strict()
    .refine(courseEventChecks.refusalNamesAlternative, {
      message: 'a refusal says what the citizen is directed to instead ("none" if nothing); a grant does not',
      path: ['alternative'],
    })
    .refine(courseEventChecks.grantedUntilOnlyWithGrant, {
      message: 'only a grant gives the period the course is granted for (grantedUntil)',
      path: ['grantedUntil'],
    }),

  offerRegistered: z
    .object({
      offerId: id,
      kind: OfferKindSchema,
      /** A real offer is one that moves the citizen toward work or education, not a placeholder. */
      real: z.boolean(),
      plannedStart: dateWithin('2000-01-01', '2099-12-31'),
      description: prose(500).optional(),
      /** The measure's legal basis; under the law only some count as the first measure (LAB § 113, stk. 2). */
      basis: MeasureBasisSchema.optional(),
    })
    .strict(),

  /** Without a team (Lov nr. 1750/2025): the samlet beskrivelse and the health advice. */
  ...decisionBasisSchemas,

  /**
   * "Særlige grunde" (LAB § 113, stk. 2): why the case need not go back to the team when no counting
   * measure has started within the first-measure limit.
   */
  specialReasonsRecorded: z.object({ reasoning: prose(4000) }).strict(),

  offerStarted: z.object({ offerId: id }).strict(),

  offerEnded: z
    .object({
      offerId: id,
      reason: z.enum(['completed', 'discontinued', 'withdrawn']),
      note: prose(1000).optional(),
    })
    .strict(),

  specialistAdvisedAgainst: z.object({ offerId: id, specialty: text(100) }).strict(),

  healthCoordinatorRequested: z.object({ offerId: id }).strict(),

  healthCoordinatorAdvice: z
    .object({ offerId: id, advice: z.enum(['proceed', 'adjust', 'replace']), note: prose(2000).optional() })
    .strict(),

  /** The municipality's decision after the coordinator's advice (LAB § 113, stk. 3): it moves the offer. */
  healthAdviceDecided: z
    .object({ offerId: id, decision: z.enum(['keep', 'adjust', 'replace']), reasoning: prose(4000) })
    .strict(),

  /** A ressourceforløb the citizen had before this case, counted for the age rules (LAB § 114, stk. 3–4). */
  earlierCourseRegistered: z
    .object({
      from: dateWithin('1990-01-01', '2099-12-31'),
      to: dateWithin('1990-01-01', '2099-12-31'),
      note: prose(1000).optional(),
    })
    .strict()
    .refine(courseEventChecks.periodInOrder, { message: 'a course ends after it starts', path: ['to'] }),

  complaintReceived: z
    .object({
      complaintId: id,
      /** What the complaint is about; `conclusion`: the decision that ended the course. */
      about: z.enum(['grant', 'refusal', 'offer', 'conclusion']),
      offerId: id.optional(),
      /**
       * The day the citizen received the decision complained about, where it differs from the day it
       * was sent (Digital Post counts as received the day it is sent; ordinary post 6 weekdays later).
       */
      decisionReceivedOn: dateWithin('2000-01-01', '2099-12-31').optional(),
      /** For a complaint after the window: the special reason the citizen gives (Rsl. § 67, stk. 2). */
      lateReason: prose(2000).optional(),
    })
    .strict()
    .refine(courseEventChecks.offerComplaintNamesOffer, {
      message: 'a complaint about an offer names the offer (offerId); other complaints do not',
      path: ['offerId'],
    }),

  complaintReconsidered: z
    .object({
      complaintId: id,
      /**
       * upheld: full medhold, the municipality changes its decision; partly-upheld: a new decision, and
       * the citizen says whether the complaint is maintained; kept: the complaint must be sent on.
       */
      result: z.enum(['upheld', 'partly-upheld', 'kept']),
      reasoning: prose(4000),
    })
    .strict(),

  /** After partial medhold: the citizen's answer whether the complaint is maintained (BEK 861/2025 § 12). */
  complaintMaintained: z.object({ complaintId: id, maintained: z.boolean() }).strict(),

  /** The complaint, the reconsideration and the file were sent to Ankestyrelsen. */
  complaintForwarded: z
    .object({ complaintId: id, sentOn: dateWithin('2000-01-01', '2099-12-31').optional() })
    .strict(),

  appealDecided: z
    .object({ complaintId: id, result: z.enum(['decision-upheld', 'decision-changed', 'remitted']) })
    .strict(),

  decisionOnExistingEvidenceDemanded: z.object({}).strict(),

  workCapacityCannotDevelop: z
    .object({
      basis: z.enum(['terminal-illness', 'no-prospect-of-development']),
      note: prose(2000).optional(),
      /** The reasons the citizen's letter gives (forvaltningsloven § 24), written to the citizen. */
      reasoning: prose(4000).optional(),
    })
    .strict(),

  courseConcluded: z
    .object({
      outcome: OutcomeSchema,
      note: prose(2000).optional(),
      /** The reasons the citizen's letter gives (forvaltningsloven § 24), written to the citizen. */
      reasoning: prose(4000).optional(),
    })
    .strict(),
} as const;

export type CourseEventType = keyof typeof courseEvents;
export type CourseEventData<T extends CourseEventType> = z.output<(typeof courseEvents)[T]>;
export type CourseEvent = EventsOf<typeof courseEvents>;

/** What opens a ressourceforløb: a referral by the municipality, or the citizen's own application (seed 002). */
export const OpenCourseSchema = z
  .object({
    ...CaseIdentityShape,
    origin: z.enum(['referral', 'application']).default('referral'),
  })
  .strict();
export type OpenCourse = z.output<typeof OpenCourseSchema>;
