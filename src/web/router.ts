import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { toProblem } from '../api/app';
import { HttpProblem } from '../api/problem';
import type { ApiRoute } from '../api/routes';
import type { TokenRegistry } from '../config/api-tokens';
import { loadOidcConfig, OIDC_CALLBACK_PATH, type OidcConfig } from '../config/oidc';
import type { Logger } from '../observability/logger';
import { eventSchemaOf } from '../messages/schemas';
import { type CasePageView, type PageData, pageDataFromRoutes, type WorklistQuery } from './data';
import {
  actionsSection,
  caseEventForms,
  checkForm,
  eventLabel,
  type EventFormState,
  formData,
  formValues,
  type SentForm,
} from './event-forms';
import { type Html, html } from './html';
import { kindLabels, phaseLabels, phasesByKind, timelineLabels } from './labels';
import { DKFDS_ASSETS, DKFDS_DIST, staffCss, staffJs, WEB_ASSETS } from './layout';
import { OidcSignIn, principalFromClaims } from './oidc';
import { casePage, errorPage, signedOutPage, signInPage, worklistPage, type WorklistForm } from './pages';
import { WAITING_TIMES_PATH, waitingTimesPage } from './waiting-times-page';
import { csrfMatches, memorySessionStore, type Session, type SessionStore } from './sessions';
import { msg, render } from '../domain/messages';

/**
 * The staff pages, served by the API process at `/`: sign-in (the API's tokens in the embedded default,
 * the municipality's identity provider through OpenID Connect in production), the worklist and a case
 * page. A signed-in session is its person's Principal, so the pages read through the API's own routes
 * (data.ts) and act exactly as that person's token would.
 */
export interface WebOptions {
  /** OpenID Connect: the only way in when set. Without it, sign-in with an API token. */
  oidc?: OidcConfig;
  sessions?: SessionStore;
  data?: PageData;
  now?: () => Date;
}

export interface WebDependencies extends WebOptions {
  routes: ApiRoute[];
  tokens: TokenRegistry;
  logger: Logger;
}

/** The pages' settings from the environment (RF_OIDC_*): what createApp uses when it is given none. */
export function webOptionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): WebOptions {
  const oidc = loadOidcConfig(env);
  return oidc ? { oidc } : {};
}

const SESSION_COOKIE = 'rf_session';
/** Cookies named __Host- are refused by browsers unless Secure, on `/`, and without a domain. */
const SECURE_SESSION_COOKIE = '__Host-rf_session';
/** The OpenID Connect sign-in under way; SameSite=Lax so the provider's redirect back carries it. */
const OIDC_COOKIE = 'rf_oidc_login';
const OIDC_COOKIE_PATH = '/log-ind/oidc';
const OIDC_PENDING_MS = 10 * 60 * 1000;

/** What the API and its tools serve: the pages leave these paths alone. */
const NOT_PAGES = /^\/(api|docs|openapi\.json|metrics|healthz|readyz)(\/|$)/;

