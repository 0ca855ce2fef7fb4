import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, screenshot } from '../helpers/browser';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { eventually, httpClient } from '../helpers/http';
import { people } from '../helpers/tokens';

/**
 * The staff pages in a real browser against a real Temporal dev server and the API process's app:
 * sign-in with a development token, the worklist, a case page, sign-out; every page checked for
 * WCAG 2.1 AA with axe-core and photographed; CSRF and the session cookie checked over plain HTTP.
 */
let h: DevServerHarness;
let browser: Browser;
const api = httpClient(() => h.api);
const citizen = { cpr: '010190-1234', name: 'Jens Jensen' };

beforeAll(async () => {
  [h, browser] = await Promise.all([startDevServer(), launchBrowser()]);
  for (const [caseId, municipality, as] of [
    ['WEB-1', '101', 'caseworker'],
    ['WEB-2', '101', 'caseworker'],
    ['WEB-3', '751', 'otherCaseworker'],
  ] as const) {
    expect((await api.post('/api/v1/cases', { caseId, municipality, citizen }, as)).status).toBe(201);
  }
  const assigned = await api.post('/api/v1/cases/WEB-1/coordinating-caseworker', {
    caseworkerId: 'sara.caseworker',
    name: 'Sara Sagsbehandler',
  });
  expect(assigned.status).toBe(200);
  // The worklist reads visibility, which catches up a moment later.
  await eventually(async () => {
    const list = await api.get<{ cases: Array<{ caseId: string; caseworker: string | null }> }>(
      '/api/v1/cases?caseworker=sara.caseworker',
    );
    expect(list.body.cases.map((c) => c.caseId)).toEqual(['WEB-1']);
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

/** A browser of its own per test: no cookie carries over. Records what left this machine's API. */
async function newPage(): Promise<{
  context: BrowserContext;
  page: Page;
  elsewhere: string[];
  problems: string[];
}> {
  const context = await browser.newContext({ locale: 'da-DK' });
  const page = await context.newPage();
  const elsewhere: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(h.api)) elsewhere.push(request.url());
  });
  // A CSP violation, a failed script, or a style sheet, font or icon that did not load shows here (a
  // page's own status is the test's to check).
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document')
      problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, elsewhere, problems };
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.goto(`${h.api}/`);
  await page.getByLabel('Adgangsnøgle').fill(token);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(`${h.api}/`);
}

test('a caseworker signs in with a development token, sees their own case first, opens it and signs out; every page passes WCAG 2.1 AA', async () => {
  const { context, page, elsewhere, problems } = await newPage();

  await page.goto(`${h.api}/`);
  expect(new URL(page.url()).pathname).toBe('/log-ind');
  expect(await page.getAttribute('html', 'lang')).toBe('da');
  await expect(page.title()).resolves.toBe('Log ind – Ressourceforløb');
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, '1-log-ind');

  await page.getByLabel('Adgangsnøgle').fill(people.caseworker.token);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(`${h.api}/`);
  await expect(page.locator('header').innerText()).resolves.toContain('sara.caseworker');
  await expect(page.locator('header').innerText()).resolves.toContain('Københavns Kommune');

  const mine = page.getByRole('region', { name: 'Dine sager' });
  await expect(mine.getByRole('link').allInnerTexts()).resolves.toEqual(['WEB-1']);
  const all = await page.getByRole('region', { name: 'Alle åbne sager' }).getByRole('link').allInnerTexts();
  expect(all).toEqual(expect.arrayContaining(['WEB-1', 'WEB-2']));
  // Another municipality's case is not in the list.
  expect(all).not.toContain('WEB-3');
  // Own cases come before the rest of the page.
  const sections = await page.locator('main h2').allInnerTexts();
  expect(sections.indexOf('Dine sager')).toBeLessThan(sections.indexOf('Alle åbne sager'));
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, '2-sagsoversigt-sagsbehandler');

  await mine.getByRole('link', { name: 'WEB-1' }).click();
  await page.waitForURL(`${h.api}/sager/WEB-1`);
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Sag WEB-1');
  const facts = await page.getByRole('region', { name: 'Sagens oplysninger' }).innerText();
  expect(facts).toContain('Venter på rehabiliteringsteamet');
  expect(facts).toMatch(/seeds-2017, version \d+/);
  expect(facts).toContain('Sara Sagsbehandler (sara.caseworker)');
  const deadlines = await page.getByRole('region', { name: 'Frister' }).innerText();
  expect(deadlines).toContain('Koordinerende sagsbehandler');
  expect(deadlines).toContain('Overholdt');
  const timeline = await page.getByRole('region', { name: 'Tidslinje' }).innerText();
  expect(timeline).toContain('Sagen er oprettet');
  expect(timeline).toContain('Koordinerende sagsbehandler tildelt');
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, '3-sag');

  const cookie = (await context.cookies()).find((c) => c.name === 'rf_session')!;
  await page.getByRole('button', { name: 'Log af' }).click();
  await page.waitForURL(`${h.api}/logget-ud`);
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Du er logget af');
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, '4-logget-af');

  // The session is over on the server: its cookie, sent again, opens nothing.
  const again = await fetch(`${h.api}/`, {
    headers: { cookie: `rf_session=${cookie.value}` },
    redirect: 'manual',
  });
  expect(again.status).toBe(303);
  expect(again.headers.get('location')).toBe('/log-ind');
  await page.goto(`${h.api}/sager/WEB-1`);
  expect(new URL(page.url()).pathname).toBe('/log-ind');

  // The design system came from this server, nothing from anywhere else; no CSP violation, no script error.
  expect(elsewhere).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

