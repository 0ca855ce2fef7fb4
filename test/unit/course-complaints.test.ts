import {
  advanceClock,
  after,
  caseworker,
  courseAfter,
  deadline,
  events,
  inCourse,
  lawNow,
  open,
  refusal,
  seedsNow,
  send,
  topics,
  seedsV1,
} from '../helpers/core';
import { render } from '../../src/domain/messages';

/**
 * Complaints under the current rulesets (Rsl. §§ 66–67, BEK 861/2025 §§ 11–13): the window counts
 * from the day the citizen received the decision; what the municipality does not fully meet is sent
 * to Ankestyrelsen by a caseworker, who registers it, and nothing says "forwarded" before that; a
 * late complaint is not reconsidered but sent at once; partial medhold asks the citizen whether the
 * complaint is maintained; a decision that ends a course can be complained about, so the case stays
 * open for the complaint window.
 */
const DAY = 86_400_000;

function refusedCase(rules = seedsNow) {
  let state = send(
    open(rules),
    'teamRecommendation',
    { recommends: 'other-measures', unanimous: true, citizenAttendedWholeMeeting: true },
    after('P3W'),
  );
  state = send(state, 'municipalDecision', events.refuse, after('P1M'));
  return state;
}
// Refused on 2027-02-04; received by Digital Post the same day; the window ends at the end of
// Thursday 2027-03-04, Copenhagen time.
const windowEnds = Date.parse('2027-03-04T22:59:59.999Z');

describe('the complaint window counts from the day the citizen received the decision', () => {
  test('a complaint on the window’s last day is on time; one after it is late', () => {
    const onTime = send(
      refusedCase(),
      'complaintReceived',
      { complaintId: 'k1', about: 'refusal' },
      windowEnds,
    );
    expect(onTime.complaints[0]).toMatchObject({ status: 'awaiting-reconsideration' });
    expect(onTime.complaints[0]!.late).toBeUndefined();
  });

  test('received later by post, the window runs from that day', () => {
    // Granted on 2027-02-04; a complaint about the grant 4 weeks and 3 days later.
    const grantedCase = inCourse(seedsNow);
    const at = Date.parse('2027-03-07T10:00:00.000Z');
    expect(
      send(grantedCase, 'complaintReceived', { complaintId: 'k1', about: 'grant' }, at).complaints[0],
    ).toMatchObject({
      status: 'awaiting-forwarding',
      late: {},
    });
    const byPost = send(
      grantedCase,
      'complaintReceived',
      { complaintId: 'k1', about: 'grant', decisionReceivedOn: '2027-02-12' },
      at,
    );
    expect(byPost.complaints[0]).toMatchObject({
      status: 'awaiting-reconsideration',
      decisionReceivedOn: '2027-02-12',
    });
  });

  test('after the window the refused case has closed', () => {
    expect(advanceClock(refusedCase(), windowEnds).phase).toBe('refused');
    expect(advanceClock(refusedCase(), windowEnds + 1).phase).toBe('concluded');
  });

  test('a receipt day before the decision was sent is refused', () => {
    expect(
      refusal(
        refusedCase(),
        'complaintReceived',
        { complaintId: 'k1', about: 'refusal', decisionReceivedOn: '2027-02-01' },
        after('P6W'),
      ),
    ).toMatch(/sent on 2027-02-04/);
  });
});

