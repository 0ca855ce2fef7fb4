import {
  fleksjob,
  type FleksjobEventType,
  type FleksjobState,
  fleksjobFromCourse,
  openFleksjob,
  type Ruleset,
} from '../../src/domain';
import { addDuration, toInstant } from '../../src/domain/engine/time';
import { ageOn, birthDateFromCpr } from '../../src/domain/engine/cpr';
import {
  caseworker,
  courseAfter,
  inCourse,
  law,
  seeds,
  send as sendCourse,
  supervisor,
  T0,
} from '../helpers/core';
import { deadlineOn, refusalOn, sendOn, topicsOf } from '../helpers/spec';
import { render } from '../../src/domain/messages';

const at = (duration: string, extraMs = 0) => addDuration(T0, duration) + extraMs;
const DAY = 86_400_000;

const withCaseworker = (state: FleksjobState) =>
  send(state, 'caseworkerAssigned', { caseworkerId: 'cw-1', name: 'Sara', email: 's@kk.dk' }, at('P1D'));

function open(weeklyHours?: number, rules: Ruleset = seeds): FleksjobState {
  return openFleksjob(
    {
      caseId: 'FJ-2027-7',
      municipality: '751',
      citizen: { cpr: '020285-2222', name: 'Karin', email: 'karin@example.dk' },
      ...(weeklyHours === undefined ? {} : { job: { weeklyHours, employer: 'Bageriet' } }),
    },
    rules,
    T0,
    caseworker,
  );
}

const send = (
  state: FleksjobState,
  type: FleksjobEventType,
  data: unknown,
  now: number,
  actor = caseworker,
) => sendOn(fleksjob, state, type, data, now, actor);
const refusal = (state: FleksjobState, type: FleksjobEventType, data: unknown, now: number) =>
  refusalOn(fleksjob, state, type, data, now);
const deadline = (state: FleksjobState, id: string) => deadlineOn(fleksjob, state, id);
const ids = (state: FleksjobState) => fleksjob.deadlines(state).map((d) => `${d.id}:${d.status}`);
const topics = topicsOf;
const topicsOf1 = (state: FleksjobState, id: string) =>
  topics({ ...state, notifications: state.notifications.filter((n) => n.id === `${state.caseId}/${id}`) })[0];
const escalated = (state: FleksjobState, id: string) =>
  state.escalations.find((e) => e.deadlineId === id)?.status;

describe('opening a follow-up', () => {
  test('registered directly with hours: employed at once; a caseworker must be assigned', () => {
    const state = open(12);
    expect(state).toMatchObject({
      kind: 'fleksjob',
      origin: 'direct',
      phase: 'employed',
      job: { weeklyHours: 12 },
    });
    expect(ids(state)).toEqual(['coordinating-caseworker:pending', 'progression-review:pending']);
  });

  test('registered before the job starts: waits for fleksjobStarted', () => {
    const state = open();
    expect(state.phase).toBe('awaiting-start');
    expect(refusal(state, 'hoursChanged', { weeklyHours: 10 }, at('P1D'))).toBe(
      'changing the hours is not possible before the fleksjob has started',
    );
    expect(send(state, 'fleksjobStarted', { weeklyHours: 10 }, at('P1W')).phase).toBe('employed');
  });

  test('after a course that concluded with a fleksjob: the same case, citizen, caseworker and relatives', () => {
    let course = sendCourse(
      inCourse(),
      'relativeRegistered',
      { relativeId: 'r1', name: 'Mor', relation: 'mother' },
      courseAfter('P1M'),
    );
    course = sendCourse(course, 'courseConcluded', { outcome: 'fleksjob' }, courseAfter('P2Y'));
    const state = fleksjobFromCourse(course, courseAfter('P2Y', 1));
    expect(state).toMatchObject({
      kind: 'fleksjob',
      caseId: course.caseId,
      origin: 'course',
      phase: 'awaiting-start',
      coordinatingCaseworker: { id: 'cw-17' },
      ruleset: course.ruleset,
      course: { openedAt: course.openedAt, concludedAt: course.outcome!.at },
    });
    expect(state.relatives).toEqual(course.relatives);
    expect(render(state.timeline[0]!.summary, 'en')).toMatch(/concluded with a fleksjob on 2029-02-04/);
    expect(fleksjob.deadlines(state)).toEqual([]);
  });
});

