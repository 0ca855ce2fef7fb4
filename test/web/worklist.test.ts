import type { Browser } from 'playwright-core';
import { loadRuleset } from '../../src/config/rulesets';
import type { Ruleset } from '../../src/domain/engine/ruleset';
import { accessibilityViolations, launchBrowser, screenshot } from '../helpers/browser';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { eventually, httpClient } from '../helpers/http';
import { people } from '../helpers/tokens';

/**
 * A supervisor's worklist in a real browser: a case whose first measure did not start in time (the
 * seeds' rules with that limit cut to seconds) is overdue and escalated; the supervisor acknowledges
 * the escalation with the page's form and sees it acknowledged. axe-core checks the page after.
 */
let h: DevServerHarness;
let browser: Browser;
const api = httpClient(() => h.api);

const seeds = loadRuleset('seeds-2017');
const fast: Ruleset = {
  ...seeds,
  course: { ...seeds.course, firstMeasure: { ...seeds.course.firstMeasure, within: 'PT3S', reminders: [] } },
};

beforeAll(async () => {
  [h, browser] = await Promise.all([startDevServer(fast), launchBrowser()]);
  const citizen = { cpr: '010190-1234', name: 'Jens Jensen' };
  expect((await api.post('/api/v1/cases', { caseId: 'ESK-1', municipality: '101', citizen })).status).toBe(
    201,
  );
  for (const [path, body] of [
    ['coordinating-caseworker', { caseworkerId: 'sara.caseworker', name: 'Sara Sagsbehandler' }],
    [
      'team-recommendations',
      { recommends: 'ressourceforloeb', unanimous: true, citizenAttendedWholeMeeting: true },
    ],
    ['decisions', { decision: 'grant-course', reasoning: 'som teamet indstiller' }],
  ] as const) {
    const answer = await api.post(`/api/v1/cases/ESK-1/${path}`, body);
    expect({ path, status: answer.status }).toEqual({ path, status: 200 });
  }
  // The first measure's 3 seconds run out; the breach escalates to the supervisor.
  await eventually(async () => {
    const view = await api.get<{ escalations: Array<{ status: string }> }>('/api/v1/cases/ESK-1');
    expect(view.body.escalations.map((e) => e.status)).toEqual(['open']);
  }, 30_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.teardown();
});

test('the list keeps a breached deadline visible: deadlineBefore=<now>, overdue=true and overdueBefore find the case, with its escalation', async () => {
  type Row = {
    caseId: string;
    overdueSince: string | null;
    overdueDeadlines: string[];
    escalations: Array<{ id: string; level: number; levelRole: string; cause: string; since: string }>;
  };
  const list = async (query: string) =>
    (await api.get<{ cases: Row[] }>(`/api/v1/cases?${query}`, 'supervisor')).body.cases;
  const now = encodeURIComponent(new Date().toISOString());
  await eventually(async () => {
    const [row] = await list('overdue=true');
    expect(row).toMatchObject({
      caseId: 'ESK-1',
      overdueSince: expect.any(String),
      overdueDeadlines: ['first-measure'],
      escalations: [
        { id: 'esc-1', level: 1, levelRole: 'supervisor', cause: 'first-measure', since: expect.any(String) },
      ],
    });
    expect(row!.escalations[0]!.since).toBe(row!.overdueSince);
  }, 30_000);
  // Its next deadline lies months ahead; the breached one is what makes it due before now.
  expect((await list(`deadlineBefore=${now}`)).map((row) => row.caseId)).toEqual(['ESK-1']);
  expect((await list(`overdueBefore=${now}`)).map((row) => row.caseId)).toEqual(['ESK-1']);
  expect(await list('overdueBefore=2020-01-01T00:00:00Z')).toEqual([]);
  expect(await list('overdue=false')).toEqual([]);
});

test('a supervisor sees an overdue case and an open escalation, acknowledges it and sees it acknowledged; the page passes WCAG 2.1 AA', async () => {
  const context = await browser.newContext({ locale: 'da-DK' });
  const page = await context.newPage();
  await page.goto(`${h.api}/`);
  await page.getByLabel('Adgangsnøgle').fill(people.supervisor.token);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(`${h.api}/`);

  const overdue = page.getByRole('region', { name: 'Overskredne frister' });
  const overdueText = await overdue.innerText();
  expect(overdueText).toContain('ESK-1');
  expect(overdueText).toContain('Første indsats');
  expect(overdueText).toContain('sara.caseworker');
  // Counted by kind and phase over the whole municipality, each phase a link to its cases.
  const counts = await page.getByRole('region', { name: 'Antal åbne sager pr. sagstype' }).innerText();
  expect(counts).toMatch(/I forløb\s+1/);
  expect(counts).toMatch(/Venter på rehabiliteringsteamet\s+0/);

  const escalations = page.getByRole('region', { name: 'Åbne eskaleringer' });
  const escalationText = await escalations.innerText();
  expect(escalationText).toContain('ESK-1');
  expect(escalationText).toContain('niveau 1 (leder)');
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, '9-sagsoversigt-eskalering');

  await escalations.getByRole('button', { name: 'Kvitter for eskaleringen på sag ESK-1' }).click();
  await page.waitForURL(/kvitteret=ESK-1/);
  await expect(page.locator('main').innerText()).resolves.toContain('Eskaleringen er kvitteret');
  await expect(page.getByRole('region', { name: 'Åbne eskaleringer' }).count()).resolves.toBe(0);
  await expect(page.locator('main').innerText()).resolves.toContain(
    'Ingen af de viste sager har en eskalering, der ikke er kvitteret for.',
  );
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, '10-sagsoversigt-kvitteret');

  // The same acknowledgement again (a second tab, a colleague): refused by the case, said in Danish.
  const cookie = (await context.cookies()).find((c) => c.name === 'rf_session')!.value;
  const csrf = await page.locator('form.sign-out input[name="_csrf"]').inputValue();
  const escalationId = (await api.get<{ escalations: Array<{ id: string }> }>('/api/v1/cases/ESK-1')).body
    .escalations[0]!.id;
  const again = await fetch(
    `${h.api}/sager/ESK-1/eskaleringer/${encodeURIComponent(escalationId)}/kvittering`,
    {
      method: 'POST',
      headers: { cookie: `rf_session=${cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
      redirect: 'manual',
    },
  );
  expect(again.status).toBe(409);
  const refusal = await again.text();
  expect(refusal).toContain('Eskaleringen blev ikke kvitteret');
  expect(refusal).toContain('Eskaleringen på sag ESK-1 er allerede kvitteret');
  // Without the CSRF token nothing happens.
  const forged = await fetch(
    `${h.api}/sager/ESK-1/eskaleringer/${encodeURIComponent(escalationId)}/kvittering`,
    {
      method: 'POST',
      headers: { cookie: `rf_session=${cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    },
  );
  expect(forged.status).toBe(403);

  await page.goto(`${h.api}/sager/ESK-1`);
  await expect(page.getByRole('region', { name: 'Eskaleringer' }).innerText()).resolves.toContain(
    `Kvitteret af ${people.supervisor.person}`,
  );
  // The deadlines on a time line: an image whose description says one is breached; axe checks it too.
  const chart = page.getByRole('img', { name: /Sagens frister på en tidslinje/ });
  await expect(chart.count()).resolves.toBe(1);
  await expect(chart.locator('desc').textContent()).resolves.toMatch(/1 overskredet/);
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, '11-sag-frister-overskredet');
  await context.close();
});

test('a caseworker has no acknowledge button and sees the caseload of the cases listed against the limit', async () => {
  const context = await browser.newContext({ locale: 'da-DK' });
  const page = await context.newPage();
  await page.goto(`${h.api}/`);
  await page.getByLabel('Adgangsnøgle').fill(people.caseworker.token);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(`${h.api}/`);
  await expect(page.getByRole('button', { name: /Kvitter/ }).count()).resolves.toBe(0);
  // The overdue filter lists the cases with a breached deadline, the caseworker's own first.
  await page.getByLabel('Kun sager med overskredne frister').check();
  await page.getByRole('button', { name: 'Vis sager' }).click();
  await page.waitForURL(/overdue=ja/);
  await expect(
    page.getByRole('region', { name: 'Sager, der passer til filteret' }).innerText(),
  ).resolves.toContain('ESK-1');
  expect(await accessibilityViolations(page)).toEqual([]);
  const caseload = await page.getByRole('region', { name: 'Sagsbelastning' }).innerText();
  expect(caseload).toContain('sara.caseworker');
  await context.close();
});
