import type { ApiRoute } from '../api/routes';
import { HttpProblem } from '../api/problem';
import type { CaseSummary, EscalationSummary } from '../client/visibility';
import type { Principal } from '../config/api-tokens';
import { allEventMessages } from '../messages';
import type { Deadline } from '../domain/engine/deadlines';
import type { Escalation, TimelineEntry } from '../domain/engine/case';
import type { RulesetMoveLine } from './ruleset-moves-section';
import { msg } from '../domain/messages';

/**
 * Everything the pages read, in one place, built on what the API has: the list through visibility
 * (`listCases`, whose rows carry the breached deadlines and open escalations the cases publish),
 * the counts by kind and phase (`countCases`), caseloads (`getCaseload`) and one case's state
 * (`getCase`), called through the API's own route table, so a signed-in person is checked exactly as
 * their API token would be (role, municipality, the query's validation) and a supervisor sees CPR
 * numbers masked as the API masks them. The worklist reads no case itself: its cost is a handful of
 * visibility queries, whatever the number of cases.
 */
export interface WorklistQuery {
  kind?: string;
  phase?: string;
  caseworker?: string;
  escalated?: boolean;
  /** Only cases with a breached deadline not yet met. */
  overdue?: boolean;
  /** A day, YYYY-MM-DD: the next deadline, or a breached one, falls before its start (Danish time). */
  deadlineBefore?: string;
  pageToken?: string;
}

export interface WorklistRow extends CaseSummary {
  /** A deadline has passed unmet: a breached one, or the next one (before the case noticed). */
  overdue: boolean;
  /** The signed-in caseworker is the case's coordinating caseworker. */
  mine: boolean;
}

/** An escalation not yet acknowledged (from the list of escalated cases, first page). */
export interface OpenEscalationRow {
  caseId: string;
  caseworker: string | null;
  escalation: EscalationSummary;
}

/** A case with breached deadlines not yet met (from the list's overdue filter, first page). */
export interface OverdueRow {
  caseId: string;
  caseworker: string | null;
  /** The kinds of its breached deadlines (their Danish labels are in labels.ts). */
  deadlineKinds: string[];
  /** When the earliest of them fell due. */
  since: string;
}

/** A coordinating caseworker's open cases in the municipality, against the ruleset's limit. */
export interface CaseloadRow {
  caseworker: string;
  openCases: number;
  limit: number;
}

/** How many open cases of a kind are in a phase. */
export interface CaseCountRow {
  kind: string;
  phase: string;
  openCases: number;
}

export interface Worklist {
  /** Open escalations of the escalated cases (first page, by the filter's kind, phase and caseworker). */
  escalations: OpenEscalationRow[];
  /** Cases with breached deadlines (first page, by the same filter), the longest overdue first. */
  overdue: OverdueRow[];
  /** Whether there are more overdue cases than `overdue` shows (the overdue filter lists them all). */
  moreOverdue: boolean;
  /** The coordinating caseworkers of the cases listed, each with their whole open caseload. */
  caseload: CaseloadRow[];
  /** Open cases by kind and phase, in the municipality (not filtered). */
  counts: CaseCountRow[];
  /** A caseworker's own open cases (first page), shown before the rest; absent for others. */
  mine?: WorklistRow[];
  /** Open cases with an unacknowledged escalation (first page). */
  escalated: WorklistRow[];
  /** The filtered list, one page, by next deadline. */
  cases: WorklistRow[];
  nextPageToken: string | null;
  /** For administrators: the latest moves of running cases to another ruleset version. */
  rulesetMoves?: RulesetMoveLine[];
  /** When the counts and caseloads shown were counted (they are reused for a short while). */
  countsAt: string;
}

