import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { eventually, type HttpAnswer, httpClient } from '../helpers/http';

/**
 * What a caller can cause is answered with a clear 4xx, at once, and changes nothing: events racing a
 * case that closes, a page token nobody handed out, identifiers shaped like CPR numbers, text with
 * control characters, dates from another century.
 */
let h: DevServerHarness;
const api = httpClient(() => h.api);
const citizen = { cpr: '010190-1234', name: 'Jens' };

beforeAll(async () => {
  // Mail that takes a moment, as a real server's does: a closing case then ends while events arrive.
  const slowMail = {
    send: () => new Promise<void>((resolve) => setTimeout(resolve, 5 + Math.random() * 10)),
  };
  h = await startDevServer(undefined, { transport: slowMail });
});
afterAll(async () => {
  await h?.teardown();
});

type Problem = { title: string; detail?: string; errors?: Array<{ field: string; message: string }> };

const statuses = (answers: HttpAnswer[]) => answers.map((answer) => answer.status);

describe('events that meet a case as it closes are refused (409), never a 5xx', () => {
  test('a fleksjob ended while other events arrive at once', async () => {
    const answers: HttpAnswer[] = [];
    for (let round = 1; round <= 3; round += 1) {
      const caseId = `RACE-FJ-${round}`;
      await api.post('/api/v1/cases', {
        kind: 'fleksjob',
        caseId,
        municipality: '101',
        citizen,
        job: { weeklyHours: 10 },
      });
      // The end, then waves of events over the moments the case takes to send its letters and close.
      const ended = api.post(`/api/v1/cases/${caseId}/fleksjob/end`, { reason: 'resigned' });
      const waves: Array<Promise<HttpAnswer>> = [];
      for (let wave = 0; wave < 8; wave += 1) {
        for (let n = 0; n < 4; n += 1) {
          waves.push(
            n % 2 === 0
              ? api.post(`/api/v1/cases/${caseId}/fleksjob/hours`, { weeklyHours: 12 + n })
              : api.post(`/api/v1/cases/${caseId}/relatives`, {
                  relativeId: `r${wave}-${n}`,
                  name: 'R',
                  relation: 'ven',
                }),
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 8));
      }
      answers.push(await ended, ...(await Promise.all(waves)));
      // Once the case has closed and its last letters are out, events still get a 409 with the reason.
      await eventually(async () => {
        const late = await api.post<Problem>(`/api/v1/cases/${caseId}/fleksjob/hours`, { weeklyHours: 20 });
        expect(late.status).toBe(409);
        expect(late.body.detail).toMatch(/lukket|sluttede/);
      });
    }
    expect(statuses(answers).filter((status) => status >= 500)).toEqual([]);
    expect(new Set(statuses(answers))).toEqual(new Set([200, 409]));
  });

  test('two routings to pension, at once and one after the other', async () => {
    const answers: HttpAnswer[] = [];
    for (let round = 1; round <= 4; round += 1) {
      const caseId = `RACE-P-${round}`;
      await api.post('/api/v1/cases', { caseId, municipality: '101', citizen });
      const route = () => api.post(`/api/v1/cases/${caseId}/pension-routing`, { basis: 'terminal-illness' });
      answers.push(...(await Promise.all([route(), route()])));
      for (let n = 0; n < 10; n += 1) {
        answers.push(await route());
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    }
    expect(statuses(answers).filter((status) => status >= 500)).toEqual([]);
    expect(statuses(answers).filter((status) => status === 200)).toHaveLength(4);
  });
});

test('a page token nobody handed out is a 400 at once, naming the field', async () => {
  const started = Date.now();
  const answer = await api.get<Problem>('/api/v1/cases?pageToken=abcdef');
  expect(answer.status).toBe(400);
  expect(answer.body.errors?.[0]?.field).toBe('pageToken');
  expect(Date.now() - started).toBeLessThan(2_000);
  // A real token continues its own list, and only its own.
  for (let n = 1; n <= 3; n += 1) {
    await api.post('/api/v1/cases', { caseId: `PAGE-${n}`, municipality: '101', citizen });
  }
  const first = await eventually(async () => {
    const page = await api.get<{ cases: unknown[]; nextPageToken: string | null }>(
      '/api/v1/cases?pageSize=1&kind=ressourceforloeb',
    );
    expect(page.body.nextPageToken).toEqual(expect.any(String));
    return page.body;
  });
  expect(
    (await api.get(`/api/v1/cases?pageSize=1&kind=ressourceforloeb&pageToken=${first.nextPageToken}`)).status,
  ).toBe(200);
  const elsewhere = await api.get(`/api/v1/cases?pageSize=1&kind=fleksjob&pageToken=${first.nextPageToken}`);
  expect(elsewhere.status).toBe(400);
});

describe('identifiers a person types: anything shaped like a CPR number is a 400', () => {
  test.each([
    [
      'a caseworker ID in an event',
      '/api/v1/cases/ID-1/coordinating-caseworker',
      { caseworkerId: '2811851234', name: 'Sara' },
    ],
    [
      'an offer ID',
      '/api/v1/cases/ID-1/offers',
      { offerId: 'o-281185-1234', kind: 'mentor', real: false, plannedStart: '2027-01-04' },
    ],
    [
      'a relative ID',
      '/api/v1/cases/ID-1/relatives',
      { relativeId: '2811851234', name: 'R', relation: 'søster' },
    ],
  ])('%s', async (_what, path, body) => {
    await api.post('/api/v1/cases', { caseId: 'ID-1', municipality: '101', citizen });
    const answer = await api.post<Problem>(path, body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toMatch(/ligner et CPR-nummer/);
  });

  test('in a path and a query', async () => {
    expect((await api.get('/api/v1/caseworkers/2811851234/caseload')).status).toBe(400);
    expect((await api.get('/api/v1/cases?caseworker=281185-1234')).status).toBe(400);
  });

  test('a case ID with ten digits that are no date is accepted, and its letters name it unmasked', async () => {
    const caseId = 'S1-1796066239';
    expect((await api.post('/api/v1/cases', { caseId, municipality: '101', citizen })).status).toBe(201);
    await api.post(`/api/v1/cases/${caseId}/pension-routing`, { basis: 'terminal-illness' });
    await eventually(async () => {
      const letters = h.mailer.sent.filter((message) => message.text.includes(caseId));
      expect(letters.length).toBeGreaterThan(0);
      expect(letters.every((message) => message.subject.includes(caseId))).toBe(true);
    });
  });
});

test('text with control characters and a spell from 1900 are refused; nothing is created', async () => {
  const nul = await api.post<Problem>('/api/v1/cases', {
    caseId: 'TXT-1',
    municipality: '101',
    citizen: { cpr: '010190-1234', name: 'Jens\u0000' },
  });
  expect(nul.status).toBe(400);
  expect(nul.body.errors?.[0]?.field).toBe('citizen.name');
  const bell = await api.post<Problem>('/api/v1/cases', {
    caseId: 'TXT-2',
    municipality: '101',
    citizen,
  });
  expect(bell.status).toBe(201);
  const reasoning = await api.post<Problem>('/api/v1/cases/TXT-2/team-recommendations', {
    recommends: 'ressourceforloeb',
    unanimous: false,
    dissent: [{ member: 'A', opinion: 'ring\u0007' }],
    citizenAttendedWholeMeeting: true,
  });
  expect(reasoning.status).toBe(400);
  const surrogate = await api.request<Problem>('POST', '/api/v1/cases/TXT-2/relatives', {
    rawBody: '{"relativeId":"r1","name":"\\ud800","relation":"ven"}',
    headers: { 'content-type': 'application/json' },
  });
  expect(surrogate.status).toBe(400);
  const spell = await api.post<Problem>('/api/v1/cases', {
    kind: 'cash-benefit',
    caseId: 'TXT-3',
    municipality: '101',
    citizen,
    spellStartedOn: '1900-01-01',
  });
  expect(spell.status).toBe(400);
  expect(spell.body.errors?.[0]).toEqual({
    field: 'spellStartedOn',
    message: 'skal være en dato fra 1990-01-01 til 2099-12-31',
  });
  expect((await api.get('/api/v1/cases/TXT-1')).status).toBe(404);
  expect((await api.get('/api/v1/cases/TXT-3')).status).toBe(404);
});
