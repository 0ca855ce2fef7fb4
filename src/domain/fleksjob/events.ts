import { z } from 'zod';
import { CaseIdentityShape } from '../engine/identity';
import { commonEventSchemas, type EventsOf } from '../engine/events';
import { text } from '../engine/fields';

/**
 * Fleksjob follow-up: after a course ends with a fleksjob, or for a fleksjob registered directly.
 * Seeds: a progression review 3 months in, and for a fleksjob under 5 hours a week a yearly check of
 * progression — without it the team reassesses, unless the citizen chose few hours. Law: the first
 * fleksjob is temporary for 5 years, with a status before its end and follow-up conversations.
 */
const note = text(2000, { multiline: true }).optional();
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
  teamReassessment: z
    .object({ recommends: z.enum(['continue', 'foertidspension', 'end-fleksjob']), note })
    .strict(),
  fleksjobStatusRecorded: z.object({ note }).strict(),
  permanentFleksjobDecided: z.object({ decision: z.enum(['permanent', 'end']), note }).strict(),
  followUpConversationHeld: z.object({ note }).strict(),
  fleksjobEnded: z
    .object({ reason: z.enum(['foertidspension', 'ordinary-job', 'resigned', 'other']), note })
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
