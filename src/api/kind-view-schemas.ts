import 'zod-openapi';
import { z } from 'zod';
import { OfferKindSchema, OutcomeSchema, RecommendationSchema } from '../domain/course/events';
import { MeasureBasisSchema } from '../domain/engine/ruleset';

export const instant = z
  .string()
  .meta({ description: 'An ISO-8601 instant (UTC)', example: '2027-01-04T08:00:00.000Z' });
export const date = z.string().meta({ description: 'A calendar date, YYYY-MM-DD' });

/** The fields of each kind of case, as the API documents them (see view-schemas.ts for the whole). */
export const course = {
  kind: z.literal('ressourceforloeb'),
  phase: z.enum(['referred', 'awaiting-decision', 'in-course', 'refused', 'closing', 'concluded']),
  origin: z.enum(['referral', 'application']),
  openedAt: instant,
  teamReviews: z.array(
    z
      .object({
        requestedAt: instant,
        reason: z.enum(['referral', 'deviation', 'reassessment']),
        answeredAt: instant.optional(),
      })
      .strict(),
  ),
  decisionRequests: z.array(z.object({ requestedAt: instant, decidedAt: instant.optional() }).strict()),
  teamRecommendations: z.array(
    z
      .object({
        recommends: RecommendationSchema,
        unanimous: z.boolean(),
        dissent: z.array(z.object({ member: z.string(), opinion: z.string() }).strict()),
        citizenAttendedWholeMeeting: z.boolean(),
        plannedMeasures: z.array(z.string()),
        at: instant,
        context: z.enum(['referral', 'deviation', 'reassessment', 'follow-up']),
      })
      .strict(),
  ),
  decisionBasis: z
    .object({
      description: z.object({ text: z.string(), at: instant }).strict().optional(),
      healthAdvice: z.object({ text: z.string(), at: instant }).strict().optional(),
    })
    .strict()
    .optional()
    .meta({
      description:
        "Without a rehabilitation team (Lov nr. 1750/2025): the samlet beskrivelse and the health coordinator's advice before the decision",
    }),
  decisions: z.array(
    z
      .object({
        at: instant,
        decision: z.enum(['grant-course', 'refuse']),
        alternative: z
          .enum(['fleksjob', 'foertidspension', 'revalidering', 'other-measures', 'none'])
          .optional(),
        reasoning: z.string(),
        grantedUntil: date
          .optional()
          .meta({ description: 'With a grant: the last day of the granted period' }),
        followsRecommendation: z.boolean(),
        stands: z.boolean(),
        citizenWishes: z
          .object({ waives: z.array(z.enum(['pension-age', 'total-from-40-to-50', 'one-course-over-50'])) })
          .strict()
          .optional()
          .meta({ description: 'The citizen wished the course although these age rules stood in the way' }),
      })
      .strict(),
  ),
  course: z
    .object({
      startedAt: instant,
      grants: z
        .array(z.object({ at: instant, grantedUntil: date }).strict())
        .optional()
        .meta({ description: 'Each period the course was granted for ("frem til")' }),
      specialReasons: z
        .object({ reasoning: z.string(), at: instant })
        .strict()
        .optional()
        .meta({ description: 'Særlige grunde: no return to the team at the first-measure limit' }),
    })
    .strict()
    .optional(),
  refusedAt: instant.optional(),
  offers: z.array(
    z
      .object({
        id: z.string(),
        kind: OfferKindSchema,
        real: z.boolean(),
        plannedStart: date,
        description: z.string().optional(),
        basis: MeasureBasisSchema.optional(),
        registeredAt: instant,
        status: z.enum(['planned', 'awaiting-health-advice', 'paused', 'started', 'ended', 'withdrawn']),
        startedAt: instant.optional(),
        endedAt: instant.optional(),
        endReason: z.enum(['completed', 'discontinued', 'withdrawn']).optional(),
        specialistVeto: z.object({ specialty: z.string(), at: instant }).strict().optional(),
        healthCoordinator: z
          .object({
            requestedAt: instant,
            advice: z.enum(['proceed', 'adjust', 'replace']).optional(),
            advisedAt: instant.optional(),
            note: z.string().optional(),
            decision: z.enum(['keep', 'adjust', 'replace']).optional(),
            decidedAt: instant.optional(),
            reasoning: z.string().optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  earlierCourses: z
    .array(z.object({ from: date, to: date, note: z.string().optional(), registeredAt: instant }).strict())
    .optional()
    .meta({ description: 'Ressourceforløb before this case, counted for the age rules (LAB § 114)' }),
  complaints: z.array(
    z
      .object({
        id: z.string(),
        about: z.enum(['grant', 'refusal', 'offer', 'conclusion']),
        offerId: z.string().optional(),
        receivedAt: instant,
        decisionReceivedOn: date
          .optional()
          .meta({ description: 'The day the citizen received the decision, where not the day it was sent' }),
        late: z.object({ reason: z.string().optional() }).strict().optional().meta({
          description: 'Received after the complaint window: sent to Ankestyrelsen, not reconsidered',
        }),
        status: z.enum([
          'awaiting-reconsideration',
          'upheld',
          'awaiting-citizen',
          'awaiting-forwarding',
          'forwarded',
          'settled',
          'appeal-decided',
        ]),
        reconsideredAt: instant.optional(),
        result: z.enum(['upheld', 'partly-upheld', 'kept']).optional(),
        reasoning: z.string().optional(),
        answer: z.object({ maintained: z.boolean(), at: instant }).strict().optional(),
        forwardedAt: instant.optional(),
        forwardedBecause: z.enum(['kept', 'maintained', 'late', 'overdue']).optional(),
        appeal: z
          .object({ result: z.enum(['decision-upheld', 'decision-changed', 'remitted']), at: instant })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  decisionOnExistingEvidence: z
    .object({ rightSince: instant, demandedAt: instant.optional() })
    .strict()
    .optional(),
  outcome: z
    .object({
      outcome: z.enum([...OutcomeSchema.options, 'refused']),
      at: instant,
      note: z.string().optional(),
      routedToPension: z.string().optional(),
    })
    .strict()
    .optional(),
};

export const fleksjob = {
  kind: z.literal('fleksjob'),
  phase: z.enum(['awaiting-start', 'employed', 'reassessment', 'ended']),
  origin: z.enum(['course', 'direct']),
  openedAt: instant,
  course: z.object({ openedAt: instant, concludedAt: instant }).strict().optional(),
  job: z
    .object({ startedAt: instant, employer: z.string().optional(), weeklyHours: z.number() })
    .strict()
    .optional(),
  hours: z.array(z.object({ at: instant, weeklyHours: z.number() }).strict()),
  fewHoursChoice: z.object({ since: instant, note: z.string().optional() }).strict().optional(),
  shortHourPeriods: z.array(z.object({ since: instant, until: instant.optional() }).strict()),
  progressionReview: z
    .object({
      at: instant,
      workCapacity: z.enum(['as-expected', 'higher', 'lower']),
      weeklyHours: z.number(),
      note: z.string().optional(),
    })
    .strict()
    .optional(),
  yearlyChecks: z.array(
    z
      .object({
        at: instant,
        period: z.number().int(),
        progression: z.boolean(),
        planFollowed: z.boolean(),
        weeklyHours: z.number(),
        note: z.string().optional(),
      })
      .strict(),
  ),
  reassessments: z.array(
    z
      .object({
        requestedAt: instant,
        reason: z.string(),
        answeredAt: instant.optional(),
        recommends: z.enum(['continue', 'foertidspension', 'end-fleksjob']).optional(),
        decision: z
          .object({
            decision: z.enum(['continue', 'foertidspension', 'end-fleksjob']),
            at: instant,
            reasoning: z.string(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  reassessmentOffer: z.object({ at: instant }).strict().optional(),
  statusRecordedAt: instant.optional(),
  permanentDecision: z
    .object({ at: instant, decision: z.enum(['permanent', 'new-temporary-period', 'end']) })
    .strict()
    .optional(),
  temporaryPeriod: z.object({ n: z.number().int(), since: instant }).strict().optional(),
  earlierTemporaryPeriods: z
    .array(
      z
        .object({
          n: z.number().int(),
          since: instant,
          statusRecordedAt: instant.optional(),
          decidedAt: instant.optional(),
          restartedByJobChangeAt: instant.optional(),
        })
        .strict(),
    )
    .optional(),
  jobChanges: z
    .array(
      z.object({ at: instant, employer: z.string().optional(), weeklyHours: z.number().optional() }).strict(),
    )
    .optional(),
  followUpConversations: z.array(instant),
  /** Only on runs that started before yearly checks continued after a missed one (issue 14 item 10). */
  yearlyChecksStopAfterMiss: z.literal(true).optional(),
  outcome: z
    .object({
      reason: z.enum([
        'foertidspension',
        'ordinary-job',
        'resigned',
        'other',
        'end-fleksjob',
        'temporary-period-ended',
      ]),
      at: instant,
      note: z.string().optional(),
    })
    .strict()
    .optional(),
};

export const cashBenefit = {
  kind: z.literal('cash-benefit'),
  phase: z.enum(['on-benefit', 'right-given', 'sent-to-team', 'interrupted']),
  openedAt: instant,
  spellStartedAt: instant,
  rightGivenAt: instant.optional(),
  sentToTeamAt: instant.optional(),
  category: z.enum(['aktivitetsparat', 'jobparat']).optional(),
  afklaringer: z
    .array(
      z
        .object({
          at: instant,
          n: z.number().int(),
          outcome: z.enum(['team', 'measure']),
          note: z.string().optional(),
        })
        .strict(),
    )
    .optional(),
  interrupted: z
    .object({ at: instant, reason: z.enum(['employment', 'education', 'other-benefit', 'moved', 'other']) })
    .strict()
    .optional(),
};
