import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CaseService } from '../client/case-service';
import { allBuiltInVersions } from '../config/rulesets';
import { CASE_KINDS } from '../domain/engine/case';
import { phaseOut, type RunningCourse } from '../domain/phase-out';
import { HttpProblem } from './problem';
import type { ApiRoute } from './routes';

/**
 * Administrators' routes for a change of law: moving running cases to another ruleset version (a
 * dry run first, then the move; workflow `rulesetMoveRun`), and the phase-out of running courses.
 */
const version = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*@\d+$/, 'et regelsæt med version, fx law-2026@2')
  .meta({ example: 'law-2022@2' });

export const RulesetMoveBody = z
  .object({
    from: version.meta({ description: 'Move the open cases pinned to this version' }),
    to: version.meta({ description: 'The built-in ruleset version they move to', example: 'law-2026@2' }),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .meta({ description: 'Why (the law): written in each case’s audit timeline' }),
    apply: z
      .boolean()
      .default(false)
      .meta({ description: 'false (default): a dry run that changes nothing' }),
    municipality: z
      .string()
      .regex(/^\d{3}$/, 'den trecifrede kommunekode, fx 101')
      .optional(),
    kind: z.enum(CASE_KINDS).optional(),
    perSecond: z.number().min(0.1).max(1000).default(20).meta({ description: 'Rate limit: cases a second' }),
    moveId: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,80}$/, 'bogstaver, tal, punktum, bindestreg og understregning')
      .optional()
      .meta({ description: 'The move’s ID (generated when not given): a case is moved once per ID' }),
  })
  .strict();

const MoveIdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/) });

const ReportSchema = z
  .object({
    moveId: z.string(),
    apply: z.boolean(),
    from: z.string(),
    to: z.string(),
    status: z.enum(['running', 'done']),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    seen: z.number().int(),
    counts: z.record(z.string(), z.number().int()),
    cases: z.array(
      z
        .object({
          caseId: z.string(),
          outcome: z.enum(['would-move', 'moved', 'already-moved', 'cannot-move', 'failed']),
          reasons: z.array(z.string()).optional(),
          warnings: z.array(z.string()).optional(),
          moved: z.number().int().optional(),
          appear: z.number().int().optional(),
          fallAway: z.number().int().optional(),
          letters: z.number().int().optional(),
        })
        .strict(),
    ),
    casesLeftOut: z.number().int(),
  })
  .strict();

const PhaseOutSchema = z
  .object({
    asOf: z.string(),
    municipalities: z.array(
      z
        .object({
          municipality: z.string(),
          running: z.number().int(),
          byMonth: z.record(z.string(), z.number().int()),
        })
        .strict(),
    ),
  })
  .strict();

