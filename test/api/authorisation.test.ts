import { cashBenefitEventMessages, fleksjobEventMessages } from '../../src/messages';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { httpClient } from '../helpers/http';
import { people, type Person } from '../helpers/tokens';

/**
 * The role and municipality matrix for every route, read from the OpenAPI document (its x-roles say
 * who may call each operation): a person of another role, or of another municipality, is refused
 * with 403; one who may is never refused for who they are; nobody gets in without a token.
 */
let h: DevServerHarness;
const api = httpClient(() => h.api);
const citizen = { cpr: '010190-1234', name: 'Jens' };

beforeAll(async () => {
  h = await startDevServer();
  await api.post('/api/v1/cases', { caseId: 'MX-101', municipality: '101', citizen });
  await api.post('/api/v1/cases', {
    kind: 'fleksjob',
    caseId: 'MX-FJ-101',
    municipality: '101',
    citizen,
    job: { weeklyHours: 3 },
  });
  await api.post('/api/v1/cases', {
    kind: 'cash-benefit',
    caseId: 'MX-KH-101',
    municipality: '101',
    citizen,
  });
});
afterAll(async () => {
  await h?.teardown();
});

/** A valid body for each operation (the case may still refuse it for its phase: that is a 409, not a 403). */
const bodies: Record<string, unknown> = {
  createCase: { caseId: 'MX-NEW', municipality: '101', citizen },
  assignCaseworker: { caseworkerId: 'cw-x', name: 'X' },
  registerRelative: { relativeId: 'r1', name: 'M', relation: 'mother' },
  recordRelativeConsent: { consent: true, covers: ['decisions'] },
  acknowledgeEscalation: {},
  recordTeamRecommendation: {
    recommends: 'ressourceforloeb',
    unanimous: true,
    citizenAttendedWholeMeeting: true,
  },
  recordMunicipalDecision: { decision: 'grant-course', reasoning: 'r' },
  registerOffer: { offerId: 'o1', kind: 'mentor', real: false, plannedStart: '2027-01-01' },
  startOffer: {},
  endOffer: { reason: 'withdrawn' },
  recordSpecialistAdvice: { specialty: 'psykiatri' },
  requestHealthCoordinator: {},
  recordHealthCoordinatorAdvice: { advice: 'proceed' },
  recordSpecialReasons: { reasoning: 'r' },
  recordHealthAdviceDecision: { decision: 'keep', reasoning: 'r' },
  registerEarlierCourse: { from: '2020-01-01', to: '2021-12-31' },
  receiveComplaint: { complaintId: 'k1', about: 'grant' },
  reconsiderComplaint: { result: 'kept', reasoning: 'r' },
  recordComplaintMaintained: { maintained: true },
  recordComplaintForwarded: {},
  recordAppealDecision: { result: 'decision-upheld' },
  demandDecisionOnExistingEvidence: {},
  routeToPension: { basis: 'no-prospect-of-development' },
  concludeCourse: { outcome: 'ended-other' },
  startFleksjob: { weeklyHours: 4 },
  changeFleksjobHours: { weeklyHours: 4 },
  recordFewHoursChoice: { chosen: true },
  recordProgressionReview: { workCapacity: 'as-expected', weeklyHours: 3 },
  recordYearlyCheck: { progression: true, planFollowed: true, weeklyHours: 3 },
  recordFleksjobReassessment: { recommends: 'continue' },
  recordFleksjobStatus: {},
  decidePermanentFleksjob: { decision: 'permanent' },
  recordFollowUpConversation: {},
  endFleksjob: { reason: 'other' },
  requestFleksjobReassessment: {},
  decideFleksjobReassessment: { decision: 'continue', reasoning: 'r' },
  changeFleksjobJob: { weeklyHours: 6 },
  sendCashBenefitCaseToTeam: {},
  recordAfklaring: { outcome: 'team' },
  changeCashBenefitCategory: { category: 'jobparat' },
  interruptCashBenefit: { reason: 'other' },
  rebuildWaitingTimes: {},
};

const fleksjobOperations = new Set(Object.values(fleksjobEventMessages).map((message) => message.updateName));
const cashBenefitOperations = new Set(
  Object.values(cashBenefitEventMessages).map((message) => message.updateName),
);
const common = new Set([
  'assignCaseworker',
  'registerRelative',
  'recordRelativeConsent',
  'acknowledgeEscalation',
]);

function caseFor(operationId: string): string {
  if (!common.has(operationId) && fleksjobOperations.has(operationId)) return 'MX-FJ-101';
  if (!common.has(operationId) && cashBenefitOperations.has(operationId)) return 'MX-KH-101';
  return 'MX-101';
}

function fill(path: string, operationId: string): string {
  const values: Record<string, string> = {
    caseId: caseFor(operationId),
    offerId: 'o1',
    complaintId: 'k1',
    relativeId: 'r1',
    escalationId: 'esc-1',
    caseworkerId: 'cw-x',
  };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'x');
}

interface Operation {
  method: 'get' | 'post';
  path: string;
  operationId: string;
  roles: string[];
}

async function operations(): Promise<Operation[]> {
  const document = await api.get<{
    paths: Record<string, Record<string, { operationId: string; 'x-roles': string[] }>>;
  }>('/openapi.json', null);
  return Object.entries(document.body.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method as 'get' | 'post',
      path,
      operationId: operation.operationId,
      roles: operation['x-roles'],
    })),
  );
}

test('the matrix covers every operation of the API', async () => {
  const all = await operations();
  expect(all.length).toBeGreaterThanOrEqual(34);
  const posts = all
    .filter((operation) => operation.method === 'post')
    .map((operation) => operation.operationId);
  expect(posts.filter((id) => !(id in bodies))).toEqual([]);
});

const persons: Person[] = ['caseworker', 'supervisor', 'otherCaseworker', 'admin'];

test('every operation × every person (and nobody): 401, 403 or let through', async () => {
  const outcomes: string[] = [];
  for (const operation of await operations()) {
    const path = fill(operation.path, operation.operationId);
    const send = (as: Person | null) =>
      operation.method === 'get' ? api.get(path, as) : api.post(path, bodies[operation.operationId], as);
    const anonymous = await send(null);
    if (anonymous.status !== 401)
      outcomes.push(`${operation.operationId} without a token: ${anonymous.status}`);
    for (const person of persons) {
      const { role, municipality } = people[person];
      const answer = await send(person);
      const roleAllowed = operation.roles.includes(role);
      const ownMunicipality = municipality === '*' || municipality === '101';
      // Lists, counts and caseloads are scoped to the person's own municipality instead of refused.
      const scoped = ['listCases', 'countCases', 'getCaseload'].includes(operation.operationId);
      const expected = !roleAllowed ? 403 : !ownMunicipality && !scoped ? 403 : 'through';
      const got = answer.status === 401 || answer.status === 403 ? answer.status : 'through';
      if (got !== expected)
        outcomes.push(`${operation.operationId} as ${person}: expected ${expected}, got ${answer.status}`);
      if (answer.status >= 500) outcomes.push(`${operation.operationId} as ${person}: ${answer.status}`);
    }
  }
  expect(outcomes).toEqual([]);
});
