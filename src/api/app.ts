import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { z } from 'zod';
import {
  CaseAlreadyExistsError,
  CaseloadLimitError,
  CaseNotFoundError,
  type CaseService,
  CaseUnavailableError,
  EventRefusedError,
  ForbiddenCaseError,
  IdempotencyKeyReusedError,
  InvalidPageTokenError,
  WrongKindOfCaseError,
} from '../client/case-service';
import type { Principal, TokenRegistry } from '../config/api-tokens';
import type { Actor, Ruleset } from '../domain';
import { createHttpMetrics, type HttpMetrics } from '../observability/http-metrics';
import { createLogger, type Logger } from '../observability/logger';
import { createWaitingTimesProjection, type WaitingTimesProjection } from '../reporting/projection';
import { openDatabase } from '../store/database';
import { createWebRouter, type WebOptions, webOptionsFromEnvironment } from '../web/router';
import { type ApiLanguage, parseOptions, requestLanguage } from './language';
import { buildOpenApiDocument } from './openapi';
import { HttpProblem, type Problem, sendProblem } from './problem';
import { type ApiRoute, buildRoutes } from './routes';
import { messageFromEnglish, msg, renderTexts } from '../domain/messages';

export interface ApiDependencies {
  cases: CaseService;
  /** The ruleset new cases are pinned to (when `rulesets` is absent). */
  ruleset: Ruleset;
  /** Every configured ruleset version: a new case is pinned to the one in force on its day. */
  rulesets?: Ruleset[];
  tokens: TokenRegistry;
  /** The embedded default's mail outbox folder, listed at /api/v1/outbox. */
  outboxDir?: string;
  /** One JSON line per request: who, what, how it went. Never personal data. */
  logger?: Logger;
  /** Prometheus metrics, served at /metrics. */
  metrics?: HttpMetrics;
  /** True once the process is stopping: /readyz then answers 503 so no new traffic is sent. */
  isStopping?: () => boolean;
  /** The waiting-times projection (src/reporting); without it, one in an in-memory SQLite database. */
  waitingTimes?: WaitingTimesProjection;
  /** The staff pages at `/` (src/web); without it, their settings come from the environment (RF_OIDC_*). */
  web?: WebOptions;
}

/** Swagger UI's files, from its npm package: the docs page works without the internet. */
const swaggerUiAssets = dirname(require.resolve('swagger-ui-dist/package.json'));

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

export function createApp(dependencies: ApiDependencies): express.Express {
  const { cases, tokens } = dependencies;
  const logger = dependencies.logger ?? createLogger('info', 'api');
  const metrics = dependencies.metrics ?? createHttpMetrics();
  const routes = buildRoutes({
    ...dependencies,
    waitingTimes:
      dependencies.waitingTimes ??
      createWaitingTimesProjection(openDatabase({ sqlitePath: ':memory:' }), logger),
  });
  const openApi = buildOpenApiDocument(routes);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestLog(logger));
  app.use(metrics.middleware);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (req, res) => {
    if (dependencies.isStopping?.())
      return sendProblem(res, { status: 503, title: msg('problem.stopping') }, requestLanguage(req));
    const ready = await cases.ready();
    if (ready) res.json({ status: 'ready' });
    else sendProblem(res, { status: 503, title: msg('problem.temporal-unreachable') }, requestLanguage(req));
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.get('/docs', (_req, res) => {
    res.type('html').send(docsPage);
  });
  app.use('/docs/assets', express.static(swaggerUiAssets, { index: false }));

  app.use('/api', authenticate(tokens), requireJsonBody, express.json({ limit: '64kb' }));
  for (const route of routes) app[route.method](route.path, handler(route));
  app.use(createWebRouter({ routes, tokens, logger, ...(dependencies.web ?? webOptionsFromEnvironment()) }));

  app.use((req, res) =>
    sendProblem(res, { status: 404, title: msg('problem.not-found') }, requestLanguage(req)),
  );
  app.use(errorHandler(logger));
  return app;
}

function handler(route: ApiRoute) {
  return async (req: Request, res: Response) => {
    const principal = res.locals.principal as Principal;
    if (!route.roles.includes(principal.role)) {
      throw new HttpProblem({
        status: 403,
        title: msg('problem.forbidden'),
        detail: msg('problem.role-cannot', {
          role: msg(`role.${principal.role}`),
          route: `${route.method.toUpperCase()} ${route.path}`,
        }),
      });
    }
    const language = requestLanguage(req);
    const params = route.params ? parse(route.params, req.params, 'path', language) : {};
    const query = route.query ? parse(route.query, req.query, 'query', language) : {};
    // Events carry their IDs in the path: validate the body with them, as the workflow will.
    const pathFields = Object.fromEntries(Object.entries(params).filter(([name]) => name !== 'caseId'));
    const body = route.body
      ? parse(route.body, { ...(req.body ?? {}), ...pathFields }, 'body', language)
      : undefined;
    const idempotencyKey = req.header('Idempotency-Key');
    if (idempotencyKey !== undefined && (!route.idempotent || !IDEMPOTENCY_KEY.test(idempotencyKey))) {
      throw new HttpProblem({
        status: 400,
        title: msg('problem.invalid-request'),
        errors: [{ field: 'Idempotency-Key', message: msg('problem.idempotency-key-shape') }],
      });
    }
    const actor: Actor = { id: principal.person, role: principal.role, municipality: principal.municipality };
    res.locals.caseId = params.caseId;
    const result = await route.handle({
      principal,
      actor,
      params: params as Record<string, unknown>,
      query: query as Record<string, unknown>,
      body,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
    // The case's messages (timeline, refusals, deadlines, warnings) in the caller's language.
    res.status(result.status).json(renderTexts(result.body, language));
  };
}

/** A part of a request checked against its schema: 400 with each invalid field, in the caller's language. */
export function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'path' | 'query' | 'body',
  language: ApiLanguage = 'da',
): z.output<S> {
  const result = schema.safeParse(value, parseOptions(language));
  if (result.success) return result.data;
  throw new HttpProblem({
    status: 400,
    title: msg('problem.invalid-request'),
    detail: msg(`problem.invalid-${where}`),
    errors: result.error.issues.map((issue) => ({
      field:
        [
          ...issue.path.map(String),
          ...(issue.code === 'unrecognized_keys' ? [issue.keys.join(', ')] : []),
        ].join('.') || `(${where})`,
      // The schemas' own rules are English; the table has them in both languages (zod's are Danish already).
      message: messageFromEnglish(issue.message, 'field.') ?? issue.message,
    })),
  });
}

/** A body must be JSON: anything else is refused before it is read (415). */
function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !req.is('application/json')) {
    next(
      new HttpProblem({
        status: 415,
        title: msg('problem.unsupported-media-type'),
        detail: msg('problem.send-json'),
      }),
    );
    return;
  }
  next();
}

