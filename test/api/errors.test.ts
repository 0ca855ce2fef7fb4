import { silentLogger } from '../../src/observability/logger';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../src/api/app';
import { CaseService } from '../../src/client/case-service';
import { loadRuleset } from '../../src/config/rulesets';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { httpClient } from '../helpers/http';
import { people, testTokenRegistry } from '../helpers/tokens';

let h: DevServerHarness;
const api = httpClient(() => h.api);
beforeAll(async () => {
  h = await startDevServer();
  await api.post('/api/v1/cases', {
    caseId: 'ERR-1',
    municipality: '101',
    citizen: { cpr: '010190-1234', name: 'Jens' },
  });
});
afterAll(async () => {
  await h?.teardown();
});

type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
};

test('400: each invalid field and why, as problem+json; nothing is created', async () => {
  const answer = await api.post<Problem>('/api/v1/cases', {
    caseId: '010190-1234',
    municipality: 'KBH',
    citizen: { cpr: '12', name: '' },
    extra: true,
  });
  expect(answer.status).toBe(400);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ type: 'about:blank', title: 'Ugyldig forespørgsel', status: 400 });
  expect(answer.body.errors!.map((error) => error.field)).toEqual([
    'caseId',
    'municipality',
    'citizen.cpr',
    'citizen.name',
    'extra',
  ]);
  // The schema's own rule, in Danish like zod's messages.
  expect(answer.body.errors![0]!.message).toBe(
    'ligner et CPR-nummer; et sags-ID må ikke indeholde personoplysninger',
  );
  expect((await api.get('/api/v1/cases?status=all', 'admin')).body).toMatchObject({
    cases: expect.any(Array),
  });
});

test('400 for an event: the event’s own fields, and malformed JSON', async () => {
  const invalid = await api.post<Problem>('/api/v1/cases/ERR-1/team-recommendations', {
    recommends: 'holiday',
    unanimous: false,
  });
  expect(invalid.status).toBe(400);
  expect(invalid.body.errors!.map((error) => error.field)).toEqual([
    'recommends',
    'citizenAttendedWholeMeeting',
  ]);
  const malformed = await api.request<Problem>('POST', '/api/v1/cases/ERR-1/team-recommendations', {
    rawBody: '{"recommends": ',
    headers: { 'content-type': 'application/json' },
  });
  expect(malformed).toMatchObject({ status: 400, body: { detail: 'indholdet er ikke gyldig JSON' } });
  const badQuery = await api.get<Problem>('/api/v1/cases?escalated=maybe&pageSize=1000');
  expect(badQuery.status).toBe(400);
  expect(badQuery.body.errors!.map((error) => error.field)).toEqual(['escalated', 'pageSize']);
});

test('404: an unknown case, or an unknown route', async () => {
  expect((await api.get<Problem>('/api/v1/cases/NO-SUCH-CASE')).body).toMatchObject({
    status: 404,
    title: 'Sagen findes ikke',
  });
  // English for developers' tooling that asks for it.
  const english = await api.request<Problem>('GET', '/api/v1/cases/NO-SUCH-CASE', {
    headers: { 'accept-language': 'en' },
  });
  expect(english.body).toMatchObject({ title: 'Case not found', detail: 'no case with ID NO-SUCH-CASE' });
  expect((await api.post<Problem>('/api/v1/cases/NO-SUCH-CASE/conclusion', { outcome: 'job' })).status).toBe(
    404,
  );
  expect((await api.get('/api/v1/nothing-here')).status).toBe(404);
});

test('409: the workflow’s validator refuses, its reason in the body, and the refusal is in the timeline', async () => {
  const answer = await api.post<Problem>('/api/v1/cases/ERR-1/decisions', {
    decision: 'grant-course',
    reasoning: 'now',
  });
  expect(answer).toMatchObject({
    status: 409,
    body: {
      title: 'Hændelsen er afvist',
      detail:
        'kommunen træffer afgørelse på grundlag af teamets indstilling: teamet har ikke givet sin indstilling endnu',
    },
  });
  const timeline = await api.get<{
    timeline: Array<{ type: string; outcome: string; reason?: string; actor: { id: string } }>;
  }>('/api/v1/cases/ERR-1/timeline');
  expect(timeline.body.timeline[timeline.body.timeline.length - 1]).toMatchObject({
    type: 'municipalDecision',
    outcome: 'rejected',
    actor: { id: 'sara.caseworker' },
    reason: expect.stringContaining('teamet har ikke givet sin indstilling endnu'),
  });
  // The case keeps the message; a developer's tool asking for English reads it in English.
  const english = await api.request<{ timeline: Array<{ reason?: string }> }>(
    'GET',
    '/api/v1/cases/ERR-1/timeline',
    { headers: { 'accept-language': 'en' } },
  );
  expect(english.body.timeline.at(-1)!.reason).toContain('the team has not recommended yet');
  const again = await api.post<Problem>('/api/v1/cases', {
    caseId: 'ERR-1',
    municipality: '101',
    citizen: { cpr: '0101901234', name: 'J' },
  });
  expect(again).toMatchObject({ status: 409, body: { title: 'Sagen findes allerede' } });
});

