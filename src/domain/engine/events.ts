import { z } from 'zod';
import { commonEventChecks } from './checks';
import { personTypedId, text } from './fields';

/**
 * What every kind of case shares about events: who sends them and the events every kind accepts. The
 * workflows check events with validators generated from these schemas (engine/validation.ts).
 */

/** Who sent an event: every change in a case is attributed to a person and their role. */
export const ActorSchema = z
  .object({
    id: z.string().min(1).max(100),
    role: z.enum(['caseworker', 'supervisor', 'admin', 'system', 'integration']),
    /** The municipality the person acts for (`*`: every one); a case refuses actors of other municipalities. */
    municipality: z.string().optional(),
  })
  .strict();
export type Actor = z.infer<typeof ActorSchema>;

/** An identifier a person types: never shaped like a CPR number. */
export const id = personTypedId();
/** Free text that may run over several lines: reasoning, notes, opinions. */
export const prose = (max: number) => text(max, { multiline: true });

/** What relatives may be told about, when the citizen consents. */
export const ConsentTopicSchema = z.enum(['decisions', 'deadlines', 'meetings']);
export type ConsentTopic = z.infer<typeof ConsentTopicSchema>;

/** Events every kind of case accepts. */
/**
 * Lov nr. 1750 af 29. december 2025 (rulesets with `course.decisionBasis.teamRequired: false`): the
 * decision basis the municipality records instead of a team review, in a ressourceforløb and in a
 * fleksjob case alike — the "samlet beskrivelse af borgerens forudsætninger" and the regional health
 * coordinator's advice on the case (not on one offer).
 */
export const decisionBasisSchemas = {
  decisionBasisDescribed: z.object({ description: prose(8000) }).strict(),
  caseHealthAdviceGiven: z.object({ advice: prose(4000) }).strict(),
} as const;

export const commonEventSchemas = {
  caseworkerAssigned: z
    .object({
      caseworkerId: id,
      name: text(200),
      email: z.email().optional(),
    })
    .strict(),

  relativeRegistered: z
    .object({ relativeId: id, name: text(200), relation: text(100), email: z.email().optional() })
    .strict(),

  relativeConsent: z
    .object({ relativeId: id, consent: z.boolean(), covers: z.array(ConsentTopicSchema).max(3).default([]) })
    .strict()
    .refine(commonEventChecks.consentCoversWhatItGives, {
      message: 'consent names what it covers (decisions, deadlines, meetings); a withdrawal covers nothing',
      path: ['covers'],
    }),

  escalationAcknowledged: z.object({ escalationId: id, note: prose(1000).optional() }).strict(),
} as const;

export type CommonEventType = keyof typeof commonEventSchemas;
export type CommonEventData<T extends CommonEventType> = z.output<(typeof commonEventSchemas)[T]>;

/** The events of a catalog as a union of `{type, data}`, each with its parsed data. */
export type EventsOf<Schemas extends Record<string, z.ZodType>> = {
  [T in keyof Schemas & string]: { type: T; data: z.output<Schemas[T]> };
}[keyof Schemas & string];