test('a supervisor sees the municipality’s escalated and open cases; another municipality’s case and an unknown case are error pages', async () => {
  const { context, page, problems } = await newPage();
  await signIn(page, people.supervisor.token);
  await expect(page.locator('header').innerText()).resolves.toContain('leder');
  await expect(page.getByRole('heading', { name: 'Dine sager' }).count()).resolves.toBe(0);
  await expect(page.getByRole('heading', { name: 'Eskalerede sager' }).count()).resolves.toBe(1);
  const all = await page.getByRole('region', { name: 'Alle åbne sager' }).getByRole('link').allInnerTexts();
  expect(all).toEqual(expect.arrayContaining(['WEB-1', 'WEB-2']));
  expect(all).not.toContain('WEB-3');
  await screenshot(page, '5-sagsoversigt-leder');

  // A supervisor sees the CPR number masked, as the API shows it.
  await page.goto(`${h.api}/sager/WEB-2`);
  await expect(page.getByRole('region', { name: 'Sagens oplysninger' }).innerText()).resolves.toContain(
    '010190-XXXX',
  );

  const other = await page.goto(`${h.api}/sager/WEB-3`);
  expect(other?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Du har ikke adgang');
  await expect(page.locator('main').innerText()).resolves.not.toContain('Jens');

  const unknown = await page.goto(`${h.api}/sager/FINDES-IKKE-1`);
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Sagen findes ikke');
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, '6-fejl-sagen-findes-ikke');

  const nowhere = await page.goto(`${h.api}/ingen/side`);
  expect(nowhere?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Siden findes ikke');
  expect(problems).toEqual([]);
  await context.close();
});

test('worklist filters: a known phase narrows the list; an unknown phase is a 400 with the message next to the field, not an empty list', async () => {
  const { context, page } = await newPage();
  await signIn(page, people.supervisor.token);

  await page.getByLabel('Fase').selectOption('in-course');
  await page.getByRole('button', { name: 'Vis sager' }).click();
  await page.waitForURL(/phase=in-course/);
  await expect(page.getByRole('heading', { name: 'Sager, der passer til filteret' }).count()).resolves.toBe(
    1,
  );
  await expect(page.locator('main').innerText()).resolves.toContain('Ingen åbne sager passer til filteret.');

  await page.getByLabel('Koordinerende sagsbehandler').fill('sara.caseworker');
  await page.getByLabel('Fase').selectOption('');
  await page.getByRole('button', { name: 'Vis sager' }).click();
  await page.waitForURL(/caseworker=sara.caseworker/);
  await expect(
    page.getByRole('region', { name: 'Sager, der passer til filteret' }).getByRole('link').allInnerTexts(),
  ).resolves.toEqual(['WEB-1']);

  const refused = await page.goto(`${h.api}/?phase=foo`);
  expect(refused?.status()).toBe(400);
  const field = page.getByLabel('Fase');
  await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.locator('#phase-error').innerText()).resolves.toContain('Vælg en fase fra listen.');
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, '7-sagsoversigt-ugyldigt-filter');

  // A page token the API never handed out is refused by the API's own check, and said so.
  const token = await page.goto(`${h.api}/?pageToken=made-up-token`);
  expect(token?.status()).toBe(400);
  await expect(page.locator('main').innerText()).resolves.toContain('Siden findes ikke længere');
  await context.close();
});

/** The session cookie and CSRF token of a fresh sign-in form, as a browser would hold them. */
async function signInForm(): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${h.api}/log-ind`);
  const cookie = /rf_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')![1]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await response.text())![1]!;
  return { cookie, csrf };
}

function post(path: string, cookie: string, form: Record<string, string>) {
  return fetch(`${h.api}${path}`, {
    method: 'POST',
    headers: { cookie: `rf_session=${cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
}

