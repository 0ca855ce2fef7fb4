import {
  type Actor,
  type CaseView,
  caseView,
  type Deadline,
  fleksjob,
  type FleksjobEventType,
  type FleksjobState,
  openFleksjob,
  recordDelivery,
  type Ruleset,
} from '../../src/domain';
import { sendOn } from '../helpers/spec';
import { loadRuleset } from '../../src/config/rulesets';
import { recordHistoriesIfAsked, runsOf } from '../helpers/histories';
import { startTimeSkipping, type TimeSkippingHarness } from '../helpers/time-skipping';

const caseworker: Actor = { id: 'cw-9', role: 'caseworker' };
const seeds = loadRuleset('seeds-2017');
const law = loadRuleset('law-2022');
/** As seeds-2017 version 1 did it: no progression sends the fleksjob back to the team at once. */
const seedsTeamReassesses: Ruleset = {
  ...seeds,
  fleksjob: {
    ...seeds.fleksjob,
    shortHours: { ...seeds.fleksjob.shortHours!, noProgression: 'team-reassesses' },
  },
};
const DAY = 86_400_000;
const citizen = { cpr: '020285-2222', name: 'Karin Fleks', email: 'karin@example.dk' };
let h: TimeSkippingHarness;

beforeAll(async () => {
  h = await startTimeSkipping();
});
afterAll(async () => {
  try {
    await recordHistoriesIfAsked(h.env.client, [
      'fj-review-late',
      'fj-short-progress',
      'fj-short-none',
      'fj-short-missed',
      'fj-short-offer',
      'fj-choice',
      'fj-threshold',
      'fj-30-can',
      'fj-law',
      'fj-law-young',
    ]);
  } finally {
    await h?.teardown();
  }
});

async function openFollowUp(
  caseId: string,
  weeklyHours: number,
  rules = seeds,
  historyLimit?: number,
): Promise<number> {
  await h.cases.open(
    { kind: 'fleksjob', caseId, municipality: '751', citizen, job: { weeklyHours } },
    rules,
    caseworker,
    // The time-skipping server ends a workflow after 10 years unless told otherwise; a real server does not.
    { ...(historyLimit ? { historyLimit } : {}), executionTimeout: '36500 days' },
  );
  await h.cases.send(
    caseId,
    'caseworkerAssigned',
    { caseworkerId: 'cw-9', name: 'Sara', email: 'sara@aarhus.dk' },
    caseworker,
  );
  return h.env.currentTimeMs();
}

const state = (caseId: string) => h.cases.stateOf(caseId, 'fleksjob');
const deadlineOf = (view: CaseView<FleksjobState>, id: string): Deadline | undefined =>
  view.deadlines.find((deadline) => deadline.id === id);
const escalationOf = (view: CaseView<FleksjobState>, id: string) =>
  view.escalations.find((escalation) => escalation.deadlineId === id);

describe('the progression review 3 months in', () => {
  test('recorded in time: met, nobody escalated', async () => {
    const start = await openFollowUp('fj-review-ok', 12);
    await h.sleepUntil(start + 92 * DAY);
    await h.cases.send(
      'fj-review-ok',
      'progressionReviewRecorded',
      { workCapacity: 'higher', weeklyHours: 14 },
      caseworker,
    );
    await h.sleepUntil(start + 200 * DAY);
    const view = await state('fj-review-ok');
    expect(deadlineOf(view, 'progression-review')?.status).toBe('met');
    expect(view.escalations).toEqual([]);
    expect(
      h.mailer.sent.filter((mail) => mail.subject.includes('fj-review-ok') && mail.to === 'sara@aarhus.dk')
        .length,
    ).toBe(2);
  });

  test('late: breached at the end of the grace period, met when recorded, the escalation resolved', async () => {
    const start = await openFollowUp('fj-review-late', 12);
    await h.sleepUntil(start + 125 * DAY);
    let view = await state('fj-review-late');
    expect(deadlineOf(view, 'progression-review')?.status).toBe('breached');
    expect(escalationOf(view, 'progression-review')?.status).toBe('open');
    await h.cases.send(
      'fj-review-late',
      'progressionReviewRecorded',
      { workCapacity: 'as-expected', weeklyHours: 12 },
      caseworker,
    );
    view = await state('fj-review-late');
    expect(deadlineOf(view, 'progression-review')).toMatchObject({
      status: 'met',
      breachedAt: expect.any(String),
    });
    expect(escalationOf(view, 'progression-review')?.status).toBe('resolved');
  });

  test('missing: escalated to the supervisor, then the head of department', async () => {
    const start = await openFollowUp('fj-review-missing', 12);
    await h.sleepUntil(start + 150 * DAY);
    const view = await state('fj-review-missing');
    expect(escalationOf(view, 'progression-review')).toMatchObject({
      status: 'open',
      levelRole: 'head-of-department',
    });
  });
});

