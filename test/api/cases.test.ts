import { startDevServer, type DevServerHarness } from '../helpers/dev-server';

let h: DevServerHarness;
beforeAll(async () => {
  h = await startDevServer();
});
afterAll(async () => {
  await h?.teardown();
});

function post(path: string, body: unknown) {
  return fetch(`${h.api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const newCase = (caseId: string) => ({
  caseId,
  municipality: '101',
  citizen: { cpr: '010190-1234', name: 'Jens Jensen', email: 'jens@example.dk' },
});

test('POST creates a case: 201 with its ID and Location; GET answers its state with the CPR number masked', async () => {
  const created = await post('/api/v1/cases', newCase('KBH-2026-0001'));
  expect(created.status).toBe(201);
  expect(created.headers.get('location')).toBe('/api/v1/cases/KBH-2026-0001');
  expect(await created.json()).toEqual({ caseId: 'KBH-2026-0001' });

  const read = await fetch(`${h.api}/api/v1/cases/KBH-2026-0001`);
  expect(read.status).toBe(200);
  const state = await read.json();
  expect(state).toMatchObject({
    caseId: 'KBH-2026-0001',
    phase: 'referred',
    ruleset: { name: 'seeds-2017', version: 1 },
    citizen: { cpr: '010190-XXXX', name: 'Jens Jensen' },
    deadlines: expect.arrayContaining([expect.objectContaining({ id: 'team-meeting:1', status: 'pending' })]),
  });
  expect(JSON.stringify(state)).not.toContain('1234');
});

test('an event is recorded through its route and answered with the new state', async () => {
  await post('/api/v1/cases', newCase('KBH-2026-0002'));
  const response = await post('/api/v1/cases/KBH-2026-0002/team-recommendations', {
    recommends: 'ressourceforloeb',
    unanimous: false,
    dissent: [{ member: 'health', opinion: 'a course is premature' }],
    citizenAttendedWholeMeeting: true,
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    event: { seq: number; phase: string };
    case: { teamRecommendations: unknown[] };
  };
  expect(body.event).toMatchObject({ seq: 2, phase: 'awaiting-decision' });
  expect(body.case.teamRecommendations).toHaveLength(1);
});

test('invalid input is a 400 problem listing each field, and creates nothing', async () => {
  const response = await post('/api/v1/cases', { caseId: '010190-1234', municipality: 'x', citizen: {} });
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await response.json()) as { errors: Array<{ field: string }> };
  expect(problem.errors.map((error) => error.field)).toEqual([
    'caseId',
    'municipality',
    'citizen.cpr',
    'citizen.name',
  ]);
  expect((await fetch(`${h.api}/api/v1/cases/010190-1234`)).status).toBe(400);
});

test('an unknown case is a 404; a second case with the same ID is a 409', async () => {
  expect((await fetch(`${h.api}/api/v1/cases/NO-SUCH-CASE`)).status).toBe(404);
  await post('/api/v1/cases', newCase('KBH-2026-0003'));
  const again = await post('/api/v1/cases', newCase('KBH-2026-0003'));
  expect(again.status).toBe(409);
});