describe('the progression review 3 months in', () => {
  const state = withCaseworker(open(12));

  test('the caseworker (and the citizen) are told 2 weeks ahead and when it falls due', () => {
    // 09:00 Copenhagen time, as the job started: 08:00Z in winter, 07:00Z in summer.
    expect(deadline(state, 'progression-review')).toMatchObject({
      dueAt: '2027-05-02T07:00:00.000Z',
      reminders: [
        { key: 'P2W', at: '2027-03-21T08:00:00.000Z' },
        { key: 'due', at: '2027-04-04T07:00:00.000Z' },
      ],
    });
    const told = fleksjob.advanceClock(state, at('P3M'));
    expect(topics(told)).toEqual([
      'deadline-reminder:caseworker+citizen',
      'deadline-reminder:caseworker+citizen',
    ]);
  });

  test('recorded in time: met, no escalation', () => {
    const reviewed = send(
      state,
      'progressionReviewRecorded',
      { workCapacity: 'higher', weeklyHours: 15 },
      at('P3M', 86_400_000),
    );
    expect(deadline(reviewed, 'progression-review').status).toBe('met');
    expect(reviewed.job!.weeklyHours).toBe(15);
    expect(
      refusal(reviewed, 'progressionReviewRecorded', { workCapacity: 'higher', weeklyHours: 15 }, at('P4M')),
    ).toMatch(/was recorded on 2027-04-05/);
  });

  test('missing at the end of the grace period (4 weeks): escalated, not before', () => {
    const dueMs = Date.parse(deadline(state, 'progression-review').dueAt);
    expect(escalated(fleksjob.advanceClock(state, dueMs - 1), 'progression-review')).toBeUndefined();
    const missed = fleksjob.advanceClock(state, dueMs);
    expect(deadline(missed, 'progression-review').status).toBe('breached');
    expect(escalated(missed, 'progression-review')).toBe('open');
  });

  test('recorded late: met late, and the escalation resolves', () => {
    const missed = fleksjob.advanceClock(state, at('P5M'));
    const late = send(
      missed,
      'progressionReviewRecorded',
      { workCapacity: 'as-expected', weeklyHours: 12 },
      at('P5M'),
    );
    expect(deadline(late, 'progression-review')).toMatchObject({
      status: 'met',
      breachedAt: '2027-05-02T07:00:00.000Z',
    });
    expect(escalated(late, 'progression-review')).toBe('resolved');
  });

  test('the law in force has no progression review', () => {
    expect(
      refusal(
        open(12, law),
        'progressionReviewRecorded',
        { workCapacity: 'higher', weeklyHours: 12 },
        at('P3M'),
      ),
    ).toBe('this ruleset has no progression review');
  });
});

