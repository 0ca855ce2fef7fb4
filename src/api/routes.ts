import { z } from 'zod';
import type { CaseFilters, CaseService } from '../client/case-service';
import type { Principal, Role } from '../config/api-tokens';
import {
  type Actor,
  actsFor,
  type AnyCaseView,
  casePhases,
  type CaseKind,
  type Ruleset,
  rulesetForNewCase,
} from '../domain';
import { allEventMessages, type EventMessage } from '../messages';
import { eventSchemaOf, NewCaseSchema } from '../messages/schemas';
import { listOutbox } from '../notifications/outbox';
import type { WaitingTimesProjection } from '../reporting/projection';
import { reportingRoutes } from '../reporting/routes';
import { adminRoutes } from './admin-routes';
import { toCaseView } from './case-view';
import { idempotencyFor } from './idempotency';
import { HttpProblem } from './problem';
import {
  CaseCountsSchema,
  CaseIdParams,
  CaseListSchema,
  CaseloadSchema,
  CaseViewSchema,
  CaseworkerParams,
  EventAnswerSchema,
  ListQuery,
  OutboxSchema,
  TimelineEntrySchema,
} from './schemas';
import { msg, type Text } from '../domain/messages';

/**
 * Every route of the API, as data: the express app and the OpenAPI document are both built from this
 * table, from the same zod schemas the workflows validate events with.
 */
export interface RouteContext {
  principal: Principal;
  actor: Actor;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  idempotencyKey?: string;
}

export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ApiRoute {
  method: 'get' | 'post';
  /** Express-style path: `/api/v1/cases/:caseId`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  roles: Role[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Validates the body merged with the path parameters (events carry their IDs in the path). */
  body?: z.ZodType;
  /** The body as documented, when it differs from `body` (path fields left out). */
  bodyDoc?: z.ZodType;
  idempotent?: boolean;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handle(context: RouteContext): Promise<RouteResult>;
}

export interface RouteDependencies {
  cases: CaseService;
  /** The ruleset new cases are pinned to (when `rulesets` is absent). */
  ruleset: Ruleset;
  /** Every configured ruleset version: a new case is pinned to the one in force on its day. */
  rulesets?: Ruleset[];
  /** The embedded default's mail outbox folder, listed at /api/v1/outbox (absent when mail goes by SMTP). */
  outboxDir?: string;
  /** The waiting-times projection: each accepted event writes its case's steps (src/reporting). */
  waitingTimes?: WaitingTimesProjection;
}

const EVERYONE: Role[] = ['caseworker', 'supervisor', 'admin'];