const isSignedIn = async (cookie: string) =>
  (await fetch(`${h.api}/`, { headers: { cookie: `rf_session=${cookie}` }, redirect: 'manual' })).status ===
  200;

test('a form without its CSRF token, or with a wrong one, is refused with 403 and changes nothing', async () => {
  // Sign-in form: refused without and with a wrong token, though the access key is right.
  const form = await signInForm();
  for (const csrf of [undefined, 'wrong-token', `${form.csrf}x`]) {
    const refused = await post('/log-ind', form.cookie, {
      token: people.caseworker.token,
      ...(csrf === undefined ? {} : { _csrf: csrf }),
    });
    expect({ csrf, status: refused.status }).toEqual({ csrf, status: 403 });
    expect(await refused.text()).toContain('Handlingen blev ikke udført');
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect(await isSignedIn(form.cookie)).toBe(false);
  }
  // With the form's own token the same request signs in (so the refusals above were the token's doing).
  const accepted = await post('/log-ind', form.cookie, { token: people.caseworker.token, _csrf: form.csrf });
  expect(accepted.status).toBe(303);
  const session = /rf_session=([^;]+)/.exec(accepted.headers.get('set-cookie') ?? '')![1]!;
  // A new session ID on sign-in: the one from before (which another could have planted) opens nothing.
  expect(session).not.toBe(form.cookie);
  expect(await isSignedIn(form.cookie)).toBe(false);
  expect(await isSignedIn(session)).toBe(true);

  // Sign-out form: refused without and with a wrong token, and the session goes on.
  const page = await (await fetch(`${h.api}/`, { headers: { cookie: `rf_session=${session}` } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
  expect(csrf).not.toBe(form.csrf);
  for (const wrong of [undefined, form.csrf]) {
    const refused = await post('/log-ud', session, wrong === undefined ? {} : { _csrf: wrong });
    expect(refused.status).toBe(403);
    expect(await isSignedIn(session)).toBe(true);
  }
  expect((await post('/log-ud', session, { _csrf: csrf })).status).toBe(303);
  expect(await isSignedIn(session)).toBe(false);
});

test('in the browser, a sign-out form with a tampered CSRF token shows the 403 page and leaves the person signed in', async () => {
  const { context, page } = await newPage();
  await signIn(page, people.caseworker.token);
  await page.locator('form.sign-out input[name="_csrf"]').evaluate((input: { value: string }) => {
    input.value = 'tampered';
  });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url() === `${h.api}/log-ud`),
    page.getByRole('button', { name: 'Log af' }).click(),
  ]);
  expect(response.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
    'Handlingen blev ikke udført',
  );
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, '8-fejl-formular-afvist');
  await page.goto(`${h.api}/`);
  expect(new URL(page.url()).pathname).toBe('/');
  await context.close();
});

test('the session cookie is HttpOnly, SameSite=Strict and on /; behind TLS it is Secure and __Host-', async () => {
  const { context, page } = await newPage();
  await signIn(page, people.caseworker.token);
  const cookies = await context.cookies();
  expect(
    cookies.map(({ name, httpOnly, sameSite, secure, path, expires }) => ({
      name,
      httpOnly,
      sameSite,
      secure,
      path,
      expires,
    })),
  ).toEqual([
    // Plain HTTP on this machine: a Secure cookie would never be sent back. No expiry: it ends with the browser.
    { name: 'rf_session', httpOnly: true, sameSite: 'Strict', secure: false, path: '/', expires: -1 },
  ]);
  await context.close();

  // Behind a TLS-terminating proxy (X-Forwarded-Proto: https).
  const response = await fetch(`${h.api}/log-ind`, { headers: { 'x-forwarded-proto': 'https' } });
  const setCookie = response.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(
    /^__Host-rf_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
  );
});

test('pages carry a Content-Security-Policy and are not cached; a JSON client of an unknown path still gets the API’s problem', async () => {
  const response = await fetch(`${h.api}/log-ind`);
  expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('referrer-policy')).toBe('same-origin');

  const css = await fetch(`${h.api}${/href="(\/assets\/dkfds-[^"]+\.css)"/.exec(await response.text())![1]}`);
  expect(css.status).toBe(200);
  expect(css.headers.get('cache-control')).toContain('immutable');

  const json = await fetch(`${h.api}/ingen/side`, { headers: { accept: 'application/json' } });
  expect(json.status).toBe(404);
  expect(json.headers.get('content-type')).toContain('application/problem+json');
  const apiUnknown = await api.get('/api/v1/ingen');
  expect(apiUnknown.status).toBe(404);
  expect(apiUnknown.headers.get('content-type')).toContain('application/problem+json');
});