describe('the yearly check of a short-hour fleksjob (under 5 hours a week)', () => {
  /** Version 1 of seeds-2017 (and rulesets without noProgression): the team reassesses at once. */
  const teamReassesses: Ruleset = {
    ...seeds,
    fleksjob: {
      ...seeds.fleksjob,
      shortHours: { ...seeds.fleksjob.shortHours!, noProgression: 'team-reassesses' },
    },
  };
  const short = (rules: Ruleset = seeds) =>
    send(
      withCaseworker(open(3, rules)),
      'progressionReviewRecorded',
      { workCapacity: 'as-expected', weeklyHours: 3 },
      at('P3M'),
    );

  test('a fleksjob of 3 hours a week is checked every year; one of 12 hours is not', () => {
    expect(deadline(short(), 'yearly-check:1.1')).toMatchObject({
      status: 'pending',
      dueAt: '2028-01-04T08:00:00.000Z',
    });
    expect(ids(open(12)).filter((id) => id.startsWith('yearly'))).toEqual([]);
  });

  test('with progression each year: the checks are met, and the next falls due on the next anniversary', () => {
    let state = short();
    expect(
      refusal(
        state,
        'yearlyCheckRecorded',
        { progression: true, planFollowed: true, weeklyHours: 4 },
        Date.parse('2027-10-04T07:00:00.000Z') - 1, // 09:00 Copenhagen summer time
      ),
    ).toBe('the next yearly check is due 2028-01-04; it can be recorded from 2027-10-04');
    state = send(
      state,
      'yearlyCheckRecorded',
      { progression: true, planFollowed: true, weeklyHours: 4 },
      at('P11M'),
    );
    expect(deadline(state, 'yearly-check:1.1').status).toBe('met');
    expect(deadline(state, 'yearly-check:1.2')).toMatchObject({
      status: 'pending',
      dueAt: '2029-01-04T08:00:00.000Z',
    });
    state = send(
      state,
      'yearlyCheckRecorded',
      { progression: true, planFollowed: true, weeklyHours: 4.5 },
      at('P2Y', -1),
    );
    expect(deadline(state, 'yearly-check:1.3').dueAt).toBe('2030-01-04T08:00:00.000Z');
    expect(state.phase).toBe('employed');
  });

  test('without progression (team-reassesses, as version 1): back to the team, toward førtidspension or ending the fleksjob', () => {
    let state = send(
      short(teamReassesses),
      'yearlyCheckRecorded',
      { progression: false, planFollowed: false, weeklyHours: 3 },
      at('P1Y'),
    );
    expect(state.phase).toBe('reassessment');
    expect(topics(state)).toContain('fleksjob-reassessment:citizen+caseworker');
    expect(deadline(state, 'reassessment:1').status).toBe('pending');
    expect(
      refusal(
        state,
        'yearlyCheckRecorded',
        { progression: true, planFollowed: true, weeklyHours: 3 },
        at('P13M'),
      ),
    ).toMatch(/while the team reassesses/);
    // The team recommends; the municipality decides (version 2), with its reasons.
    const recommended = send(state, 'teamReassessment', { recommends: 'continue' }, at('P14M'));
    expect(recommended.phase).toBe('reassessment');
    expect(deadline(recommended, 'reassessment:1').status).toBe('met');
    expect(refusal(recommended, 'teamReassessment', { recommends: 'continue' }, at('P14M', DAY))).toMatch(
      /no reassessment by the team is pending/,
    );
    const continued = send(
      recommended,
      'reassessmentDecided',
      { decision: 'continue', reasoning: 'Timetallet kan stige med en ny plan.' },
      at('P14M', DAY),
    );
    expect(continued.phase).toBe('employed');
    expect(
      refusal(state, 'reassessmentDecided', { decision: 'continue', reasoning: 'x' }, at('P14M')),
    ).toMatch(/the team has not recommended yet/);
    state = send(state, 'teamReassessment', { recommends: 'foertidspension' }, at('P14M'));
    state = send(
      state,
      'reassessmentDecided',
      { decision: 'foertidspension', reasoning: 'Arbejdsevnen er varigt nedsat.' },
      at('P14M', DAY),
    );
    expect(state).toMatchObject({ phase: 'ended', outcome: { reason: 'foertidspension' } });
    expect(topics(state)).toContain('fleksjob-ended:citizen+caseworker');
  });

  // Lov nr. 1750/2025 abolishes the mandatory team in fleksjob cases too: where the ruleset makes the
  // team optional, a samlet beskrivelse and the health coordinator's advice answer the reassessment.
  test('without a team (course.decisionBasis.teamRequired false): a samlet beskrivelse and the health advice answer the reassessment, the municipality decides', () => {
    const withoutTeam: Ruleset = {
      ...teamReassesses,
      course: {
        ...teamReassesses.course,
        decisionBasis: {
          teamRequired: false,
          withoutTeam: ['samlet-beskrivelse', 'health-advice'],
          source: 'Lov nr. 1750/2025',
        },
      },
    };
    const description = { description: 'Borgerens forudsætninger er beskrevet samlet.' };
    const advice = { advice: 'Sundhedskoordinatoren vurderer arbejdsevnen som varigt nedsat.' };
    // Under a ruleset that requires the team, neither may stand in for it.
    const withTeam = send(
      short(teamReassesses),
      'yearlyCheckRecorded',
      { progression: false, planFollowed: false, weeklyHours: 3 },
      at('P1Y'),
    );
    expect(render(refusal(withTeam, 'decisionBasisDescribed', description, at('P13M'))!, 'en')).toMatch(
      /only under a ruleset where the rehabilitation team is optional/,
    );
    let state = send(
      short(withoutTeam),
      'yearlyCheckRecorded',
      { progression: false, planFollowed: false, weeklyHours: 3 },
      at('P1Y'),
    );
    expect(state.phase).toBe('reassessment');
    const decide = { decision: 'foertidspension', reasoning: 'Arbejdsevnen er varigt nedsat.' };
    state = send(state, 'decisionBasisDescribed', description, at('P13M'));
    expect(deadline(state, 'reassessment:1').status).toBe('pending');
    expect(render(refusal(state, 'decisionBasisDescribed', description, at('P13M', DAY))!, 'en')).toMatch(
      /already recorded/,
    );
    expect(refusal(state, 'reassessmentDecided', decide, at('P13M', DAY))).toBeDefined();
    state = send(state, 'caseHealthAdviceGiven', advice, at('P13M', DAY));
    expect(deadline(state, 'reassessment:1').status).toBe('met');
    state = send(state, 'reassessmentDecided', decide, at('P13M', 2 * DAY));
    expect(state).toMatchObject({ phase: 'ended', outcome: { reason: 'foertidspension' } });
    expect(render(state.timeline[state.timeline.length - 1]!.summary, 'en')).toMatch(/no team/);
    expect(topics(state)).toContain('fleksjob-ended:citizen+caseworker');
  });

  test('a missing check escalates at the anniversary, not before', () => {
    const state = short();
    const dueMs = at('P1Y');
    expect(escalated(fleksjob.advanceClock(state, dueMs - 1), 'yearly-check:1.1')).toBeUndefined();
    const missed = fleksjob.advanceClock(state, dueMs);
    expect(deadline(missed, 'yearly-check:1.1').status).toBe('breached');
    expect(escalated(missed, 'yearly-check:1.1')).toBe('open');
    expect(fleksjob.nextWakeUp(missed)).toBe(addDuration(dueMs, 'P2W')); // the head of department, unless acknowledged
  });

  test('seeds-2017 (seed 001 §12): without progression the reassessment is the citizen’s option, offered in a letter', () => {
    const checked = send(
      short(),
      'yearlyCheckRecorded',
      { progression: false, planFollowed: true, weeklyHours: 3 },
      at('P1Y'),
    );
    // Not automatic: the fleksjob goes on, the citizen is told they may ask.
    expect(checked.phase).toBe('employed');
    expect(checked.reassessments).toEqual([]);
    expect(topics(checked)).toContain('fleksjob-reassessment-offered:citizen+caseworker');
    expect(topics(checked)).not.toContain('fleksjob-reassessment:citizen+caseworker');
    expect(deadline(checked, 'yearly-check:1.2').status).toBe('pending');
    // Asked: the team reassesses, with its deadline.
    const asked = send(checked, 'reassessmentRequested', { note: 'by phone' }, at('P13M'));
    expect(asked.phase).toBe('reassessment');
    expect(deadline(asked, 'reassessment:1').status).toBe('pending');
    expect(refusal(asked, 'reassessmentRequested', {}, at('P13M'))).toMatch(/while the team reassesses/);
    // Without an offer there is nothing to ask for.
    expect(refusal(short(), 'reassessmentRequested', {}, at('P6M'))).toBe(
      'no reassessment has been offered to the citizen',
    );
    // A later check with progression withdraws the offer.
    const progressed = send(
      checked,
      'yearlyCheckRecorded',
      { progression: true, planFollowed: true, weeklyHours: 4 },
      at('P2Y', -DAY),
    );
    expect(progressed.reassessmentOffer).toBeUndefined();
  });

  test('every year means every year: a missed check is followed by the next year’s, scheduled, reminded and breached', () => {
    const missed = fleksjob.advanceClock(short(), at('P1Y'));
    expect(deadline(missed, 'yearly-check:1.1').status).toBe('breached');
    // Given the first check passed unrecorded, then the second is due on the next anniversary.
    expect(deadline(missed, 'yearly-check:1.2')).toMatchObject({
      status: 'pending',
      startedAt: '2028-01-04T08:00:00.000Z',
      dueAt: '2029-01-04T08:00:00.000Z',
      reminders: [{ key: 'P1M', at: '2028-12-04T08:00:00.000Z' }],
    });
    expect(fleksjob.nextWakeUp(fleksjob.advanceClock(missed, at('P1Y2W')))).toBe(at('P23M'));
    const reminded = fleksjob.advanceClock(missed, at('P23M'));
    expect(topicsOf1(reminded, 'deadline-yearly-check:1.2/reminder-P1M')).toBe(
      'deadline-reminder:caseworker',
    );
    expect(reminded.deadlineLog['yearly-check:1.2']?.reminded).toEqual({ P1M: '2028-12-04T08:00:00.000Z' });
    // Not before its day; on it, breached and escalated — and the third year's follows.
    expect(escalated(fleksjob.advanceClock(missed, at('P2Y', -1)), 'yearly-check:1.2')).toBeUndefined();
    const twice = fleksjob.advanceClock(missed, at('P2Y'));
    expect(deadline(twice, 'yearly-check:1.2').status).toBe('breached');
    expect(escalated(twice, 'yearly-check:1.2')).toBe('open');
    expect(deadline(twice, 'yearly-check:1.3')).toMatchObject({
      status: 'pending',
      dueAt: '2030-01-04T08:00:00.000Z',
    });
    expect(fleksjob.advanceClock(short(), at('P10Y')).escalations.map((e) => e.deadlineId)).toEqual(
      Array.from({ length: 10 }, (_, i) => `yearly-check:1.${i + 1}`),
    );
  });

  test('a missed check recorded late meets it late; the next stays due on its anniversary; none after the period closes', () => {
    const missed = fleksjob.advanceClock(short(), at('P1Y'));
    const late = send(
      missed,
      'yearlyCheckRecorded',
      { progression: true, planFollowed: true, weeklyHours: 4 },
      at('P13M'),
    );
    expect(deadline(late, 'yearly-check:1.1')).toMatchObject({
      status: 'met',
      breachedAt: '2028-01-04T08:00:00.000Z',
    });
    expect(escalated(late, 'yearly-check:1.1')).toBe('resolved');
    expect(deadline(late, 'yearly-check:1.2')).toMatchObject({
      status: 'pending',
      dueAt: '2029-01-04T08:00:00.000Z',
    });
    // Hours above the threshold end the period: after a missed check, no further check either.
    const above = send(missed, 'hoursChanged', { weeklyHours: 8 }, at('P13M'));
    expect(ids(above).filter((id) => id.startsWith('yearly'))).toEqual(['yearly-check:1.1:breached']);
    expect(fleksjob.advanceClock(above, at('P5Y')).escalations.map((e) => e.deadlineId)).toEqual([
      'yearly-check:1.1',
    ]);
  });

  test('a run from before the fix keeps its old behaviour (replay): no check after a missed one', () => {
    const legacy = { ...short(), yearlyChecksStopAfterMiss: true as const };
    const missed = fleksjob.advanceClock(legacy, at('P3Y'));
    expect(ids(missed).filter((id) => id.startsWith('yearly'))).toEqual(['yearly-check:1.1:breached']);
  });

  test("the citizen's own choice of few hours is recorded and respected: no check while it stands", () => {
    let state = send(short(), 'fewHoursChosen', { chosen: true, note: 'wants few hours for now' }, at('P6M'));
    expect(ids(state).filter((id) => id.startsWith('yearly'))).toEqual([]);
    expect(fleksjob.advanceClock(state, at('P5Y')).escalations).toEqual([]);
    expect(
      refusal(
        state,
        'yearlyCheckRecorded',
        { progression: true, planFollowed: true, weeklyHours: 3 },
        at('P1Y'),
      ),
    ).toBe('the citizen has chosen few hours: there is no yearly check');
    state = send(state, 'fewHoursChosen', { chosen: false }, at('P2Y'));
    expect(deadline(state, 'yearly-check:2.1')).toMatchObject({
      status: 'pending',
      dueAt: '2030-01-04T08:00:00.000Z',
    });
  });

  test('hours moving above the threshold end the check; below it, a new check starts', () => {
    let state = send(short(), 'hoursChanged', { weeklyHours: 6 }, at('P6M'));
    expect(ids(state).filter((id) => id.startsWith('yearly'))).toEqual([]);
    expect(render(state.timeline[state.timeline.length - 1]!.summary, 'en')).toBe(
      'hours changed from 3 to 6 a week; the yearly check ends',
    );
    state = send(state, 'hoursChanged', { weeklyHours: 4 }, at('P18M'));
    expect(ids(state).filter((id) => id.startsWith('yearly'))).toEqual(['yearly-check:2.1:pending']);
    expect(deadline(state, 'yearly-check:2.1').dueAt).toBe('2029-07-04T08:00:00.000Z');
    expect(refusal(state, 'hoursChanged', { weeklyHours: 4 }, at('P19M'))).toMatch(/already has 4 hours/);
  });

  test('30 years of yearly checks stay correct: every anniversary, no drift', () => {
    let state = short();
    for (let year = 1; year <= 30; year += 1) {
      state = send(
        state,
        'yearlyCheckRecorded',
        { progression: true, planFollowed: true, weeklyHours: 3 + year / 100 },
        at(`P${year}Y`, -3_600_000),
      );
    }
    const checks = fleksjob.deadlines(state).filter((d) => d.kind === 'yearly-check');
    expect(checks).toHaveLength(31);
    expect(checks.filter((d) => d.status === 'met')).toHaveLength(30);
    expect(checks[30]).toMatchObject({ status: 'pending', dueAt: '2058-01-04T08:00:00.000Z' });
    expect(state.escalations).toEqual([]);
  });
});