test('413 for an oversized body, 415 for one that is not JSON', async () => {
  const big = await api.post<Problem>('/api/v1/cases/ERR-1/conclusion', {
    outcome: 'job',
    note: 'x'.repeat(70_000),
  });
  expect(big).toMatchObject({ status: 413, body: { title: 'Indholdet er for stort' } });
  const text = await api.request<Problem>('POST', '/api/v1/cases/ERR-1/conclusion', {
    rawBody: 'outcome=job',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(text).toMatchObject({ status: 415, body: { title: 'Medietypen understøttes ikke' } });
});

test('401 without a token or with a wrong one; 403 for a role or a municipality; nothing changes', async () => {
  expect((await api.get<Problem>('/api/v1/cases/ERR-1', null)).status).toBe(401);
  const wrong = await api.request<Problem>('GET', '/api/v1/cases/ERR-1', {
    as: null,
    headers: { authorization: 'Bearer not-a-real-token-not-a-real-token' },
  });
  expect(wrong.status).toBe(401);
  expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
  const supervisorEvent = await api.post<Problem>(
    '/api/v1/cases/ERR-1/conclusion',
    { outcome: 'ended-other' },
    'supervisor',
  );
  expect(supervisorEvent).toMatchObject({
    status: 403,
    body: { detail: 'en leder har ikke adgang til POST /api/v1/cases/:caseId/conclusion' },
  });
  const foreign = await api.post<Problem>(
    '/api/v1/cases/ERR-1/conclusion',
    { outcome: 'ended-other' },
    'otherCaseworker',
  );
  expect(foreign).toMatchObject({
    status: 403,
    body: { detail: 'sag ERR-1 hører til en anden kommune' },
  });
  expect((await api.get('/api/v1/cases/ERR-1', 'otherCaseworker')).status).toBe(403);
  const state = await api.get<{ phase: string }>('/api/v1/cases/ERR-1');
  expect(state.body.phase).toBe('referred');
});

test('400 for a malformed Idempotency-Key', async () => {
  const answer = await api.post<Problem>(
    '/api/v1/cases/ERR-1/relatives',
    { relativeId: 'r1', name: 'M', relation: 'x' },
    'caseworker',
    {
      'idempotency-key': 'bad key!',
    },
  );
  expect(answer.status).toBe(400);
  expect(answer.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
});

test('healthz always; readyz while Temporal answers', async () => {
  expect((await api.get('/healthz', null)).body).toEqual({ status: 'ok' });
  expect((await api.get('/readyz', null)).body).toEqual({ status: 'ready' });
});

test('503 when Temporal cannot be reached: readyz, reads and events', async () => {
  const connection = Connection.lazy({ address: '127.0.0.1:9', connectTimeout: 500 });
  const cases = new CaseService(new Client({ connection }), 'nowhere', { answerWithinMs: 1_000 });
  const server: Server = await new Promise((resolve) => {
    const listening = createApp({
      cases,
      ruleset: loadRuleset('seeds-2017'),
      tokens: testTokenRegistry(),
      logger: silentLogger(),
    }).listen(0, '127.0.0.1', () => resolve(listening));
  });
  const down = httpClient(() => `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  try {
    expect((await down.get<Problem>('/readyz', null)).status).toBe(503);
    expect((await down.get<Problem>('/api/v1/cases/ERR-1')).body).toMatchObject({ status: 503 });
    expect((await down.post<Problem>('/api/v1/cases/ERR-1/conclusion', { outcome: 'job' })).status).toBe(503);
    expect((await down.get<Problem>('/api/v1/cases')).status).toBe(503);
  } finally {
    server.close();
    await connection.close();
  }
});

test('the OpenAPI 3.1 document covers every route, and the docs page serves without the internet', async () => {
  const document = await api.get<{
    openapi: string;
    paths: Record<string, Record<string, { operationId: string }>>;
  }>('/openapi.json', null);
  expect(document.body.openapi).toBe('3.1.0');
  const operations = Object.values(document.body.paths).flatMap((methods) =>
    Object.values(methods).map((op) => op.operationId),
  );
  expect(operations).toEqual(
    expect.arrayContaining([
      'createCase',
      'listCases',
      'getCase',
      'getTimeline',
      'getCaseload',
      'startOffer',
      'recordYearlyCheck',
      'interruptCashBenefit',
    ]),
  );
  expect(document.body.paths['/api/v1/cases/{caseId}/offers/{offerId}/start']).toBeDefined();
  const docs = await api.get('/docs', null);
  expect(docs.status).toBe(200);
  expect(String(docs.body)).toContain('/openapi.json');
  expect((await fetch(`${h.api}/docs/assets/swagger-ui-bundle.js`)).status).toBe(200);
  void people;
});
