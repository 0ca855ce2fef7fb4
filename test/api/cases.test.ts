import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { eventually, httpClient } from '../helpers/http';

let h: DevServerHarness;
const api = httpClient(() => h.api);
beforeAll(async () => {
  h = await startDevServer();
});
afterAll(async () => {
  await h?.teardown();
});

const citizen = { cpr: '010190-1234', name: 'Jens Jensen', email: 'jens@example.dk' };
type Answer = { event: { seq: number; phase: string }; case: Record<string, unknown>; warnings?: string[] };

test('a whole course through the API: referral to conclusion, every step answered with the new state', async () => {
  const created = await api.post('/api/v1/cases', { caseId: 'KBH-2026-0100', municipality: '101', citizen });
  expect(created.status).toBe(201);
  expect(created.headers.get('location')).toBe('/api/v1/cases/KBH-2026-0100');
  expect(created.body).toEqual({
    caseId: 'KBH-2026-0100',
    kind: 'ressourceforloeb',
    href: '/api/v1/cases/KBH-2026-0100',
  });

  const steps: Array<[string, unknown, string]> = [
    [
      'coordinating-caseworker',
      { caseworkerId: 'sara.caseworker', name: 'Sara', email: 'sara@kk.dk' },
      'referred',
    ],
    [
      'team-recommendations',
      { recommends: 'ressourceforloeb', unanimous: true, citizenAttendedWholeMeeting: true },
      'awaiting-decision',
    ],
    ['decisions', { decision: 'grant-course', reasoning: 'as the team recommends' }, 'in-course'],
    [
      'offers',
      { offerId: 'praktik-1', kind: 'internship', real: true, plannedStart: '2026-12-01' },
      'in-course',
    ],
    ['offers/praktik-1/health-coordinator-request', {}, 'in-course'],
    [
      'offers/praktik-1/health-coordinator-advice',
      { advice: 'adjust', note: 'fewer hours to begin with' },
      'in-course',
    ],
    // LAB § 113, stk. 3 (version 2 rulesets): the municipality decides after the advice.
    [
      'offers/praktik-1/health-advice-decision',
      { decision: 'adjust', reasoning: 'fewer hours to begin with' },
      'in-course',
    ],
    ['offers/praktik-1/start', {}, 'in-course'],
    [
      'relatives',
      { relativeId: 'r1', name: 'Mette', relation: 'spouse', email: 'mette@example.dk' },
      'in-course',
    ],
    ['relatives/r1/consent', { consent: true, covers: ['decisions'] }, 'in-course'],
    ['complaints', { complaintId: 'k1', about: 'offer', offerId: 'praktik-1' }, 'in-course'],
    ['complaints/k1/reconsideration', { result: 'kept', reasoning: 'the internship suits' }, 'in-course'],
    ['complaints/k1/forwarding', {}, 'in-course'],
    ['offers/praktik-1/end', { reason: 'completed' }, 'in-course'],
    // A decision that ends the course can be complained about: the case stays open for the window.
    ['conclusion', { outcome: 'job', note: 'hired by the internship' }, 'closing'],
  ];
  let seq = 1;
  for (const [route, body, phase] of steps) {
    const answer = await api.post<Answer>(`/api/v1/cases/KBH-2026-0100/${route}`, body);
    expect({ route, status: answer.status }).toEqual({ route, status: 200 });
    expect(answer.body.event.phase).toBe(phase);
    expect(answer.body.event.seq).toBeGreaterThan(seq);
    seq = answer.body.event.seq;
  }

  const state = await api.get<Record<string, unknown> & { citizen: { cpr: string }; outcome: unknown }>(
    '/api/v1/cases/KBH-2026-0100',
  );
  expect(state.status).toBe(200);
  expect(state.body).toMatchObject({
    phase: 'closing',
    outcome: { outcome: 'job' },
    kind: 'ressourceforloeb',
  });
  expect(state.body.citizen.cpr).toBe('010190-1234');
  expect(state.body).not.toHaveProperty('rules');

  const asSupervisor = await api.get<{ citizen: { cpr: string } }>(
    '/api/v1/cases/KBH-2026-0100',
    'supervisor',
  );
  expect(asSupervisor.body.citizen.cpr).toBe('010190-XXXX');

  const timeline = await api.get<{ timeline: Array<{ type: string; actor: { id: string } }> }>(
    '/api/v1/cases/KBH-2026-0100/timeline',
  );
  expect(
    timeline.body.timeline.filter((entry) => entry.actor.id === 'sara.caseworker').map((entry) => entry.type),
  ).toEqual([
    'caseOpened',
    'caseworkerAssigned',
    'teamRecommendation',
    'municipalDecision',
    'offerRegistered',
    'healthCoordinatorRequested',
    'healthCoordinatorAdvice',
    'healthAdviceDecided',
    'offerStarted',
    'relativeRegistered',
    'relativeConsent',
    'complaintReceived',
    'complaintReconsidered',
    'complaintForwarded',
    'offerEnded',
    'courseConcluded',
  ]);
});