describe('the law in force: a temporary first fleksjob and follow-up conversations', () => {
  const state = open(20, law);

  test('status 6 months before the end of 5 years, the decision at the end, conversations every 2½ years', () => {
    expect(ids(state)).toEqual([
      'coordinating-caseworker:pending',
      'follow-up-conversation:1:pending',
      'fleksjob-status:pending',
      'temporary-period-end:pending',
    ]);
    expect(deadline(state, 'fleksjob-status').dueAt).toBe('2031-07-04T07:00:00.000Z');
    expect(deadline(state, 'temporary-period-end').dueAt).toBe('2032-01-04T08:00:00.000Z');
    expect(deadline(state, 'follow-up-conversation:1').dueAt).toBe('2029-07-04T07:00:00.000Z');
  });

  test('each falls due and escalates on its day when not recorded', () => {
    const missed = fleksjob.advanceClock(state, at('P5Y'));
    expect(missed.escalations.map((e) => e.deadlineId)).toEqual([
      'coordinating-caseworker',
      'follow-up-conversation:1',
      'fleksjob-status',
      'temporary-period-end',
    ]);
  });

  test('recorded in time, the fleksjob becomes permanent; a second conversation falls due 2½ years after the first (LAB § 121 stk. 1)', () => {
    let done = send(state, 'followUpConversationHeld', {}, at('P29M')); // 2029-06-04 10:00 Copenhagen
    expect(deadline(done, 'follow-up-conversation:2')).toMatchObject({
      startedAt: '2029-06-04T08:00:00.000Z',
      dueAt: '2031-12-04T09:00:00.000Z',
    });
    expect(refusal(done, 'followUpConversationHeld', {}, at('P30M'))).toBe(
      'follow-up conversation 2 is due 2031-12-04; it can be recorded from 2031-09-04',
    );
    done = send(done, 'fleksjobStatusRecorded', { note: 'going well' }, at('P4Y'));
    done = send(done, 'permanentFleksjobDecided', { decision: 'permanent' }, at('P59M'));
    expect(deadline(done, 'temporary-period-end').status).toBe('met');
    expect(done.phase).toBe('employed');
  });

  test('or the temporary fleksjob ends', () => {
    const ended = send(state, 'permanentFleksjobDecided', { decision: 'end' }, at('P59M'));
    expect(ended).toMatchObject({ phase: 'ended', outcome: { reason: 'temporary-period-ended' } });
    expect(refusal(ended, 'hoursChanged', { weeklyHours: 10 }, at('P60M'))).toMatch(
      /ended \(temporary-period-ended\)/,
    );
  });

  test('the seeds have no temporary period', () => {
    expect(refusal(open(20), 'fleksjobStatusRecorded', {}, at('P4Y'))).toBe(
      'this ruleset has no temporary first fleksjob',
    );
  });
});

