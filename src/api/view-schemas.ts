import 'zod-openapi';
import { z } from 'zod';
import { cashBenefit, course, fleksjob, instant } from './kind-view-schemas';

/**
 * What the API answers about a case, exactly: every field of every kind of case, so that the OpenAPI
 * document is the contract (a response with a field it does not name is a bug, caught by the
 * contract tests). `test/unit/view-schemas.test.ts` checks the views the case rules produce against
 * these schemas, so the two cannot drift apart.
 */

export const ActorViewSchema = z
  .object({
    id: z.string(),
    role: z.enum(['caseworker', 'supervisor', 'admin', 'system', 'integration']),
    municipality: z
      .string()
      .optional()
      .meta({ description: 'The municipality the person acted for (`*`: all)' }),
  })
  .strict()
  .meta({ id: 'Actor' });

export const TimelineEntrySchema = z
  .object({
    seq: z.number().int(),
    at: instant,
    actor: ActorViewSchema,
    type: z
      .string()
      .meta({ description: 'An event type, or what the system did (caseOpened, deadlineBreached, …)' }),
    outcome: z.enum(['accepted', 'rejected', 'recorded']),
    summary: z.string(),
    reason: z.string().optional(),
  })
  .strict()
  .meta({ id: 'TimelineEntry' });

export const DeadlineSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    label: z.string(),
    startedAt: instant,
    dueAt: instant,
    reminders: z.array(z.object({ key: z.string(), at: instant, sentAt: instant.optional() }).strict()),
    status: z.enum(['pending', 'met', 'breached', 'reached']),
    metAt: instant.optional(),
    breachedAt: instant.optional(),
    reachedAt: instant.optional().meta({ description: 'For a milestone: when it was reached' }),
    milestone: z
      .literal(true)
      .optional()
      .meta({ description: 'A moment that gives a right: reached, not breached' }),
    subject: z
      .string()
      .optional()
      .meta({ description: 'The complaint, offer or check the deadline is about' }),
    source: z.string().optional().meta({
      description:
        "Where the rule comes from, as the case's ruleset names it (a provision, a seed, or a local service target)",
    }),
  })
  .strict()
  .meta({ id: 'Deadline' });

const CitizenViewSchema = z
  .object({
    cpr: z.string().meta({ description: 'Masked (DDMMYY-XXXX) unless the role needs the whole number' }),
    name: z.string(),
    email: z.string().optional(),
  })
  .strict();

const EscalationSchema = z
  .object({
    id: z.string(),
    deadlineId: z.string(),
    reason: z.string(),
    raisedAt: instant,
    level: z.number().int().min(1).meta({
      description: 'The level reached, counted from 1 (the first level) as the escalation mails count',
    }),
    levelRole: z.enum(['supervisor', 'head-of-department']),
    status: z.enum(['open', 'acknowledged', 'resolved']),
    acknowledgedAt: instant.optional(),
    acknowledgedBy: z.string().optional(),
    resolvedAt: instant.optional(),
  })
  .strict()
  .meta({ id: 'Escalation' });

const RecipientSchema = z
  .object({
    role: z.enum(['citizen', 'relatives', 'caseworker', 'supervisor', 'head-of-department']),
    name: z.string().optional(),
    email: z.string().optional(),
    id: z.string().optional(),
  })
  .strict();

const NotificationSchema = z
  .object({
    id: z.string(),
    topic: z.string(),
    createdAt: instant,
    recipients: z.array(RecipientSchema),
    facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    delivery: z
      .object({
        status: z.enum(['pending', 'sent', 'retrying', 'failed']),
        at: instant.optional(),
        attempts: z.number().int(),
        rounds: z.number().int().optional(),
        retryAt: instant.optional(),
        sentTo: z.array(z.number().int()).optional(),
        withoutAddress: z.number().int().optional(),
        error: z.string().optional(),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'Notification' });

const DeadlineLogSchema = z.record(
  z.string(),
  z
    .object({
      reminded: z.record(z.string(), instant),
      breachedAt: instant.optional(),
      reachedAt: instant.optional(),
    })
    .strict(),
);

/** Every kind of case has these. */
const common = {
  caseId: z.string(),
  municipality: z.string(),
  ruleset: z.object({ name: z.string(), version: z.number().int(), title: z.string() }).strict(),
  citizen: CitizenViewSchema,
  phase: z.string(),
  coordinatingCaseworker: z
    .object({ id: z.string(), name: z.string(), email: z.string().optional(), assignedAt: instant })
    .strict()
    .optional(),
  caseworkerFirstAssignedAt: instant.optional(),
  relatives: z.array(
    z
      .object({
        id: z.string(),
        name: z.string(),
        relation: z.string(),
        email: z.string().optional(),
        consent: z
          .object({
            given: z.boolean(),
            covers: z.array(z.enum(['decisions', 'deadlines', 'meetings'])),
            at: instant,
          })
          .strict()
          .nullable(),
      })
      .strict(),
  ),
  rulesetMoves: z
    .array(
      z
        .object({
          moveId: z.string(),
          at: instant,
          by: z.string(),
          from: z.object({ name: z.string(), version: z.number().int() }).strict(),
          to: z.object({ name: z.string(), version: z.number().int() }).strict(),
        })
        .strict(),
    )
    .optional()
    .meta({ description: 'Each move of the case to another ruleset version, by whom and when' }),
  escalations: z.array(EscalationSchema),
  deadlines: z.array(DeadlineSchema),
  nextDeadlineAt: instant.nullable().meta({ description: 'When the earliest pending deadline falls due' }),
  openEscalations: z.number().int(),
};

/** What only the whole case has (GET): the records that grow with every event. */
const records = {
  deadlineLog: DeadlineLogSchema,
  notifications: z.array(NotificationSchema),
  timeline: z.array(TimelineEntrySchema),
};

/** The whole case (GET /cases/{caseId}): every kind's own fields, and its records. */
export const CaseViewSchema = z
  .discriminatedUnion('kind', [
    z
      .object({ ...common, ...records, ...course })
      .strict()
      .meta({ id: 'Ressourceforloeb' }),
    z
      .object({ ...common, ...records, ...fleksjob })
      .strict()
      .meta({ id: 'FleksjobFollowUp' }),
    z
      .object({ ...common, ...records, ...cashBenefit })
      .strict()
      .meta({ id: 'CashBenefitSpell' }),
  ])
  .meta({
    id: 'Case',
    description:
      "The case's state as its workflow reports it (strongly consistent): what every kind has, and each kind's own fields.",
  });

/** The case as an event left it (an event's answer): without the records that grow with every event. */
export const CaseSnapshotSchema = z
  .discriminatedUnion('kind', [
    z
      .object({ ...common, ...course })
      .strict()
      .meta({ id: 'RessourceforloebSnapshot' }),
    z
      .object({ ...common, ...fleksjob })
      .strict()
      .meta({ id: 'FleksjobFollowUpSnapshot' }),
    z
      .object({ ...common, ...cashBenefit })
      .strict()
      .meta({ id: 'CashBenefitSpellSnapshot' }),
  ])
  .meta({
    id: 'CaseSnapshot',
    description:
      'The case as the event left it. Its audit timeline, notifications and deadline log are read with the case (GET /api/v1/cases/{caseId}).',
  });