function authenticate(tokens: TokenRegistry) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.header('Authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/.exec(header);
    const principal = match ? tokens.authenticate(match[1]!) : undefined;
    if (!principal) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="ressourceforloeb"');
      next(
        new HttpProblem({
          status: 401,
          title: msg('problem.unauthorized'),
          detail: msg('problem.bearer-token-required'),
        }),
      );
      return;
    }
    res.locals.principal = principal;
    next();
  };
}

function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const given = req.header('X-Request-Id') ?? '';
    const requestId = /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const principal = res.locals.principal as Principal | undefined;
      logger.info(
        {
          requestId,
          method: req.method,
          route: (req.route?.path as string | undefined) ?? 'unmatched',
          status: res.statusCode,
          ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
          ...(principal ? { person: principal.person, role: principal.role } : {}),
          ...(res.locals.caseId ? { caseId: res.locals.caseId } : {}),
        },
        'request',
      );
    });
    next();
  };
}

function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const problem = toProblem(error);
    if (problem.status >= 500 && !(error instanceof HttpProblem)) {
      // The error's kind and code only: a message could quote what a user sent.
      logger.error(
        {
          requestId: res.locals.requestId,
          error: error instanceof Error ? error.name : typeof error,
          code: (error as { code?: unknown }).code,
        },
        'request failed',
      );
    }
    sendProblem(res, problem, requestLanguage(req));
  };
}

/** Every error as an RFC 9457 problem; what a user sent wrong is never a 500. */
export function toProblem(error: unknown): Problem {
  if (error instanceof HttpProblem) return error.problem;
  if (error instanceof CaseNotFoundError)
    return { status: 404, title: msg('problem.case-not-found'), detail: error.text };
  if (error instanceof CaseAlreadyExistsError)
    return { status: 409, title: msg('problem.case-exists'), detail: error.text };
  if (error instanceof EventRefusedError)
    return { status: 409, title: msg('problem.event-refused'), detail: error.reason };
  if (error instanceof CaseloadLimitError)
    return { status: 409, title: msg('problem.caseload-limit'), detail: error.text };
  if (error instanceof IdempotencyKeyReusedError)
    return { status: 422, title: msg('problem.idempotency-key-reused'), detail: error.text };
  if (error instanceof InvalidPageTokenError)
    return {
      status: 400,
      title: msg('problem.invalid-request'),
      detail: msg('problem.invalid-query'),
      errors: [{ field: 'pageToken', message: error.text }],
    };
  if (error instanceof WrongKindOfCaseError)
    return { status: 409, title: msg('problem.wrong-kind'), detail: error.text };
  if (error instanceof ForbiddenCaseError)
    return { status: 403, title: msg('problem.forbidden'), detail: error.text };
  if (error instanceof CaseUnavailableError)
    return { status: 503, title: msg('problem.case-unavailable'), detail: error.text };
  const { status, type } = error as { status?: number; type?: string };
  const code =
    (error as { code?: number }).code ?? ((error as Error).cause as { code?: number } | undefined)?.code;
  if (type === 'entity.parse.failed')
    return { status: 400, title: msg('problem.invalid-request'), detail: msg('problem.invalid-json') };
  if (type === 'entity.too.large')
    return { status: 413, title: msg('problem.too-large'), detail: msg('problem.body-limit') };
  if (typeof status === 'number' && status >= 400 && status < 500)
    return { status, title: msg('problem.bad-request', { status }) };
  // gRPC UNAVAILABLE (14) or DEADLINE_EXCEEDED (4): Temporal cannot be reached just now.
  if (
    code === 14 ||
    code === 4 ||
    /ECONNREFUSED|UNAVAILABLE|DEADLINE_EXCEEDED/.test((error as Error)?.message ?? '')
  ) {
    return { status: 503, title: msg('problem.temporal-unreachable'), detail: msg('problem.try-again') };
  }
  return { status: 500, title: msg('problem.internal') };
}

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ressourceforløb API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/openapi.json', dom_id: '#docs', persistAuthorization: true });</script>
</body></html>`;
