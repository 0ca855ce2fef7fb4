import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { createApp } from '../../src/api/app';
import { loadOidcConfig } from '../../src/config/oidc';
import { loadRuleset } from '../../src/config/rulesets';
import { silentLogger } from '../../src/observability/logger';
import { accessibilityViolations, launchBrowser, screenshot } from '../helpers/browser';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { eventually, httpClient } from '../helpers/http';
import { freePort } from '../helpers/ports';
import { memorySessionStore } from '../../src/web/sessions';
import { testTokenRegistry } from '../helpers/tokens';

/**
 * Sign-in through OpenID Connect against a real OpenID provider (oidc-provider, the certified
 * implementation, with its development login and consent pages), the whole authorization code flow
 * with PKCE driven through a real browser. The provider is at 127.0.0.2 and the pages at 127.0.0.1:
 * two sites, as a municipality's identity provider and this service are, so the browser treats the
 * provider's redirect back as cross-site (and leaves SameSite=Strict cookies out of it).
 */
let h: DevServerHarness;
let browser: Browser;
let provider: Server;
let pages: Server;
let app: string;
let issuer: string;
const api = httpClient(() => h.api);
const sessions = memorySessionStore();

/** The people the identity provider knows, by the login typed on its development login page. */
const accounts: Record<string, Record<string, unknown>> = {
  lone: {
    preferred_username: 'lone.leder',
    name: 'Lone Leder',
    roles: ['rf-leder', 'mail-user'],
    municipality: 'Københavns Kommune',
  },
  anders: {
    preferred_username: 'anders.caseworker',
    name: 'Anders Andersen',
    roles: ['rf-sagsbehandler'],
    municipality: 'Aarhus Kommune',
  },
  olga: {
    preferred_username: 'olga',
    name: 'Olga Olsen',
    roles: ['mail-user'],
    municipality: 'Københavns Kommune',
  },
};

