import type { CourseState } from '../../src/domain';
import { toEpochMs } from '../../src/domain/engine/time';
import {
  advanceClock,
  after,
  courseAfter,
  deadline,
  events,
  GRANTED_UNTIL,
  hasDeadline,
  inCourse,
  law,
  lawV1,
  open,
  refusal,
  seeds,
  send,
  topics,
} from '../helpers/core';
import { render } from '../../src/domain/messages';

/** Issue 14, items 6 and 8: the law's granted period and its 6-month first-measure rule. */
const due = (state: CourseState, id: string) => toEpochMs(deadline(state, id).dueAt);
const escalationFor = (state: CourseState, id: string) =>
  state.escalations.find((escalation) => escalation.deadlineId === id);
const offer = (offerId: string, basis?: string) => ({
  ...events.otherOffer(offerId),
  ...(basis ? { basis } : {}),
});

describe('the first measure under the law counts only LAB kap. 11, 12, 14, social or health measures (LAB § 113, stk. 2)', () => {
  test.each(['lab-kap-11', 'lab-kap-12', 'lab-kap-14', 'social', 'health'])(
    'a measure on basis %s that starts meets the deadline',
    (basis) => {
      let state = send(inCourse(law), 'offerRegistered', offer('o1', basis), courseAfter('P1W'));
      state = send(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P2W'));
      expect(deadline(state, 'first-measure').status).toBe('met');
    },
  );

  test('a measure on another basis, or with none given, does not: the case goes back to the team', () => {
    let state = send(inCourse(law), 'offerRegistered', offer('o1', 'other'), courseAfter('P1W'));
    state = send(state, 'offerRegistered', offer('o2'), courseAfter('P1W'));
    expect(render(state.timeline[state.timeline.length - 1]!.summary, 'en')).toMatch(
      /does not count as the first measure/,
    );
    state = send(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P2W'));
    state = send(state, 'offerStarted', { offerId: 'o2' }, courseAfter('P2W'));
    expect(deadline(state, 'first-measure').status).toBe('pending');
    const at = advanceClock(state, due(state, 'first-measure'));
    expect(deadline(at, 'first-measure').status).toBe('breached');
    expect(topics(at)).toContain('back-to-team:citizen+caseworker');
  });

  test('under the seeds, and the law ruleset pinned at version 1, every measure counts', () => {
    for (const rules of [seeds, lawV1]) {
      let state = send(inCourse(rules), 'offerRegistered', offer('o1', 'other'), courseAfter('P1W'));
      state = send(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P2W'));
      expect(deadline(state, 'first-measure').status).toBe('met');
    }
  });
});

describe('særlige grunde waive the return to the team', () => {
  test('recorded before the limit: at the limit the case stays out of the team, and the timeline says why', () => {
    let state = send(
      inCourse(law),
      'specialReasonsRecorded',
      { reasoning: 'the citizen is in hospital' },
      courseAfter('P3M'),
    );
    expect(state.course?.specialReasons?.reasoning).toBe('the citizen is in hospital');
    state = advanceClock(state, due(state, 'first-measure'));
    expect(deadline(state, 'first-measure').status).toBe('breached');
    expect(topics(state)).not.toContain('back-to-team:citizen+caseworker');
    expect(state.teamReviews.filter((review) => review.reason === 'reassessment')).toEqual([]);
    expect(state.timeline[state.timeline.length - 1]).toMatchObject({
      type: 'specialReasonsApplied',
      reason: 'the citizen is in hospital',
    });
  });

  test('without them the case goes back to the team', () => {
    const state = advanceClock(inCourse(law), due(inCourse(law), 'first-measure'));
    expect(state.teamReviews.filter((review) => review.reason === 'reassessment')).toHaveLength(1);
  });

  test('refused after the limit, once a measure has started, twice, or where a late first measure only escalates', () => {
    const late = advanceClock(inCourse(law), due(inCourse(law), 'first-measure'));
    expect(refusal(late, 'specialReasonsRecorded', { reasoning: 'r' }, courseAfter('P7M'))).toMatch(
      /gone back to the team/,
    );
    let started = send(inCourse(law), 'offerRegistered', offer('o1', 'health'), courseAfter('P1W'));
    started = send(started, 'offerStarted', { offerId: 'o1' }, courseAfter('P2W'));
    expect(refusal(started, 'specialReasonsRecorded', { reasoning: 'r' }, courseAfter('P1M'))).toMatch(
      /already started/,
    );
    const once = send(inCourse(law), 'specialReasonsRecorded', { reasoning: 'r' }, courseAfter('P1M'));
    expect(refusal(once, 'specialReasonsRecorded', { reasoning: 'r' }, courseAfter('P2M'))).toMatch(
      /already recorded/,
    );
    expect(
      refusal(inCourse(seeds), 'specialReasonsRecorded', { reasoning: 'r' }, courseAfter('P1M')),
    ).toMatch(/escalates/);
  });
});

describe('a course is granted for a period (LAB § 113, stk. 4; § 114)', () => {
  const toDecision = (rules = law) => {
    let state = open(rules);
    state = send(state, 'teamRecommendation', events.recommendCourse, after('P3W'));
    return state;
  };

  test('under the law a grant must say until when, for 1 to 3 years', () => {
    const state = toDecision();
    expect(refusal(state, 'municipalDecision', events.grant, after('P1M'))).toMatch(/grantedUntil/);
    expect(
      refusal(state, 'municipalDecision', { ...events.grant, grantedUntil: '2027-06-01' }, after('P1M')),
    ).toMatch(/at least P1Y/);
    expect(
      refusal(state, 'municipalDecision', { ...events.grant, grantedUntil: '2031-01-01' }, after('P1M')),
    ).toMatch(/at most P3Y/);
    const granted = send(
      state,
      'municipalDecision',
      { ...events.grant, grantedUntil: '2029-02-04' },
      after('P1M'),
    );
    expect(granted.course?.grants).toEqual([{ at: '2027-02-04T08:00:00.000Z', grantedUntil: '2029-02-04' }]);
    expect(granted.decisions[0]!.grantedUntil).toBe('2029-02-04');
  });

  test('under the seeds and version 1 the period is optional and nothing is due before it ends', () => {
    for (const rules of [seeds, lawV1]) {
      const granted = send(toDecision(rules), 'municipalDecision', events.grant, after('P1M'));
      expect(granted.phase).toBe('in-course');
      expect(hasDeadline(granted, 'what-follows:1')).toBe(false);
    }
    const withDate = send(
      toDecision(seeds),
      'municipalDecision',
      { ...events.grant, grantedUntil: '2029-02-04' },
      after('P1M'),
    );
    expect(hasDeadline(withDate, 'what-follows:1')).toBe(false);
  });

  test('what follows is due 3 months before the end of the period, reminded a month before', () => {
    const state = inCourse(law);
    expect(GRANTED_UNTIL).toBe('2030-02-03');
    // 3 November 2029 00:00 in Copenhagen (winter time).
    expect(deadline(state, 'what-follows:1')).toMatchObject({
      dueAt: '2029-11-02T23:00:00.000Z',
      status: 'pending',
      source: expect.stringMatching(/LAB § 113, stk. 4/),
    });
    expect(deadline(state, 'what-follows:1').reminders.map((reminder) => reminder.at)).toEqual([
      '2029-10-02T22:00:00.000Z',
    ]);
  });

  test('decided in time (a conclusion): met, nothing escalates', () => {
    const state = send(inCourse(law), 'courseConcluded', { outcome: 'fleksjob' }, courseAfter('P2Y'));
    expect(deadline(state, 'what-follows:1').status).toBe('met');
    const later = advanceClock(state, toEpochMs('2029-11-03T00:00:00.000Z'));
    expect(escalationFor(later, 'what-follows:1')).toBeUndefined();
  });

  test('decided in time (routed to pension): met', () => {
    const state = send(
      inCourse(law),
      'workCapacityCannotDevelop',
      { basis: 'no-prospect-of-development' },
      courseAfter('P2Y'),
    );
    expect(deadline(state, 'what-follows:1').status).toBe('met');
  });

  test('not decided in time: escalated, and the course and its benefit continue', () => {
    const state = inCourse(law);
    const before = advanceClock(state, due(state, 'what-follows:1') - 1);
    expect(escalationFor(before, 'what-follows:1')).toBeUndefined();
    const at = advanceClock(state, due(state, 'what-follows:1'));
    expect(deadline(at, 'what-follows:1').status).toBe('breached');
    expect(escalationFor(at, 'what-follows:1')?.status).toBe('open');
    expect(at.phase).toBe('in-course');
    expect(at.outcome).toBeUndefined();
  });

  test('a new grant needs a new team review, and then meets the deadline and starts a new period', () => {
    const state = inCourse(law);
    const grant = { ...events.grant, grantedUntil: '2031-01-31' };
    expect(refusal(state, 'municipalDecision', grant, courseAfter('P30M'))).toMatch(
      /new review by the rehabilitation team/,
    );
    const reviewed = send(state, 'teamRecommendation', events.recommendCourse, courseAfter('P30M'));
    expect(refusal(reviewed, 'municipalDecision', events.grant, courseAfter('P31M'))).toMatch(/grantedUntil/);
    expect(refusal(reviewed, 'municipalDecision', events.refuse, courseAfter('P31M'))).toMatch(
      /not by a refusal/,
    );
    const regranted = send(reviewed, 'municipalDecision', grant, courseAfter('P31M'));
    expect(regranted.phase).toBe('in-course');
    expect(deadline(regranted, 'what-follows:1').status).toBe('met');
    expect(deadline(regranted, 'what-follows:2')).toMatchObject({
      status: 'pending',
      dueAt: '2030-10-30T23:00:00.000Z',
    });
    const fleksjob = send(
      state,
      'teamRecommendation',
      { ...events.recommendCourse, recommends: 'fleksjob' },
      courseAfter('P30M'),
    );
    expect(refusal(fleksjob, 'municipalDecision', grant, courseAfter('P31M'))).toMatch(/recommends fleksjob/);
  });
});