describe('LAB kap. 20 under the law ruleset: conversations from the previous one, the end of a temporary period by age', () => {
  const openAs = (cpr: string, rules: Ruleset = law) =>
    openFleksjob(
      { caseId: 'FJ-2027-8', municipality: '751', citizen: { cpr, name: 'Ali' }, job: { weeklyHours: 20 } },
      rules,
      T0,
      caseworker,
    );
  const young = '010500-4444'; // born 1 May 2000 (7th digit 4, year 00: 2000s)
  const turns40 = '040192-1234'; // born 4 January 1992: 40 on the day the first period ends

  test('the birth date follows the CPR century rule; age counts from the birthday', () => {
    expect(birthDateFromCpr('020285-2222')).toBe('1985-02-02');
    expect(birthDateFromCpr('0105004444')).toBe('2000-05-01');
    expect(birthDateFromCpr('010560-4444')).toBe('1960-05-01');
    expect(birthDateFromCpr('010557-5555')).toBe('2057-05-01');
    expect(birthDateFromCpr('010558-5555')).toBe('1858-05-01');
    expect(birthDateFromCpr('010536-9999')).toBe('2036-05-01');
    expect(ageOn('1992-01-04', '2032-01-03T23:00:00.000Z')).toBe(39);
    expect(ageOn('1992-01-04', '2032-01-04T08:00:00.000Z')).toBe(40);
  });

  test('a conversation held late moves the next one; held early, it comes earlier', () => {
    const late = send(openAs(young), 'followUpConversationHeld', {}, at('P32M'));
    expect(deadline(late, 'follow-up-conversation:1')).toMatchObject({
      status: 'met',
      breachedAt: '2029-07-04T07:00:00.000Z',
    });
    expect(deadline(late, 'follow-up-conversation:2').dueAt).toBe('2032-03-04T09:00:00.000Z'); // 2029-09-04 + 2½ years
    const early = send(openAs(young), 'followUpConversationHeld', {}, at('P28M'));
    expect(deadline(early, 'follow-up-conversation:2').dueAt).toBe('2031-11-04T09:00:00.000Z');
  });

  test('version 1 of the law ruleset (no "from") keeps conversations every 2½ years from the start', () => {
    const version1: Ruleset = {
      ...law,
      version: 1,
      calendar: undefined,
      fleksjob: {
        ...law.fleksjob,
        followUpConversations: { every: 'P30M', recordableBefore: 'P3M', reminders: ['P1M'] },
        temporaryPeriod: { length: 'P5Y', statusBefore: 'P6M', reminders: ['P1M'] },
      },
    };
    const held = send(openAs(young, version1), 'followUpConversationHeld', {}, at('P32M'));
    expect(deadline(held, 'follow-up-conversation:2').dueAt).toBe('2032-01-04T08:00:00.000Z');
    // Nor an age rule: permanent at any age.
    expect(
      send(held, 'permanentFleksjobDecided', { decision: 'permanent' }, at('P59M')).permanentDecision
        ?.decision,
    ).toBe('permanent');
    expect(refusal(held, 'permanentFleksjobDecided', { decision: 'new-temporary-period' }, at('P59M'))).toBe(
      'this ruleset has no new temporary period: the decision is permanent or end',
    );
  });

  test('status at 4½ years; at the end, under 40: a new temporary period of 5 years, with its own status and end', () => {
    const state = openAs(young);
    expect(deadline(state, 'fleksjob-status').dueAt).toBe('2031-07-04T07:00:00.000Z'); // 4½ years in
    expect(refusal(state, 'permanentFleksjobDecided', { decision: 'permanent' }, at('P5Y'))).toBe(
      'the citizen is 31: under 40 a temporary fleksjob is followed by a new temporary period, not a permanent one',
    );
    let next = send(state, 'fleksjobStatusRecorded', {}, at('P54M'));
    next = send(next, 'permanentFleksjobDecided', { decision: 'new-temporary-period' }, at('P59M'));
    expect(next.phase).toBe('employed');
    expect(next.temporaryPeriod).toEqual({ n: 2, since: '2032-01-04T08:00:00.000Z' });
    expect(ids(next).filter((id) => /status|temporary/.test(id))).toEqual([
      'fleksjob-status:met',
      'temporary-period-end:met',
      'fleksjob-status:2:pending',
      'temporary-period-end:2:pending',
    ]);
    expect(deadline(next, 'fleksjob-status:2').dueAt).toBe('2036-07-04T07:00:00.000Z');
    expect(deadline(next, 'temporary-period-end:2').dueAt).toBe('2037-01-04T08:00:00.000Z');
    // The second period's end escalates when undecided; the fleksjob goes on until it is decided (§ 121 stk. 4).
    const undecided = fleksjob.advanceClock(next, at('P10Y'));
    expect(escalated(undecided, 'temporary-period-end:2')).toBe('open');
    expect(undecided.phase).toBe('employed');
  });

  test('40 or older at the decision: permanent, not a new temporary period — the birthday counts', () => {
    const state = openAs(turns40);
    expect(refusal(state, 'permanentFleksjobDecided', { decision: 'permanent' }, at('P5Y', -DAY))).toMatch(
      /^the citizen is 39/,
    );
    expect(refusal(state, 'permanentFleksjobDecided', { decision: 'new-temporary-period' }, at('P5Y'))).toBe(
      'the citizen is 40: from 40 a temporary fleksjob that continues becomes permanent',
    );
    const permanent = send(state, 'permanentFleksjobDecided', { decision: 'permanent' }, at('P5Y'));
    expect(deadline(permanent, 'temporary-period-end').status).toBe('met');
    // Ending it is possible at any age.
    expect(send(openAs(young), 'permanentFleksjobDecided', { decision: 'end' }, at('P5Y')).phase).toBe(
      'ended',
    );
  });

  test('a change of job is recorded; the period runs on unless the ruleset says the 5 years run in the same job', () => {
    const changed = send(openAs(young), 'jobChanged', { employer: 'Værkstedet', weeklyHours: 18 }, at('P2Y'));
    expect(changed.job).toMatchObject({ employer: 'Værkstedet', weeklyHours: 18 });
    expect(changed.jobChanges).toEqual([
      { at: '2029-01-04T08:00:00.000Z', employer: 'Værkstedet', weeklyHours: 18 },
    ]);
    expect(deadline(changed, 'temporary-period-end').dueAt).toBe('2032-01-04T08:00:00.000Z');
    expect(refusal(changed, 'jobChanged', {}, at('P2Y'))).toBe(
      'a change of job names the new employer or the hours',
    );

    const sameJob: Ruleset = {
      ...law,
      fleksjob: {
        ...law.fleksjob,
        temporaryPeriod: { ...law.fleksjob.temporaryPeriod!, restartsOnJobChange: true },
      },
    };
    const restarted = send(openAs(young, sameJob), 'jobChanged', { employer: 'Værkstedet' }, at('P2Y'));
    expect(restarted.temporaryPeriod).toEqual({ n: 2, since: '2029-01-04T08:00:00.000Z' });
    expect(ids(restarted).filter((id) => /status|temporary/.test(id))).toEqual([
      'fleksjob-status:2:pending',
      'temporary-period-end:2:pending',
    ]);
    expect(deadline(restarted, 'temporary-period-end:2').dueAt).toBe('2034-01-04T08:00:00.000Z');
  });
});

describe('common events and ending', () => {
  test('a fleksjob can end at any time while it runs; the deadlines are cancelled', () => {
    const ended = send(withCaseworker(open(3)), 'fleksjobEnded', { reason: 'ordinary-job' }, at('P2M'));
    expect(fleksjob.deadlines(ended).map((d) => `${d.id}:${d.status}`)).toEqual([
      'coordinating-caseworker:met',
    ]);
    expect(ended.phase).toBe('ended');
    expect(fleksjob.advanceClock(ended, at('P10Y')).escalations).toEqual([]);
  });

  test('escalations are acknowledged by a supervisor, as in a course', () => {
    const missed = fleksjob.advanceClock(open(12), at('P3W'));
    const id = missed.escalations[0]!.id;
    expect(
      send(missed, 'escalationAcknowledged', { escalationId: id }, at('P4W'), supervisor).escalations[0]!
        .status,
    ).toBe('acknowledged');
  });

  test('the clock is idempotent', () => {
    const once = fleksjob.advanceClock(open(3), at('P2Y'));
    expect(fleksjob.advanceClock(once, at('P2Y'))).toBe(once);
    expect(toInstant(fleksjob.nextWakeUp(open(3))!)).toBe('2027-01-18T08:00:00.000Z');
  });
});
