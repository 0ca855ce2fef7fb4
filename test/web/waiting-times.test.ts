import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, screenshot } from '../helpers/browser';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { httpClient } from '../helpers/http';
import { type Person, people } from '../helpers/tokens';

/**
 * The waiting-times page in a real browser (seed 001 §9: the waits are measured and chased): a
 * supervisor follows the worklist's link and reads each step's median and 90th percentile as a chart
 * and as a table; an administrator picks a municipality and a wrong code is told in Danish next to
 * the field; a caseworker has no access. axe-core finds no WCAG 2.1 AA violation on any of them.
 */
let h: DevServerHarness;
let browser: Browser;
const api = httpClient(() => h.api);
const citizen = { cpr: '010190-1234', name: 'Jens Jensen' };

beforeAll(async () => {
  [h, browser] = await Promise.all([startDevServer(), launchBrowser()]);
  for (const caseId of ['VT-1', 'VT-2']) {
    expect((await api.post('/api/v1/cases', { caseId, municipality: '101', citizen })).status).toBe(201);
  }
  for (const [path, body] of [
    ['coordinating-caseworker', { caseworkerId: 'sara.caseworker', name: 'Sara Sagsbehandler' }],
    [
      'team-recommendations',
      { recommends: 'ressourceforloeb', unanimous: true, citizenAttendedWholeMeeting: true },
    ],
    ['decisions', { decision: 'grant-course', reasoning: 'som teamet indstiller' }],
  ] as const) {
    expect((await api.post(`/api/v1/cases/VT-1/${path}`, body)).status).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

async function signIn(person: Person): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'da-DK' })).newPage();
  await page.goto(`${h.api}/`);
  await page.getByLabel('Adgangsnøgle').fill(people[person].token);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(`${h.api}/`);
  return page;
}

test("a supervisor follows the worklist's link and reads each step's median and 90th percentile, as a chart and a table", async () => {
  const page = await signIn('supervisor');
  await page.getByRole('link', { name: 'Ventetider mellem sagens trin' }).click();
  await page.waitForURL(`${h.api}/ventetider`);
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Ventetider');
  // The chart is an image with a name, its numbers written as text; no script draws it.
  const chart = page.getByRole('img', { name: /Ventetider for Ressourceforløb/ });
  await expect(chart.count()).resolves.toBe(1);
  await expect(chart.locator('text').allTextContents()).resolves.toEqual(
    expect.arrayContaining([expect.stringContaining('Median: 0 dage')]),
  );
  const table = page.getByRole('table', { name: 'Ressourceforløb: ventetider i dage' });
  const rows = await table.locator('tbody tr').allInnerTexts();
  const row = (label: string) => rows.find((text) => text.startsWith(label))!.split('\t');
  // VT-1 met the team; VT-2 still waits for it (counted apart, with the wait so far).
  expect(row('Henvisning → rehabiliteringsteamets møde').slice(1)).toEqual([
    '1',
    '0 dage',
    '0 dage',
    '1',
    '0 dage',
    '0',
  ]);
  expect(row('Forløbets start → første indsats').slice(1, 2)).toEqual(['0']);
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, '13-ventetider');
});

test('an administrator picks a municipality; a wrong code is said in Danish next to the field', async () => {
  const page = await signIn('admin');
  await page.goto(`${h.api}/ventetider`);
  await page.getByLabel('Kommunekode').fill('10x');
  await page.getByRole('button', { name: 'Vis ventetider' }).click();
  await page.waitForURL(/kommune=10x/);
  await expect(page.locator('#kommune-error').innerText()).resolves.toContain(
    'Skriv en kommunekode med tre cifre, fx 101.',
  );
  await expect(page.getByLabel('Kommunekode').getAttribute('aria-invalid')).resolves.toBe('true');
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByLabel('Kommunekode').fill('147');
  await page.getByRole('button', { name: 'Vis ventetider' }).click();
  await page.waitForURL(/kommune=147/);
  await expect(page.locator('main').innerText()).resolves.toContain('Der er ingen sager i perioden.');
  await page.getByLabel('Kommunekode').fill('101');
  await page.getByRole('button', { name: 'Vis ventetider' }).click();
  await page.waitForURL(/kommune=101/);
  await expect(page.getByRole('heading', { name: 'København (101)', exact: true }).count()).resolves.toBe(1);
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('a caseworker has no link and no access to the figures', async () => {
  const page = await signIn('caseworker');
  await expect(page.getByRole('link', { name: 'Ventetider mellem sagens trin' }).count()).resolves.toBe(0);
  const answer = await page.goto(`${h.api}/ventetider`);
  expect(answer?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Du har ikke adgang');
});