describe('a short-hour fleksjob (under 5 hours a week)', () => {
  test('with progression every year: each yearly check is met', async () => {
    const start = await openFollowUp('fj-short-progress', 3);
    await h.cases.send(
      'fj-short-progress',
      'progressionReviewRecorded',
      { workCapacity: 'as-expected', weeklyHours: 3 },
      caseworker,
    );
    for (const year of [1, 2]) {
      await h.sleepUntil(start + (year * 365 - 20) * DAY);
      await h.cases.send(
        'fj-short-progress',
        'yearlyCheckRecorded',
        { progression: true, planFollowed: true, weeklyHours: 3 + year / 2 },
        caseworker,
      );
    }
    await h.sleepUntil(start + 800 * DAY);
    const view = await state('fj-short-progress');
    expect(view.deadlines.filter((d) => d.kind === 'yearly-check').map((d) => d.status)).toEqual([
      'met',
      'met',
      'pending',
    ]);
    expect(view.escalations).toEqual([]);
    expect(view.job?.weeklyHours).toBe(4);
  });

  test('without progression (team-reassesses, as version 1): back to the team; the citizen is told', async () => {
    const start = await openFollowUp('fj-short-none', 2, seedsTeamReassesses);
    await h.cases.send(
      'fj-short-none',
      'progressionReviewRecorded',
      { workCapacity: 'lower', weeklyHours: 2 },
      caseworker,
    );
    await h.sleepUntil(start + 360 * DAY);
    const { event: receipt } = await h.cases.send(
      'fj-short-none',
      'yearlyCheckRecorded',
      { progression: false, planFollowed: false, weeklyHours: 2 },
      caseworker,
    );
    expect(receipt.phase).toBe('reassessment');
    await h.env.sleep(DAY);
    expect(
      h.mailer.sent
        .filter((mail) => mail.subject.includes('fj-short-none') && mail.to === citizen.email)
        .map((m) => m.subject),
    ).toContain('Sag fj-short-none: dit fleksjob skal vurderes igen');
    await h.cases.send('fj-short-none', 'teamReassessment', { recommends: 'foertidspension' }, caseworker);
    await h.cases.send(
      'fj-short-none',
      'reassessmentDecided',
      { decision: 'foertidspension', reasoning: 'Arbejdsevnen er varigt nedsat.' },
      caseworker,
    );
    expect((await state('fj-short-none')).outcome?.reason).toBe('foertidspension');
  });

  test('a missed yearly check: breached and escalated, and the next year’s check is still scheduled, reminded and breached', async () => {
    const start = await openFollowUp('fj-short-missed', 2);
    await h.cases.send(
      'fj-short-missed',
      'progressionReviewRecorded',
      { workCapacity: 'lower', weeklyHours: 2 },
      caseworker,
    );
    await h.sleepUntil(start + 710 * DAY);
    let view = await state('fj-short-missed');
    expect(deadlineOf(view, 'yearly-check:1.1')?.status).toBe('breached');
    expect(deadlineOf(view, 'yearly-check:1.2')).toMatchObject({ status: 'pending' });
    expect(deadlineOf(view, 'yearly-check:1.2')?.reminders[0]?.sentAt).toBeDefined();
    await h.sleepUntil(start + 735 * DAY);
    view = await state('fj-short-missed');
    expect(view.deadlines.filter((d) => d.kind === 'yearly-check').map((d) => `${d.id}:${d.status}`)).toEqual(
      ['yearly-check:1.1:breached', 'yearly-check:1.2:breached', 'yearly-check:1.3:pending'],
    );
    expect(escalationOf(view, 'yearly-check:1.2')?.status).toBe('open');
  });

  test('seeds-2017: without progression the citizen is offered a reassessment in a letter, and it follows when they ask', async () => {
    const start = await openFollowUp('fj-short-offer', 2);
    await h.cases.send(
      'fj-short-offer',
      'progressionReviewRecorded',
      { workCapacity: 'lower', weeklyHours: 2 },
      caseworker,
    );
    await h.sleepUntil(start + 360 * DAY);
    const { event: receipt } = await h.cases.send(
      'fj-short-offer',
      'yearlyCheckRecorded',
      { progression: false, planFollowed: true, weeklyHours: 2 },
      caseworker,
    );
    expect(receipt.phase).toBe('employed');
    await h.env.sleep(DAY);
    expect(
      h.mailer.sent
        .filter((mail) => mail.subject.includes('fj-short-offer') && mail.to === citizen.email)
        .map((m) => m.subject),
    ).toContain('Sag fj-short-offer: du kan få dit fleksjob vurderet igen');
    const { event: asked } = await h.cases.send('fj-short-offer', 'reassessmentRequested', {}, caseworker);
    expect(asked.phase).toBe('reassessment');
  });

  test("the citizen's own choice of few hours: recorded and respected for years", async () => {
    const start = await openFollowUp('fj-choice', 3);
    await h.cases.send(
      'fj-choice',
      'progressionReviewRecorded',
      { workCapacity: 'as-expected', weeklyHours: 3 },
      caseworker,
    );
    await h.cases.send(
      'fj-choice',
      'fewHoursChosen',
      { chosen: true, note: 'caring for a parent' },
      caseworker,
    );
    await h.sleepUntil(start + 3 * 365 * DAY);
    const view = await state('fj-choice');
    expect(view.fewHoursChoice).toBeDefined();
    expect(view.deadlines.filter((d) => d.kind === 'yearly-check')).toEqual([]);
    expect(view.escalations).toEqual([]);
  });

  test('hours moving across the threshold end and restart the yearly check', async () => {
    const start = await openFollowUp('fj-threshold', 4);
    await h.cases.send(
      'fj-threshold',
      'progressionReviewRecorded',
      { workCapacity: 'higher', weeklyHours: 6 },
      caseworker,
    );
    await h.sleepUntil(start + 500 * DAY);
    let view = await state('fj-threshold');
    expect(view.deadlines.filter((d) => d.kind === 'yearly-check')).toEqual([]);
    expect(view.escalations).toEqual([]);
    await h.cases.send('fj-threshold', 'hoursChanged', { weeklyHours: 3 }, caseworker);
    view = await state('fj-threshold');
    expect(view.deadlines.filter((d) => d.kind === 'yearly-check').map((d) => `${d.id}:${d.status}`)).toEqual(
      ['yearly-check:2.1:pending'],
    );
  });
});