describe('what the municipality does not fully meet is sent to Ankestyrelsen by a caseworker', () => {
  function kept() {
    let state = send(
      refusedCase(),
      'complaintReceived',
      { complaintId: 'k1', about: 'refusal' },
      after('P6W'),
    );
    state = send(
      state,
      'complaintReconsidered',
      { complaintId: 'k1', result: 'kept', reasoning: 'the refusal stands' },
      after('P7W'),
    );
    return state;
  }

  test('kept: nothing says "forwarded" until the caseworker registers that it was sent', () => {
    const state = kept();
    expect(state.complaints[0]).toMatchObject({ status: 'awaiting-forwarding', result: 'kept' });
    expect(topics(state).filter((topic) => topic.startsWith('complaint-forwarded'))).toEqual([]);
    // The reconsideration deadline is met only when the complaint has gone.
    expect(deadline(state, 'complaint-reconsideration:k1').status).toBe('pending');
    const sent = send(state, 'complaintForwarded', { complaintId: 'k1' }, after('P8W'));
    expect(sent.complaints[0]).toMatchObject({ status: 'forwarded', forwardedBecause: 'kept' });
    expect(topics(sent)).toContain('complaint-forwarded:citizen');
    expect(deadline(sent, 'complaint-reconsideration:k1').status).toBe('met');
  });

  test('a day it was sent in the past is recorded as that day, not a future one', () => {
    const sent = send(
      kept(),
      'complaintForwarded',
      { complaintId: 'k1', sentOn: '2027-02-26' },
      after('P8W'),
    );
    expect(sent.complaints[0]!.forwardedAt).toBe('2027-02-26T12:00:00.000Z');
    expect(
      refusal(kept(), 'complaintForwarded', { complaintId: 'k1', sentOn: '2027-12-24' }, after('P8W')),
    ).toMatch(/between the complaint's receipt/);
  });

  test('not sent within 4 weeks of receipt: it escalates and says it must be sent; the citizen is told nothing false', () => {
    const state = advanceClock(kept(), after('P10W', 1));
    expect(deadline(state, 'complaint-reconsideration:k1').status).toBe('breached');
    expect(state.complaints[0]!.status).toBe('awaiting-forwarding');
    expect(state.escalations.map((escalation) => render(escalation.reason, 'en'))).toContainEqual(
      expect.stringMatching(
        /k1 was kept but not sent to Ankestyrelsen within the limit: it must be sent now/,
      ),
    );
    expect(topics(state).filter((topic) => topic.startsWith('complaint-forwarded'))).toEqual([]);
    // It can still be sent, and then it is.
    const sent = send(state, 'complaintForwarded', { complaintId: 'k1' }, after('P10W', DAY));
    expect(sent.complaints[0]!.status).toBe('forwarded');
  });

  test('only a kept, maintained or late complaint can be sent', () => {
    const state = send(
      refusedCase(),
      'complaintReceived',
      { complaintId: 'k1', about: 'refusal' },
      after('P6W'),
    );
    expect(refusal(state, 'complaintForwarded', { complaintId: 'k1' }, after('P7W'))).toMatch(
      /only a kept, maintained or late complaint/,
    );
  });

  test('a late complaint is not reconsidered but sent at once, with the reason the citizen gives', () => {
    // Granted on 2027-02-04: the window for the grant ended on 2027-03-04.
    const late = Date.parse('2027-03-08T10:00:00.000Z');
    let state = send(
      inCourse(seedsNow),
      'complaintReceived',
      { complaintId: 'k1', about: 'grant', lateReason: 'indlagt på hospitalet hele perioden' },
      late,
    );
    expect(state.complaints[0]!.late).toEqual({ reason: 'indlagt på hospitalet hele perioden' });
    expect(
      refusal(
        state,
        'complaintReconsidered',
        { complaintId: 'k1', result: 'kept', reasoning: 'x' },
        late + DAY,
      ),
    ).toMatch(/not reconsidered but sent to Ankestyrelsen/);
    expect(deadline(state, 'complaint-forwarding:k1').dueAt).toBe(new Date(late + 2 * DAY).toISOString());
    state = send(state, 'complaintForwarded', { complaintId: 'k1' }, late + DAY);
    expect(state.complaints[0]).toMatchObject({ status: 'forwarded', forwardedBecause: 'late' });
    expect(topics(state)).toContain('complaint-forwarded:citizen');
  });
});

describe('partial medhold (BEK 861/2025 § 12)', () => {
  function partlyUpheld() {
    let state = send(
      refusedCase(),
      'complaintReceived',
      { complaintId: 'k1', about: 'refusal' },
      after('P6W'),
    );
    state = send(
      state,
      'complaintReconsidered',
      { complaintId: 'k1', result: 'partly-upheld', reasoning: 'part of the complaint is met' },
      after('P7W'),
    );
    return state;
  }

  test('a new decision, and the citizen says whether the complaint is maintained', () => {
    const state = partlyUpheld();
    expect(state.complaints[0]!.status).toBe('awaiting-citizen');
    expect(topics(state)).toContain('decision:citizen');
    expect(state.phase).toBe('awaiting-decision');
  });

  test('maintained: it must be sent within 14 days', () => {
    const state = send(
      partlyUpheld(),
      'complaintMaintained',
      { complaintId: 'k1', maintained: true },
      after('P8W'),
    );
    expect(state.complaints[0]!.status).toBe('awaiting-forwarding');
    expect(deadline(state, 'complaint-forwarding:k1').dueAt).toBe(
      new Date(after('P8W') + 14 * DAY).toISOString(),
    );
    const breached = advanceClock(state, after('P8W') + 14 * DAY + 1);
    expect(breached.escalations.map((escalation) => render(escalation.reason, 'en'))).toContainEqual(
      expect.stringMatching(/k1 was not sent to Ankestyrelsen/),
    );
  });

  test('no answer within 4 weeks of the new decision: the complaint is settled', () => {
    const state = partlyUpheld();
    expect(advanceClock(state, after('P11W')).complaints[0]!.status).toBe('awaiting-citizen');
    const settled = advanceClock(state, after('P12W'));
    expect(settled.complaints[0]!.status).toBe('settled');
    expect(settled.timeline.map((entry) => entry.type)).toContain('complaintSettled');
  });

  test('the rulesets’ first versions know no partial medhold', () => {
    let state = send(open(seedsV1), 'teamRecommendation', events.recommendCourse, after('P3W'));
    state = send(state, 'municipalDecision', events.grant, after('P1M'));
    state = send(state, 'complaintReceived', { complaintId: 'k1', about: 'grant' }, after('P6W'));
    expect(
      refusal(
        state,
        'complaintReconsidered',
        { complaintId: 'k1', result: 'partly-upheld', reasoning: 'x' },
        after('P7W'),
      ),
    ).toMatch(/no partial medhold/);
  });
});

describe('a decision that ends a course can be complained about for the complaint window', () => {
  const concludedAt = courseAfter('P6M');
  const ended = () => send(inCourse(seedsNow), 'courseConcluded', { outcome: 'job' }, concludedAt);

  test('the case stays open for complaints, then closes with its outcome', () => {
    const state = ended();
    expect(state.phase).toBe('closing');
    expect(state.outcome).toMatchObject({ outcome: 'job' });
    expect(refusal(state, 'offerRegistered', events.realOffer('o9'), concludedAt + DAY)).toMatch(
      /ended by a decision/,
    );
    expect(advanceClock(state, concludedAt + 20 * DAY).phase).toBe('closing');
    const closed = advanceClock(state, concludedAt + 29 * DAY);
    expect(closed.phase).toBe('concluded');
    expect(closed.outcome).toMatchObject({ outcome: 'job' });
    expect(render(closed.timeline.at(-1)!.summary, 'en')).toMatch(/the ending stands/);
  });

  test('a complaint about the ending, upheld, lets the course run on', () => {
    let state = send(
      ended(),
      'complaintReceived',
      { complaintId: 'k1', about: 'conclusion' },
      concludedAt + 7 * DAY,
    );
    expect(advanceClock(state, concludedAt + 29 * DAY).phase).toBe('closing');
    state = send(
      state,
      'complaintReconsidered',
      { complaintId: 'k1', result: 'upheld', reasoning: 'the job was not lasting' },
      concludedAt + 14 * DAY,
    );
    expect(state.phase).toBe('in-course');
    expect(state.outcome).toBeUndefined();
  });

  test('routing to pension is a decision that ends the course, too', () => {
    const state = send(
      inCourse(seedsNow),
      'workCapacityCannotDevelop',
      { basis: 'terminal-illness' },
      concludedAt,
    );
    expect(state.phase).toBe('closing');
    const remitted = send(
      send(
        send(state, 'complaintReceived', { complaintId: 'k1', about: 'conclusion' }, concludedAt + DAY),
        'complaintReconsidered',
        { complaintId: 'k1', result: 'kept', reasoning: 'the medical evidence is clear' },
        concludedAt + 2 * DAY,
      ),
      'complaintForwarded',
      { complaintId: 'k1' },
      concludedAt + 3 * DAY,
    );
    const back = send(
      remitted,
      'appealDecided',
      { complaintId: 'k1', result: 'remitted' },
      concludedAt + 60 * DAY,
      caseworker,
    );
    expect(back.phase).toBe('in-course');
  });
});

test('under the law ruleset a specialist’s advice against an offer is advice: the offer may still start', () => {
  let state = inCourse(lawNow);
  state = send(state, 'offerRegistered', events.realOffer('o1'), courseAfter('P1W'));
  state = send(
    state,
    'specialistAdvisedAgainst',
    { offerId: 'o1', specialty: 'psykiatri' },
    courseAfter('P2W'),
  );
  expect(render(state.timeline.at(-1)!.summary, 'en')).toMatch(/recorded as advice/);
  expect(send(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P3W')).offers[0]!.status).toBe(
    'started',
  );
  // Under the seeds the veto holds.
  let seeded = inCourse(seedsNow);
  seeded = send(seeded, 'offerRegistered', events.realOffer('o1'), courseAfter('P1W'));
  seeded = send(
    seeded,
    'specialistAdvisedAgainst',
    { offerId: 'o1', specialty: 'psykiatri' },
    courseAfter('P2W'),
  );
  expect(refusal(seeded, 'offerStarted', { offerId: 'o1' }, courseAfter('P3W'))).toMatch(/must not start/);
});

test('every deadline names where its rule comes from, as the ruleset says', () => {
  const state = send(
    refusedCase(lawNow),
    'complaintReceived',
    { complaintId: 'k1', about: 'refusal' },
    after('P6W'),
  );
  expect(deadline(state, 'complaint-reconsideration:k1').source).toBe('BEK nr. 861 af 19. juni 2025 § 11');
  expect(deadline(inCourse(lawNow), 'first-measure').source).toBe('LAB § 113, stk. 2');
});

describe('a complaint window ending on a day off runs to the end of the next working day', () => {
  // Granted on Thursday 2027-02-25 (Digital Post): 4 weeks end on Thursday 2027-03-25 — Skærtorsdag,
  // then Langfredag, the weekend and 2. påskedag: the window runs to the end of Tuesday 2027-03-30.
  function grantedBeforeEaster() {
    const state = send(open(seedsNow), 'teamRecommendation', events.recommendCourse, after('P3W'));
    return send(state, 'municipalDecision', events.grant, Date.parse('2027-02-25T09:00:00.000Z'));
  }

  test('received on the Tuesday after Easter, the complaint is on time', () => {
    const state = send(
      grantedBeforeEaster(),
      'complaintReceived',
      { complaintId: 'k1', about: 'grant' },
      Date.parse('2027-03-30T21:00:00.000Z'),
    );
    expect(state.complaints[0]!.late).toBeUndefined();
  });

  test('received on the Wednesday after, it is late', () => {
    const state = send(
      grantedBeforeEaster(),
      'complaintReceived',
      { complaintId: 'k1', about: 'grant' },
      Date.parse('2027-03-31T06:00:00.000Z'),
    );
    expect(state.complaints[0]!.late).toEqual({});
  });
});
