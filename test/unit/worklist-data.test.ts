import { z } from 'zod';
import type { ApiRoute } from '../../src/api/routes';
import type { CaseSummary } from '../../src/client/visibility';
import { pageDataFromRoutes } from '../../src/web/data';

/**
 * The worklist is built from the list's rows alone: overdue deadlines from the overdue filter,
 * open escalations from the escalated cases' rows, counts from countCases. It reads no case, so its
 * cost does not grow with the cases it shows.
 */
const summary = (over: Partial<CaseSummary> & Pick<CaseSummary, 'caseId'>): CaseSummary => ({
  kind: 'ressourceforloeb',
  phase: 'in-course',
  municipality: '101',
  caseworker: 'sara.caseworker',
  ruleset: 'seeds-2017@2',
  outcome: null,
  nextDeadlineAt: '2027-12-01T00:00:00.000Z',
  nextDeadlineKind: 'real-offer',
  escalated: false,
  overdueSince: null,
  overdueDeadlines: [],
  escalations: [],
  status: 'running',
  openedAt: '2027-01-01T00:00:00.000Z',
  ...over,
});

const late = summary({
  caseId: 'LATE-1',
  escalated: true,
  overdueSince: '2027-02-01T00:00:00.000Z',
  overdueDeadlines: ['first-measure'],
  escalations: [
    {
      id: 'esc-1',
      level: 1,
      levelRole: 'supervisor',
      cause: 'first-measure',
      since: '2027-02-01T00:00:00.000Z',
    },
  ],
});
const calm = summary({ caseId: 'CALM-1', caseworker: 'ole.caseworker' });

function routes(listed: Array<Record<string, unknown>>): ApiRoute[] {
  const route = (
    operationId: string,
    handle: ApiRoute['handle'],
    query?: z.ZodObject,
    params?: z.ZodObject,
  ): ApiRoute => ({
    method: 'get',
    path: `/${operationId}`,
    operationId,
    summary: operationId,
    tag: 'test',
    roles: ['caseworker', 'supervisor', 'admin'],
    ...(query ? { query } : {}),
    ...(params ? { params } : {}),
    responses: {},
    handle,
  });
  return [
    route(
      'listCases',
      async ({ query }) => {
        listed.push(query);
        const rows = query.overdue ? [late] : query.escalated ? [late] : [calm, late];
        return { status: 200, body: { cases: rows, nextPageToken: null } };
      },
      z.object({}).catchall(z.string()),
    ),
    route('countCases', async () => ({
      status: 200,
      body: { counts: [{ kind: 'ressourceforloeb', phase: 'in-course', openCases: 2 }] },
    })),
    route('getCase', async () => {
      throw new Error('the worklist must not read a case');
    }),
    route(
      'getCaseload',
      async ({ params }) => ({
        status: 200,
        body: { openCases: params.caseworkerId === 'sara.caseworker' ? 31 : 4, limit: 30 },
      }),
      undefined,
      z.object({ caseworkerId: z.string() }),
    ),
    route('acknowledgeEscalation', async () => ({ status: 200, body: {} })),
  ];
}

test('overdue deadlines and open escalations come from the list rows; no case is read', async () => {
  const listed: Array<Record<string, unknown>> = [];
  const data = pageDataFromRoutes(routes(listed));
  const worklist = await data.worklist(
    { person: 'lone.supervisor', role: 'supervisor', municipality: '101' },
    {},
    new Date('2027-03-01T00:00:00.000Z'),
  );
  expect(worklist.overdue).toEqual([
    {
      caseId: 'LATE-1',
      caseworker: 'sara.caseworker',
      deadlineKinds: ['first-measure'],
      since: '2027-02-01T00:00:00.000Z',
    },
  ]);
  expect(worklist.escalations).toEqual([
    { caseId: 'LATE-1', caseworker: 'sara.caseworker', escalation: late.escalations[0] },
  ]);
  expect(worklist.counts).toEqual([{ kind: 'ressourceforloeb', phase: 'in-course', openCases: 2 }]);
  expect(worklist.caseload).toEqual([
    { caseworker: 'sara.caseworker', openCases: 31, limit: 30 },
    { caseworker: 'ole.caseworker', openCases: 4, limit: 30 },
  ]);
  // The page's rows: a breached deadline marks the case overdue though its next deadline lies ahead.
  expect(worklist.cases.map((row) => [row.caseId, row.overdue])).toEqual([
    ['CALM-1', false],
    ['LATE-1', true],
  ]);
  expect(listed.filter((query) => query.overdue === 'true')).toHaveLength(1);
});