export function adminRoutes(cases: CaseService): ApiRoute[] {
  return [
    {
      method: 'post',
      path: '/api/v1/admin/ruleset-moves',
      operationId: 'startRulesetMove',
      summary:
        'Move the open cases of one ruleset version to another: a dry run by default, `apply: true` to move',
      description:
        'Starts a run over the open cases pinned to `from` (optionally of one municipality or kind): per case, which deadlines move, appear or fall away, which letters go out, or why it cannot move (a deadline already passed, a right the new version would void). With `apply: true` each case that can move is moved through its workflow, once per move ID, and the move is written in its audit timeline. Rate limited; resumable. Follow it at the returned href.',
      tag: 'Administration',
      roles: ['admin'],
      body: RulesetMoveBody,
      responses: {
        202: {
          description: 'Started (or, for a move ID already started, found)',
          schema: z.object({ id: z.string(), href: z.string(), apply: z.boolean(), started: z.boolean() }),
        },
        422: { description: 'An unknown ruleset version' },
      },
      async handle({ actor, body }) {
        const input = body as z.output<typeof RulesetMoveBody>;
        const to = allBuiltInVersions().get(input.to);
        if (!to)
          throw new HttpProblem({
            status: 422,
            title: 'Unprocessable Content',
            detail: `ukendt regelsæt "${input.to}": brug et af ${[...allBuiltInVersions().keys()].join(', ')}`,
          });
        if (input.from === input.to)
          throw new HttpProblem({
            status: 422,
            title: 'Unprocessable Content',
            detail: 'sagerne er allerede under dette regelsæt: "from" og "to" er ens',
          });
        const moveId = input.moveId ?? `move-${randomUUID()}`;
        const { started } = await cases.startRulesetMoveRun({
          moveId,
          from: input.from,
          ...(input.municipality ? { municipality: input.municipality } : {}),
          ...(input.kind ? { kind: input.kind } : {}),
          to,
          reason: input.reason,
          actor,
          apply: input.apply,
          perSecond: input.perSecond,
          concurrency: 10,
          pageSize: 100,
        });
        const href = `/api/v1/admin/ruleset-moves/${moveId}`;
        return {
          status: 202,
          body: { id: moveId, href, apply: input.apply, started },
          headers: { Location: href },
        };
      },
    },
    {
      method: 'get',
      path: '/api/v1/admin/ruleset-moves',
      operationId: 'listRulesetMoves',
      summary: 'The latest ruleset moves, newest first: each one’s progress or report, without the cases',
      tag: 'Administration',
      roles: ['admin'],
      responses: {
        200: {
          description: 'Up to five moves',
          schema: z.object({ moves: z.array(ReportSchema.omit({ cases: true })) }).strict(),
        },
      },
      async handle() {
        return { status: 200, body: { moves: await cases.recentRulesetMoves(5) } };
      },
    },
    {
      method: 'get',
      path: '/api/v1/admin/ruleset-moves/:id',
      operationId: 'getRulesetMove',
      summary: 'A ruleset move’s progress, or its report once done',
      tag: 'Administration',
      roles: ['admin'],
      params: MoveIdParams,
      responses: {
        200: { description: 'Progress or report', schema: ReportSchema },
        404: { description: 'No such move' },
      },
      async handle({ params }) {
        const report = await cases.rulesetMoveRunReport(params.id as string);
        if (!report)
          throw new HttpProblem({
            status: 404,
            title: 'Not Found',
            detail: `ingen flytning med id ${params.id as string}`,
          });
        return { status: 200, body: report };
      },
    },
    {
      method: 'get',
      path: '/api/v1/admin/phase-out',
      operationId: 'getPhaseOut',
      summary: 'Running ressourceforløb per municipality, by the month their granted period or maximum ends',
      description:
        'The phase-out a municipality must plan now that no new courses are granted (Lov nr. 1750 af 29. december 2025). Reads every running course (visibility, then each case): a full pass, for planning, not for a dashboard that refreshes often.',
      tag: 'Administration',
      roles: ['admin'],
      query: z
        .object({
          municipality: z
            .string()
            .regex(/^\d{3}$/, 'den trecifrede kommunekode, fx 101')
            .optional(),
        })
        .strict(),
      responses: { 200: { description: 'Per municipality, by month (YYYY-MM)', schema: PhaseOutSchema } },
      async handle({ query }) {
        const courses = await runningCourses(cases, query.municipality as string | undefined);
        return { status: 200, body: { asOf: new Date().toISOString(), municipalities: phaseOut(courses) } };
      },
    },
  ];
}

/** Every running course (in its course phase), with its granted periods and maximum. */
async function runningCourses(cases: CaseService, municipality?: string): Promise<RunningCourse[]> {
  const courses: RunningCourse[] = [];
  let token: string | undefined;
  do {
    const page = await cases.list(
      {
        status: 'open',
        kind: 'ressourceforloeb',
        phase: 'in-course',
        ...(municipality ? { municipality } : {}),
      },
      { size: 500, ...(token ? { token } : {}) },
    );
    for (let index = 0; index < page.cases.length; index += 8) {
      const views = await Promise.all(
        page.cases
          .slice(index, index + 8)
          .map((summary) => cases.stateOf(summary.caseId, 'ressourceforloeb')),
      );
      for (const view of views) {
        const maximum = view.deadlines.find((deadline) => deadline.kind === 'maximum-duration');
        courses.push({
          municipality: view.municipality,
          ...(view.course?.grants ? { grants: view.course.grants } : {}),
          ...(maximum ? { maximumEndsAt: maximum.dueAt } : {}),
        });
      }
    }
    token = page.nextPageToken ?? undefined;
  } while (token);
  return courses;
}
