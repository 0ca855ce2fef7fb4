import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/api/app';
import { loadRuleset } from '../../src/config/rulesets';
import { silentLogger } from '../../src/observability/logger';
import { createWaitingTimesProjection, type WaitingTimesProjection } from '../../src/reporting/projection';
import { rebuildWhenEmpty } from '../../src/reporting/rebuild';
import type { WaitingTimesReport } from '../../src/reporting/waiting-times';
import { type Database, openDatabase } from '../../src/store/database';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { eventually, httpClient } from '../helpers/http';
import { testTokenRegistry } from '../helpers/tokens';

/**
 * Waiting times through the real API and a real Temporal server (seed 001 §9: measured and chased):
 * events sent through the API write the reporting projection (a SQLite file, as the embedded default
 * keeps it), the report reads it, and a rebuild from the case workflows after the table is dropped
 * gives the same figures.
 */
// A course that ends goes straight on to its follow-up (no complaint window kept open): the test
// reaches a fleksjob continuing a course without waiting weeks.
const seeds = loadRuleset('seeds-2017');
const ruleset = { ...seeds, complaints: { ...seeds.complaints, openAfterEnd: false } };

let h: DevServerHarness;
let db: Database;
let projection: WaitingTimesProjection;
let server: Server;
let base = '';
const api = httpClient(() => base);
const citizen = { cpr: '010190-1234', name: 'Jens Jensen' };
const grant = { decision: 'grant-course', reasoning: 'as recommended' };
const recommend = { recommends: 'ressourceforloeb', unanimous: true, citizenAttendedWholeMeeting: true };

function listen(waitingTimes: WaitingTimesProjection): Promise<Server> {
  return new Promise((resolve) => {
    const listening = createApp({
      cases: h.cases,
      ruleset,
      tokens: testTokenRegistry(),
      logger: silentLogger(),
      waitingTimes,
    }).listen(0, '127.0.0.1', () => resolve(listening));
  });
}