export function createWebRouter(dependencies: WebDependencies): express.Router {
  const { tokens, logger, oidc } = dependencies;
  const sessions = dependencies.sessions ?? memorySessionStore();
  const data = dependencies.data ?? pageDataFromRoutes(dependencies.routes);
  const now = dependencies.now ?? (() => new Date());
  const signIn = oidc ? new OidcSignIn(oidc) : undefined;
  const method = oidc ? 'oidc' : 'token';
  const formBody = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 20 });
  // A case page's forms carry prose (a decision's reasoning: 4,000 characters, æ ø å encoded).
  const eventFormBody = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 60 });

  const router = express.Router();

  router.use((req, _res, next) => {
    if (NOT_PAGES.test(req.path)) {
      next('router');
      return;
    }
    next();
  });

  // The design system from its npm package, under its version: browsers may keep it for good.
  router.use(DKFDS_ASSETS, express.static(DKFDS_DIST, { index: false, immutable: true, maxAge: '365d' }));
  router.get(`${WEB_ASSETS}/staff.css`, (_req, res) => {
    res.type('text/css').setHeader('Cache-Control', 'no-cache').send(staffCss);
  });
  router.get(`${WEB_ASSETS}/staff.js`, (_req, res) => {
    res.type('text/javascript').setHeader('Cache-Control', 'no-cache').send(staffJs);
  });

  // Browsers ask for it on every site; the service has no icon of its own.
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).setHeader('Cache-Control', 'max-age=86400').end();
  });

  // Every page: its security headers and the session, if any.
  const formTargets = ["'self'", ...(oidc ? [oidc.issuer.origin] : [])].join(' ');
  router.use((req, res, next) => {
    res.setHeader(
      'Content-Security-Policy',
      // form-action names the provider: sign-out is a form whose answer redirects there.
      `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action ${formTargets}`,
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    // Case IDs are in the URLs: no other site learns them from a Referer.
    res.setHeader('Referrer-Policy', 'same-origin');
    // Pages show personal data: no copy in the browser's or a proxy's cache.
    res.setHeader('Cache-Control', 'no-store');
    const id = readSessionCookie(req);
    const session = id ? sessions.get(id) : undefined;
    res.locals.webSession = session;
    // The API's request log names who asked, for pages too.
    if (session?.principal) res.locals.principal = session.principal;
    next();
  });

  const sessionOf = (res: Response) => res.locals.webSession as Session | undefined;

  /** The pages that need a signed-in person; anyone else is sent to sign in and brought back. */
  const signedIn = (req: Request, res: Response, next: NextFunction) => {
    if (sessionOf(res)?.principal) {
      next();
      return;
    }
    const back = req.originalUrl === '/' ? '' : `?naeste=${encodeURIComponent(req.originalUrl)}`;
    res.redirect(303, `/log-ind${back}`);
  };

  /** Synchronizer token: every form carries the session's CSRF token, or nothing happens (403). */
  const csrf = (req: Request, res: Response, next: NextFunction) => {
    const session = sessionOf(res);
    const given = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (session && csrfMatches(session, given)) {
      next();
      return;
    }
    logger.warn(
      { requestId: res.locals.requestId, path: req.path },
      'form refused: CSRF token missing or wrong',
    );
    sendPage(
      res,
      403,
      errorPage(
        session,
        403,
        'Handlingen blev ikke udført',
        'Formularen kunne ikke godkendes. Det sker, hvis siden har været åben længe, eller hvis du er blevet logget af i mellemtiden. Hent siden igen, og prøv en gang til.',
      ),
    );
  };

  const anonymousSession = (req: Request, res: Response): Session => {
    const existing = sessionOf(res);
    if (existing) return existing;
    const session = sessions.create();
    setSessionCookie(req, res, session);
    res.locals.webSession = session;
    return session;
  };

  const setSessionCookie = (req: Request, res: Response, session: Session) => {
    const secure = isSecure(req, oidc);
    res.cookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, session.id, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
    });
  };

  const clearSessionCookie = (req: Request, res: Response) => {
    const secure = isSecure(req, oidc);
    res.clearCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
    });
  };

  router.get('/log-ind', (req, res) => {
    if (sessionOf(res)?.principal) {
      res.redirect(303, localPath(req.query.naeste) ?? '/');
      return;
    }
    const session = anonymousSession(req, res);
    const next = localPath(req.query.naeste);
    sendPage(
      res,
      200,
      signInPage({
        session,
        method,
        ...(next ? { next } : {}),
      }),
    );
  });

  router.post('/log-ind', formBody, csrf, (req, res) => {
    if (method !== 'token') throw new HttpProblem({ status: 404, title: msg('problem.not-found') });
    const session = sessionOf(res)!;
    const body = req.body as Record<string, unknown>;
    const next = localPath(body.naeste);
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    const principal = token.length > 0 && token.length <= 512 ? tokens.authenticate(token) : undefined;
    if (!principal) {
      logger.warn({ requestId: res.locals.requestId, via: 'token' }, 'sign-in refused');
      sendPage(
        res,
        401,
        signInPage({
          session,
          method,
          ...(next ? { next } : {}),
          error:
            token.length === 0
              ? 'Skriv din adgangsnøgle.'
              : 'Adgangsnøglen er ikke gyldig. Tjek, at du har kopieret hele nøglen.',
        }),
      );
      return;
    }
    const signed = sessions.signIn(session, principal, { displayName: principal.person, via: 'token' });
    setSessionCookie(req, res, signed);
    res.locals.principal = principal;
    logger.info(
      { requestId: res.locals.requestId, person: principal.person, role: principal.role, via: 'token' },
      'signed in',
    );
    res.redirect(303, next ?? '/');
  });

  router.get('/log-ind/oidc', async (req, res) => {
    if (!signIn) throw new HttpProblem({ status: 404, title: msg('problem.not-found') });
    const next = localPath(req.query.naeste);
    let started: Awaited<ReturnType<OidcSignIn['start']>>;
    try {
      started = await signIn.start();
    } catch (error) {
      logger.warn(
        { requestId: res.locals.requestId, error: (error as Error).name },
        'identity provider not reachable',
      );
      sendPage(
        res,
        503,
        signInPage({
          session: anonymousSession(req, res),
          method,
          error: 'Kommunens login svarer ikke lige nu. Prøv igen om lidt.',
        }),
      );
      return;
    }
    // A session of its own for this sign-in, found again by a Lax cookie: the Strict session cookie
    // is not sent with the provider's redirect back (it comes from another site).
    const pending = sessions.create();
    pending.pendingOidc = { ...started.pending, startedAt: Date.now(), ...(next ? { next } : {}) };
    res.cookie(OIDC_COOKIE, pending.id, {
      httpOnly: true,
      sameSite: 'lax',
      secure: isSecure(req, oidc),
      path: OIDC_COOKIE_PATH,
      maxAge: OIDC_PENDING_MS,
    });
    res.redirect(303, started.url.href);
  });

  router.get(OIDC_CALLBACK_PATH, async (req, res) => {
    if (!signIn || !oidc) throw new HttpProblem({ status: 404, title: msg('problem.not-found') });
    res.clearCookie(OIDC_COOKIE, {
      httpOnly: true,
      sameSite: 'lax',
      secure: isSecure(req, oidc),
      path: OIDC_COOKIE_PATH,
    });
    const pendingId = readCookie(req, OIDC_COOKIE);
    const pendingSession = pendingId ? sessions.get(pendingId) : undefined;
    const pending = pendingSession?.pendingOidc;
    const refuse = (status: number, error: string, check: string) => {
      logger.warn({ requestId: res.locals.requestId, via: 'oidc', check }, 'sign-in refused');
      if (pendingSession) sessions.destroy(pendingSession.id);
      sendPage(res, status, signInPage({ session: anonymousSession(req, res), method, error }));
    };
    if (!pendingSession || !pending || Date.now() - pending.startedAt > OIDC_PENDING_MS) {
      refuse(
        400,
        'Login tog for lang tid, eller det blev startet i en anden fane. Prøv igen.',
        'no-pending-sign-in',
      );
      return;
    }
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    if (new URLSearchParams(query).has('error')) {
      refuse(401, 'Login blev afbrudt hos kommunens login. Prøv igen.', 'provider-error');
      return;
    }
    let answer: Awaited<ReturnType<OidcSignIn['finish']>>;
    try {
      answer = await signIn.finish(query, pending);
    } catch (error) {
      refuse(401, 'Login kunne ikke gennemføres. Prøv igen.', `answer:${(error as Error).name}`);
      return;
    }
    const verdict = principalFromClaims(answer.claims, oidc);
    if (!verdict.ok) {
      refuse(403, verdict.reason, verdict.check);
      return;
    }
    const signed = sessions.signIn(pendingSession, verdict.principal, {
      displayName: verdict.displayName,
      via: 'oidc',
      idToken: answer.idToken,
    });
    setSessionCookie(req, res, signed);
    res.locals.principal = verdict.principal;
    logger.info(
      {
        requestId: res.locals.requestId,
        person: verdict.principal.person,
        role: verdict.principal.role,
        via: 'oidc',
      },
      'signed in',
    );
    // Not a redirect: the browser would still count the next request as part of the provider's
    // (cross-site) navigation and leave the Strict cookie out. A page of ours that moves on is same-site.
    const target = pending.next ?? '/';
    sendPage(
      res,
      200,
      html`<!doctype html>
        <html lang="da">
          <head>
            <meta charset="utf-8" />
            <meta http-equiv="refresh" content="0; url=${target}" />
            <title>Du er logget ind – Ressourceforløb</title>
          </head>
          <body>
            <main>
              <p>Du er logget ind. <a href="${target}">Gå videre</a>.</p>
            </main>
          </body>
        </html>`,
    );
  });

  router.post('/log-ud', formBody, csrf, async (req, res) => {
    const session = sessionOf(res)!;
    sessions.destroy(session.id);
    clearSessionCookie(req, res);
    if (session.principal) {
      logger.info(
        {
          requestId: res.locals.requestId,
          person: session.principal.person,
          role: session.principal.role,
          via: session.via,
        },
        'signed out',
      );
    }
    if (session.via === 'oidc' && signIn && oidc) {
      // Also end the provider's session, or the next sign-in on this computer would need no password.
      const providerSignOut = await signIn.endSessionUrl(
        session.idToken,
        new URL('/logget-ud', oidc.redirectUri),
      );
      if (providerSignOut) {
        res.redirect(303, providerSignOut.href);
        return;
      }
    }
    res.redirect(303, '/logget-ud');
  });

  router.get('/logget-ud', (_req, res) => {
    sendPage(res, 200, signedOutPage(sessionOf(res)));
  });

  router.get('/', signedIn, async (req, res) => {
    const session = sessionOf(res)!;
    const form = readWorklistForm(req.query);
    if (Object.keys(form.errors).length > 0) {
      sendPage(res, 400, worklistPage(session, form, {}, undefined));
      return;
    }
    const query = worklistQuery(form.values);
    // After an acknowledgement (POST, then redirect here): its confirmation.
    const acknowledged = typeof req.query.kvitteret === 'string' ? req.query.kvitteret : undefined;
    const notice =
      acknowledged && CASE_ID.test(acknowledged)
        ? {
            variant: 'success' as const,
            heading: 'Eskaleringen er kvitteret',
            text: `Du har kvitteret for eskaleringen på sag ${acknowledged}. Eskaleringen går ikke videre til næste niveau.`,
          }
        : undefined;
    try {
      const worklist = await data.worklist(session.principal!, query, now());
      sendPage(res, 200, worklistPage(session, form, query, worklist, notice));
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status !== 400) throw error;
      // What the API's own validation refused (a page token it did not hand out, say).
      for (const { field } of problem.errors ?? [{ field: '(query)' }]) {
        form.errors[field in fieldMessages ? field : 'pageToken'] =
          fieldMessages[field] ?? fieldMessages.pageToken!;
      }
      sendPage(res, 400, worklistPage(session, form, query, undefined));
    }
  });

  // A supervisor acknowledges an escalation: the escalationAcknowledged event, through the API's route.
  router.post(
    '/sager/:caseId/eskaleringer/:escalationId/kvittering',
    formBody,
    csrf,
    signedIn,
    async (req, res) => {
      const session = sessionOf(res)!;
      const caseId = String(req.params.caseId);
      const escalationId = String(req.params.escalationId);
      res.locals.caseId = caseId;
      try {
        await data.acknowledgeEscalation(session.principal!, caseId, escalationId);
      } catch (error) {
        const problem = toProblem(error);
        if (problem.status !== 409 && problem.status !== 403) throw error;
        logger.info(
          { requestId: res.locals.requestId, caseId, status: problem.status },
          'acknowledgement refused',
        );
        const form: WorklistForm = { values: {}, errors: {} };
        const worklist = await data.worklist(session.principal!, {}, now());
        sendPage(
          res,
          problem.status,
          worklistPage(session, form, {}, worklist, {
            variant: 'error',
            heading: 'Eskaleringen blev ikke kvitteret',
            text: refusalText(problem.status, caseId, problem.detail && render(problem.detail, 'en')),
          }),
        );
        return;
      }
      res.redirect(303, `/?kvitteret=${encodeURIComponent(caseId)}#eskaleringer`);
    },
  );

  router.get(WAITING_TIMES_PATH, signedIn, waitingTimesPage(dependencies.routes));

  /** The case page's forms for the signed-in person; `sent`: the form just sent back to them. */
  const caseActions = (session: Session, view: CasePageView, sent?: SentForm) =>
    actionsSection(
      view.caseId,
      session.csrfToken,
      caseEventForms(view.kind, session.principal!.role),
      randomUUID,
      sent,
    );

  router.get('/sager/:caseId', signedIn, async (req, res) => {
    const session = sessionOf(res)!;
    res.locals.caseId = req.params.caseId;
    const view = await data.caseView(session.principal!, String(req.params.caseId));
    // After a form was recorded (POST, then redirect here): its confirmation.
    const recorded = typeof req.query.registreret === 'string' ? req.query.registreret : undefined;
    const notice =
      recorded && caseEventForms(view.kind, session.principal!.role).forms.some((f) => f.type === recorded)
        ? {
            variant: 'success' as const,
            heading: 'Handlingen er registreret',
            text: `${timelineLabels[recorded] ?? eventLabel(recorded)}: står nu øverst i sagens tidslinje.`,
          }
        : undefined;
    sendPage(res, 200, casePage(session, view, now(), caseActions(session, view), notice));
  });

  // A caseworker records an event through a case page's form: checked with the event's schema, then
  // sent through the API's own route for it (the same code path, roles and idempotency as the API).
  router.post('/sager/:caseId/haendelser/:eventType', eventFormBody, csrf, signedIn, async (req, res) => {
    const session = sessionOf(res)!;
    const principal = session.principal!;
    const caseId = String(req.params.caseId);
    const type = String(req.params.eventType);
    res.locals.caseId = caseId;
    let view = await data.caseView(principal, caseId);
    const spec = caseEventForms(view.kind, principal.role).forms.find((form) => form.type === type);
    if (!spec) {
      sendPage(
        res,
        404,
        errorPage(
          session,
          404,
          'Handlingen findes ikke',
          'Sagen har ikke den handling, eller din rolle giver ikke adgang til den. Gå tilbage til sagen.',
        ),
      );
      return;
    }
    const body = req.body as Record<string, unknown>;
    const sentKey =
      typeof body._noegle === 'string' && FORM_KEY.test(body._noegle) ? body._noegle : undefined;
    const values = formValues(spec, body);
    const again = (status: number, state: EventFormState, idempotencyKey: string) =>
      sendPage(
        res,
        status,
        casePage(
          session,
          view,
          now(),
          caseActions(session, view, { type, state: { ...state, values, open: true }, idempotencyKey }),
        ),
      );
    const eventData = formData(spec, values);
    const checked = checkForm(spec, eventSchemaOf({ type }), eventData);
    if (!checked.ok) {
      // Nothing reached the case: the corrected form keeps its key.
      again(400, { errors: checked.errors, formErrors: checked.formErrors }, sentKey ?? randomUUID());
      return;
    }
    try {
      await data.recordEvent(principal, caseId, type, eventData, sentKey ?? randomUUID());
    } catch (error) {
      const problem = toProblem(error);
      if (![400, 403, 409, 422].includes(problem.status)) throw error;
      logger.info(
        { requestId: res.locals.requestId, caseId, event: type, status: problem.status },
        'event from a form refused',
      );
      // The refusal is in the case's timeline now: read it again.
      if (problem.status === 409) view = await data.caseView(principal, caseId);
      again(problem.status, { refusal: eventRefusal(problem, view.phase) }, randomUUID());
      return;
    }
    res.redirect(
      303,
      `/sager/${encodeURIComponent(caseId)}?registreret=${encodeURIComponent(type)}#tidslinje`,
    );
  });

  // A browser asking for a page that does not exist; API clients keep the API's JSON answer.
  router.use((req, res, next) => {
    if (req.method !== 'GET' || req.accepts(['json', 'html']) !== 'html') {
      next();
      return;
    }
    sendPage(
      res,
      404,
      errorPage(sessionOf(res), 404, 'Siden findes ikke', 'Tjek adressen, eller gå til sagsoversigten.'),
    );
  });

  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const problem = toProblem(error);
    if (problem.status >= 500) {
      // The error's kind and code only, as the API logs it: a message could quote what a user sent.
      logger.error(
        {
          requestId: res.locals.requestId,
          error: error instanceof Error ? error.name : typeof error,
          code: (error as { code?: unknown }).code,
        },
        'page failed',
      );
    }
    const [heading, text] = errorTexts[problem.status] ?? errorTexts[500]!;
    sendPage(res, problem.status, errorPage(sessionOf(res), problem.status, heading, text));
  });

  return router;
}

