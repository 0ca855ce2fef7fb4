import { loadRuleset } from '../../src/config/rulesets';
import { course, type CourseState } from '../../src/domain';
import { events, open, refusal, send } from '../helpers/core';
import { render } from '../../src/domain/messages';

/**
 * law-2026 (Lov nr. 1750 af 29. december 2025): no new ressourceforløb or revalidering once intake
 * has closed, while courses already running continue; from version 2 the rehabilitation team is
 * optional — a decision may follow a samlet beskrivelse and the health coordinator's advice.
 */
const v1 = loadRuleset('law-2026@1');
const v2 = loadRuleset('law-2026');
const at = (iso: string) => Date.parse(iso);
const OPENED = at('2026-05-04T08:00:00Z');
const BEFORE_CUTOFF = at('2026-06-15T08:00:00Z');
const AFTER_CUTOFF = at('2026-07-02T08:00:00Z');

function awaitingDecision(rules = v1): CourseState {
  let state = open(rules, OPENED);
  state = send(state, 'caseworkerAssigned', { caseworkerId: 'cw-1', name: 'Ida' }, OPENED + 3600_000);
  return send(state, 'teamRecommendation', events.recommendCourse, at('2026-06-01T08:00:00Z'));
}

const grant = (until: string) => ({ ...events.grant, grantedUntil: until });

