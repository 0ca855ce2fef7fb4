import { z } from 'zod';
import { CaseIdentityShape } from '../engine/identity';
import { commonEventSchemas, decisionBasisSchemas, type EventsOf } from '../engine/events';
import { text } from '../engine/fields';

/**
 * Fleksjob follow-up: after a course ends with a fleksjob, or for a fleksjob registered directly.
 * Seeds: a progression review 3 months in, and for a fleksjob under 5 hours a week a yearly check of
 * progression — without it the team reassesses, unless the citizen chose few hours. Law: the first
 * fleksjob is temporary for 5 years, with a status before its end and follow-up conversations.
 */
const note = text(2000, { multiline: true }).optional();
/** The reasons a decision letter gives the citizen (forvaltningsloven § 24), written to the citizen. */
const reasoning = text(4000, { multiline: true }).optional();
const weeklyHours = z.number().min(0.25, 'at least a quarter of an hour').max(37, 'at most 37 hours');

/** The events of a fleksjob follow-up: the common ones and the follow-up's own. */
export const fleksjobEvents = {
  ...commonEventSchemas,
  fleksjobStarted: z.object({ weeklyHours, employer: text(200).optional() }).strict(),
  hoursChanged: z.object({ weeklyHours, note }).strict(),
  /** The citizen's own choice of few hours is recorded and respected: no yearly check while it stands. */
  fewHoursChosen: z.object({ chosen: z.boolean(), note }).strict(),
  progressionReviewRecorded: z
    .object({ workCapacity: z.enum(['as-expected', 'higher', 'lower']), weeklyHours, note })
    .strict(),
  yearlyCheckRecorded: z
    .object({ progression: z.boolean(), planFollowed: z.boolean(), weeklyHours, note })
    .strict(),
  /** Seeds: the citizen asked for the reassessment they were offered after a year without progression. */
  reassessmentRequested: z.object({ note }).strict(),
  teamReassessment: z
    .object({ recommends: z.enum(['continue', 'foertidspension', 'end-fleksjob']), note, reasoning })
    .strict(),
  /**
   * After the team's recommendation, the municipality decides (rulesets with
   * `fleksjob.reassessmentDecidedBy: 'municipality'`): a decision with its reasons and complaint guidance.
   */
  reassessmentDecided: z
    .object({
      decision: z.enum(['continue', 'foertidspension', 'end-fleksjob']),
      reasoning: text(4000, { multiline: true }),
    })
    .strict(),
  /**
   * Lov nr. 1750 af 29. december 2025 (rulesets with `course.decisionBasis.teamRequired: false`): the
   * team is no longer required in fleksjob cases either; a reassessment is answered by a samlet
   * beskrivelse af borgerens forudsætninger and the health coordinator's advice, and the
   * municipality decides on them (the same events, and schemas, as a ressourceforløb's).
   */
  ...decisionBasisSchemas,
  fleksjobStatusRecorded: z.object({ note }).strict(),
  /** The decision at the end of a temporary period (LAB § 120): permanent (40 or older), a new temporary period (under 40), or the end. */
  permanentFleksjobDecided: z
    .object({ decision: z.enum(['permanent', 'new-temporary-period', 'end']), note, reasoning })
    .strict(),
  /** The citizen moved to another job in fleksjob (another employer); the hours may change with it. */
  jobChanged: z
    .object({ employer: text(200).optional(), weeklyHours: weeklyHours.optional(), note })
    .strict(),
  followUpConversationHeld: z.object({ note }).strict(),
  fleksjobEnded: z
    .object({ reason: z.enum(['foertidspension', 'ordinary-job', 'resigned', 'other']), note, reasoning })
    .strict(),
} as const;

export type FleksjobEventType = keyof typeof fleksjobEvents;
export type FleksjobEventData<T extends FleksjobEventType> = z.output<(typeof fleksjobEvents)[T]>;
export type FleksjobEvent = EventsOf<typeof fleksjobEvents>;

export const OpenFleksjobSchema = z
  .object({
    ...CaseIdentityShape,
    /** When the job has already started: its hours. Otherwise the follow-up waits for fleksjobStarted. */
    job: z
      .object({ weeklyHours, employer: text(200).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type OpenFleksjob = z.output<typeof OpenFleksjobSchema>;