const errorTexts: Record<number, [string, string]> = {
  400: [
    'Adressen er ikke gyldig',
    'Sagsnummeret eller adressen kan ikke bruges. Tjek adressen, eller find sagen i sagsoversigten.',
  ],
  403: [
    'Du har ikke adgang',
    'Sagen hører til en anden kommune end din, eller din rolle giver ikke adgang til siden.',
  ],
  404: [
    'Sagen findes ikke',
    'Der er ingen sag med det sagsnummer. Tjek sagsnummeret, eller find sagen i sagsoversigten.',
  ],
  409: ['Handlingen blev ikke udført', 'Sagen tillod ikke handlingen, som den står nu.'],
  503: ['Systemet svarer ikke lige nu', 'Sagerne kan ikke hentes i øjeblikket. Prøv igen om lidt.'],
  500: [
    'Der skete en fejl',
    'Siden kunne ikke vises. Prøv igen om lidt. Hvis fejlen bliver ved, så kontakt it-supporten.',
  ],
};

const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/** Why an acknowledgement was refused, in Danish (read from the case's reason in English). */
function refusalText(status: number, caseId: string, detail: string | undefined): string {
  if (status === 403) return `Din rolle giver ikke adgang til at kvittere for eskaleringer på sag ${caseId}.`;
  const already = /is already (acknowledged|resolved)/.exec(detail ?? '');
  if (already)
    return already[1] === 'acknowledged'
      ? `Eskaleringen på sag ${caseId} er allerede kvitteret, måske af en kollega.`
      : `Eskaleringen på sag ${caseId} er allerede løst.`;
  if (/there is no escalation/.test(detail ?? '')) return `Sag ${caseId} har ikke den eskalering.`;
  return `Sag ${caseId} tillod ikke handlingen, som den står nu.`;
}

