import { z } from 'zod';
import { dateWithin, personTypedId, text } from './fields';
import { describeIssues } from './validation';

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

const id = personTypedId();
/** Free text that may run over several lines: reasoning, notes, opinions. */
const prose = (max: number) => text(max, { multiline: true });

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

/** What relatives may be told about, when the citizen consents. */
export const ConsentTopicSchema = z.enum(['decisions', 'deadlines', 'meetings']);
export type ConsentTopic = z.infer<typeof ConsentTopicSchema>;

/** Events every kind of case accepts. */
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
    .refine((value) => value.consent === value.covers.length > 0, {
      message: 'consent names what it covers (decisions, deadlines, meetings); a withdrawal covers nothing',
      path: ['covers'],
    }),

  escalationAcknowledged: z.object({ escalationId: id, note: prose(1000).optional() }).strict(),
} as const;

export type CommonEventType = keyof typeof commonEventSchemas;
export type CommonEventData<T extends CommonEventType> = z.output<(typeof commonEventSchemas)[T]>;

/** The events of a ressourceforløb: the common ones and the course's own. */
export const caseEventSchemas = {
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
    .refine((value) => value.unanimous === (value.dissent.length === 0), {
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
    })
    .strict()
    .refine((value) => (value.decision === 'refuse') === (value.alternative !== undefined), {
      message: 'a refusal says what the citizen is directed to instead ("none" if nothing); a grant does not',
      path: ['alternative'],
    }),

  offerRegistered: z
    .object({
      offerId: id,
      kind: z.enum([
        'job-training',
        'internship',
        'treatment',
        'education',
        'mentor',
        'social-support',
        'other',
      ]),
      /** A real offer is one that moves the citizen toward work or education, not a placeholder. */
      real: z.boolean(),
      plannedStart: dateWithin('2000-01-01', '2099-12-31'),
      description: prose(500).optional(),
    })
    .strict(),

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

  complaintReceived: z
    .object({
      complaintId: id,
      about: z.enum(['grant', 'refusal', 'offer']),
      offerId: id.optional(),
    })
    .strict()
    .refine((value) => (value.about === 'offer') === (value.offerId !== undefined), {
      message: 'a complaint about an offer names the offer (offerId); other complaints do not',
      path: ['offerId'],
    }),

  complaintReconsidered: z
    .object({
      complaintId: id,
      /** upheld: the municipality changes its decision; kept: the complaint goes to Ankestyrelsen. */
      result: z.enum(['upheld', 'kept']),
      reasoning: prose(4000),
    })
    .strict(),

  appealDecided: z
    .object({ complaintId: id, result: z.enum(['decision-upheld', 'decision-changed', 'remitted']) })
    .strict(),

  decisionOnExistingEvidenceDemanded: z.object({}).strict(),

  workCapacityCannotDevelop: z
    .object({
      basis: z.enum(['terminal-illness', 'no-prospect-of-development']),
      note: prose(2000).optional(),
    })
    .strict(),

  courseConcluded: z.object({ outcome: OutcomeSchema, note: prose(2000).optional() }).strict(),
} as const;

export type CaseEventType = keyof typeof caseEventSchemas;
export type CaseEventData<T extends CaseEventType> = z.output<(typeof caseEventSchemas)[T]>;
export type CaseEvent = { [T in CaseEventType]: { type: T; data: CaseEventData<T> } }[CaseEventType];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

export const caseEventTypes = Object.keys(caseEventSchemas) as CaseEventType[];

export type ParsedEvent<E = CaseEvent> = { ok: true; event: E } | { ok: false; reason: string };

/** Checks an event's shape against a catalog; the reason names each invalid field so a caseworker can correct it. */
export function parseEvent<E extends { type: string; data: unknown }>(
  schemas: Record<string, z.ZodType>,
  type: string,
  data: unknown,
): ParsedEvent<E> {
  if (!Object.prototype.hasOwnProperty.call(schemas, type))
    return { ok: false, reason: `unknown event type "${type}"` };
  const result = schemas[type]!.safeParse(data);
  if (!result.success) return { ok: false, reason: describeIssues(result.error).join('; ') };
  return { ok: true, event: { type, data: result.data } as E };
}

export function parseCaseEvent(type: string, data: unknown): ParsedEvent {
  return parseEvent<CaseEvent>(caseEventSchemas, type, data);
}