export interface CasePageView {
  caseId: string;
  kind: string;
  municipality: string;
  phase: string;
  ruleset: { name: string; version: number };
  citizen: { name: string; cpr: string };
  coordinatingCaseworker?: { id: string; name: string };
  deadlines: Deadline[];
  nextDeadlineAt: string | null;
  escalations: Escalation[];
  openEscalations: number;
  timeline: TimelineEntry[];
  /** When the case was opened (its first timeline entry): where its deadline chart starts. */
  openedAt?: string;
}

export interface PageData {
  worklist(principal: Principal, query: WorklistQuery, now: Date): Promise<Worklist>;
  caseView(principal: Principal, caseId: string): Promise<CasePageView>;
  /** The escalationAcknowledged event, through the API's acknowledgeEscalation route. */
  acknowledgeEscalation(principal: Principal, caseId: string, escalationId: string): Promise<void>;
  /**
   * An event from a case page's form, through the API's route for it (the same checks and the same
   * code path as the API): the path's fields (an offer's ID …) go in the path, the rest in the body.
   * With the form's idempotency key, a double submit records the event once.
   */
  recordEvent(
    principal: Principal,
    caseId: string,
    type: string,
    data: Record<string, unknown>,
    idempotencyKey: string,
  ): Promise<void>;
}

const PAGE_SIZE = 50;

/**
 * How long the worklist reuses its counts by kind and phase and the caseworkers' caseloads: 14
 * visibility counts and one per caseworker are most of a render's cost, and a figure half a minute
 * old is as good for planning (the page says when they were counted). The lists are read every time.
 */
export const COUNTS_TTL_MS = 30_000;

export interface PageDataOptions {
  /** How long counts and caseloads are reused, in ms (0: counted on every render). */
  countsTtlMs?: number;
}

/**
 * A small in-memory cache of figures by key (role and municipality, and caseworker): an entry is reused
 * until it is `ttl` old; loads under way are shared; a failed load is not kept.
 */
function figureCache<T>(ttl: number) {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return async (key: string, now: number, load: () => Promise<T>): Promise<{ value: T; at: number }> => {
    const entry = entries.get(key);
    if (entry && now - entry.at < ttl && now >= entry.at) return { value: await entry.value, at: entry.at };
    if (entries.size >= 10_000) {
      for (const [old, { at }] of entries) if (now - at >= ttl) entries.delete(old);
    }
    const value = load();
    const fresh = { at: now, value };
    if (ttl > 0) entries.set(key, fresh);
    value.catch(() => {
      if (entries.get(key) === fresh) entries.delete(key);
    });
    return { value: await value, at: now };
  };
}