/** A form's idempotency key as the API takes it (Idempotency-Key). */
const FORM_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/** Why the case (or the API) did not record an event from a form, in Danish, with the rule's reason. */
function eventRefusal(
  problem: ReturnType<typeof toProblem>,
  phase: string,
): { text: string; reason?: string } {
  // The case's own reason, in Danish from the message table (English kept only to recognise it).
  const reason = problem.detail ? { reason: render(problem.detail, 'da') } : {};
  const english = problem.detail ? render(problem.detail, 'en') : '';
  switch (problem.status) {
    case 403:
      return { text: 'Din rolle giver ikke adgang til handlingen på denne sag.' };
    case 422:
      return {
        text: 'Formularen er allerede sendt én gang med andre oplysninger. Tjek tidslinjen, og send formularen igen, hvis handlingen ikke står der.',
      };
    case 400:
      return { text: 'Oplysningerne kunne ikke bruges. Tjek felterne, og prøv igen.' };
    default:
      if (problem.title && render(problem.title, 'en') === 'Caseload limit reached')
        return {
          text: 'Sagsbehandleren har allerede så mange sager, som regelsættet tillader. Vælg en anden sagsbehandler.',
          ...reason,
        };
      // The case's phase rules say the same thing for every event: said in Danish with the phase's name.
      if (/ is not possible while the case is /.test(english))
        return {
          text: `Handlingen passer ikke til sagens fase (${phaseLabels[phase] ?? phase}). Intet er ændret.`,
          ...reason,
        };
      return { text: 'Sagen tillod ikke handlingen, som den står nu. Intet er ændret.', ...reason };
  }
}