describe('intake closes (law-2026, last intake day 2026-06-30)', () => {
  test('a course granted before intake closes is granted', () => {
    const state = send(awaitingDecision(), 'municipalDecision', grant('2027-06-15'), BEFORE_CUTOFF);
    expect(state.phase).toBe('in-course');
  });

  test('a first grant after intake has closed is refused with a reason citing the law', () => {
    expect(refusal(awaitingDecision(), 'municipalDecision', grant('2027-07-02'), AFTER_CUTOFF)).toMatch(
      /no new ressourceforløb can be granted after 2026-06-30: intake has closed \(Lov nr\. 1750 af 29\. december 2025/,
    );
  });

  test('directing the citizen to revalidering after intake has closed is refused; to fleksjob it is not', () => {
    const revalidering = { decision: 'refuse', alternative: 'revalidering', reasoning: 'r' };
    expect(refusal(awaitingDecision(), 'municipalDecision', revalidering, AFTER_CUTOFF)).toMatch(
      /cannot be directed to revalidering after 2026-06-30/,
    );
    const fleksjob = { decision: 'refuse', alternative: 'fleksjob', reasoning: 'r' };
    const team = { recommends: 'fleksjob', unanimous: true, citizenAttendedWholeMeeting: true };
    let state = open(v1, OPENED);
    state = send(state, 'teamRecommendation', team, at('2026-06-01T08:00:00Z'));
    expect(send(state, 'municipalDecision', fleksjob, AFTER_CUTOFF).phase).toBe('refused');
  });

  test('a course already running continues after intake has closed, and ends in a job, not in revalidering', () => {
    let state = send(awaitingDecision(), 'municipalDecision', grant('2027-06-15'), BEFORE_CUTOFF);
    state = send(state, 'offerRegistered', events.realOffer('o1'), AFTER_CUTOFF);
    state = send(state, 'offerStarted', { offerId: 'o1' }, AFTER_CUTOFF + 60_000);
    expect(refusal(state, 'courseConcluded', { outcome: 'revalidering' }, AFTER_CUTOFF + 120_000)).toMatch(
      /revalidering .*closed to new citizens/,
    );
    expect(refusal(state, 'courseConcluded', { outcome: 'new-course' }, AFTER_CUTOFF + 120_000)).toMatch(
      /new-course/,
    );
    expect(send(state, 'courseConcluded', { outcome: 'job' }, AFTER_CUTOFF + 120_000).outcome?.outcome).toBe(
      'job',
    );
  });

  test('under law-2022 (no intake limit) the same late grant is granted', () => {
    const state = send(
      awaitingDecision(loadRuleset('law-2022')),
      'municipalDecision',
      grant('2027-07-02'),
      AFTER_CUTOFF,
    );
    expect(state.phase).toBe('in-course');
  });
});

describe('the team becomes optional (law-2026 version 2, from 1 July 2026)', () => {
  const described = { description: 'arbejdsevne, helbred og sociale forhold beskrevet samlet' };
  const advice = { advice: 'sundhedskoordinatoren anbefaler fleksjob' };
  const toFleksjob = { decision: 'refuse', alternative: 'fleksjob', reasoning: 'fleksjob fits' };

  test('a samlet beskrivelse and the health advice let the municipality decide without a team', () => {
    let state = open(v2, AFTER_CUTOFF);
    state = send(state, 'decisionBasisDescribed', described, AFTER_CUTOFF + 60_000);
    expect(state.phase).toBe('referred');
    expect(refusal(state, 'municipalDecision', toFleksjob, AFTER_CUTOFF + 90_000)).toMatch(
      /team has not recommended yet/,
    );
    state = send(state, 'caseHealthAdviceGiven', advice, AFTER_CUTOFF + 120_000);
    expect(state.phase).toBe('awaiting-decision');
    // The waiting time to the team meeting is met by the decision basis: no team will meet.
    const teamMeeting = course.deadlines(state).find((deadline) => deadline.kind === 'team-meeting');
    expect(teamMeeting?.status).toBe('met');
    state = send(state, 'municipalDecision', toFleksjob, AFTER_CUTOFF + 180_000);
    expect(state.phase).toBe('refused');
    expect(state.decisions[0]).toMatchObject({ followsRecommendation: true, stands: true });
    expect(render(state.timeline[state.timeline.length - 1]!.summary, 'en')).toMatch(/no team/);
  });

  test('each part is recorded once', () => {
    const state = send(open(v2, AFTER_CUTOFF), 'decisionBasisDescribed', described, AFTER_CUTOFF + 60_000);
    expect(refusal(state, 'decisionBasisDescribed', described, AFTER_CUTOFF + 120_000)).toMatch(
      /already recorded/,
    );
  });

  test('under version 1 the team is still required: a samlet beskrivelse is refused', () => {
    expect(refusal(open(v1, OPENED), 'decisionBasisDescribed', described, OPENED + 60_000)).toMatch(
      /requires the team/,
    );
  });

  test('a team recommendation is still accepted where the team is optional', () => {
    const team = { recommends: 'fleksjob', unanimous: true, citizenAttendedWholeMeeting: true };
    const state = send(open(v2, AFTER_CUTOFF), 'teamRecommendation', team, AFTER_CUTOFF + 60_000);
    expect(state.phase).toBe('awaiting-decision');
  });
});

describe('a running course without a team (law-2026 version 2)', () => {
  const described = { description: 'forløbet har rykket borgeren; mere tid er nødvendig' };
  const advice = { advice: 'ingen helbredsmæssige hindringer for et nyt forløb' };
  const GRANTED = at('2026-07-02T08:00:00Z');

  function running(): CourseState {
    let state = open(v2, at('2026-05-04T08:00:00Z'));
    const team = { recommends: 'ressourceforloeb', unanimous: true, citizenAttendedWholeMeeting: true };
    state = send(state, 'teamRecommendation', team, at('2026-06-01T08:00:00Z'));
    // Granted before intake closed (version 2 is pinned, the decision falls on 30 June).
    return send(state, 'municipalDecision', grant('2027-06-30'), at('2026-06-30T08:00:00Z'));
  }

  test('a new period follows a new samlet beskrivelse and health advice instead of a team review', () => {
    let state = running();
    expect(refusal(state, 'municipalDecision', grant('2028-06-29'), GRANTED)).toMatch(
      /new review by the rehabilitation team/,
    );
    state = send(state, 'decisionBasisDescribed', described, GRANTED);
    state = send(state, 'caseHealthAdviceGiven', advice, GRANTED + 60_000);
    expect(state.phase).toBe('in-course');
    state = send(state, 'municipalDecision', grant('2028-06-29'), GRANTED + 120_000);
    expect(state.course?.grants?.map((g) => g.grantedUntil)).toEqual(['2027-06-30', '2028-06-29']);
    expect(render(state.timeline[state.timeline.length - 1]!.summary, 'en')).toMatch(
      /new course period .*no team/,
    );
    // The basis is spent: the next period needs a new one.
    expect(refusal(state, 'municipalDecision', grant('2029-06-29'), GRANTED + 180_000)).toMatch(/new review/);
  });

  test('a team recommendation after the decision basis is the one the decision follows', () => {
    let state = open(v2, AFTER_CUTOFF);
    state = send(state, 'decisionBasisDescribed', described, AFTER_CUTOFF + 60_000);
    const team = { recommends: 'foertidspension', unanimous: true, citizenAttendedWholeMeeting: true };
    state = send(state, 'teamRecommendation', team, AFTER_CUTOFF + 120_000);
    const toFleksjob = { decision: 'refuse', alternative: 'fleksjob', reasoning: 'r' };
    state = send(state, 'municipalDecision', toFleksjob, AFTER_CUTOFF + 180_000);
    // Against the team's recommendation: back to the team, as before the reform.
    expect(state.decisions[0]).toMatchObject({ followsRecommendation: false, stands: false });
  });
});
