import { loadRuleset } from '../../src/config/rulesets';
import type { Ruleset } from '../../src/domain';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { runsOf } from '../helpers/histories';
import { eventually, httpClient } from '../helpers/http';

let h: DevServerHarness;
const api = httpClient(() => h.api);
const citizen = { cpr: '010190-1234', name: 'Jens' };
const caseworker = { id: 'sara.caseworker', role: 'caseworker' as const, municipality: '101' };
type Answer = { event: { seq: number }; case: { timeline: Array<{ type: string }> }; warnings?: string[] };

beforeAll(async () => {
  h = await startDevServer();
});
afterAll(async () => {
  await h?.teardown();
});

const relative = (n: number) => ({ relativeId: `r${n}`, name: `Relative ${n}`, relation: 'friend' });
const relativesIn = (answer: { body: Answer }) =>
  answer.body.case.timeline.filter((entry) => entry.type === 'relativeRegistered').length;

test('a retried event with the same Idempotency-Key gets the first answer and is applied once', async () => {
  await api.post('/api/v1/cases', { caseId: 'IDEM-1', municipality: '101', citizen });
  const first = await api.post<Answer>('/api/v1/cases/IDEM-1/relatives', relative(1), 'caseworker', {
    'idempotency-key': 'request-0001',
  });
  const retry = await api.post<Answer>('/api/v1/cases/IDEM-1/relatives', relative(1), 'caseworker', {
    'idempotency-key': 'request-0001',
  });
  expect(first.status).toBe(200);
  expect(retry.status).toBe(200);
  expect(retry.body.event).toEqual(first.body.event);
  expect(relativesIn(retry)).toBe(1);
  // Without the key the same request is a new event — and this one the case refuses (the ID exists).
  const again = await api.post('/api/v1/cases/IDEM-1/relatives', relative(1));
  expect(again.status).toBe(409);
});

test('a retried case creation with the same key answers 201 again; another key meets the existing case', async () => {
  const body = { caseId: 'IDEM-2', municipality: '101', citizen };
  const first = await api.post('/api/v1/cases', body, 'caseworker', { 'idempotency-key': 'create-0002' });
  const retry = await api.post('/api/v1/cases', body, 'caseworker', { 'idempotency-key': 'create-0002' });
  expect([first.status, retry.status]).toEqual([201, 201]);
  expect(retry.body).toEqual(first.body);
  expect(
    (await api.post('/api/v1/cases', body, 'caseworker', { 'idempotency-key': 'create-0003' })).status,
  ).toBe(409);
});

test('the key holds across continue-as-new: a retry after the case moved to a new run is not applied again', async () => {
  await h.cases.open(
    { caseId: 'IDEM-3', municipality: '101', citizen },
    loadRuleset('seeds-2017'),
    caseworker,
    {
      historyLimit: 25,
    },
  );
  const first = await api.post<Answer>('/api/v1/cases/IDEM-3/relatives', relative(1), 'caseworker', {
    'idempotency-key': 'before-can-01',
  });
  for (let n = 2; n <= 12; n += 1) await api.post('/api/v1/cases/IDEM-3/relatives', relative(n));
  await eventually(async () => expect((await runsOf(h.env.client, 'IDEM-3')).length).toBeGreaterThan(1));
  const retry = await api.post<Answer>('/api/v1/cases/IDEM-3/relatives', relative(1), 'caseworker', {
    'idempotency-key': 'before-can-01',
  });
  expect(retry.status).toBe(200);
  expect(retry.body.event).toEqual(first.body.event);
  expect(relativesIn(retry)).toBe(12);
});

describe('the caseload limit, as the case’s ruleset says', () => {
  const withLimit = (overLimit: 'refuse' | 'warn'): Ruleset => {
    const rules = loadRuleset('seeds-2017');
    return { ...rules, name: `one-case-${overLimit}`, caseload: { limit: 1, overLimit } };
  };

  test.each(['refuse', 'warn'] as const)('over the limit: %s', async (overLimit) => {
    for (const n of [1, 2]) {
      await h.cases.open(
        { caseId: `LOAD-${overLimit}-${n}`, municipality: '101', citizen },
        withLimit(overLimit),
        caseworker,
      );
    }
    const caseworkerId = `cw-busy-${overLimit}`;
    expect(
      (
        await api.post(`/api/v1/cases/LOAD-${overLimit}-1/coordinating-caseworker`, {
          caseworkerId,
          name: 'Busy',
        })
      ).status,
    ).toBe(200);
    await eventually(async () =>
      expect(
        (await api.get<{ openCases: number }>(`/api/v1/caseworkers/${caseworkerId}/caseload`)).body.openCases,
      ).toBe(1),
    );
    const second = await api.post<Answer & { detail?: string }>(
      `/api/v1/cases/LOAD-${overLimit}-2/coordinating-caseworker`,
      {
        caseworkerId,
        name: 'Busy',
      },
    );
    if (overLimit === 'refuse') {
      expect(second).toMatchObject({
        status: 409,
        body: {
          title: 'Caseload limit reached',
          detail: `caseworker ${caseworkerId} already has 1 open cases; the limit is 1`,
        },
      });
    } else {
      expect(second.status).toBe(200);
      expect(second.body.warnings).toEqual([
        `caseworker ${caseworkerId} already has 1 open cases; the limit is 1`,
      ]);
    }
  });
});
