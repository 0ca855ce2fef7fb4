import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Payload } from '@temporalio/common';
import type { Principal, TokenRegistry } from '../config/api-tokens';
import type { Logger } from '../observability/logger';
import { EncryptionCodec, type KeyRing } from '../temporal/encryption-codec';

/**
 * The codec server for the Temporal Web UI (and `temporal … --codec-endpoint`): it decrypts case
 * payloads for an authenticated administrator, so an operator can read a case in the UI while
 * Temporal stores only ciphertext. Same tokens as the API. The UI sends the token as a cookie set by
 * /login (enable "include cross-origin credentials" in the UI's codec settings); the CLI sends it as
 * `--codec-auth "Bearer …"`.
 */
export interface CodecServerDependencies {
  keyRing: KeyRing;
  tokens: TokenRegistry;
  /** Browser origins (the Temporal Web UI) allowed to call it. */
  corsOrigins: string[];
  logger: Logger;
}

const COOKIE = 'rf_codec_token';
const ALLOWED_ROLES: ReadonlySet<Principal['role']> = new Set(['admin']);

const PayloadsSchema = z.object({
  payloads: z
    .array(z.object({ metadata: z.record(z.string(), z.base64()).optional(), data: z.base64().optional() }))
    .max(10_000),
});

export function createCodecServer({
  keyRing,
  tokens,
  corsOrigins,
  logger,
}: CodecServerDependencies): express.Express {
  const codec = new EncryptionCodec(keyRing);
  const app = express();
  app.disable('x-powered-by');
  app.use(cors(corsOrigins));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/login', (_req, res) => {
    res.type('html').send(loginPage);
  });
  app.post('/login', express.urlencoded({ extended: false, limit: '2kb' }), (req, res) => {
    const token = String(req.body?.token ?? '');
    const principal = tokens.authenticate(token);
    if (!principal || !ALLOWED_ROLES.has(principal.role)) {
      logger.warn({ event: 'codec-login-refused' }, 'codec login refused');
      res
        .status(403)
        .type('html')
        .send(loginPage.replace('<!--message-->', '<p>That token may not decode case data.</p>'));
      return;
    }
    const secure = req.secure ? '; Secure' : '';
    res.setHeader(
      'Set-Cookie',
      `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/${secure}`,
    );
    logger.info({ person: principal.person, event: 'codec-login' }, 'codec login');
    res
      .status(200)
      .type('html')
      .send(loginPage.replace('<!--message-->', '<p>Signed in: the Web UI can now show case data.</p>'));
  });

  const convert = (direction: 'encode' | 'decode') => async (req: Request, res: Response) => {
    const principal = res.locals.principal as Principal;
    const parsed = PayloadsSchema.safeParse(req.body);
    if (!parsed.success) {
      res
        .status(400)
        .json({ message: 'expected {"payloads": [{ "metadata": {…}, "data": "…" }]} with base64 bytes' });
      return;
    }
    const payloads: Payload[] = parsed.data.payloads.map((payload) => ({
      metadata: Object.fromEntries(
        Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')]),
      ),
      data: Buffer.from(payload.data ?? '', 'base64'),
    }));
    try {
      const result = direction === 'decode' ? await codec.decode(payloads) : await codec.encode(payloads);
      logger.info(
        {
          person: principal.person,
          event: `codec-${direction}`,
          payloads: payloads.length,
          namespace: req.header('X-Namespace'),
        },
        `payloads ${direction}d`,
      );
      res.json({
        payloads: result.map((payload) => ({
          metadata: Object.fromEntries(
            Object.entries(payload.metadata ?? {}).map(([key, value]) => [
              key,
              Buffer.from(value).toString('base64'),
            ]),
          ),
          data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
        })),
      });
    } catch (error) {
      logger.warn(
        { person: principal.person, error: (error as Error).message },
        `payloads could not be ${direction}d`,
      );
      res.status(422).json({ message: (error as Error).message });
    }
  };
  const body = express.json({ limit: '8mb' });
  app.post('/decode', authenticate(tokens), body, convert('decode'));
  app.post('/encode', authenticate(tokens), body, convert('encode'));
  app.use((_req, res) => {
    res.status(404).json({ message: 'not found' });
  });
  return app;
}

function authenticate(tokens: TokenRegistry) {
  return (req: Request, res: Response, next: NextFunction) => {
    const bearer = /^Bearer (.{1,512})$/.exec(req.header('Authorization') ?? '')?.[1];
    const cookie = cookieValue(req.header('Cookie'), COOKIE);
    const principal = [bearer, cookie]
      .map((token) => (token ? tokens.authenticate(token) : undefined))
      .find(Boolean);
    if (!principal) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="ressourceforloeb-codec"');
      res.status(401).json({ message: 'a valid bearer token (or the login cookie) is required' });
      return;
    }
    if (!ALLOWED_ROLES.has(principal.role)) {
      res.status(403).json({ message: `a ${principal.role} may not decode case data` });
      return;
    }
    res.locals.principal = principal;
    next();
  };
}

function cors(origins: string[]) {
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.header('Origin');
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.status(origin && allowed.has(origin) ? 204 : 403).end();
      return;
    }
    next();
  };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

const loginPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Codec server: sign in</title></head>
<body style="font-family: sans-serif; max-width: 32rem; margin: 3rem auto">
<h1>Ressourceforløb codec server</h1>
<p>Sign in with an administrator's API token so the Temporal Web UI can show case data. Temporal keeps it encrypted.</p>
<!--message-->
<form method="post" action="/login"><input name="token" type="password" size="40" autocomplete="off" required>
<button type="submit">Sign in</button></form>
</body></html>`;
