import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, screenshot } from '../helpers/browser';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { httpClient } from '../helpers/http';
import { people } from '../helpers/tokens';

/**
 * A caseworker works a case from its page, in a real browser against a real Temporal dev server:
 * the actions are forms generated from the events' schemas; a recorded event shows in the timeline,
 * one the case's rules refuse shows the refusal at its form, an invalid field its Danish message next
 * to it, and a double submit records the event once. The page passes WCAG 2.1 AA with the forms open.
 */
let h: DevServerHarness;
let browser: Browser;
const api = httpClient(() => h.api);

beforeAll(async () => {
  [h, browser] = await Promise.all([startDevServer(), launchBrowser()]);
  const opened = await api.post(
    '/api/v1/cases',
    { caseId: 'FORM-1', municipality: '101', citizen: { cpr: '010190-1234', name: 'Jens Jensen' } },
    'caseworker',
  );
  expect(opened.status).toBe(201);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

async function signedInPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK' });
  const page = await context.newPage();
  await page.goto(`${h.api}/sager/FORM-1`);
  await page.getByLabel('Adgangsnøgle').fill(people.caseworker.token);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(`${h.api}/sager/FORM-1`);
  return page;
}

/** A form's disclosure, by its Danish heading. */
function form(page: Page, heading: string) {
  return page.locator('details', { has: page.locator('summary', { hasText: heading }) });
}

const timeline = (page: Page) => page.getByRole('region', { name: 'Tidslinje' }).innerText();

test('a caseworker records an event through a form and sees it in the timeline, with a confirmation', async () => {
  const page = await signedInPage();
  const assign = form(page, 'Tildel koordinerende sagsbehandler');
  await assign.locator('summary').click();
  await assign.getByLabel('Sagsbehandlerens brugernavn').fill('sara.caseworker');
  await assign.getByLabel('Navn', { exact: true }).fill('Sara Sagsbehandler');
  await assign.getByRole('button', { name: 'Registrér' }).click();
  await page.waitForURL(/\/sager\/FORM-1\?registreret=caseworkerAssigned/);
  await expect(page.getByText('Handlingen er registreret').isVisible()).resolves.toBe(true);
  await expect(timeline(page)).resolves.toContain('Koordinerende sagsbehandler tildelt');
  const facts = await page.getByRole('region', { name: 'Sagens oplysninger' }).innerText();
  expect(facts).toContain('Sara Sagsbehandler (sara.caseworker)');
  await screenshot(page, '14-sag-handling-registreret');
  await page.context().close();
});

test('an event the case rules refuse shows the refusal at its form, in Danish, and is in the timeline as refused', async () => {
  const page = await signedInPage();
  const reasons = form(page, 'Registrér særlige grunde');
  await reasons.locator('summary').click();
  await reasons.getByLabel('Begrundelse').fill('Borgeren er indlagt i de kommende uger.');
  await reasons.getByRole('button', { name: 'Registrér' }).click();
  await page.waitForLoadState();
  const refused = form(page, 'Registrér særlige grunde');
  await expect(refused.getAttribute('open')).resolves.not.toBeNull();
  const alert = await refused.getByRole('alert').innerText();
  expect(alert).toContain('Sagen afviste handlingen');
  expect(alert).toContain(
    'Handlingen passer ikke til sagens fase (Venter på rehabiliteringsteamet). Intet er ændret.',
  );
  // What was typed is kept for another try.
  await expect(refused.getByLabel('Begrundelse').inputValue()).resolves.toBe(
    'Borgeren er indlagt i de kommende uger.',
  );
  await expect(timeline(page)).resolves.toContain('Afvist');
  await screenshot(page, '15-sag-handling-afvist');
  await page.context().close();
});

test('an invalid field gets its Danish message next to it (aria-invalid, aria-describedby), and nothing is recorded', async () => {
  const page = await signedInPage();
  const before = await timeline(page);
  const offer = form(page, 'Registrér tilbud');
  await offer.locator('summary').click();
  await offer.getByLabel('Tilbuddets id').fill('tilbud 1');
  await offer.getByLabel('Planlagt start').fill('2027-02-01');
  await offer.getByRole('button', { name: 'Registrér' }).click();
  await page.waitForLoadState();
  const sent = form(page, 'Registrér tilbud');
  const id = sent.getByLabel('Tilbuddets id');
  await expect(id.getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(id.inputValue()).resolves.toBe('tilbud 1');
  const describedBy = (await id.getAttribute('aria-describedby'))!.split(' ');
  await expect(page.locator(`[id="${describedBy[0]}"]`).innerText()).resolves.toContain(
    "Id'et kan ikke bruges: kun bogstaverne a–z",
  );
  await expect(sent.getByLabel('Type').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(sent.innerText()).resolves.toContain('Vælg en værdi.');
  expect(await timeline(page)).toBe(before);
  await screenshot(page, '16-sag-felt-fejl');
  await page.context().close();
});

test('a double submit of a form records the event once (the form carries an idempotency key)', async () => {
  const page = await signedInPage();
  const relative = form(page, 'Registrér pårørende');
  const action = (await relative.locator('form').getAttribute('action'))!;
  const fields = {
    _csrf: (await relative.locator('input[name=_csrf]').getAttribute('value'))!,
    _noegle: (await relative.locator('input[name=_noegle]').getAttribute('value'))!,
    relativeId: 'R-1',
    name: 'Else Jensen',
    relation: 'Ægtefælle',
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    const answer = await page.request.post(`${h.api}${action}`, { form: fields, maxRedirects: 0 });
    expect(answer.status()).toBe(303);
  }
  await page.goto(`${h.api}/sager/FORM-1`);
  const entries = (await timeline(page)).split('\n').filter((line) => line.includes('Pårørende registreret'));
  expect(entries).toHaveLength(1);
  await page.context().close();
});

test('the case page passes WCAG 2.1 AA with every form open, and with a form sent back with messages', async () => {
  const page = await signedInPage();
  await page
    .locator('details')
    .evaluateAll((all) => all.forEach((details) => details.setAttribute('open', '')));
  expect(await accessibilityViolations(page)).toEqual([]);
  const offer = form(page, 'Registrér tilbud');
  await offer.getByRole('button', { name: 'Registrér' }).click();
  await page.waitForLoadState();
  await page
    .locator('details')
    .evaluateAll((all) => all.forEach((details) => details.setAttribute('open', '')));
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.context().close();
});