const fieldMessages: Record<string, string> = {
  kind: 'Vælg en sagstype fra listen.',
  phase: 'Vælg en fase fra listen.',
  caseworker: 'Skriv sagsbehandlerens brugernavn, fx sara.caseworker (bogstaver, tal og . _ @ -).',
  deadlineBefore: 'Skriv en gyldig dato.',
  escalated: 'Sæt eller fjern fluebenet ved "Kun eskalerede sager".',
  overdue: 'Sæt eller fjern fluebenet ved "Kun sager med overskredne frister".',
  pageToken: 'Siden findes ikke længere. Start forfra fra første side.',
};

const FORM_FIELDS = [
  'kind',
  'phase',
  'caseworker',
  'deadlineBefore',
  'escalated',
  'overdue',
  'pageToken',
] as const;

/** The worklist's filters as typed (a GET form), each checked: an unknown value is a 400, not an empty list. */
export function readWorklistForm(query: Request['query']): WorklistForm {
  const values: Record<string, string> = {};
  for (const field of FORM_FIELDS) {
    const value = query[field];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && first.trim() !== '') values[field] = first.trim().slice(0, 2000);
  }
  const errors: Record<string, string> = {};
  if (values.kind && !(values.kind in kindLabels)) errors.kind = fieldMessages.kind!;
  if (values.phase) {
    const known = values.kind && values.kind in phasesByKind ? phasesByKind[values.kind]! : phaseLabels;
    if (!(values.phase in known))
      errors.phase =
        values.phase in phaseLabels ? 'Den valgte sagstype har ikke den fase.' : fieldMessages.phase!;
  }
  if (values.caseworker && !/^[A-Za-z0-9._@-]{1,100}$/.test(values.caseworker))
    errors.caseworker = fieldMessages.caseworker!;
  if (values.deadlineBefore && !validDay(values.deadlineBefore))
    errors.deadlineBefore = fieldMessages.deadlineBefore!;
  if (values.escalated && values.escalated !== 'ja') errors.escalated = fieldMessages.escalated!;
  if (values.overdue && values.overdue !== 'ja') errors.overdue = fieldMessages.overdue!;
  if (values.pageToken && !/^[A-Za-z0-9_.-]{1,2000}$/.test(values.pageToken))
    errors.pageToken = fieldMessages.pageToken!;
  return { values, errors };
}