export function buildRoutes({
  cases,
  ruleset,
  rulesets,
  outboxDir,
  waitingTimes,
}: RouteDependencies): ApiRoute[] {
  /** A case's state, if the person may read it: a person acts only for their own municipality. */
  const readCase = async (caseId: string, principal: Principal): Promise<AnyCaseView> => {
    const view = await cases.state(caseId);
    requireMunicipality(principal, view.municipality, msg('problem.subject-case', { caseId }));
    return view;
  };

  const routes: ApiRoute[] = [
    {
      method: 'post',
      path: '/api/v1/cases',
      operationId: 'createCase',
      summary:
        'Open a case: a referral or the citizen’s own application, a fleksjob follow-up, or a kontanthjælp spell',
      description:
        'Without `kind` the case is a ressourceforløb. The case is pinned to the configured ruleset in force today (by its effective date); where that ruleset has closed intake for the kind, the case is refused (409). With an Idempotency-Key, a repeated request answers 201 again instead of 409.',
      tag: 'Cases',
      roles: ['caseworker', 'admin'],
      body: NewCaseSchema,
      idempotent: true,
      responses: {
        201: {
          description: 'Created; Location names the case',
          schema: z.object({ caseId: z.string(), kind: z.string(), href: z.string() }),
        },
        409: { description: 'A case with this ID exists' },
        422: { description: 'The Idempotency-Key was used for another request' },
      },
      async handle({ principal, actor, body, idempotencyKey }) {
        const input = body as z.output<typeof NewCaseSchema>;
        requireMunicipality(principal, input.municipality, msg('problem.subject-new-case'));
        const opened = await cases.open(
          input,
          rulesets ? rulesetForNewCase(rulesets, Date.now()) : ruleset,
          actor,
          idempotencyKey
            ? { idempotency: idempotencyFor(principal, input.caseId, 'createCase', idempotencyKey, input) }
            : {},
        );
        // A new case waits from now (the API's clock; the case's first event writes the workflow's own).
        const { caseId, kind, municipality } = input;
        if (!opened.repeated)
          await waitingTimes?.record({ caseId, kind, municipality, openedAt: new Date().toISOString() });
        const href = `/api/v1/cases/${input.caseId}`;
        return {
          status: 201,
          body: { caseId: input.caseId, kind: input.kind, href },
          headers: { Location: href },
        };
      },
    },
    {
      method: 'get',
      path: '/api/v1/cases',
      operationId: 'listCases',
      summary: 'List cases by phase, municipality, caseworker, escalation or next deadline',
      description:
        'Through Temporal visibility (search attributes): eventually consistent, so a change shows a moment after it is made. A caseworker or supervisor sees the cases of their own municipality.',
      tag: 'Cases',
      roles: EVERYONE,
      query: ListQuery,
      responses: { 200: { description: 'A page of cases', schema: CaseListSchema } },
      async handle({ principal, query }) {
        const { pageSize, pageToken, ...filters } = query as z.output<typeof ListQuery>;
        const municipality = scopeMunicipality(principal, filters.municipality);
        const page = await cases.list(
          { ...filters, ...(municipality ? { municipality } : {}) } as CaseFilters,
          {
            size: pageSize,
            ...(pageToken ? { token: pageToken } : {}),
          },
        );
        return { status: 200, body: page };
      },
    },
    {
      method: 'get',
      path: '/api/v1/case-counts',
      operationId: 'countCases',
      summary: 'How many open cases there are of each kind in each phase',
      description:
        'Through visibility (one count per kind and phase): eventually consistent. A caseworker or supervisor counts the cases of their own municipality.',
      tag: 'Cases',
      roles: EVERYONE,
      query: z.object({ municipality: ListQuery.shape.municipality }).strict(),
      responses: { 200: { description: 'The counts', schema: CaseCountsSchema } },
      async handle({ principal, query }) {
        const municipality = scopeMunicipality(principal, query.municipality as string | undefined);
        const pairs = Object.entries(casePhases).flatMap(([kind, phases]) =>
          phases.map((phase) => ({ kind: kind as CaseKind, phase: phase as string })),
        );
        const counts = await Promise.all(
          pairs.map(async ({ kind, phase }) => ({
            kind,
            phase,
            openCases: await cases.count({
              status: 'open',
              kind,
              phase,
              ...(municipality ? { municipality } : {}),
            }),
          })),
        );
        return { status: 200, body: { municipality: municipality ?? null, counts } };
      },
    },
    {
      method: 'get',
      path: '/api/v1/cases/:caseId',
      operationId: 'getCase',
      summary: "A case's state: phase, ruleset, deadlines, offers, decisions, complaints, escalations",
      description: 'A query of the case’s workflow: strongly consistent.',
      tag: 'Cases',
      roles: EVERYONE,
      params: CaseIdParams,
      responses: { 200: { description: 'The case', schema: CaseViewSchema } },
      async handle({ principal, params }) {
        return {
          status: 200,
          body: toCaseView(await readCase(params.caseId as string, principal), principal),
        };
      },
    },
    {
      method: 'get',
      path: '/api/v1/cases/:caseId/timeline',
      operationId: 'getTimeline',
      summary: "A case's audit timeline: who did what, when and why — refused events included",
      tag: 'Cases',
      roles: EVERYONE,
      params: CaseIdParams,
      responses: {
        200: {
          description: 'The timeline',
          schema: z.object({ caseId: z.string(), timeline: z.array(TimelineEntrySchema) }),
        },
      },
      async handle({ principal, params }) {
        const view = await readCase(params.caseId as string, principal);
        return { status: 200, body: { caseId: view.caseId, timeline: view.timeline } };
      },
    },
    {
      method: 'get',
      path: '/api/v1/caseworkers/:caseworkerId/caseload',
      operationId: 'getCaseload',
      summary: "A coordinating caseworker's open cases",
      description:
        'Through visibility: eventually consistent. `limit` is the caseload limit of the current ruleset.',
      tag: 'Caseworkers',
      roles: EVERYONE,
      params: CaseworkerParams,
      responses: { 200: { description: 'The caseload', schema: CaseloadSchema } },
      async handle({ principal, params }) {
        const caseworkerId = params.caseworkerId as string;
        const municipality = scopeMunicipality(principal, undefined);
        const filters: CaseFilters = {
          status: 'open',
          caseworker: caseworkerId,
          ...(municipality ? { municipality } : {}),
        };
        const [openCases, page] = await Promise.all([
          cases.caseload(caseworkerId, municipality),
          cases.list(filters, { size: 200 }),
        ]);
        return {
          status: 200,
          body: {
            caseworkerId,
            municipality: municipality ?? null,
            openCases,
            limit: ruleset.caseload.limit,
            cases: page.cases,
          },
        };
      },
    },
  ];

  if (outboxDir) {
    routes.push({
      method: 'get',
      path: '/api/v1/outbox',
      operationId: 'listOutbox',
      summary:
        'The local mail outbox, newest first (the embedded default, when no SMTP server is configured)',
      tag: 'Mail',
      roles: ['admin'],
      query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }).strict(),
      responses: { 200: { description: 'The messages written to the outbox folder', schema: OutboxSchema } },
      async handle({ query }) {
        return {
          status: 200,
          body: { messages: await listOutbox(outboxDir, { limit: query.limit as number }) },
        };
      },
    });
  }
  if (waitingTimes) routes.push(...reportingRoutes(waitingTimes, cases));
  routes.push(...adminRoutes(cases));
  for (const message of uniqueMessages()) routes.push(eventRoute(message, cases, waitingTimes));
  return routes;
}

