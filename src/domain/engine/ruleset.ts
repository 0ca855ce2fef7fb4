import { z } from 'zod';
import { LEGAL_BASIS_KEYS, type LegalBasisKey } from './legal-basis';
import { isValidZone } from './calendar';
import { isValidDuration } from './time';
import { CASE_KINDS } from './case';

const duration = z
  .string()
  .refine(isValidDuration, { message: 'must be an ISO-8601 duration such as P1Y, P3M, P4W or PT10M' });

/** Offsets before a deadline at which the people responsible are reminded, e.g. ["P3M", "P1M"]. */
const reminders = z.array(duration).max(5).default([]);

/** Where a rule comes from: a provision ("LAB § 113, stk. 2"), a seed ("seed 000"), or a local service target. */
const source = z.string().min(1).max(300).optional();

/** A time limit with reminders ahead of it, and where the rule comes from. */
const limit = z.object({ within: duration, reminders, source }).strict();

/**
 * The legal basis of a measure (an offer): LAB kapitel 11, 12 or 14, a measure under the social
 * services law, a municipal health measure, or something else. LAB § 113, stk. 2 counts only the
 * first five toward the first measure within 6 months.
 */
export const MeasureBasisSchema = z.enum([
  'lab-kap-11',
  'lab-kap-12',
  'lab-kap-14',
  'social',
  'health',
  'other',
]);
export type MeasureBasis = z.infer<typeof MeasureBasisSchema>;

export const EscalationRoleSchema = z.enum(['supervisor', 'head-of-department']);