export function pageDataFromRoutes(routes: ApiRoute[], options: PageDataOptions = {}): PageData {
  const ttl = options.countsTtlMs ?? COUNTS_TTL_MS;
  const countsCache = figureCache<CaseCountRow[]>(ttl);
  const caseloadCache = figureCache<{ openCases: number; limit: number }>(ttl);
  const listCases = routeOf(routes, 'listCases');
  const countCases = routeOf(routes, 'countCases');
  const getCase = routeOf(routes, 'getCase');
  const getCaseload = routeOf(routes, 'getCaseload');
  const acknowledge = routeOf(routes, 'acknowledgeEscalation');
  const listRulesetMoves = routes.find((route) => route.operationId === 'listRulesetMoves');
  const view = async (principal: Principal, caseId: string) =>
    (await callRoute(getCase, principal, { params: { caseId } })) as CasePageView;

  const list = async (principal: Principal, query: Record<string, string>) =>
    (await callRoute(listCases, principal, { query })) as {
      cases: CaseSummary[];
      nextPageToken: string | null;
    };

  return {
    async worklist(principal, query, now) {
      const filters: Record<string, string> = {
        status: 'open',
        pageSize: String(PAGE_SIZE),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.phase ? { phase: query.phase } : {}),
        ...(query.caseworker ? { caseworker: query.caseworker } : {}),
        ...(query.deadlineBefore
          ? { deadlineBefore: startOfDanishDay(query.deadlineBefore).toISOString() }
          : {}),
      };
      const ownFirst = principal.role === 'caseworker' && !query.caseworker && !query.pageToken;
      const firstPage = !query.pageToken;
      const [page, escalated, overdueCases, mine, counts] = await Promise.all([
        list(principal, {
          ...filters,
          ...(query.escalated ? { escalated: 'true' } : {}),
          ...(query.overdue ? { overdue: 'true' } : {}),
          ...(query.pageToken ? { pageToken: query.pageToken } : {}),
        }),
        firstPage ? list(principal, { ...filters, escalated: 'true' }) : undefined,
        firstPage ? list(principal, { ...filters, overdue: 'true' }) : undefined,
        ownFirst ? list(principal, { ...filters, caseworker: principal.person }) : undefined,
        countsCache(
          `${principal.role}:${principal.municipality}`,
          now.getTime(),
          async () => ((await callRoute(countCases, principal, {})) as { counts: CaseCountRow[] }).counts,
        ),
      ]);
      const moves =
        principal.role === 'admin' && firstPage && listRulesetMoves
          ? ((await callRoute(listRulesetMoves, principal, {})) as { moves: RulesetMoveLine[] }).moves
          : undefined;
      const row = (summary: CaseSummary): WorklistRow => ({
        ...summary,
        overdue:
          summary.overdueSince !== null ||
          (summary.nextDeadlineAt !== null && new Date(summary.nextDeadlineAt) < now),
        mine: summary.caseworker === principal.person,
      });
      const rows = (cases: CaseSummary[]) => cases.map(row).sort(byNextDeadline);
      const escalations: OpenEscalationRow[] = (escalated?.cases ?? [])
        .flatMap((summary) =>
          summary.escalations.map((escalation) => ({
            caseId: summary.caseId,
            caseworker: summary.caseworker,
            escalation,
          })),
        )
        .sort((a, b) => a.escalation.since.localeCompare(b.escalation.since));
      const overdue: OverdueRow[] = (overdueCases?.cases ?? [])
        .filter((summary) => summary.overdueSince !== null)
        .map((summary) => ({
          caseId: summary.caseId,
          caseworker: summary.caseworker,
          deadlineKinds: summary.overdueDeadlines,
          since: summary.overdueSince!,
        }))
        .sort((a, b) => a.since.localeCompare(b.since) || a.caseId.localeCompare(b.caseId));
      const listed = [
        ...(escalated?.cases ?? []),
        ...(overdueCases?.cases ?? []),
        ...(mine?.cases ?? []),
        ...page.cases,
      ];
      const caseworkers = [
        ...new Set(listed.map((summary) => summary.caseworker).filter((id): id is string => !!id)),
      ].sort();
      let countsAt = counts.at;
      const caseload = (
        await inBatches(caseworkers, 8, async (caseworkerId) => {
          const answer = await caseloadCache(
            `${principal.role}:${principal.municipality}:${caseworkerId}`,
            now.getTime(),
            async () =>
              (await callRoute(getCaseload, principal, { params: { caseworkerId } })) as {
                openCases: number;
                limit: number;
              },
          );
          countsAt = Math.min(countsAt, answer.at);
          return { caseworker: caseworkerId, openCases: answer.value.openCases, limit: answer.value.limit };
        })
      ).sort((a, b) => b.openCases - a.openCases || a.caseworker.localeCompare(b.caseworker));
      return {
        escalations,
        overdue,
        moreOverdue: Boolean(overdueCases?.nextPageToken),
        caseload,
        counts: counts.value,
        ...(mine ? { mine: rows(mine.cases) } : {}),
        escalated: escalated ? rows(escalated.cases) : [],
        cases: rows(page.cases),
        nextPageToken: page.nextPageToken,
        ...(moves ? { rulesetMoves: moves } : {}),
        countsAt: new Date(countsAt).toISOString(),
      };
    },
    caseView: async (principal, caseId) => {
      const caseView = await view(principal, caseId);
      const openedAt = caseView.timeline.reduce<string | undefined>(
        (first, entry) => (first === undefined || entry.at < first ? entry.at : first),
        undefined,
      );
      return { ...caseView, ...(openedAt ? { openedAt } : {}) };
    },
    async acknowledgeEscalation(principal, caseId, escalationId) {
      await callRoute(acknowledge, principal, { params: { caseId, escalationId }, body: {} });
    },
    async recordEvent(principal, caseId, type, data, idempotencyKey) {
      const message = allEventMessages[type];
      if (!message) throw new HttpProblem({ status: 404, title: 'Not Found' });
      const pathFields = [...message.route.matchAll(/:(\w+)/g)].map((match) => match[1]!);
      const params: Record<string, string> = { caseId };
      const body: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(data)) {
        if (pathFields.includes(field)) params[field] = String(value);
        else body[field] = value;
      }
      await callRoute(routeOf(routes, message.updateName), principal, { params, body, idempotencyKey });
    },
  };
}