/** One route per event; the path's `:name` segments are fields of the event. */
function eventRoute(
  message: EventMessage,
  cases: CaseService,
  waitingTimes?: WaitingTimesProjection,
): ApiRoute {
  const pathFields = [...message.route.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const schema = eventSchemaOf(message);
  const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>;
  const params = z.object({
    caseId: CaseIdParams.shape.caseId,
    ...Object.fromEntries(pathFields.map((field) => [field, shape[field]!])),
  });
  const bodyDoc = z.object(
    Object.fromEntries(Object.entries(shape).filter(([field]) => !pathFields.includes(field))),
  );
  const assignsCaseworker = message.type === 'caseworkerAssigned';
  return {
    method: 'post',
    path: `/api/v1/cases/:caseId/${message.route}`,
    operationId: message.updateName,
    summary: message.summary,
    description:
      'Applied by the case’s workflow (a Workflow Update with a validator): an event that does not fit the case is refused with 409 and the reason, and changes nothing. The answer carries the case as the event left it (its timeline and notifications are read with the case). With an Idempotency-Key, a retried request returns the first answer and the event is applied once; the same key with another request is refused with 422.' +
      (assignsCaseworker
        ? ' Over the caseload limit of the case’s ruleset the assignment is refused (409) or applied with a warning, as the ruleset says.'
        : ''),
    tag: 'Events',
    roles: message.roles.filter((role): role is Role => role !== 'integration' && role !== 'system'),
    params,
    body: schema,
    bodyDoc,
    idempotent: true,
    responses: {
      200: { description: 'Applied: the receipt and the case’s new state', schema: EventAnswerSchema },
      409: { description: 'Refused by the case, with the reason' },
      422: { description: 'The Idempotency-Key was used for another request' },
    },
    async handle({ principal, actor, params: path, body, idempotencyKey }) {
      const caseId = path.caseId as string;
      const answer = await cases.send(caseId, message.type, body, actor, {
        ...(idempotencyKey
          ? { idempotency: idempotencyFor(principal, caseId, message.updateName, idempotencyKey, body) }
          : {}),
      });
      // The answer carries the case as the event left it: its waiting-time steps, with no extra read.
      await waitingTimes?.record(answer.case);
      return {
        status: 200,
        body: {
          event: answer.event,
          case: toCaseView(answer.case, principal),
          ...(answer.warnings?.length ? { warnings: answer.warnings } : {}),
        },
      };
    },
  };
}

function uniqueMessages(): EventMessage[] {
  return Object.values(allEventMessages);
}

function requireMunicipality(principal: Principal, municipality: string, what: Text): void {
  if (actsFor(principal, municipality)) return;
  throw new HttpProblem({
    status: 403,
    title: msg('problem.forbidden'),
    detail: msg('problem.outside-municipality', { what, municipality, yours: principal.municipality }),
  });
}

/** A person sees their own municipality; an administrator any, or all. */
function scopeMunicipality(principal: Principal, requested: string | undefined): string | undefined {
  if (principal.municipality === '*') return requested;
  if (requested && requested !== principal.municipality) {
    throw new HttpProblem({
      status: 403,
      title: msg('problem.forbidden'),
      detail: msg('problem.your-municipality', { municipality: principal.municipality }),
    });
  }
  return principal.municipality;
}