const yearlyCheck = (year: number) => ({
  progression: true,
  planFollowed: true,
  weeklyHours: 3 + (year % 3) / 2,
});

/**
 * Continue-as-new must change nothing: the state after 30 years in many runs is compared with the same
 * events folded through the pure rules in one go. (A single 30-year run cannot serve as the comparison:
 * the time-skipping server ends any run after 10 years.)
 */
test('30 simulated years of yearly checks: each run of history stays bounded, and the state is what the rules say', async () => {
  const historyLimit = 120;
  const start = await openFollowUp('fj-30-can', 3, seeds, historyLimit);
  const sent: Array<[FleksjobEventType, unknown]> = [
    ['progressionReviewRecorded', { workCapacity: 'as-expected', weeklyHours: 3 }],
  ];
  await h.cases.send('fj-30-can', ...sent[0]!, caseworker);
  for (let year = 1; year <= 30; year += 1) {
    await h.sleepUntil(start + (year * 365.25 - 10) * DAY);
    sent.push(['yearlyCheckRecorded', yearlyCheck(year)]);
    await h.cases.send('fj-30-can', 'yearlyCheckRecorded', yearlyCheck(year), caseworker);
  }
  await h.sleepUntil(start + 30.5 * 365.25 * DAY);

  const runs = await runsOf(h.env.client, 'fj-30-can');
  const lengths = runs.map((run) => run.events!.length);
  expect(runs.length).toBeGreaterThan(5);
  expect(Math.max(...lengths)).toBeLessThanOrEqual(historyLimit + 40);

  const view = await state('fj-30-can');
  expect(view.yearlyChecks).toHaveLength(30);
  expect(view.deadlines.filter((d) => d.kind === 'yearly-check' && d.status === 'met')).toHaveLength(30);
  expect(view.escalations).toEqual([]);

  // The same events at the same instants, folded through the pure rules in one go, give the same state.
  expect(view).toEqual(caseView(fleksjob, foldThroughRules(view, seeds, sent)));
});