beforeAll(async () => {
  // oidc-provider tells, at length, that its development login pages and keys are for development
  // (true: they are the test's) and that it prefers Node 22 to this Node 20. Its notices only are hushed.
  for (const level of ['warn', 'info'] as const) {
    const original = console[level];
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider')) return;
      original(...args);
    });
  }
  const { default: Provider } = await import('oidc-provider');
  [h, browser] = await Promise.all([startDevServer(), launchBrowser()]);
  const [providerPort, pagesPort] = [await freePort(), await freePort()];
  issuer = `http://127.0.0.2:${providerPort}`;
  app = `http://127.0.0.1:${pagesPort}`;
  const secret = 'a-client-secret-of-this-test-run';

  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: 'ressourceforloeb',
        client_secret: secret,
        redirect_uris: [`${app}/log-ind/oidc/svar`],
        post_logout_redirect_uris: [`${app}/logget-ud`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    // Without PKCE (S256) the provider refuses the request: the client must send it.
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'rf'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], rf: ['roles', 'municipality'] },
    // The scopes' claims in the ID token itself, as the pages read them from there.
    conformIdTokenClaims: false,
    findAccount: (_context: unknown, sub: string) =>
      accounts[sub] ? { accountId: sub, claims: () => ({ sub, ...accounts[sub] }) } : undefined,
    cookies: { keys: ['cookie-key-of-this-test-run'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
  provider = await listen(createServer(oidc.callback()), providerPort, '127.0.0.2');

  const dir = mkdtempSync(join(tmpdir(), 'rf-oidc-'));
  writeFileSync(join(dir, 'client-secret'), `${secret}\n`);
  const config = loadOidcConfig({
    RF_OIDC_ISSUER: issuer,
    RF_OIDC_CLIENT_ID: 'ressourceforloeb',
    RF_OIDC_CLIENT_SECRET_FILE: join(dir, 'client-secret'),
    RF_OIDC_REDIRECT_URI: `${app}/log-ind/oidc/svar`,
    RF_OIDC_SCOPES: 'openid profile rf',
    RF_OIDC_ROLE_MAP: 'rf-leder=supervisor,rf-sagsbehandler=caseworker',
    RF_OIDC_MUNICIPALITY_MAP: 'Københavns Kommune=101,Aarhus Kommune=751',
  })!;
  // The API process's app as main.ts makes it, with OpenID Connect configured, on the same Temporal.
  const appWithOidc = createApp({
    cases: h.cases,
    ruleset: loadRuleset('seeds-2017'),
    tokens: testTokenRegistry(),
    logger: silentLogger(),
    web: { oidc: config, sessions },
  });
  pages = await listen(createServer(appWithOidc), pagesPort, '127.0.0.1');

  const citizen = { cpr: '010190-1234', name: 'Jens Jensen' };
  expect((await api.post('/api/v1/cases', { caseId: 'OIDC-1', municipality: '101', citizen })).status).toBe(
    201,
  );
  expect(
    (await api.post('/api/v1/cases', { caseId: 'OIDC-2', municipality: '751', citizen }, 'otherCaseworker'))
      .status,
  ).toBe(201);
  await eventually(async () => {
    const list = await api.get<{ cases: unknown[] }>('/api/v1/cases', 'admin');
    expect(list.body.cases).toHaveLength(2);
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(
    [provider, pages].map((server) => server && new Promise((resolve) => server.close(resolve))),
  );
  await h?.teardown();
});

function listen(server: Server, port: number, host: string): Promise<Server> {
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

/** Through the provider's own login and consent pages, as a person would. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();
  await page.waitForURL((url) => url.origin === issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a supervisor signs in through the identity provider (code flow with PKCE), gets role and municipality from the claims, and signing out ends the provider’s session too', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));

  await page.goto(`${app}/`);
  expect(new URL(page.url()).pathname).toBe('/log-ind');
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, '9-log-ind-oidc');
  // No access key field: with OpenID Connect the API's tokens do not open the pages.
  await expect(page.getByLabel('Adgangsnøgle').count()).resolves.toBe(0);

  await signInAtProvider(page, 'lone');
  await page.waitForURL(`${app}/`);
  const header = await page.locator('header').innerText();
  expect(header).toContain('Lone Leder');
  expect(header).toContain('leder');
  expect(header).toContain('Københavns Kommune');
  const listed = await page
    .getByRole('region', { name: 'Alle åbne sager' })
    .getByRole('link')
    .allInnerTexts();
  expect(listed).toEqual(['OIDC-1']);

  // The authorization request carried a PKCE challenge (S256), a state and a nonce.
  const authorization = new URL(requests.find((r) => r.url().startsWith(`${issuer}/auth?`))!.url());
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(authorization.searchParams.get('state')).toBeTruthy();
  expect(authorization.searchParams.get('nonce')).toBeTruthy();
  expect(authorization.searchParams.get('scope')).toBe('openid profile rf');
  // The provider's redirect back is cross-site: the Strict session cookie is left out, the Lax
  // cookie of the sign-in under way is sent.
  const callback = requests.find((r) => r.url().startsWith(`${app}/log-ind/oidc/svar?`))!;
  const sentCookies = (await callback.allHeaders()).cookie ?? '';
  expect(sentCookies).toContain('rf_oidc_login=');
  expect(sentCookies).not.toContain('rf_session=');
  const session = (await context.cookies(app)).find((cookie) => cookie.name === 'rf_session')!;
  expect({ httpOnly: session.httpOnly, sameSite: session.sameSite }).toEqual({
    httpOnly: true,
    sameSite: 'Strict',
  });

  // The provider's answer used a second time signs no one in.
  const replay = await browser.newContext();
  const replayPage = await replay.newPage();
  const replayed = await replayPage.goto(callback.url());
  expect(replayed?.status()).toBe(400);
  await expect(replayPage.locator('main').innerText()).resolves.toContain('Login tog for lang tid');
  await replay.close();

  await page.getByRole('button', { name: 'Log af' }).click();
  await page.waitForURL((url) => url.origin === issuer);
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await page.waitForURL(`${app}/logget-ud`);
  await page.goto(`${app}/`);
  expect(new URL(page.url()).pathname).toBe('/log-ind');
  // The provider asks for the login again: its own session ended with ours.
  await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();
  await page.waitForURL((url) => url.origin === issuer);
  await expect(page.locator('input[name="login"]').count()).resolves.toBe(1);
  await context.close();
});

test('a caseworker of Aarhus signs in through the provider and sees Aarhus’s cases, not København’s', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app}/`);
  await signInAtProvider(page, 'anders');
  await page.waitForURL(`${app}/`);
  await expect(page.locator('header').innerText()).resolves.toContain('Aarhus Kommune');
  await expect(
    page.getByRole('region', { name: 'Alle åbne sager' }).getByRole('link').allInnerTexts(),
  ).resolves.toEqual(['OIDC-2']);
  expect((await page.goto(`${app}/sager/OIDC-1`))?.status()).toBe(403);
  await context.close();
});

test('a person whose claims map to no role is refused with the reason in Danish, and no session is made', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app}/`);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${app}/log-ind/oidc/svar`)),
    signInAtProvider(page, 'olga'),
  ]);
  expect(answer.status()).toBe(403);
  await expect(page.locator('main').innerText()).resolves.toContain(
    'Dit login giver ikke adgang til Ressourceforløb.',
  );
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.goto(`${app}/`);
  expect(new URL(page.url()).pathname).toBe('/log-ind');
  await context.close();
});

test('with OpenID Connect configured, an API token cannot sign in to the pages', async () => {
  const form = await fetch(`${app}/log-ind`);
  const cookie = /rf_session=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')![1]!;
  // The page offers no token form; a POST with the session's own CSRF token finds no such form either.
  expect(await form.text()).not.toContain('name="token"');
  const post = await fetch(`${app}/log-ind`, {
    method: 'POST',
    headers: { cookie: `rf_session=${cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token: 'test-token-supervisor-101-bbbbbbbb',
      _csrf: sessions.get(cookie)!.csrfToken,
    }).toString(),
    redirect: 'manual',
  });
  expect(post.status).toBe(404);
  expect(post.headers.get('set-cookie')).toBeNull();
});
