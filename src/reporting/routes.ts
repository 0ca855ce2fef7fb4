import { z } from 'zod';
import type { CaseService } from '../client/case-service';
import type { Principal } from '../config/api-tokens';
import { HttpProblem } from '../api/problem';
import type { ApiRoute } from '../api/routes';
import type { WaitingTimesProjection } from './projection';
import { rebuildWaitingTimes } from './rebuild';
import { REPORT_KINDS, STEPS } from './waiting-times';
import { msg } from '../domain/messages';

const days = z.number().nullable();

const StepFiguresSchema = z
  .object({
    step: z.enum(STEPS),
    done: z
      .object({ n: z.number().int(), medianDays: days, p90Days: days })
      .strict()
      .meta({ description: 'Steps done, and how many days they took' }),
    stillWaiting: z
      .object({ n: z.number().int(), medianDays: days })
      .strict()
      .meta({ description: 'Open cases whose step is not done: the days waited so far' }),
    endedWithout: z.number().int().meta({ description: 'Cases that ended before the step happened' }),
  })
  .strict();

export const WaitingTimesSchema = z
  .object({
    asOf: z.string(),
    endedSince: z
      .string()
      .meta({ description: 'Open cases and cases ended since this instant (the last 12 months) count' }),
    municipalities: z.array(
      z
        .object({
          municipality: z.string(),
          cases: z.number().int(),
          kinds: z.array(
            z
              .object({
                kind: z.enum(REPORT_KINDS),
                cases: z.number().int(),
                steps: z.array(StepFiguresSchema),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();

export const WaitingTimesQuery = z
  .object({
    municipality: z
      .string()
      .regex(/^\d{3}$/, 'den trecifrede kommunekode, fx 101')
      .optional()
      .meta({
        description: 'An administrator picks a municipality (all without); a supervisor sees their own',
      }),
  })
  .strict();

export const RebuildSchema = z
  .object({
    cases: z.number().int(),
    unreadable: z.number().int(),
    rows: z.number().int(),
    ms: z.number(),
  })
  .strict();

/** The waiting-times report and its rebuild, as routes of the API's table. */
export function reportingRoutes(projection: WaitingTimesProjection, cases: CaseService): ApiRoute[] {
  return [
    {
      method: 'get',
      path: '/api/v1/reports/waiting-times',
      operationId: 'getWaitingTimes',
      summary:
        'Waiting times between the steps of cases: median and 90th percentile in days, per municipality',
      description:
        'Seed 001 §9: the waits to the team meeting, a decision, a coordinating caseworker and a first measure are measured and chased. Over open cases and cases ended in the last 12 months, from the reporting projection (eventually consistent: see README "Waiting times"). Open cases still waiting for a step are counted separately, with how long they have waited so far.',
      tag: 'Reports',
      roles: ['supervisor', 'admin'],
      query: WaitingTimesQuery,
      responses: { 200: { description: 'The figures', schema: WaitingTimesSchema } },
      async handle({ principal, query }) {
        const municipality = ownMunicipality(principal, query.municipality as string | undefined);
        return { status: 200, body: await projection.report(Date.now(), municipality) };
      },
    },
    {
      method: 'post',
      path: '/api/v1/reports/waiting-times/rebuild',
      operationId: 'rebuildWaitingTimes',
      summary: 'Rebuild the waiting-times projection from the case workflows',
      description:
        'Reads every case (open and closed, within retention) by a query of its workflow and writes its steps again: mends what the API did not write (a crash between an event and its write, changes the cases made on their own timers). Answers when done.',
      tag: 'Reports',
      roles: ['admin'],
      body: z.object({}).strict(),
      responses: { 200: { description: 'Rebuilt', schema: RebuildSchema } },
      async handle() {
        return { status: 200, body: await rebuildWaitingTimes(projection, cases) };
      },
    },
  ];
}

/** A supervisor reads their own municipality; an administrator any one, or all. */
function ownMunicipality(principal: Principal, requested: string | undefined): string | undefined {
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