/** Replays a follow-up's accepted events and deliveries through the pure rules, at the instants the workflow recorded. */
function foldThroughRules(
  final: CaseView<FleksjobState>,
  ruleset: Ruleset,
  sent: Array<[FleksjobEventType, unknown]>,
): FleksjobState {
  let core = openFleksjob(
    {
      caseId: final.caseId,
      municipality: final.municipality,
      citizen: final.citizen,
      job: { weeklyHours: 3 },
    },
    ruleset,
    Date.parse(final.openedAt),
    caseworker,
  );
  const events: Array<[FleksjobEventType, unknown]> = [
    ['caseworkerAssigned', { caseworkerId: 'cw-9', name: 'Sara', email: 'sara@aarhus.dk' }],
    ...sent,
  ];
  const accepted = final.timeline.filter((entry) => entry.outcome === 'accepted');
  expect(accepted).toHaveLength(events.length);
  accepted.forEach((entry, index) => {
    const [type, data] = events[index]!;
    core = sendOn(fleksjob, core, type, data, Date.parse(entry.at), caseworker);
  });
  const lastActivity = Math.max(...final.timeline.map((entry) => Date.parse(entry.at)));
  core = fleksjob.advanceClock(core, lastActivity);
  for (const notification of final.notifications) {
    const { at, attempts } = notification.delivery;
    core = recordDelivery(core, notification.id, { status: 'sent', attempts }, Date.parse(at!));
  }
  return core;
}

test('law in force: a temporary first fleksjob, its status and the decision to make it permanent', async () => {
  const start = await openFollowUp('fj-law', 20, law);
  await h.sleepUntil(start + 905 * DAY);
  await h.cases.send('fj-law', 'followUpConversationHeld', { note: 'all well' }, caseworker);
  await h.sleepUntil(start + (4.5 * 365 + 10) * DAY);
  let view = await state('fj-law');
  expect(deadlineOf(view, 'fleksjob-status')?.status).toBe('breached');
  await h.cases.send('fj-law', 'fleksjobStatusRecorded', {}, caseworker);
  await h.cases.send('fj-law', 'permanentFleksjobDecided', { decision: 'permanent' }, caseworker);
  view = await state('fj-law');
  expect(deadlineOf(view, 'temporary-period-end')?.status).toBe('met');
  expect(deadlineOf(view, 'follow-up-conversation:1')?.status).toBe('met');
  expect(view.escalations.filter((escalation) => escalation.status === 'open')).toEqual([]);
});

test('law in force, under 40: conversations 2½ years after the previous one, and a new temporary period with its own status and end', async () => {
  await h.cases.open(
    {
      kind: 'fleksjob',
      caseId: 'fj-law-young',
      municipality: '751',
      citizen: { cpr: youngCpr(await h.env.currentTimeMs()), name: 'Ali Ung', email: 'ali@example.dk' },
      job: { weeklyHours: 20 },
    },
    law,
    caseworker,
    { executionTimeout: '36500 days' },
  );
  const start = await h.env.currentTimeMs();
  await h.sleepUntil(start + 960 * DAY); // late: 2½ years were 913 days
  await h.cases.send('fj-law-young', 'followUpConversationHeld', {}, caseworker);
  let view = await state('fj-law-young');
  expect(deadlineOf(view, 'follow-up-conversation:1')?.status).toBe('met');
  const second = Date.parse(deadlineOf(view, 'follow-up-conversation:2')!.dueAt);
  expect(Math.round((second - start) / DAY)).toBeGreaterThanOrEqual(960 + 912);
  await h.sleepUntil(start + (4.5 * 365 + 10) * DAY);
  await h.cases.send('fj-law-young', 'fleksjobStatusRecorded', {}, caseworker);
  await h.cases.send(
    'fj-law-young',
    'permanentFleksjobDecided',
    { decision: 'new-temporary-period' },
    caseworker,
  );
  view = await state('fj-law-young');
  expect(view.temporaryPeriod?.n).toBe(2);
  expect(deadlineOf(view, 'temporary-period-end')?.status).toBe('met');
  expect(deadlineOf(view, 'fleksjob-status:2')?.status).toBe('pending');
  await h.sleepUntil(start + (9.5 * 365 + 20) * DAY);
  view = await state('fj-law-young');
  expect(deadlineOf(view, 'fleksjob-status:2')?.status).toBe('breached');
  expect(escalationOf(view, 'fleksjob-status:2')?.status).toBe('open');
  expect(view.phase).toBe('employed');
});

/** A CPR number of someone 25 years old at `nowMs` (the test server's clock has moved on by decades in this file). */
function youngCpr(nowMs: number): string {
  const year = new Date(nowMs).getUTCFullYear() - 25;
  if (year < 2000 || year > 2057) throw new Error(`no CPR century digit for ${year} here`);
  // The 7th digit: 4 for 2000–2036, 5 for 2000–2057.
  return `0105${String(year % 100).padStart(2, '0')}-${year <= 2036 ? 4 : 5}444`;
}
