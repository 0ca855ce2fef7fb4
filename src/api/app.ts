import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  CaseAlreadyExistsError,
  CaseNotFoundError,
  type CaseService,
  EventRefusedError,
} from '../client/case-service';
import { type Actor, CaseIdSchema, OpenCaseSchema, type Ruleset } from '../domain';
import { caseEventMessages } from '../messages';
import { toCaseView } from './case-view';
import { HttpProblem, sendProblem } from './problem';

export interface ApiDependencies {
  cases: CaseService;
  /** The ruleset new cases are pinned to. */
  ruleset: Ruleset;
}

const API_ACTOR: Actor = { id: 'api', role: 'caseworker' };

export function createApp({ cases, ruleset }: ApiDependencies): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '100kb' }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.post('/api/v1/cases', async (req, res) => {
    const input = parse(OpenCaseSchema, req.body);
    await cases.open(input, ruleset, API_ACTOR);
    res
      .status(201)
      .location(`/api/v1/cases/${encodeURIComponent(input.caseId)}`)
      .json({ caseId: input.caseId });
  });

  app.get('/api/v1/cases/:caseId', async (req, res) => {
    const caseId = parse(CaseIdSchema, req.params.caseId, 'caseId');
    res.json(toCaseView(await cases.state(caseId)));
  });

  for (const message of Object.values(caseEventMessages)) {
    app.post(`/api/v1/cases/:caseId/${message.route}`, async (req, res) => {
      const { caseId: rawCaseId, ...pathFields } = req.params as Record<string, string>;
      const caseId = parse(CaseIdSchema, rawCaseId, 'caseId');
      const data = parse(message.schema, { ...(req.body ?? {}), ...pathFields });
      const receipt = await cases.send(caseId, message.type, data, API_ACTOR, req.header('Idempotency-Key'));
      res.json({ event: receipt, case: toCaseView(await cases.state(caseId)) });
    });
  }

  app.use((_req, res) => sendProblem(res, { status: 404, title: 'Not Found' }));
  app.use(errorHandler);
  return app;
}

function parse<S extends z.ZodType>(schema: S, value: unknown, field?: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new HttpProblem({
    status: 400,
    title: 'Invalid request',
    errors: result.error.issues.map((issue) => ({
      field: [field, ...issue.path].filter((part) => part !== undefined).join('.') || '(body)',
      message: issue.message,
    })),
  });
}

function errorHandler(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (error instanceof HttpProblem) return sendProblem(res, error.problem);
  if (error instanceof CaseNotFoundError)
    return sendProblem(res, { status: 404, title: 'Case not found', detail: error.message });
  if (error instanceof CaseAlreadyExistsError)
    return sendProblem(res, { status: 409, title: 'Case exists', detail: error.message });
  if (error instanceof EventRefusedError)
    return sendProblem(res, { status: 409, title: 'Event refused', detail: error.reason });
  const status = (error as { status?: number; statusCode?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return sendProblem(res, { status, title: (error as Error).message });
  }
  console.error('unhandled API error', error instanceof Error ? error.name : typeof error);
  sendProblem(res, { status: 500, title: 'Internal Server Error' });
}