test('a fleksjob and a kontanthjælp spell are opened through the same route, and take their own events', async () => {
  const fleksjob = await api.post('/api/v1/cases', {
    kind: 'fleksjob',
    caseId: 'KBH-FJ-1',
    municipality: '101',
    citizen,
    job: { weeklyHours: 3 },
  });
  expect(fleksjob.status).toBe(201);
  const check = await api.post<Answer>('/api/v1/cases/KBH-FJ-1/fleksjob/hours', { weeklyHours: 6 });
  expect(check.status).toBe(200);
  expect(check.body.case).toMatchObject({ kind: 'fleksjob', job: { weeklyHours: 6 } });

  const spell = await api.post('/api/v1/cases', {
    kind: 'cash-benefit',
    caseId: 'KBH-KH-1',
    municipality: '101',
    citizen,
  });
  expect(spell.status).toBe(201);
  const wrong = await api.post('/api/v1/cases/KBH-KH-1/fleksjob/hours', { weeklyHours: 6 });
  expect(wrong).toMatchObject({ status: 409, body: { title: 'Forkert sagstype' } });
  const future = await api.post('/api/v1/cases', {
    kind: 'cash-benefit',
    caseId: 'KBH-KH-2',
    municipality: '101',
    citizen,
    spellStartedOn: '2099-01-01',
  });
  expect(future).toMatchObject({
    status: 409,
    body: { detail: 'spellStartedOn: et forløb kan ikke begynde i fremtiden' },
  });
});

describe('lists through visibility, by each filter', () => {
  beforeAll(async () => {
    const open = (caseId: string, municipality = '101') =>
      api.post(
        '/api/v1/cases',
        { caseId, municipality, citizen },
        municipality === '101' ? 'caseworker' : 'otherCaseworker',
      );
    await open('LIST-1');
    await open('LIST-2');
    await open('LIST-3', '751');
    await api.post('/api/v1/cases/LIST-1/coordinating-caseworker', { caseworkerId: 'cw-list', name: 'Lis' });
    await api.post('/api/v1/cases/LIST-2/team-recommendations', {
      recommends: 'ressourceforloeb',
      unanimous: true,
      citizenAttendedWholeMeeting: true,
    });
  });

  const ids = async (query: string, as: Parameters<typeof api.get>[1] = 'admin') => {
    const answer = await api.get<{ cases: Array<{ caseId: string }> }>(`/api/v1/cases?${query}`, as);
    expect(answer.status).toBe(200);
    return answer.body.cases
      .map((entry) => entry.caseId)
      .filter((id) => id.startsWith('LIST-'))
      .sort();
  };

  test.each([
    ['municipality=751', ['LIST-3']],
    ['caseworker=cw-list', ['LIST-1']],
    ['phase=awaiting-decision', ['LIST-2']],
    ['kind=ressourceforloeb&phase=referred&municipality=101', ['LIST-1']],
    ['escalated=false&municipality=101', ['LIST-1', 'LIST-2']],
    // LIST-1 has its caseworker: its next deadline is the team meeting in 8 weeks; the others' fall in 2.
    [
      `deadlineBefore=${encodeURIComponent(new Date(Date.now() + 30 * 86_400_000).toISOString())}`,
      ['LIST-2', 'LIST-3'],
    ],
    [`deadlineBefore=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`, []],
  ])('%s', async (query, expected) => {
    await eventually(async () => expect(await ids(query)).toEqual(expected));
  });

  // An unknown filter or value would answer an empty list, which reads as "nothing to do": refused.
  test.each([
    ['phase=foo', 'phase', /Ugyldig/],
    ['kind=bar', 'kind', /Ugyldig/],
    ['nonsense=1', 'nonsense', /Ukend/],
    ['kind=fleksjob&phase=referred', 'phase', /En sag af typen fleksjob har ikke fasen referred/],
    ['overdue=maybe', 'overdue', /Ugyldig/],
  ])('%s is refused with 400 and the field, in Danish', async (query, field, message) => {
    const answer = await api.get<{ status: number; errors: Array<{ field: string; message: string }> }>(
      `/api/v1/cases?${query}`,
      'supervisor',
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  test('a caseworker sees only their own municipality, and pages through it', async () => {
    await eventually(async () => expect(await ids('', 'otherCaseworker')).toEqual(['LIST-3']));
    const first = await api.get<{ cases: unknown[]; nextPageToken: string | null }>(
      '/api/v1/cases?pageSize=1',
      'caseworker',
    );
    expect(first.body.cases).toHaveLength(1);
    expect(first.body.nextPageToken).toEqual(expect.any(String));
    const second = await api.get<{ cases: unknown[] }>(
      `/api/v1/cases?pageSize=1&pageToken=${first.body.nextPageToken}`,
    );
    expect(second.status).toBe(200);
    expect(second.body.cases).toHaveLength(1);
  });

  test('a caseworker’s caseload counts their open cases', async () => {
    await eventually(async () => {
      const answer = await api.get<{ openCases: number; limit: number; cases: Array<{ caseId: string }> }>(
        '/api/v1/caseworkers/cw-list/caseload',
        'supervisor',
      );
      expect(answer.body).toMatchObject({ openCases: 1, limit: 30 });
      expect(answer.body.cases.map((entry) => entry.caseId)).toEqual(['LIST-1']);
    });
  });
});
