import type { ApiRoute } from '../api/routes';
import { HttpProblem } from '../api/problem';
import type { CaseSummary } from '../client/visibility';
import type { Principal } from '../config/api-tokens';
import type { Deadline } from '../domain/engine/deadlines';
import type { Escalation, TimelineEntry } from '../domain/engine/case';
import { msg } from '../domain/messages';

/**
 * Everything the pages read, in one place. Today it is built on what the API has: the list through
 * visibility (`listCases`) and one case's state (`getCase`), called through the API's own route table,
 * so a signed-in person is checked exactly as their API token would be (role, municipality, the
 * query's validation) and a supervisor sees CPR numbers masked as the API masks them. When the list
 * grows what the worklist needs (overdue since, escalation details, counts), this module is what
 * changes; the pages take the shapes below.
 */
export interface WorklistQuery {
  kind?: string;
  phase?: string;
  caseworker?: string;
  escalated?: boolean;
  /** A day, YYYY-MM-DD: the next deadline falls before its start (Danish time). */
  deadlineBefore?: string;
  pageToken?: string;
}

export interface WorklistRow extends CaseSummary {
  /** The next deadline has passed. */
  overdue: boolean;
  /** The signed-in caseworker is the case's coordinating caseworker. */
  mine: boolean;
}

/** An escalation not yet acknowledged, on one of the cases the worklist read (see `escalations`). */
export interface OpenEscalationRow {
  caseId: string;
  caseworker: string | null;
  escalation: Escalation;
  /** The kind of the deadline whose breach raised it (its Danish label is in labels.ts). */
  deadlineKind: string;
}

/** A deadline that has passed and is not met, on one of the cases the worklist read. */
export interface OverdueRow {
  caseId: string;
  caseworker: string | null;
  deadline: Deadline;
  /** When it was breached (or, before the case noticed, when it fell due). */
  since: string;
}

/** A coordinating caseworker's open cases in the municipality, against the ruleset's limit. */
export interface CaseloadRow {
  caseworker: string;
  openCases: number;
  limit: number;
}

export interface Worklist {
  /**
   * Open escalations and overdue deadlines of the cases this request listed (the escalated cases'
   * first page, the caseworker's own first page and the page shown): the list (visibility) carries
   * neither, so each of those cases is read through getCase. Cases on other pages are not in them.
   */
  escalations: OpenEscalationRow[];
  overdue: OverdueRow[];
  /** The coordinating caseworkers of the cases listed, each with their whole open caseload. */
  caseload: CaseloadRow[];
  /** A caseworker's own open cases (first page), shown before the rest; absent for others. */
  mine?: WorklistRow[];
  /** Open cases with an unacknowledged escalation (first page). */
  escalated: WorklistRow[];
  /** The filtered list, one page, by next deadline. */
  cases: WorklistRow[];
  nextPageToken: string | null;
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
}

export interface PageData {
  worklist(principal: Principal, query: WorklistQuery, now: Date): Promise<Worklist>;
  caseView(principal: Principal, caseId: string): Promise<CasePageView>;
  /** The escalationAcknowledged event, through the API's acknowledgeEscalation route. */
  acknowledgeEscalation(principal: Principal, caseId: string, escalationId: string): Promise<void>;
}

const PAGE_SIZE = 50;

export function pageDataFromRoutes(routes: ApiRoute[]): PageData {
  const listCases = routeOf(routes, 'listCases');
  const getCase = routeOf(routes, 'getCase');
  const getCaseload = routeOf(routes, 'getCaseload');
  const acknowledge = routeOf(routes, 'acknowledgeEscalation');
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
      const [page, escalated, mine] = await Promise.all([
        list(principal, {
          ...filters,
          ...(query.escalated ? { escalated: 'true' } : {}),
          ...(query.pageToken ? { pageToken: query.pageToken } : {}),
        }),
        query.pageToken ? undefined : list(principal, { ...filters, escalated: 'true' }),
        ownFirst ? list(principal, { ...filters, caseworker: principal.person }) : undefined,
      ]);
      const row = (summary: CaseSummary): WorklistRow => ({
        ...summary,
        overdue: summary.nextDeadlineAt !== null && new Date(summary.nextDeadlineAt) < now,
        mine: summary.caseworker === principal.person,
      });
      const rows = (cases: CaseSummary[]) => cases.map(row).sort(byNextDeadline);
      const listed = new Map<string, CaseSummary>();
      for (const summary of [...(escalated?.cases ?? []), ...(mine?.cases ?? []), ...page.cases])
        listed.set(summary.caseId, summary);
      const views = await inBatches([...listed.keys()], 8, async (caseId) => {
        try {
          return await view(principal, caseId);
        } catch {
          // Closed or gone since the list was read: it has nothing to show here.
          return undefined;
        }
      });
      const escalations: OpenEscalationRow[] = [];
      const overdue: OverdueRow[] = [];
      for (const caseView of views) {
        if (!caseView) continue;
        const caseworker = caseView.coordinatingCaseworker?.id ?? null;
        for (const escalation of caseView.escalations)
          if (escalation.status === 'open')
            escalations.push({
              caseId: caseView.caseId,
              caseworker,
              escalation,
              deadlineKind:
                caseView.deadlines.find((deadline) => deadline.id === escalation.deadlineId)?.kind ??
                escalation.deadlineId.split(':')[0]!,
            });
        for (const deadline of caseView.deadlines) {
          const breached = deadline.status === 'breached';
          const due = deadline.status === 'pending' && new Date(deadline.dueAt) < now;
          if (breached || due)
            overdue.push({
              caseId: caseView.caseId,
              caseworker,
              deadline,
              since: (breached ? deadline.breachedAt : undefined) ?? deadline.dueAt,
            });
        }
      }
      escalations.sort((a, b) => a.escalation.raisedAt.localeCompare(b.escalation.raisedAt));
      overdue.sort((a, b) => a.since.localeCompare(b.since));
      const caseworkers = [
        ...new Set(
          [...listed.values()].map((summary) => summary.caseworker).filter((id): id is string => !!id),
        ),
      ].sort();
      const caseload = (
        await inBatches(caseworkers, 4, async (caseworkerId) => {
          const answer = (await callRoute(getCaseload, principal, { params: { caseworkerId } })) as {
            openCases: number;
            limit: number;
          };
          return { caseworker: caseworkerId, openCases: answer.openCases, limit: answer.limit };
        })
      ).sort((a, b) => b.openCases - a.openCases || a.caseworker.localeCompare(b.caseworker));
      return {
        escalations,
        overdue,
        caseload,
        ...(mine ? { mine: rows(mine.cases) } : {}),
        escalated: escalated ? rows(escalated.cases) : [],
        cases: rows(page.cases),
        nextPageToken: page.nextPageToken,
      };
    },
    caseView: view,
    async acknowledgeEscalation(principal, caseId, escalationId) {
      await callRoute(acknowledge, principal, { params: { caseId, escalationId }, body: {} });
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
  });
  return result.body;
}