/** The rule a decision letter gives as its legal basis (FVL § 24): what it says, in Danish, and where it is written. */
const LegalBasisSchema = z
  .object({ rule: z.string().trim().min(1).max(1000), source: z.string().trim().min(1).max(300) })
  .strict();

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
    /**
     * The first day this version applies to new cases (Danish calendar date). Among the configured
     * rulesets a new case gets the one with the latest `effectiveFrom` on or before its day
     * (src/domain/engine/ruleset-choice.ts). Absent (rulesets from before issue 16): in force from
     * always, as before — a dated version in force replaces it.
     */
    effectiveFrom: z.iso.date().optional(),
    /**
     * The last day new cases of `kinds` may be opened or granted under this version (a law that closes
     * intake, e.g. Lov nr. 1750 af 29. december 2025 for ressourceforløb). After it, opening a case of
     * such a kind, granting it, or directing a citizen to `alsoRefuses` is refused with `source` as the
     * reason; cases already running continue. Absent: no intake limit.
     */
    intake: z
      .object({
        until: z.iso.date(),
        kinds: z.array(z.enum(CASE_KINDS)).min(1),
        /** Outcomes and alternatives that are new intake into an abolished scheme, e.g. revalidering. */
        alsoRefuses: z.array(z.enum(['revalidering', 'new-course'])).default([]),
        source: z.string().min(1).max(600),
      })
      .strict()
      .optional(),
    /**
     * Rights a citizen already has under this version that a move to another version keeps (see
     * src/domain/ruleset-move.ts): `decision-on-existing-evidence` (seeds: no real offer within a year),
     * `granted-period` (the course runs to the end date granted). A move to a version that would void
     * a right the case holds is refused unless the new version lists it here as kept.
     */
    keepsRights: z.array(z.enum(['decision-on-existing-evidence', 'granted-period'])).optional(),
    /**
     * The calendar deadlines are counted in (src/domain/engine/calendar.ts). Absent: durations are
     * added in UTC and no deadline moves off a day off — the arithmetic of rulesets from before issue
     * 14, kept for the cases pinned to them.
     */
    calendar: z
      .object({
        zone: z
          .string()
          .refine(isValidZone, { message: 'must be an IANA time zone such as Europe/Copenhagen' }),
        /** Public holidays (helligdage) are days off for the citizen's deadlines: DK, or null for none. */
        holidays: z.enum(['DK']).nullable(),
        /** Further days off for the citizen's deadlines, as MM-DD (Grundlovsdag 06-05, 12-24, 12-31). */
        extraNonWorkingDays: z
          .array(z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month and day, MM-DD'))
          .default([]),
        /** Where the extra days come from (they are not helligdage; the law does not settle them). */
        source: z.string().optional(),
      })
      .strict()
      .optional(),
    /** Per decision, the rule its letter cites (optional: DEFAULT_LEGAL_BASIS stands in). */
    legalBasis: z
      .object(
        Object.fromEntries(LEGAL_BASIS_KEYS.map((key) => [key, LegalBasisSchema.optional()])) as {
          [K in LegalBasisKey]: z.ZodOptional<typeof LegalBasisSchema>;
        },
      )
      .strict()
      .optional(),
    course: z
      .object({
        /** Course start → a real offer must have started (seeds: 1 year); breach gives the right to a decision on the existing evidence. */
        realOffer: limit.nullable(),
        /** The course ends at this age at the latest (seeds and law: 3 years). */
        maximumDuration: limit,
        /** Course start → some measure must have started; what a breach does differs between the seeds and the law. */
        firstMeasure: limit
          .extend({
            onBreach: z.enum(['escalate', 'back-to-team']),
            /**
             * Only measures on these bases meet the deadline (LAB § 113, stk. 2); an offer registered
             * without a basis then does not count. Absent (version 1 rulesets): every measure counts.
             */
            countsOnly: z.array(MeasureBasisSchema).min(1).optional(),
          })
          .strict(),
        /**
         * Law (LAB § 113, stk. 4; § 114): a course is granted for a period ("frem til" a date). The
         * municipality decides what follows `decideBefore` the end of the period; if it has not, the
         * course and its benefit continue and the case escalates. `requireGrantedUntil`: a grant must
         * give the end date; `minimum`/`maximum`: how long a granted period may be (1–3 years).
         * Absent (version 1 rulesets): a grant gives no period and nothing is due before it ends.
         */
        grantedPeriod: z
          .object({
            decideBefore: duration,
            reminders,
            requireGrantedUntil: z.boolean(),
            minimum: duration.optional(),
            maximum: duration.optional(),
            source,
          })
          .strict()
          .optional(),
        /**
         * Law (Lov nr. 1750 af 29. december 2025, from its second commencement step): the
         * rehabilitation team is no longer required. `teamRequired: false`: a decision may follow,
         * instead of a team recommendation, what `withoutTeam` lists — a recorded "samlet beskrivelse af
         * borgerens forudsætninger" (`decisionBasisDescribed`) and the health coordinator's advice on
         * the case (`caseHealthAdviceGiven`). Absent: the team recommends before every decision.
         */
        decisionBasis: z
          .object({
            teamRequired: z.boolean(),
            withoutTeam: z.array(z.enum(['samlet-beskrivelse', 'health-advice'])).min(1),
            source,
          })
          .strict()
          .optional(),
        /** Seeds: an offer a medical specialist advised against may not start (absent: on, as before). */
        specialistVeto: z.object({ applies: z.boolean(), source }).strict().optional(),
        /** The citizen demanded a decision on the existing evidence → the municipality decides. */
        decisionOnExistingEvidence: limit,
        /**
         * Law (LAB § 112, stk. 3; § 114, stk. 1, 3–4): a grant is refused, unless the citizen wishes the
         * course, with less than `yearsBeforePensionAge` years to folkepension age (by birth date,
         * `pensionAge`); between `totalLimitFromAge` and `totalLimitToAge` when the earlier courses and
         * a shortest course (`courseMinimum`) would exceed `totalLimit`; from `oneCourseFromAge` when
         * the citizen already had a course. Absent (version 1 rulesets, seeds): no age rules.
         */
        ageRules: z
          .object({
            yearsBeforePensionAge: z.number().int().positive().max(20),
            /** Folkepension age by birth date (lov om social pension § 1 a); `age` may be a half year. */
            pensionAge: z
              .array(
                z
                  .object({
                    bornFrom: z.iso.date().optional(),
                    bornTo: z.iso.date().optional(),
                    age: z.number().positive().max(100).multipleOf(0.5),
                    source,
                  })
                  .strict(),
              )
              .min(1),
            courseMinimum: duration,
            totalLimit: duration,
            totalLimitFromAge: z.number().int().positive().max(100),
            totalLimitToAge: z.number().int().positive().max(100),
            oneCourseFromAge: z.number().int().positive().max(100),
            source,
          })
          .strict()
          .optional(),
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
        /** How long after receiving a decision the citizen may complain; a refused case closes after it. */
        window: duration,
        /** The municipality reconsiders a complaint within this of receiving it. */
        reconsideration: limit,
        /**
         * How what is not fully met reaches Ankestyrelsen. Absent (rulesets before 2026-12): the case
         * marks a kept or overdue complaint as forwarded by itself. `caseworker`: a caseworker sends it
         * and registers that, within the reconsideration limit (BEK 861/2025 § 11); an overdue
         * reconsideration escalates and says it must be sent; after partial medhold the citizen has
         * `partial.citizenAnswersWithin` to maintain the complaint, and the municipality
         * `partial.forwardWithin` to send it (§ 12); a late complaint is not reconsidered but sent
         * within `lateForwardWithin` (§ 13, "straks").
         */
        forwarding: z
          .object({
            by: z.literal('caseworker'),
            partial: z.object({ citizenAnswersWithin: duration, forwardWithin: limit }).strict(),
            lateForwardWithin: limit,
          })
          .strict()
          .optional(),
        /** A decision that ends the course can be complained about: the case stays open for the window. */
        openAfterEnd: z.boolean().optional(),
        source,
      })
      .strict(),
    healthCoordinator: z
      .object({
        advice: limit,
        /**
         * LAB § 113, stk. 3: the coordinator's advice is advice; the municipality's decision (keep,
         * adjust, replace) moves the offer, which waits — or, if started, pauses — until then. Absent
         * (version 1 rulesets): the advice itself lets the offer start or withdraws it.
         */
        municipalityDecides: z.boolean().optional(),
      })
      .strict(),
    caseload: z
      .object({
        /** Open cases per coordinating caseworker (seeds: about 30). */
        limit: z.number().int().positive(),
        /** Assigning beyond the limit is refused, or allowed with a warning. */
        overLimit: z.enum(['refuse', 'warn']),
        source,
      })
      .strict(),
    fleksjob: z
      .object({
        /**
         * Who decides after the team's reassessment: absent (version 1 rulesets), the team's
         * recommendation decides; `municipality`, the team recommends and the municipality decides
         * (LAB § 116 ff.; the team recommends, the municipality decides, as in a course).
         */
        reassessmentDecidedBy: z.literal('municipality').optional(),
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
            /**
             * A check without progression: the team reassesses at once (absent: version 1), or — seed
             * 001 §12 — the citizen is offered a reassessment in a letter and it follows if they ask.
             */
            noProgression: z.enum(['team-reassesses', 'citizen-may-ask']).optional(),
          })
          .strict()
          .nullable(),
        /** Law (LAB § 120, § 121 stk. 3): a fleksjob is granted for a temporary period; a status is due this long before its end. */
        temporaryPeriod: z
          .object({
            length: duration,
            statusBefore: duration,
            reminders,
            /**
             * LAB § 120 stk. 2: from this age at the decision ending a temporary period the fleksjob
             * becomes permanent; under it, a new temporary period follows (stk. 1). Absent (version 1
             * rulesets): no age rule, the decision is permanent or end.
             */
            permanentFromAge: z.number().int().positive().max(100).optional(),
            /**
             * Whether a change of job starts the temporary period anew ("the 5 years run in the same
             * job"). Not confirmed in the law (LAB § 120 ties the 5 years to the grant; VEJ 9635/2023
             * not read): absent or false, a change of job is recorded and the period runs on.
             */
            restartsOnJobChange: z.boolean().optional(),
          })
          .strict()
          .nullable(),
        /**
         * Law (LAB § 121 stk. 1): follow-up conversations at this interval — from the job's start
         * (`from: "start"`, or absent: version 1 rulesets), or the first from the start and each next
         * one from the previous conversation (`"previous"`, as § 121 says).
         */
        followUpConversations: z
          .object({
            every: duration,
            recordableBefore: duration,
            reminders,
            from: z.enum(['start', 'previous']).optional(),
          })
          .strict()
          .nullable(),
      })
      .strict(),
    cashBenefit: z
      .object({
        /** Version 1 rulesets: one continuous spell this long gives the right to be assessed (a letter, no deadline). */
        assessmentRightAfter: duration.optional(),
        /**
         * What a continuous spell on kontanthjælp brings, or null for nothing. Either the seeds' citizen's
         * right (seed 001 §8: after `after` the citizen may be assessed for a ressourceforløb — told in a
         * letter — and the caseworker must put the case to the team within `thenToTeam`), or the law's
         * duty on the municipality (LAB § 36 a: an afklaring after `after`, for recipients of
         * `minimumAge` or more who are aktivitetsparat, repeated every `repeatEvery`; staff reminded, no
         * letter to the citizen).
         */
        assessment: z
          .discriminatedUnion('kind', [
            z
              .object({
                kind: z.literal('citizen-right'),
                after: duration,
                thenToTeam: limit,
                source: z.string().optional(),
              })
              .strict(),
            z
              .object({
                kind: z.literal('municipal-duty'),
                after: duration,
                repeatEvery: duration.nullable(),
                minimumAge: z.number().int().positive().nullable(),
                onlyAktivitetsparat: z.boolean(),
                /** How long before it is due the afklaring can be recorded. */
                recordableBefore: duration,
                reminders,
                source: z.string().optional(),
              })
              .strict(),
          ])
          .nullable()
          .optional(),
      })
      .strict()
      .refine((rules) => (rules.assessmentRightAfter === undefined) !== (rules.assessment === undefined), {
        message: 'give either assessment (or null) or, as version 1 did, assessmentRightAfter',
      }),
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