async function ok(path: string, body: unknown, as: 'caseworker' | 'admin' = 'caseworker') {
  const answer = await api.post(path, body, as);
  if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

beforeAll(async () => {
  h = await startDevServer(ruleset);
  db = openDatabase({
    sqlitePath: join(mkdtempSync(join(tmpdir(), 'rf-waiting-')), 'ressourceforloeb.sqlite'),
  });
  projection = createWaitingTimesProjection(db);
  server = await listen(projection);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // WT-1: every step of a course done.
  await ok('/api/v1/cases', { caseId: 'WT-1', municipality: '101', citizen });
  await ok('/api/v1/cases/WT-1/coordinating-caseworker', { caseworkerId: 'sara.caseworker', name: 'Sara' });
  await ok('/api/v1/cases/WT-1/team-recommendations', recommend);
  await ok('/api/v1/cases/WT-1/decisions', grant);
  await ok('/api/v1/cases/WT-1/offers', {
    offerId: 'o1',
    kind: 'mentor',
    real: false,
    plannedStart: '2027-01-01',
  });
  await ok('/api/v1/cases/WT-1/offers/o1/start', {});
  // WT-2: referred and nothing since: still waiting for the team and a caseworker.
  await ok('/api/v1/cases', { caseId: 'WT-2', municipality: '101', citizen });
  // WT-3: a course that ends with a fleksjob: its course steps stay, the follow-up has its own.
  await ok('/api/v1/cases', { caseId: 'WT-3', municipality: '101', citizen });
  await ok('/api/v1/cases/WT-3/team-recommendations', recommend);
  await ok('/api/v1/cases/WT-3/decisions', grant);
  await ok('/api/v1/cases/WT-3/conclusion', { outcome: 'fleksjob' });
  // WT-4: another municipality's case.
  await ok('/api/v1/cases', { caseId: 'WT-4', municipality: '147', citizen }, 'admin');
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
  await h?.teardown();
});

type Kinds = WaitingTimesReport['municipalities'][number]['kinds'];
const stepsOf = (kinds: Kinds, kind: string) =>
  Object.fromEntries(kinds.find((entry) => entry.kind === kind)!.steps.map((step) => [step.step, step]));

test("a supervisor reads their municipality's figures: steps done, open cases still waiting apart", async () => {
  const answer = await api.get<WaitingTimesReport>('/api/v1/reports/waiting-times', 'supervisor');
  expect(answer.status).toBe(200);
  expect(answer.body.municipalities.map((m) => m.municipality)).toEqual(['101']);
  const [own] = answer.body.municipalities;
  expect(own!.cases).toBe(3);
  const course = stepsOf(own!.kinds, 'ressourceforloeb');
  expect(course['team-meeting']).toMatchObject({ done: { n: 2 }, stillWaiting: { n: 1 } });
  expect(course['decision']).toMatchObject({ done: { n: 2 }, stillWaiting: { n: 0 } });
  // WT-3's course ended without a caseworker: not waiting any more, and not dropped silently.
  expect(course['coordinating-caseworker']).toMatchObject({
    done: { n: 1 },
    stillWaiting: { n: 1 },
    endedWithout: 1,
  });
  expect(course['first-measure']).toMatchObject({ done: { n: 1 }, stillWaiting: { n: 0 }, endedWithout: 1 });
  expect(course['team-meeting']!.done.medianDays).toBe(0);
  expect(stepsOf(own!.kinds, 'fleksjob')['coordinating-caseworker']).toMatchObject({
    stillWaiting: { n: 1 },
  });
});

test('who may read it: a caseworker no; a supervisor not another municipality; an administrator picks one', async () => {
  expect((await api.get('/api/v1/reports/waiting-times', 'caseworker')).status).toBe(403);
  expect((await api.get('/api/v1/reports/waiting-times?municipality=147', 'supervisor')).status).toBe(403);
  const picked = await api.get<WaitingTimesReport>('/api/v1/reports/waiting-times?municipality=147', 'admin');
  expect(picked.body.municipalities.map((m) => m.municipality)).toEqual(['147']);
  const all = await api.get<WaitingTimesReport>('/api/v1/reports/waiting-times', 'admin');
  expect(all.body.municipalities.map((m) => m.municipality)).toEqual(['101', '147']);
});

test('bad input is a Danish 400 problem naming the field', async () => {
  const answer = await api.get<{ errors: Array<{ field: string; message: string }> }>(
    '/api/v1/reports/waiting-times?municipality=abc',
    'admin',
  );
  expect(answer.status).toBe(400);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(answer.body.errors).toEqual([
    { field: 'municipality', message: 'den trecifrede kommunekode, fx 101' },
  ]);
  const unknown = await api.get<{ errors: Array<{ field: string; message: string }> }>(
    '/api/v1/reports/waiting-times?kommune=101',
    'admin',
  );
  expect(unknown.status).toBe(400);
  expect(unknown.body.errors[0]!.message).toMatch(/[Uu]kendt/);
});

/** The figures without the moment they were read at. */
async function figures(): Promise<unknown> {
  const { body } = await api.get<WaitingTimesReport>('/api/v1/reports/waiting-times', 'admin');
  const { asOf: _asOf, endedSince: _endedSince, ...rest } = body;
  return rest;
}

test('the table dropped, the rebuild from the case workflows gives the same figures', async () => {
  const before = await figures();
  await db.exec('DROP TABLE waiting_steps');
  // The rebuild lists the cases through visibility, which shows a change a moment after it is made.
  await eventually(async () => {
    const rebuilt = await api.post<{ cases: number; unreadable: number }>(
      '/api/v1/reports/waiting-times/rebuild',
      {},
      'admin',
    );
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body).toMatchObject({ cases: 4, unreadable: 0 });
    expect(await figures()).toEqual(before);
  });
  expect((await api.post('/api/v1/reports/waiting-times/rebuild', {}, 'supervisor')).status).toBe(403);
});

test('an API starting on an empty projection rebuilds it by itself', async () => {
  const before = await figures();
  await db.exec('DROP TABLE waiting_steps');
  const restarted = createWaitingTimesProjection(db);
  rebuildWhenEmpty(restarted, h.cases, silentLogger());
  await eventually(async () => {
    expect(await restarted.size()).toBeGreaterThan(0);
    expect(await figures()).toEqual(before);
  });
});
