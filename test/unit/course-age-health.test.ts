import { type CourseState, openCourse, type Ruleset } from '../../src/domain';
import {
  after,
  caseworker,
  courseAfter,
  deadline,
  events,
  inCourse,
  law,
  lawV1,
  refusal,
  seeds,
  send,
  T0,
} from '../helpers/core';
import { render } from '../../src/domain/messages';

/**
 * Issue 14, items 4 and 7: the age rules of a grant (LAB § 112, stk. 3; § 114, stk. 1, 3–4) and the
 * municipality's decision after the health coordinator's advice (LAB § 113, stk. 3).
 */

/** A case for a citizen with this CPR number, waiting for the municipality's decision. */
function awaitingDecision(cpr: string, earlier: { from: string; to: string }[] = [], rules: Ruleset = law) {
  let state: CourseState = openCourse(
    {
      caseId: 'KBH-2027-0043',
      municipality: '101',
      origin: 'referral',
      citizen: { cpr, name: 'Hanne Hansen', email: 'hanne@example.dk' },
    },
    rules,
    T0,
    caseworker,
  );
  state = send(state, 'caseworkerAssigned', events.assign, after('P1W'));
  for (const period of earlier) state = send(state, 'earlierCourseRegistered', period, after('P2W'));
  return send(state, 'teamRecommendation', events.recommendCourse, after('P3W'));
}

const grantAt = after('P1M'); // 2027-02-04
// law-2022 grants for a period ("frem til"): here the shortest, 1 year.
const lawGrant = { ...events.grant, grantedUntil: '2028-02-04' };
const wish = { ...lawGrant, citizenWishes: true };

describe('age rules (law-2022 version 2)', () => {
  // Born 3 March 1962: folkepension at 67 on 2029-03-03; 64 at the decision.
  const born1962 = '030362-1234';
  // Born 1 January 1970 (7th digit 4: 1900s for 70): 57 at the decision, folkepension at 69.
  const born1970 = '010170-4321';
  // Born 1982: 45 at the decision. Born 1975: 52 at the decision.
  const born1982 = '150182-1234';
  const born1975 = '150175-1234';

  test('less than 6 years to folkepension age: refused unless the citizen wishes it (LAB § 112, stk. 3)', () => {
    const state = awaitingDecision(born1962);
    expect(refusal(state, 'municipalDecision', lawGrant, grantAt)).toMatch(
      /reaches folkepension age \(67\) on 2029-03-03, less than 6 years away.*LAB § 112, stk\. 3/,
    );
    const granted = send(state, 'municipalDecision', wish, grantAt);
    expect(granted.phase).toBe('in-course');
    expect(granted.decisions.at(-1)!.citizenWishes).toEqual({ waives: ['pension-age'] });
    expect(render(granted.timeline.at(-1)!.summary, 'en')).toMatch(
      /the citizen wishes the course although the age rules \(pension-age\)/,
    );
    // A refusal is not an age question (it deviates from the team, which sees the case again).
    expect(send(state, 'municipalDecision', events.refuse, grantAt).decisions.at(-1)!.decision).toBe(
      'refuse',
    );
  });

  test('a 57-year-old: 12 years to folkepension (69), a first course is granted; with an earlier course only if wished', () => {
    expect(send(awaitingDecision(born1970), 'municipalDecision', lawGrant, grantAt).phase).toBe('in-course');
    const state = awaitingDecision(born1970, [{ from: '2019-01-01', to: '2021-12-31' }]);
    expect(refusal(state, 'municipalDecision', lawGrant, grantAt)).toMatch(
      /the citizen is 57 and had a ressourceforløb before \(2019-01-01 – 2021-12-31\).*LAB § 114, stk\. 4/,
    );
    const granted = send(state, 'municipalDecision', wish, grantAt);
    expect(granted.decisions.at(-1)!.citizenWishes).toEqual({ waives: ['one-course-over-50'] });
  });

  test('45 years old: 4 earlier years leave room for a 1-year course; 4½ do not (LAB § 114, stk. 1 and 3)', () => {
    const fourYears = awaitingDecision(born1982, [
      { from: '2019-01-01', to: '2020-12-31' },
      { from: '2021-01-01', to: '2022-12-31' },
    ]);
    expect(fourYears.earlierCourses).toHaveLength(2);
    expect(send(fourYears, 'municipalDecision', lawGrant, grantAt).phase).toBe('in-course');
    const more = awaitingDecision(born1982, [{ from: '2018-07-01', to: '2022-12-31' }]);
    expect(refusal(more, 'municipalDecision', lawGrant, grantAt)).toMatch(
      /the citizen is 45 .* between 40 and 50 the courses may not total more than P5Y.*LAB § 114, stk\. 1 and 3/,
    );
    expect(send(more, 'municipalDecision', wish, grantAt).decisions.at(-1)!.citizenWishes).toEqual({
      waives: ['total-from-40-to-50'],
    });
  });

  test('52 years old: a first course is granted; after an earlier course only if wished (LAB § 114, stk. 4)', () => {
    expect(send(awaitingDecision(born1975), 'municipalDecision', lawGrant, grantAt).phase).toBe('in-course');
    const state = awaitingDecision(born1975, [{ from: '2022-01-01', to: '2023-06-30' }]);
    expect(refusal(state, 'municipalDecision', lawGrant, grantAt)).toMatch(/the citizen is 52/);
    expect(send(state, 'municipalDecision', wish, grantAt).phase).toBe('in-course');
  });

  test('rulesets without age rules (seeds, law version 1) grant as before', () => {
    for (const rules of [seeds, lawV1]) {
      const state = awaitingDecision(born1962, [], rules);
      expect(send(state, 'municipalDecision', events.grant, grantAt).phase).toBe('in-course');
    }
  });

  test('an earlier course must have ended and not overlap one registered', () => {
    const state = awaitingDecision(born1982, [{ from: '2019-01-01', to: '2020-12-31' }]);
    expect(
      refusal(state, 'earlierCourseRegistered', { from: '2020-06-01', to: '2021-06-01' }, grantAt),
    ).toMatch(/overlaps/);
    expect(
      refusal(state, 'earlierCourseRegistered', { from: '2026-06-01', to: '2027-06-01' }, grantAt),
    ).toMatch(/not in the future/);
  });
});

