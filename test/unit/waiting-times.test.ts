import { caseSnapshotOf, type CourseState, fleksjobFromCourse, viewOf } from '../../src/domain';
import {
  daysBetween,
  followUpOf,
  percentile,
  type ReportableCase,
  type StepRecord,
  stepRecords,
  waitingTimes,
} from '../../src/reporting/waiting-times';
import { after, events, inCourse, law, open, send, seeds } from '../helpers/core';

/**
 * Waiting times (seed 001 §9: the waits between steps are measured and chased): which fields of a case
 * each step reads, and the median and 90th percentile over open and recently ended cases.
 */
const DAY = 86_400_000;
const view = (state: CourseState) => viewOf(state) as unknown as ReportableCase;
const stepOf = (records: StepRecord[], step: string) => records.find((record) => record.step === step);

describe('percentile: linear between the nearest ranks, so the 50th is the ordinary median', () => {
  test('no values: no figure', () => {
    expect(percentile([], 50)).toBeNull();
  });
  test('one value is every percentile', () => {
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 90)).toBe(7);
  });
  test('the median of an even count is the mean of the middle two; order does not matter', () => {
    expect(percentile([10, 2, 4, 8], 50)).toBe(6);
  });
  test('the 90th percentile of 1..10 lies 90 % of the way from the first to the last', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBeCloseTo(9.1);
  });
});

describe('the steps of a ressourceforløb, from the fields of its view', () => {
  test('referral → team → decision → caseworker → first measure, each from its own instants', () => {
    let state = inCourse(seeds); // caseworker at 1 week, team at 3 weeks, decision at 1 month
    state = send(state, 'offerRegistered', events.otherOffer('o2'), after('P1M', DAY));
    state = send(state, 'offerStarted', { offerId: 'o2' }, after('P2M'));
    const records = stepRecords(view(state));
    const days = (step: string) => {
      const record = stepOf(records, step)!;
      return daysBetween(record.startedAt, record.doneAt!);
    };
    expect(records.map((record) => record.step)).toEqual([
      'team-meeting',
      'decision',
      'coordinating-caseworker',
      'first-measure',
    ]);
    expect(days('team-meeting')).toBe(21);
    expect(days('decision')).toBe((after('P1M') - after('P3W')) / DAY);
    expect(days('coordinating-caseworker')).toBe(7);
    expect(days('first-measure')).toBe((after('P2M') - after('P1M')) / DAY);
    // Nothing that names the citizen goes into the projection.
    expect(JSON.stringify(records)).not.toMatch(/010190|Jens/);
  });

  test('a step whose wait has not begun is no record; one begun and not done has no doneAt', () => {
    const records = stepRecords(view(open(seeds)));
    expect(records.map((record) => [record.step, record.doneAt])).toEqual([
      ['team-meeting', null],
      ['coordinating-caseworker', null],
    ]);
  });

  test('a decision against the team stands only after the team has seen the case again: the wait runs to that decision', () => {
    let state = open(seeds);
    state = send(state, 'teamRecommendation', events.recommendCourse, after('P1W'));
    state = send(state, 'municipalDecision', events.refuse, after('P2W'));
    state = send(state, 'teamRecommendation', events.recommendCourse, after('P3W'));
    state = send(state, 'municipalDecision', events.refuse, after('P4W'));
    const decision = stepOf(stepRecords(view(state)), 'decision')!;
    expect(daysBetween(decision.startedAt, decision.doneAt!)).toBe(21);
  });

  test('the first measure counts only offers the ruleset counts (law: LAB § 113, stk. 2) — read from the first-measure deadline', () => {
    let state = inCourse(law);
    state = send(state, 'offerRegistered', events.otherOffer('o2'), after('P1M', DAY));
    state = send(state, 'offerStarted', { offerId: 'o2' }, after('P2M'));
    const counted = law.course.firstMeasure.countsOnly ? null : after('P2M');
    const record = stepOf(stepRecords(view(state)), 'first-measure')!;
    expect(record.doneAt === null ? null : Date.parse(record.doneAt)).toBe(counted);
  });

  test('the answer of an event (the snapshot, without the timeline) gives the same records as the whole view', () => {
    const state = inCourse(seeds);
    const snapshot = caseSnapshotOf(viewOf(state)) as unknown as ReportableCase;
    expect(stepRecords(snapshot)).toEqual(stepRecords(view(state)));
  });

  test("a fleksjob follow-up that keeps the course's caseworker waited 0 days for one; it has no other step", () => {
    let state = inCourse(seeds);
    state = send(state, 'courseConcluded', { outcome: 'fleksjob' }, after('P6M'));
    const followUp = viewOf(fleksjobFromCourse(state, after('P6M', 1000))) as unknown as ReportableCase;
    const records = stepRecords(followUp);
    expect(records.map((record) => [record.kind, record.step])).toEqual([
      ['fleksjob', 'coordinating-caseworker'],
    ]);
    expect(daysBetween(records[0]!.startedAt, records[0]!.doneAt!)).toBe(0);
    // The API writes the follow-up from the conclusion's answer, as the workflow opens it.
    const concluded = { ...view(state), phase: 'concluded' };
    expect(stepRecords(followUpOf(concluded)!)).toEqual([
      {
        ...records[0]!,
        startedAt: new Date(after('P6M')).toISOString(),
        doneAt: new Date(after('P6M')).toISOString(),
      },
    ]);
    expect(followUpOf(view(inCourse(seeds)))).toBeUndefined();
    // The course's own records end with its outcome.
    expect(stepRecords(view(state))[0]!.caseEndedAt).toBe(new Date(after('P6M')).toISOString());
  });
});

