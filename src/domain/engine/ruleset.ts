import { z } from 'zod';
import { isValidDuration } from './time';

const duration = z
  .string()
  .refine(isValidDuration, { message: 'must be an ISO-8601 duration such as P1Y, P3M, P4W or PT10M' });

/** Offsets before a deadline at which the people responsible are reminded, e.g. ["P3M", "P1M"]. */
const reminders = z.array(duration).max(5).default([]);

/** A time limit with reminders ahead of it. */
const limit = z.object({ within: duration, reminders }).strict();

export const EscalationRoleSchema = z.enum(['supervisor', 'head-of-department']);

/**
 * A ruleset holds every duration, threshold and reminder offset the case rules use. A case is pinned
 * to the ruleset it started under: the whole value travels in the workflow's state (`state.ruleset`),
 * so changing or replacing a ruleset file never changes a running case. `null` switches a rule off.
 */
export const RulesetSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    version: z.number().int().positive(),
    title: z.string().min(1),
    source: z.string().optional(),
    course: z
      .object({
        /** Course start → a real offer must have started (seeds: 1 year); breach gives the right to a decision on the existing evidence. */
        realOffer: limit.nullable(),
        /** The course ends at this age at the latest (seeds and law: 3 years). */
        maximumDuration: limit,
        /** Course start → some measure must have started; what a breach does differs between the seeds and the law. */
        firstMeasure: limit.extend({ onBreach: z.enum(['escalate', 'back-to-team']) }).strict(),
        /** The citizen demanded a decision on the existing evidence → the municipality decides. */
        decisionOnExistingEvidence: limit,
      })
      .strict(),
    /** Waiting times between the steps of a case; a breach escalates. */
    waitingTimes: z
      .object({
        referralToTeamMeeting: limit,
        referralToCoordinatingCaseworker: limit,
        recommendationToDecision: limit,
        teamReassessment: limit,
      })
      .strict(),
    complaints: z
      .object({
        /** How long after a refusal the citizen may complain; the case closes after it if nobody did. */
        window: duration,
        /** The municipality reconsiders a complaint within this; overdue, it goes to Ankestyrelsen. */
        reconsideration: limit,
      })
      .strict(),
    healthCoordinator: z.object({ advice: limit }).strict(),
    caseload: z
      .object({
        /** Open cases per coordinating caseworker (seeds: about 30). */
        limit: z.number().int().positive(),
        /** Assigning beyond the limit is refused, or allowed with a warning. */
        overLimit: z.enum(['refuse', 'warn']),
      })
      .strict(),
    fleksjob: z
      .object({
        /** Seeds: work capacity is evaluated this long after the fleksjob starts; not recorded within the grace period, it escalates. */
        progressionReview: z.object({ after: duration, grace: duration, reminders }).strict().nullable(),
        /** Seeds: a fleksjob under this many hours a week must show progression every period, unless the citizen chose few hours. */
        shortHours: z
          .object({
            thresholdHours: z.number().positive().max(37),
            checkEvery: duration,
            /** How long before it is due a check can be recorded. */
            recordableBefore: duration,
            reminders,
          })
          .strict()
          .nullable(),
        /** Law: the first fleksjob is temporary; a status is due this long before its end. */
        temporaryPeriod: z
          .object({ length: duration, statusBefore: duration, reminders })
          .strict()
          .nullable(),
        /** Law: follow-up conversations at this interval from the start. */
        followUpConversations: z
          .object({ every: duration, recordableBefore: duration, reminders })
          .strict()
          .nullable(),
      })
      .strict(),
    cashBenefit: z
      .object({
        /** One continuous spell on kontanthjælp this long gives the right to be assessed for a course. */
        assessmentRightAfter: duration,
      })
      .strict(),
    escalation: z
      .object({
        /** Who is told when a deadline is breached, and after how long the next level is, unless acknowledged. */
        levels: z
          .array(z.object({ role: EscalationRoleSchema, after: duration }).strict())
          .min(1)
          .refine((levels) => levels[0]?.after === 'PT0S' || levels[0]?.after === 'P0D', {
            message: 'the first level is told at once: its "after" must be PT0S',
          }),
      })
      .strict(),
  })
  .strict();

export type Ruleset = z.infer<typeof RulesetSchema>;
export type EscalationRole = z.infer<typeof EscalationRoleSchema>;