/** `work` over `items`, at most `size` at a time, results in order. */
async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size)
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  return results;
}

/** Earliest next deadline first; cases without one last. Visibility pages are not ordered by it. */
function byNextDeadline(a: WorklistRow, b: WorklistRow): number {
  if (a.nextDeadlineAt === b.nextDeadlineAt) return a.caseId.localeCompare(b.caseId);
  if (a.nextDeadlineAt === null) return 1;
  if (b.nextDeadlineAt === null) return -1;
  return a.nextDeadlineAt.localeCompare(b.nextDeadlineAt);
}

/** Midnight in Copenhagen (CET or CEST) of a YYYY-MM-DD day. */
export function startOfDanishDay(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  // Copenhagen's hour at UTC midnight is its offset (1 or 2); its midnight came that many hours before.
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Copenhagen',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(utcMidnight),
  );
  return new Date(utcMidnight.getTime() - hour * 3_600_000);
}

function routeOf(routes: ApiRoute[], operationId: string): ApiRoute {
  const route = routes.find((candidate) => candidate.operationId === operationId);
  if (!route) throw new Error(`the API has no route ${operationId}`);
  return route;
}

/**
 * Calls an API route as the API's own handler does (src/api/app.ts): the role check, the zod
 * validation of path and query, then the route. Errors are the API's (HttpProblem, CaseNotFoundError …).
 */
export async function callRoute(
  route: ApiRoute,
  principal: Principal,
  input: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: Record<string, unknown>;
    idempotencyKey?: string;
  },
): Promise<unknown> {
  if (!route.roles.includes(principal.role)) {
    throw new HttpProblem({
      status: 403,
      title: msg('problem.forbidden'),
      detail: msg('problem.role-cannot', { role: msg(`role.${principal.role}`), route: route.path }),
    });
  }
  const parse = (schema: ApiRoute['body'], value: unknown, where: 'path' | 'query' | 'body') => {
    if (!schema) return {};
    const result = schema.safeParse(value);
    if (result.success) return result.data as Record<string, unknown>;
    throw new HttpProblem({
      status: 400,
      title: msg('problem.invalid-request'),
      detail: msg(`problem.invalid-${where}`),
      errors: result.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.') || `(${where})`,
        message: issue.message,
      })),
    });
  };
  const params = parse(route.params, input.params ?? {}, 'path');
  const query = parse(route.query, input.query ?? {}, 'query');
  // Events carry their IDs in the path: the body is validated with them, as app.ts does.
  const pathFields = Object.fromEntries(Object.entries(params).filter(([name]) => name !== 'caseId'));
  const body = route.body ? parse(route.body, { ...(input.body ?? {}), ...pathFields }, 'body') : undefined;
  const result = await route.handle({
    principal,
    actor: { id: principal.person, role: principal.role, municipality: principal.municipality },
    params,
    query,
    body,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
  return result.body;
}