function worklistQuery(values: Record<string, string>): WorklistQuery {
  return {
    ...(values.kind ? { kind: values.kind } : {}),
    ...(values.phase ? { phase: values.phase } : {}),
    ...(values.caseworker ? { caseworker: values.caseworker } : {}),
    ...(values.escalated === 'ja' ? { escalated: true } : {}),
    ...(values.overdue === 'ja' ? { overdue: true } : {}),
    ...(values.deadlineBefore ? { deadlineBefore: values.deadlineBefore } : {}),
    ...(values.pageToken ? { pageToken: values.pageToken } : {}),
  };
}

function validDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const at = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(day) && at.getUTCFullYear() >= 1990;
}

/** Only a path on this site: `naeste` never sends anyone to another site (no open redirect). */
function localPath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (
    value.length > 2000 ||
    [...value].some((char) => char.charCodeAt(0) < 32) ||
    value.startsWith('/log-ind')
  )
    return undefined;
  return value;
}

/** TLS as the browser sees it: a TLS-terminating proxy says so in X-Forwarded-Proto; an https redirect URI means TLS. */
function isSecure(req: Request, oidc: OidcConfig | undefined): boolean {
  if (req.secure || oidc?.redirectUri.protocol === 'https:') return true;
  // Trusting the header can only add Secure (the browser then sends the cookie over TLS alone).
  return req.get('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

function readSessionCookie(req: Request): string | undefined {
  return readCookie(req, SECURE_SESSION_COOKIE) ?? readCookie(req, SESSION_COOKIE);
}

function sendPage(res: Response, status: number, body: Html): void {
  res.status(status).type('html').send(body.toString());
}
