import type { Actor } from '../../src/domain/events';
import { loadRuleset } from '../../src/config/rulesets';
import { startTimeSkipping, type TimeSkippingHarness } from '../helpers/time-skipping';

const caseworker: Actor = { id: 'cw-1', role: 'caseworker' };
const rules = loadRuleset('seeds-2017');
let h: TimeSkippingHarness;

beforeAll(async () => {
  h = await startTimeSkipping();
});
afterAll(async () => {
  await h?.teardown();
});

function openCase(caseId: string) {
  return h.cases.open(
    { caseId, municipality: '101', citizen: { cpr: '010190-1234', name: 'Test Borger' } },
    rules,
    caseworker,
  );
}

test('a year without a real offer breaches the deadline, gives the citizen the right to a decision and escalates', async () => {
  await openCase('breach-1');
  await h.env.sleep('364 days');
  expect((await h.cases.state('breach-1')).deadlines['real-offer']?.status).toBe('pending');

  await h.env.sleep('2 days');
  const state = await h.cases.state('breach-1');
  expect(state.deadlines['real-offer']?.status).toBe('breached');
  expect(state.rightToDecisionOnExistingEvidence).toBe(true);
  expect(state.escalated).toBe(true);
  expect(h.mailer.sent.map((message) => message.subject)).toEqual([expect.stringContaining('breach-1')]);
});

test('a real offer started at 11 months meets the deadline: no breach after the year', async () => {
  await openCase('met-1');
  await h.cases.send(
    'met-1',
    'teamRecommendation',
    { recommends: 'ressourceforloeb', unanimous: true, citizenAttendedWholeMeeting: true },
    caseworker,
  );
  await h.env.sleep('334 days');
  await h.cases.send('met-1', 'offerStarted', { kind: 'job-training', real: true }, caseworker);
  await h.env.sleep('60 days');
  const state = await h.cases.state('met-1');
  expect(state.deadlines['real-offer']?.status).toBe('met');
  expect(state.escalated).toBe(false);
  expect(state.timeline.map((entry) => entry.type)).toEqual([
    'caseOpened',
    'teamRecommendation',
    'offerStarted',
  ]);
});