describe('health coordinator: the municipality decides (LAB § 113, stk. 3)', () => {
  const withOffer = (rules: Ruleset = law) =>
    send(inCourse(rules), 'offerRegistered', events.realOffer('o1'), courseAfter('P1W'));
  const decide = (decision: 'keep' | 'adjust' | 'replace') => ({
    offerId: 'o1',
    decision,
    reasoning: 'after the conversation',
  });

  test('the advice is advice: the offer waits until the municipality has decided', () => {
    let state = send(withOffer(), 'healthCoordinatorRequested', { offerId: 'o1' }, courseAfter('P2W'));
    expect(refusal(state, 'healthAdviceDecided', decide('keep'), courseAfter('P3W'))).toMatch(
      /advice on offer o1 has not been recorded yet/,
    );
    state = send(state, 'healthCoordinatorAdvice', { offerId: 'o1', advice: 'proceed' }, courseAfter('P3W'));
    expect(deadline(state, 'health-advice:o1').status).toBe('met');
    expect(state.offers[0]!.status).toBe('awaiting-health-advice');
    expect(render(state.timeline.at(-1)!.summary, 'en')).toMatch(
      /recorded as advice; the municipality decides/,
    );
    expect(refusal(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P4W'))).toMatch(
      /waits for the municipality's decision/,
    );
    for (const decision of ['keep', 'adjust'] as const) {
      const decided = send(state, 'healthAdviceDecided', decide(decision), courseAfter('P4W'));
      expect(decided.offers[0]!.healthCoordinator).toMatchObject({
        decision,
        reasoning: 'after the conversation',
      });
      expect(send(decided, 'offerStarted', { offerId: 'o1' }, courseAfter('P5W')).offers[0]!.status).toBe(
        'started',
      );
      expect(refusal(decided, 'healthAdviceDecided', decide('keep'), courseAfter('P5W'))).toMatch(
        /already decided/,
      );
    }
    // Advice to replace does not withdraw the offer; the municipality's decision does.
    const replaceAdvice = send(
      send(withOffer(), 'healthCoordinatorRequested', { offerId: 'o1' }, courseAfter('P2W')),
      'healthCoordinatorAdvice',
      { offerId: 'o1', advice: 'replace' },
      courseAfter('P3W'),
    );
    expect(replaceAdvice.offers[0]!.status).toBe('awaiting-health-advice');
    expect(
      send(replaceAdvice, 'healthAdviceDecided', decide('replace'), courseAfter('P4W')).offers[0],
    ).toMatchObject({ status: 'withdrawn', endReason: 'withdrawn' });
  });

  test('an offer already started pauses until the decision, then resumes or is discontinued', () => {
    let state = send(withOffer(), 'offerStarted', { offerId: 'o1' }, courseAfter('P2W'));
    state = send(state, 'healthCoordinatorRequested', { offerId: 'o1' }, courseAfter('P3W'));
    expect(state.offers[0]!.status).toBe('paused');
    state = send(state, 'healthCoordinatorAdvice', { offerId: 'o1', advice: 'adjust' }, courseAfter('P4W'));
    expect(state.offers[0]!.status).toBe('paused');
    expect(refusal(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P5W'))).toMatch(/is paused/);
    expect(send(state, 'healthAdviceDecided', decide('adjust'), courseAfter('P5W')).offers[0]!.status).toBe(
      'started',
    );
    expect(send(state, 'healthAdviceDecided', decide('replace'), courseAfter('P5W')).offers[0]).toMatchObject(
      {
        status: 'ended',
        endReason: 'discontinued',
      },
    );
  });

  test('version 1 rulesets: no municipal decision event; a started offer cannot be asked about', () => {
    let state = send(withOffer(lawV1), 'healthCoordinatorRequested', { offerId: 'o1' }, courseAfter('P2W'));
    state = send(state, 'healthCoordinatorAdvice', { offerId: 'o1', advice: 'proceed' }, courseAfter('P3W'));
    expect(state.offers[0]!.status).toBe('planned');
    expect(refusal(state, 'healthAdviceDecided', decide('keep'), courseAfter('P4W'))).toMatch(
      /advice itself decides/,
    );
    const started = send(withOffer(lawV1), 'offerStarted', { offerId: 'o1' }, courseAfter('P2W'));
    expect(refusal(started, 'healthCoordinatorRequested', { offerId: 'o1' }, courseAfter('P3W'))).toMatch(
      /before an offer starts/,
    );
  });
});