describe('the figures', () => {
  const NOW = Date.parse('2027-06-01T00:00:00.000Z');
  const iso = (daysBeforeNow: number) => new Date(NOW - daysBeforeNow * DAY).toISOString();
  const record = (
    caseId: string,
    waited: number | null,
    extra: Partial<StepRecord> = {},
    startedDaysAgo = 100,
  ): StepRecord => ({
    caseId,
    kind: 'ressourceforloeb',
    municipality: '101',
    step: 'team-meeting',
    startedAt: iso(startedDaysAgo),
    doneAt: waited === null ? null : iso(startedDaysAgo - waited),
    caseEndedAt: null,
    ...extra,
  });

  test('median and 90th percentile of the steps done; open cases still waiting counted apart, with the wait so far', () => {
    const records = [
      ...[10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((waited, i) => record(`c${i}`, waited)),
      record('w1', null, {}, 5),
      record('w2', null, {}, 15),
    ];
    const report = waitingTimes(records, NOW);
    const steps = report.municipalities[0]!.kinds[0]!.steps;
    expect(steps.find((step) => step.step === 'team-meeting')).toEqual({
      step: 'team-meeting',
      done: { n: 10, medianDays: 55, p90Days: 91 },
      stillWaiting: { n: 2, medianDays: 10 },
      endedWithout: 0,
    });
    // Steps no case has reached yet are there, empty: the page shows "no cases" rather than nothing.
    expect(steps.find((step) => step.step === 'first-measure')!.done).toEqual({
      n: 0,
      medianDays: null,
      p90Days: null,
    });
  });

  test('cases that ended more than 12 months ago are left out; those ended since count, and never as still waiting', () => {
    const records = [
      record('old', 40, { caseEndedAt: iso(400) }, 500),
      record('recent', 20, { caseEndedAt: iso(30) }),
      record('ended-without', null, { caseEndedAt: iso(10) }),
    ];
    const figures = waitingTimes(records, NOW).municipalities[0]!.kinds[0]!.steps[0]!;
    expect(figures.done).toEqual({ n: 1, medianDays: 20, p90Days: 20 });
    expect(figures.stillWaiting.n).toBe(0);
    expect(figures.endedWithout).toBe(1);
  });

  test('per municipality: each has its own figures', () => {
    const report = waitingTimes([record('a', 10), record('b', 30, { municipality: '147' })], NOW);
    expect(report.municipalities.map((m) => [m.municipality, m.kinds[0]!.steps[0]!.done.medianDays])).toEqual(
      [
        ['101', 10],
        ['147', 30],
      ],
    );
  });
});
