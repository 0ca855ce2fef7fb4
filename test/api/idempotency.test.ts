import { loadRuleset } from '../../src/config/rulesets';
import type { Ruleset } from '../../src/domain';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { runsOf } from '../helpers/histories';
import { eventually, httpClient } from '../helpers/http';

let h: DevServerHarness;
const api = httpClient(() => h.api);
const citizen = { cpr: '010190-1234', name: 'Jens' };
const caseworker = { id: 'sara.caseworker', role: 'caseworker' as const, municipality: '101' };
type Answer = {
  event: { seq: number };
  case: { relatives: Array<{ id: string }>; citizen: { cpr: string } };
  warnings?: string[];
};

beforeAll(async () => {
  h = await startDevServer();
});
afterAll(async () => {
  await h?.teardown();
});

const relative = (n: number) => ({ relativeId: `r${n}`, name: `Relative ${n}`, relation: 'friend' });
const relativesIn = (answer: { body: Answer }) => answer.body.case.relatives.length;

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

test('a retry gets exactly the first answer, status and body, though the case has moved on since', async () => {
  await api.post('/api/v1/cases', { caseId: 'IDEM-4', municipality: '101', citizen });
  const headers = { 'idempotency-key': 'exact-00004' };
  const first = await api.post<Answer>('/api/v1/cases/IDEM-4/relatives', relative(1), 'caseworker', headers);
  await api.post('/api/v1/cases/IDEM-4/relatives', relative(2));
  const retry = await api.post<Answer>('/api/v1/cases/IDEM-4/relatives', relative(1), 'caseworker', headers);
  expect(retry.status).toBe(first.status);
  expect(retry.body).toEqual(first.body);
  expect(relativesIn(retry)).toBe(1);
  expect((await api.get<{ relatives: unknown[] }>('/api/v1/cases/IDEM-4')).body.relatives).toHaveLength(2);
});

test('the same key with another request is refused (422) and the other request is not applied', async () => {
  await api.post('/api/v1/cases', { caseId: 'IDEM-5', municipality: '101', citizen });
  const headers = { 'idempotency-key': 'reused-00005' };
  expect((await api.post('/api/v1/cases/IDEM-5/relatives', relative(1), 'caseworker', headers)).status).toBe(
    200,
  );
  const other = await api.post<{ title: string }>(
    '/api/v1/cases/IDEM-5/relatives',
    relative(2),
    'caseworker',
    headers,
  );
  expect(other).toMatchObject({ status: 422, body: { title: 'Idempotency-Key er genbrugt' } });
  expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect((await api.get<{ relatives: unknown[] }>('/api/v1/cases/IDEM-5')).body.relatives).toHaveLength(1);
  // The same request written with its fields in another order is the same request.
  const reordered = { relation: 'friend', name: 'Relative 1', relativeId: 'r1' };
  expect((await api.post('/api/v1/cases/IDEM-5/relatives', reordered, 'caseworker', headers)).status).toBe(
    200,
  );
});

test('a key belongs to its caller: another municipality’s caseworker with a used key is refused and sees nothing', async () => {
  await api.post('/api/v1/cases', { caseId: 'IDEM-6', municipality: '101', citizen });
  const headers = { 'idempotency-key': 'shared-00006' };
  const own = await api.post<Answer>('/api/v1/cases/IDEM-6/relatives', relative(1), 'caseworker', headers);
  expect(own.status).toBe(200);
  const foreign = await api.post('/api/v1/cases/IDEM-6/relatives', relative(1), 'otherCaseworker', headers);
  expect(foreign.status).toBe(403);
  expect(JSON.stringify(foreign.body)).not.toContain(citizen.cpr);
  expect(JSON.stringify(foreign.body)).not.toContain('relatives');
  // The same key on another route of the same case is another key: the case itself judges that event.
  const otherRoute = await api.post(
    '/api/v1/cases/IDEM-6/relatives/r1/consent',
    { consent: true, covers: ['decisions'] },
    'caseworker',
    headers,
  );
  expect(otherRoute.status).toBe(200);
});

test('creating a case: another municipality’s caseworker with a used key meets an existing case, not a 201', async () => {
  const headers = { 'idempotency-key': 'create-00007' };
  expect(
    (
      await api.post(
        '/api/v1/cases',
        { caseId: 'IDEM-7', municipality: '101', citizen },
        'caseworker',
        headers,
      )
    ).status,
  ).toBe(201);
  const foreign = await api.post(
    '/api/v1/cases',
    { caseId: 'IDEM-7', municipality: '751', citizen },
    'otherCaseworker',
    headers,
  );
  expect(foreign.status).toBe(409);
  const changed = await api.post(
    '/api/v1/cases',
    { caseId: 'IDEM-7', municipality: '101', citizen: { ...citizen, name: 'Other' } },
    'caseworker',
    headers,
  );
  expect(changed.status).toBe(422);
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
  // Exactly the first answer, carried into the new run; and the relative was not registered twice.
  expect(retry.body).toEqual(first.body);
  expect((await api.get<{ relatives: unknown[] }>('/api/v1/cases/IDEM-3')).body.relatives).toHaveLength(12);
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
          title: 'Grænsen for antal sager er nået',
          detail: `sagsbehandler ${caseworkerId} har allerede 1 åbne sager; grænsen er 1`,
        },
      });
    } else {
      expect(second.status).toBe(200);
      expect(second.body.warnings).toEqual([
        `sagsbehandler ${caseworkerId} har allerede 1 åbne sager; grænsen er 1`,
      ]);
    }
  });
});
