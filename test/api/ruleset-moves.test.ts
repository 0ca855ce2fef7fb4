import type { Client } from '@temporalio/client';
import { CaseService, EventRefusedError } from '../../src/client/case-service';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/api/app';
import { loadRuleset, loadRulesets } from '../../src/config/rulesets';
import { silentLogger } from '../../src/observability/logger';
import { testTokenRegistry } from '../helpers/tokens';
import type { Actor } from '../../src/domain';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { httpClient } from '../helpers/http';

/**
 * An administrator's view of a change of law through the API: the phase-out of running courses per
 * municipality, and a dry run of moving them to law-2026 that plans every case and changes none.
 */
const law = loadRuleset('law-2022');
let h: DevServerHarness;
const api = httpClient(() => h.api);
const citizen = { cpr: '010190-1234', name: 'Jens' };
const caseworker: Actor = { id: 'cw-1', role: 'caseworker', municipality: '101' };

beforeAll(async () => {
  h = await startDevServer(law);
  for (const caseId of ['PO-1', 'PO-2']) {
    await api.post('/api/v1/cases', { caseId, municipality: '101', citizen });
    await h.cases.send(
      caseId,
      'teamRecommendation',
      { recommends: 'ressourceforloeb', unanimous: true, citizenAttendedWholeMeeting: true },
      caseworker,
    );
    const grantedUntil = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    await h.cases.send(
      caseId,
      'municipalDecision',
      { decision: 'grant-course', reasoning: 'r', grantedUntil },
      caseworker,
    );
  }
}, 60_000);
afterAll(async () => {
  await h?.teardown();
});

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const value = await read();
    if (done(value) || attempt > 100) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('the phase-out: running courses per municipality by the month their granted period ends', async () => {
  const month = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 7);
  const answer = await eventually(
    () =>
      api.get<{ municipalities: { municipality: string; running: number }[] }>(
        '/api/v1/admin/phase-out',
        'admin',
      ),
    (answer) => answer.body.municipalities?.[0]?.running === 2,
  );
  expect(answer.status).toBe(200);
  expect(answer.body.municipalities).toEqual([{ municipality: '101', running: 2, byMonth: { [month]: 2 } }]);
  expect((await api.get('/api/v1/admin/phase-out', 'supervisor')).status).toBe(403);
});

test('a dry run to law-2026 plans every running course and moves none', async () => {
  const started = await api.post<{ href: string; apply: boolean }>(
    '/api/v1/admin/ruleset-moves',
    { from: 'law-2022@2', to: 'law-2026@2', reason: 'Lov nr. 1750 af 29. december 2025', moveId: 'dry-api' },
    'admin',
  );
  expect(started.status).toBe(202);
  expect(started.body.apply).toBe(false);
  const report = await eventually(
    () => api.get<{ status: string; counts: Record<string, number> }>(started.body.href, 'admin'),
    (answer) => answer.body.status === 'done',
  );
  expect(report.body.counts).toMatchObject({ 'would-move': 2, moved: 0, 'cannot-move': 0 });
  expect((await h.cases.state('PO-1')).ruleset.name).toBe('law-2022');
  const unknown = await api.post(
    '/api/v1/admin/ruleset-moves',
    { from: 'law-2022@2', to: 'law-2099@1', reason: 'r' },
    'admin',
  );
  expect(unknown.status).toBe(422);
  expect((await api.get('/api/v1/admin/ruleset-moves/nope', 'admin')).status).toBe(404);
  // The staff pages' line: the latest moves, each without its per-case list; administrators only.
  const recent = await eventually(
    () =>
      api.get<{ moves: { moveId: string; status: string; seen: number; cases?: unknown }[] }>(
        '/api/v1/admin/ruleset-moves',
        'admin',
      ),
    (answer) => answer.body.moves?.some((move) => move.moveId === 'dry-api') ?? false,
  );
  const line = recent.body.moves.find((move) => move.moveId === 'dry-api')!;
  expect(line).toMatchObject({ status: 'done', seen: 2 });
  expect(line.cases).toBeUndefined();
  expect((await api.get('/api/v1/admin/ruleset-moves', 'supervisor')).status).toBe(403);
});

test('after intake has closed a new ressourceforløb is refused before any workflow starts, citing the law', async () => {
  const offline = new CaseService({} as Client, 'unused');
  const opening = offline.open(
    { caseId: 'NEW-1', municipality: '101', citizen },
    loadRuleset('law-2026'),
    caseworker,
  );
  await expect(opening).rejects.toBeInstanceOf(EventRefusedError);
  await expect(opening).rejects.toThrow(/Lov nr\. 1750 af 29\. december 2025/);
});

test('the API pins a new case to the configured version in force today: under law-2026 no new course opens', async () => {
  // RF_RULESET=law-2022,law-2026: on 1 December 2026 law-2026 version 2 is in force.
  const app = createApp({
    cases: h.cases,
    ruleset: law,
    rulesets: loadRulesets('law-2022,law-2026'),
    tokens: testTokenRegistry(),
    logger: silentLogger(),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const dated = httpClient(() => `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const refused = await dated.post<{ detail: string }>('/api/v1/cases', {
      caseId: 'NEW-2',
      municipality: '101',
      citizen,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(
      /der kan ikke oprettes nye sager af typen ressourceforløb efter 2026-06-30: tilgangen er lukket \(Lov nr\. 1750 af 29\. december 2025\)/,
    );
    const fleksjob = {
      kind: 'fleksjob',
      caseId: 'NEW-FJ',
      municipality: '101',
      citizen,
      job: { weeklyHours: 10 },
    };
    expect((await dated.post('/api/v1/cases', fleksjob)).status).toBe(201);
    expect((await h.cases.state('NEW-FJ')).ruleset).toMatchObject({ name: 'law-2026', version: 2 });
  } finally {
    server.close();
  }
});
