import 'zod-openapi';
import { z } from 'zod';
import { allCasePhases, CASE_KINDS, CaseIdSchema, casePhases, MunicipalitySchema } from '../domain';
import { personTypedId } from '../domain/engine/fields';
import { CaseSnapshotSchema } from './view-schemas';

export { CaseViewSchema, TimelineEntrySchema } from './view-schemas';

const CaseworkerIdSchema = personTypedId({ what: 'a caseworker ID' });

/** Shapes of the API that are not case events: parameters, queries and answers, documented in OpenAPI. */
export const CaseIdParams = z.object({
  caseId: CaseIdSchema.meta({
    description: "The municipality's case ID (never a CPR number)",
    example: 'KBH-2026-0001',
  }),
});

export const CaseworkerParams = z.object({
  caseworkerId: CaseworkerIdSchema.meta({
    description: "The coordinating caseworker's ID",
    example: 'sara.caseworker',
  }),
});

const booleanParam = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ListQuery = z
  .object({
    status: z
      .enum(['open', 'closed', 'all'])
      .default('open')
      .meta({ description: 'Open (running) cases by default' }),
    kind: z.enum(CASE_KINDS).optional(),
    phase: z
      .enum(allCasePhases as [string, ...string[]])
      .optional()
      .meta({
        description: `A phase of the kind of case: ${Object.entries(casePhases)
          .map(([kind, phases]) => `${kind}: ${phases.join(', ')}`)
          .join('; ')}`,
      }),
    municipality: MunicipalitySchema.optional(),
    caseworker: CaseworkerIdSchema.optional(),
    escalated: booleanParam
      .optional()
      .meta({ description: 'Cases with an open (unacknowledged) escalation' }),
    deadlineBefore: z.iso.datetime().optional().meta({
      description:
        'The next deadline, or a breached deadline not yet met, falls before this instant (so `deadlineBefore=<now>` lists the overdue cases too)',
    }),
    overdue: booleanParam
      .optional()
      .meta({ description: 'Cases with (true) or without (false) a breached deadline not yet met' }),
    overdueBefore: z.iso
      .datetime()
      .optional()
      .meta({ description: 'The earliest breached deadline not yet met fell due before this instant' }),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    pageToken: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,2000}$/)
      .optional()
      .meta({ description: 'nextPageToken of the previous page' }),
  })
  .strict()
  .superRefine((query, context) => {
    const phases: readonly string[] | undefined = query.kind ? casePhases[query.kind] : undefined;
    if (query.phase && phases && !phases.includes(query.phase))
      context.addIssue({
        code: 'custom',
        path: ['phase'],
        message: `En sag af typen ${query.kind} har ikke fasen ${query.phase}; dens faser er ${phases.join(', ')}`,
      });
  });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const EventReceiptSchema = z
  .object({
    caseId: z.string(),
    kind: z.string(),
    seq: z.number().int().meta({ description: "The event's place in the case's audit timeline" }),
    phase: z.string(),
    nextDeadlineAt: z.string().nullable(),
    openEscalations: z.number().int(),
  })
  .meta({ id: 'EventReceipt' });

export const EventAnswerSchema = z
  .object({ event: EventReceiptSchema, case: CaseSnapshotSchema, warnings: z.array(z.string()).optional() })
  .strict()
  .meta({ id: 'EventAnswer' });

export const CaseSummarySchema = z
  .object({
    caseId: z.string(),
    kind: z.string().nullable(),
    phase: z.string().nullable(),
    municipality: z.string().nullable(),
    caseworker: z.string().nullable(),
    ruleset: z.string().nullable(),
    outcome: z.string().nullable(),
    nextDeadlineAt: z.string().nullable(),
    nextDeadlineKind: z.string().nullable(),
    escalated: z.boolean(),
    overdueSince: z
      .string()
      .nullable()
      .meta({ description: 'When the earliest breached deadline not yet met fell due' }),
    overdueDeadlines: z
      .array(z.string())
      .meta({ description: 'The kinds of the breached deadlines not yet met' }),
    escalations: z
      .array(
        z.object({
          id: z.string().meta({ description: 'The escalation’s ID in the case', example: 'esc-1' }),
          level: z.number().int().meta({ description: 'From 1: the first level of the ruleset' }),
          levelRole: z.string().meta({ example: 'supervisor' }),
          cause: z.string().meta({
            description: 'The kind of the breached deadline that raised it, or `delivery`',
          }),
          since: z.string().meta({ description: 'When it was raised' }),
        }),
      )
      .meta({ description: 'The open (unacknowledged) escalations' }),
    status: z.string(),
    openedAt: z.string().nullable(),
  })
  .meta({ id: 'CaseSummary' });

export const CaseListSchema = z
  .object({ cases: z.array(CaseSummarySchema), nextPageToken: z.string().nullable() })
  .meta({
    id: 'CaseList',
    description:
      'From Temporal visibility: eventually consistent — a change shows here a moment after it is made.',
  });

export const CaseCountsSchema = z
  .object({
    municipality: z.string().nullable(),
    counts: z.array(
      z.object({
        kind: z.enum(CASE_KINDS),
        phase: z.string(),
        openCases: z.number().int().min(0),
      }),
    ),
  })
  .meta({
    id: 'CaseCounts',
    description: 'Open cases by kind and phase, every phase of every kind (0 included).',
  });

export const CaseloadSchema = z
  .object({
    caseworkerId: z.string(),
    municipality: z.string().nullable(),
    openCases: z.number().int(),
    limit: z.number().int(),
    cases: z.array(CaseSummarySchema),
  })
  .meta({ id: 'Caseload' });

export const OutboxSchema = z
  .object({
    messages: z.array(
      z.object({
        file: z.string(),
        messageId: z.string(),
        to: z.string(),
        subject: z.string(),
        date: z.string(),
      }),
    ),
  })
  .meta({ id: 'Outbox' });
