import { z } from 'zod';
import { describeIssues } from './validation';

/** Who sent an event: every change in a case is attributed to a person and their role. */
export const ActorSchema = z
  .object({
    id: z.string().min(1).max(100),
    role: z.enum(['caseworker', 'supervisor', 'admin', 'system', 'integration']),
  })
  .strict();
export type Actor = z.infer<typeof ActorSchema>;

export const TeamRecommendationSchema = z
  .object({
    recommends: z.enum(['ressourceforloeb', 'fleksjob', 'foertidspension', 'other-measures']),
    unanimous: z.boolean(),
    dissent: z.string().max(2000).optional(),
    citizenAttendedWholeMeeting: z.boolean(),
  })
  .strict()
  .refine((value) => value.unanimous || (value.dissent ?? '').trim().length > 0, {
    message: 'a recommendation that is not unanimous must say who dissented and why',
    path: ['dissent'],
  });

export const OfferStartedSchema = z
  .object({
    kind: z.enum(['job-training', 'treatment', 'education', 'mentor', 'other']),
    real: z.boolean(),
    description: z.string().max(500).optional(),
  })
  .strict();

/** The events a case accepts, each named by `type`. */
export const caseEventSchemas = {
  teamRecommendation: TeamRecommendationSchema,
  offerStarted: OfferStartedSchema,
} as const;

export type CaseEventType = keyof typeof caseEventSchemas;
export type CaseEventData<T extends CaseEventType> = z.infer<(typeof caseEventSchemas)[T]>;
export type CaseEvent = { [T in CaseEventType]: { type: T; data: CaseEventData<T> } }[CaseEventType];

export type ParsedEvent = { ok: true; event: CaseEvent } | { ok: false; reason: string };

/** Checks an event's shape; the reason names each invalid field so a caseworker can correct it. */
export function parseCaseEvent(type: string, data: unknown): ParsedEvent {
  if (!isCaseEventType(type)) return { ok: false, reason: `unknown event type "${type}"` };
  const result = caseEventSchemas[type].safeParse(data);
  if (!result.success) return { ok: false, reason: describeIssues(result.error).join('; ') };
  return { ok: true, event: { type, data: result.data } as CaseEvent };
}

export function isCaseEventType(type: string): type is CaseEventType {
  return Object.prototype.hasOwnProperty.call(caseEventSchemas, type);
}
