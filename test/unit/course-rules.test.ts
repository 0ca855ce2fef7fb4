import { caseView, course, openCourse, recordRejection } from '../../src/domain';
import { advanceClock, seedsV1 } from '../helpers/core';

const decide = course.decide;
import {
  after,
  attempt,
  caseworker,
  COURSE_START,
  courseAfter,
  deadline,
  events,
  hasDeadline,
  inCourse,
  law,
  open,
  refusal,
  seeds,
  send,
  supervisor,
  T0,
  topics,
} from '../helpers/core';
import { render, renderTexts } from '../../src/domain/messages';

describe('from referral to a course', () => {
  test('a referral waits for the team; the decision to grant starts the course and its clocks', () => {
    let state = open();
    expect(state.phase).toBe('referred');
    expect(state.origin).toBe('referral');
    expect(deadline(state, 'team-meeting:1')).toMatchObject({
      status: 'pending',
      dueAt: '2027-03-01T08:00:00.000Z',
    });

    state = send(state, 'teamRecommendation', events.recommendCourse, after('P3W'));
    expect(state.phase).toBe('awaiting-decision');
    expect(deadline(state, 'team-meeting:1')).toMatchObject({
      status: 'met',
      metAt: '2027-01-25T08:00:00.000Z',
    });
    expect(deadline(state, 'decision:1').status).toBe('pending');

    state = send(state, 'municipalDecision', events.grant, after('P1M'));
    expect(state.phase).toBe('in-course');
    expect(state.course).toEqual({ startedAt: '2027-02-04T08:00:00.000Z' });
    expect(state.decisions[0]).toMatchObject({
      decision: 'grant-course',
      followsRecommendation: true,
      stands: true,
    });
    expect(deadline(state, 'real-offer')).toMatchObject({
      status: 'pending',
      dueAt: '2028-02-04T08:00:00.000Z',
    });
    expect(deadline(state, 'maximum-duration').dueAt).toBe('2030-02-04T08:00:00.000Z');
    // 09:00 Copenhagen time, as the course started; summer time by then (issue 14: Danish calendar dates).
    expect(deadline(state, 'first-measure').dueAt).toBe('2027-05-04T07:00:00.000Z');
    expect(topics(state)).toContain('decision:citizen');
  });

  test("a citizen's own application is recorded as such", () => {
    const state = openCourse(
      {
        caseId: 'AAR-1',
        municipality: '751',
        origin: 'application',
        citizen: { cpr: '0101901234', name: 'Ane' },
      },
      seeds,
      T0,
      caseworker,
    );
    expect(state.origin).toBe('application');
    expect(render(state.timeline[0]!.summary, 'en')).toBe("opened on the citizen's own application");
    expect(render(open().timeline[0]!.summary, 'en')).toBe('opened on referral');
  });

  test('the team’s dissent is told to the citizen, and to relatives only with consent that covers decisions', () => {
    let state = open();
    state = send(
      state,
      'relativeRegistered',
      { relativeId: 'r1', name: 'Mette', relation: 'spouse', email: 'mette@example.dk' },
      after('P1D'),
    );
    state = send(
      state,
      'relativeRegistered',
      { relativeId: 'r2', name: 'Ole', relation: 'brother', email: 'ole@example.dk' },
      after('P1D'),
    );
    state = send(
      state,
      'relativeConsent',
      { relativeId: 'r1', consent: true, covers: ['decisions'] },
      after('P2D'),
    );
    state = send(
      state,
      'relativeConsent',
      { relativeId: 'r2', consent: true, covers: ['deadlines'] },
      after('P2D'),
    );
    state = send(state, 'teamRecommendation', events.recommendCourseWithDissent, after('P3W'));
    const dissent = state.notifications.find((notification) => notification.topic === 'team-dissent')!;
    expect(dissent.recipients.map((recipient) => recipient.id ?? recipient.role)).toEqual(['citizen', 'r1']);
    expect(dissent.facts.dissentingMembers).toBe('sundhedskoordinator');
    // The citizen is told what the dissenters think (issue 15); the letters to relatives leave it out.
    expect(dissent.facts.dissentViews).toBe('- sundhedskoordinator: a course is premature');
  });

  test('a unanimous recommendation tells nobody about dissent', () => {
    const state = send(open(), 'teamRecommendation', events.recommendCourse, after('P3W'));
    expect(topics(state).filter((topic) => topic.startsWith('team-dissent'))).toEqual([]);
  });

  test('a decision that deviates from the recommendation sends the case back to the team before it can stand', () => {
    let state = send(
      open(),
      'teamRecommendation',
      { recommends: 'foertidspension', unanimous: true, citizenAttendedWholeMeeting: false },
      after('P3W'),
    );
    state = send(state, 'municipalDecision', events.grant, after('P1M'));
    expect(state.phase).toBe('referred');
    expect(state.course).toBeUndefined();
    expect(state.decisions[0]).toMatchObject({ followsRecommendation: false, stands: false });
    expect(deadline(state, 'team-meeting:2')).toMatchObject({
      status: 'pending',
      startedAt: '2027-02-04T08:00:00.000Z',
    });
    expect(topics(state)).toContain('back-to-team:citizen+caseworker');
    expect(refusal(state, 'municipalDecision', events.grant, after('P5W'))).toMatch(/not recommended yet/);

    state = send(
      state,
      'teamRecommendation',
      { recommends: 'foertidspension', unanimous: true, citizenAttendedWholeMeeting: true },
      after('P6W'),
    );
    expect(state.teamRecommendations[1]!.context).toBe('deviation');
    state = send(state, 'municipalDecision', events.grant, after('P7W'));
    expect(state.phase).toBe('in-course');
    expect(state.decisions[1]).toMatchObject({ followsRecommendation: false, stands: true });
  });

  test('a refusal that follows the team’s recommendation stands', () => {
    let state = send(
      open(),
      'teamRecommendation',
      { recommends: 'fleksjob', unanimous: true, citizenAttendedWholeMeeting: true },
      after('P3W'),
    );
    state = send(
      state,
      'municipalDecision',
      { decision: 'refuse', alternative: 'fleksjob', reasoning: 'fleksjob fits' },
      after('P1M'),
    );
    expect(state.phase).toBe('refused');
    expect(state.decisions[0]).toMatchObject({ followsRecommendation: true, stands: true });
  });

  test('a refusal with no alternative deviates from any recommendation', () => {
    let state = send(
      open(),
      'teamRecommendation',
      { recommends: 'other-measures', unanimous: true, citizenAttendedWholeMeeting: true },
      after('P3W'),
    );
    state = send(
      state,
      'municipalDecision',
      { decision: 'refuse', alternative: 'none', reasoning: 'no need' },
      after('P1M'),
    );
    expect(state.phase).toBe('referred');
  });
});

describe('refusals and complaints', () => {
  function refusedCase() {
    let state = send(
      open(seedsV1),
      'teamRecommendation',
      { recommends: 'other-measures', unanimous: true, citizenAttendedWholeMeeting: true },
      after('P3W'),
    );
    state = send(state, 'municipalDecision', events.refuse, after('P1M'));
    return state;
  }
  const refusedAt = after('P1M');
  const windowEnds = refusedAt + 28 * 86_400_000;

  test('without a complaint, the refused case closes when the complaint window has passed', () => {
    const state = refusedCase();
    expect(advanceClock(state, windowEnds - 1).phase).toBe('refused');
    const closed = advanceClock(state, windowEnds);
    expect(closed.phase).toBe('concluded');
    expect(closed.outcome).toEqual({ outcome: 'refused', at: '2027-03-04T08:00:00.000Z' });
  });

  test('a complaint about the refusal keeps the case open; upheld, the municipality decides again', () => {
    let state = send(
      refusedCase(),
      'complaintReceived',
      { complaintId: 'k1', about: 'refusal' },
      after('P6W'),
    );
    expect(advanceClock(state, windowEnds + 1).phase).toBe('refused');
    expect(deadline(state, 'complaint-reconsideration:k1').status).toBe('pending');
    state = send(
      state,
      'complaintReconsidered',
      { complaintId: 'k1', result: 'upheld', reasoning: 'new information' },
      after('P8W'),
    );
    expect(state.phase).toBe('awaiting-decision');
    expect(deadline(state, 'complaint-reconsideration:k1').status).toBe('met');
    expect(deadline(state, 'decision:2').status).toBe('pending');
    state = send(state, 'municipalDecision', events.grant, after('P9W'));
    // The same recommendation stood behind the refusal; the new grant deviates and goes to the team.
    expect(state.phase).toBe('referred');
  });

  test('kept, the complaint goes to Ankestyrelsen and the citizen is told; the case waits for the ruling', () => {
    let state = send(
      refusedCase(),
      'complaintReceived',
      { complaintId: 'k1', about: 'refusal' },
      after('P6W'),
    );
    state = send(
      state,
      'complaintReconsidered',
      { complaintId: 'k1', result: 'kept', reasoning: 'unchanged' },
      after('P8W'),
    );
    expect(state.complaints[0]).toMatchObject({ status: 'forwarded', forwardedBecause: 'kept' });
    expect(topics(state)).toContain('complaint-forwarded:citizen');
    expect(advanceClock(state, after('P1Y')).phase).toBe('refused');
    state = send(state, 'appealDecided', { complaintId: 'k1', result: 'decision-upheld' }, after('P20W'));
    expect(state.phase).toBe('concluded');
    expect(state.outcome?.outcome).toBe('refused');
  });

  test('Ankestyrelsen changing the decision sends the case back to a municipal decision', () => {
    let state = send(
      refusedCase(),
      'complaintReceived',
      { complaintId: 'k1', about: 'refusal' },
      after('P6W'),
    );
    state = send(
      state,
      'complaintReconsidered',
      { complaintId: 'k1', result: 'kept', reasoning: 'unchanged' },
      after('P8W'),
    );
    state = send(state, 'appealDecided', { complaintId: 'k1', result: 'decision-changed' }, after('P20W'));
    expect(state.phase).toBe('awaiting-decision');
  });

  test('a complaint about a grant is possible during the course, about a refusal only after one', () => {
    expect(
      refusal(
        inCourse(seedsV1),
        'complaintReceived',
        { complaintId: 'k1', about: 'refusal' },
        courseAfter('P1D'),
      ),
    ).toMatch(/no refusal/);
    expect(
      refusal(refusedCase(), 'complaintReceived', { complaintId: 'k1', about: 'grant' }, after('P5W')),
    ).toMatch(/no granted course/);
    const state = send(
      inCourse(seedsV1),
      'complaintReceived',
      { complaintId: 'k1', about: 'grant' },
      courseAfter('P1D'),
    );
    expect(state.complaints).toHaveLength(1);
    expect(
      refusal(state, 'complaintReceived', { complaintId: 'k1', about: 'grant' }, courseAfter('P2D')),
    ).toMatch(/already exists/);
  });

  test('an upheld complaint about an offer withdraws the offer', () => {
    let state = send(inCourse(seedsV1), 'offerRegistered', events.realOffer('o1'), courseAfter('P1W'));
    state = send(
      state,
      'complaintReceived',
      { complaintId: 'k1', about: 'offer', offerId: 'o1' },
      courseAfter('P2W'),
    );
    state = send(
      state,
      'complaintReconsidered',
      { complaintId: 'k1', result: 'upheld', reasoning: 'unsuitable' },
      courseAfter('P3W'),
    );
    expect(state.offers[0]!.status).toBe('withdrawn');
    expect(state.phase).toBe('in-course');
    expect(refusal(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P4W'))).toMatch(/already ended/);
  });

  test('a complaint about an offer must name an offer of the case', () => {
    expect(
      refusal(
        inCourse(seedsV1),
        'complaintReceived',
        { complaintId: 'k1', about: 'offer' },
        courseAfter('P1D'),
      ),
    ).toMatch(/offerId: a complaint about an offer names the offer/);
    expect(
      refusal(
        inCourse(seedsV1),
        'complaintReceived',
        { complaintId: 'k1', about: 'offer', offerId: 'nope' },
        courseAfter('P1D'),
      ),
    ).toMatch(/no offer "nope"/);
  });
});

describe('offers, the specialist veto and the health coordinator', () => {
  const withOffer = () => send(inCourse(), 'offerRegistered', events.realOffer('o1'), courseAfter('P1W'));

  test('a real offer that starts meets the real-offer and the first-measure deadlines', () => {
    const state = send(withOffer(), 'offerStarted', { offerId: 'o1' }, courseAfter('P2M'));
    expect(deadline(state, 'real-offer')).toMatchObject({ status: 'met', metAt: '2027-04-04T08:00:00.000Z' });
    expect(deadline(state, 'first-measure').status).toBe('met');
  });

  test('an offer that is not real meets only the first-measure deadline', () => {
    let state = send(inCourse(), 'offerRegistered', events.otherOffer('o2'), courseAfter('P1W'));
    state = send(state, 'offerStarted', { offerId: 'o2' }, courseAfter('P2W'));
    expect(deadline(state, 'first-measure').status).toBe('met');
    expect(deadline(state, 'real-offer').status).toBe('pending');
  });

  test('an offer a specialist advised against can never start', () => {
    const state = send(
      withOffer(),
      'specialistAdvisedAgainst',
      { offerId: 'o1', specialty: 'reumatologi' },
      courseAfter('P2W'),
    );
    expect(refusal(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P3W'))).toBe(
      'a medical specialist (reumatologi) advised against offer o1 on 2027-02-18: it must not start',
    );
    expect(refusal(state, 'healthCoordinatorRequested', { offerId: 'o1' }, courseAfter('P3W'))).toMatch(
      /will not start/,
    );
  });

  test('a specialist advising against a running offer tells the caseworker to stop it', () => {
    let state = send(withOffer(), 'offerStarted', { offerId: 'o1' }, courseAfter('P2W'));
    state = send(
      state,
      'specialistAdvisedAgainst',
      { offerId: 'o1', specialty: 'psykiatri' },
      courseAfter('P3W'),
    );
    expect(topics(state)).toContain('offer-advised-against:caseworker');
  });

  // Version 1 rulesets: the coordinator's advice itself moves the offer (version 2: course-age-health.test.ts).
  const withOfferV1 = () =>
    send(inCourse(seedsV1), 'offerRegistered', events.realOffer('o1'), courseAfter('P1W'));

  test('an offer waits for the health coordinator’s advice; proceed or adjust lets it start', () => {
    const state = send(withOfferV1(), 'healthCoordinatorRequested', { offerId: 'o1' }, courseAfter('P2W'));
    expect(refusal(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P3W'))).toBe(
      "offer o1 waits for the regional health coordinator's advice, requested 2027-02-18",
    );
    expect(deadline(state, 'health-advice:o1').status).toBe('pending');
    for (const advice of ['proceed', 'adjust'] as const) {
      const advised = send(state, 'healthCoordinatorAdvice', { offerId: 'o1', advice }, courseAfter('P4W'));
      expect(deadline(advised, 'health-advice:o1').status).toBe('met');
      expect(send(advised, 'offerStarted', { offerId: 'o1' }, courseAfter('P5W')).offers[0]!.status).toBe(
        'started',
      );
    }
  });

  test('advice to replace withdraws the offer', () => {
    let state = send(withOfferV1(), 'healthCoordinatorRequested', { offerId: 'o1' }, courseAfter('P2W'));
    state = send(state, 'healthCoordinatorAdvice', { offerId: 'o1', advice: 'replace' }, courseAfter('P3W'));
    expect(state.offers[0]).toMatchObject({ status: 'withdrawn', endReason: 'withdrawn' });
    expect(refusal(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P4W'))).toMatch(/already ended/);
  });

  test('advice cannot be asked twice, nor recorded without a request, nor about a started offer', () => {
    let state = send(withOfferV1(), 'healthCoordinatorRequested', { offerId: 'o1' }, courseAfter('P2W'));
    expect(refusal(state, 'healthCoordinatorRequested', { offerId: 'o1' }, courseAfter('P3W'))).toMatch(
      /already been asked/,
    );
    expect(
      refusal(
        withOfferV1(),
        'healthCoordinatorAdvice',
        { offerId: 'o1', advice: 'proceed' },
        courseAfter('P3W'),
      ),
    ).toMatch(/no advice/);
    state = send(withOfferV1(), 'offerStarted', { offerId: 'o1' }, courseAfter('P2W'));
    expect(refusal(state, 'healthCoordinatorRequested', { offerId: 'o1' }, courseAfter('P3W'))).toMatch(
      /before an offer starts/,
    );
  });

  test('ending an offer: a started one completes or is discontinued, a planned one is withdrawn', () => {
    expect(
      refusal(withOffer(), 'offerEnded', { offerId: 'o1', reason: 'completed' }, courseAfter('P2W')),
    ).toMatch(/can only be withdrawn/);
    const started = send(withOffer(), 'offerStarted', { offerId: 'o1' }, courseAfter('P2W'));
    expect(
      refusal(started, 'offerEnded', { offerId: 'o1', reason: 'withdrawn' }, courseAfter('P3W')),
    ).toMatch(/completed or discontinued/);
    const ended = send(started, 'offerEnded', { offerId: 'o1', reason: 'completed' }, courseAfter('P3W'));
    expect(ended.offers[0]).toMatchObject({ status: 'ended', endReason: 'completed' });
    expect(refusal(ended, 'offerEnded', { offerId: 'o1', reason: 'completed' }, courseAfter('P4W'))).toMatch(
      /already ended/,
    );
  });

  test('offer IDs are unique and must exist', () => {
    expect(refusal(withOffer(), 'offerRegistered', events.realOffer('o1'), courseAfter('P2W'))).toMatch(
      /already exists/,
    );
    expect(refusal(withOffer(), 'offerStarted', { offerId: 'zz' }, courseAfter('P2W'))).toMatch(
      /no offer "zz"/,
    );
  });
});

describe('the right to a decision on the existing evidence', () => {
  test('arises when no real offer has started within a year, and not before', () => {
    const state = inCourse();
    expect(refusal(state, 'decisionOnExistingEvidenceDemanded', {}, courseAfter('P11M'))).toBe(
      'the citizen has this right only if no real offer has started by 2028-02-04',
    );
    const demanded = send(state, 'decisionOnExistingEvidenceDemanded', {}, courseAfter('P1Y', 1));
    expect(demanded.decisionOnExistingEvidence).toEqual({
      rightSince: '2028-02-04T08:00:00.000Z',
      demandedAt: '2028-02-04T08:00:00.001Z',
    });
    expect(deadline(demanded, 'existing-evidence-decision')).toMatchObject({
      status: 'pending',
      dueAt: '2028-03-03T08:00:00.001Z',
    });
    expect(refusal(demanded, 'decisionOnExistingEvidenceDemanded', {}, courseAfter('P13M'))).toMatch(
      /already demanded/,
    );
    const decided = send(demanded, 'courseConcluded', { outcome: 'fleksjob' }, courseAfter('P13M'));
    expect(deadline(decided, 'existing-evidence-decision').status).toBe('met');
  });

  test('the law in force has no such right', () => {
    expect(refusal(inCourse(law), 'decisionOnExistingEvidenceDemanded', {}, courseAfter('P2Y'))).toBe(
      'this ruleset gives no right to a decision on the existing evidence',
    );
  });
});

describe('ending a case', () => {
  test('obviously no development of work capacity: no course, toward førtidspension', () => {
    const state = send(
      open(seedsV1),
      'workCapacityCannotDevelop',
      { basis: 'terminal-illness' },
      after('P1W'),
    );
    expect(state.phase).toBe('concluded');
    expect(state.outcome).toMatchObject({ outcome: 'foertidspension', routedToPension: 'terminal-illness' });
    expect(topics(state)).toContain('routed-to-pension:citizen+caseworker');
    expect(refusal(state, 'teamRecommendation', events.recommendCourse, after('P2W'))).toMatch(/concluded/);
  });

  test.each([
    'job',
    'education',
    'revalidering',
    'fleksjob',
    'foertidspension',
    'new-course',
    'ended-other',
  ] as const)('a course concludes with the outcome %s and the citizen is told', (outcome) => {
    const state = send(inCourse(seedsV1), 'courseConcluded', { outcome }, courseAfter('P2Y'));
    expect(state.outcome).toEqual({ outcome, at: '2029-02-04T08:00:00.000Z' });
    expect(deadline(state, 'maximum-duration').status).toBe('met');
    expect(topics(state)).toContain('course-concluded:citizen');
    expect(caseView(course, state).nextDeadlineAt).toBeNull();
  });

  test('before a course only "ended-other" closes a case (moved, died, pension age)', () => {
    expect(refusal(open(seedsV1), 'courseConcluded', { outcome: 'job' }, after('P1W'))).toMatch(
      /only "ended-other"/,
    );
    expect(
      send(open(seedsV1), 'courseConcluded', { outcome: 'ended-other', note: 'moved' }, after('P1W')).phase,
    ).toBe('concluded');
  });
});

describe('caseworkers, relatives and escalations', () => {
  test('the caseload limit (seed 001 §7) comes from the case’s own ruleset: refused or warned, as it says', () => {
    const at = after('P1W');
    const state = open();
    const full = { caseload: seeds.caseload.limit };
    const refusing = open({ ...seeds, caseload: { ...seeds.caseload, overLimit: 'refuse' } });
    const refused = decide(
      refusing,
      { type: 'caseworkerAssigned', data: events.assign },
      caseworker,
      at,
      full,
    );
    expect(refused).toMatchObject({ ok: false, refusal: 'caseload-limit' });
    const warned = decide(state, { type: 'caseworkerAssigned', data: events.assign }, caseworker, at, full);
    expect(renderTexts(warned, 'en')).toMatchObject({
      ok: true,
      warnings: [`caseworker cw-17 already has ${seeds.caseload.limit} open cases; the limit is 30`],
    });
    const under = decide(state, { type: 'caseworkerAssigned', data: events.assign }, caseworker, at, {
      caseload: seeds.caseload.limit - 1,
    });
    expect(under).toMatchObject({ ok: true });
    expect('warnings' in under && under.warnings).toBeFalsy();
  });

  test('the first assignment meets the waiting time; a change is recorded', () => {
    let state = send(open(), 'caseworkerAssigned', events.assign, after('P1W'));
    expect(deadline(state, 'coordinating-caseworker')).toMatchObject({
      status: 'met',
      metAt: '2027-01-11T08:00:00.000Z',
    });
    expect(refusal(state, 'caseworkerAssigned', events.assign, after('P2W'))).toMatch(
      /already the coordinating caseworker/,
    );
    state = send(state, 'caseworkerAssigned', { caseworkerId: 'cw-2', name: 'Ny' }, after('P3W'));
    expect(state.coordinatingCaseworker).toMatchObject({
      id: 'cw-2',
      assignedAt: '2027-01-25T08:00:00.000Z',
    });
    expect(deadline(state, 'coordinating-caseworker').metAt).toBe('2027-01-11T08:00:00.000Z');
    expect(render(state.timeline[state.timeline.length - 1]!.summary, 'en')).toBe(
      'coordinating caseworker changed from cw-17 to cw-2',
    );
  });

  test('consent can be withdrawn; relatives without consent are not told', () => {
    let state = send(
      open(),
      'relativeRegistered',
      { relativeId: 'r1', name: 'Mette', relation: 'spouse', email: 'm@example.dk' },
      after('P1D'),
    );
    state = send(
      state,
      'relativeConsent',
      { relativeId: 'r1', consent: true, covers: ['decisions'] },
      after('P2D'),
    );
    state = send(state, 'relativeConsent', { relativeId: 'r1', consent: false, covers: [] }, after('P3D'));
    state = send(state, 'teamRecommendation', events.recommendCourseWithDissent, after('P3W'));
    expect(topics(state)).toContain('team-dissent:citizen');
    expect(
      refusal(state, 'relativeConsent', { relativeId: 'r1', consent: true, covers: [] }, after('P4W')),
    ).toMatch(/consent names what it covers/);
  });

  test('only a supervisor acknowledges an escalation; acknowledged, the chain stops', () => {
    const breached = advanceClock(open(), after('P2W'));
    expect(breached.escalations[0]).toMatchObject({ id: 'esc-1', status: 'open', levelRole: 'supervisor' });
    expect(
      refusal(breached, 'escalationAcknowledged', { escalationId: 'esc-1' }, after('P3W'), caseworker),
    ).toBe('only a supervisor can acknowledge an escalation');
    const acknowledged = send(
      breached,
      'escalationAcknowledged',
      { escalationId: 'esc-1' },
      after('P3W'),
      supervisor,
    );
    expect(acknowledged.escalations[0]).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'sup-3' });
    const later = advanceClock(acknowledged, after('P8W'));
    expect(later.escalations[0]!.level).toBe(0);
    expect(topics(later).filter((topic) => topic.includes('head-of-department'))).toEqual([]);
    expect(
      refusal(acknowledged, 'escalationAcknowledged', { escalationId: 'esc-1' }, after('P4W'), supervisor),
    ).toMatch(/already acknowledged/);
  });

  test('an escalation is resolved when its deadline is met late', () => {
    const breached = advanceClock(open(), after('P2W'));
    const assigned = send(breached, 'caseworkerAssigned', events.assign, after('P3W'));
    expect(assigned.escalations[0]).toMatchObject({
      status: 'resolved',
      resolvedAt: '2027-01-25T08:00:00.000Z',
    });
    expect(deadline(assigned, 'coordinating-caseworker')).toMatchObject({
      status: 'met',
      breachedAt: '2027-01-18T08:00:00.000Z',
    });
  });
});

describe('the audit timeline', () => {
  test('every accepted event is attributed; a rejected one is recorded with its reason and changes nothing else', () => {
    const state = send(open(), 'caseworkerAssigned', events.assign, after('P1D'));
    const rejected = recordRejection(
      state,
      'municipalDecision',
      caseworker,
      after('P2D'),
      'the team has not recommended yet',
    );
    expect(
      rejected.timeline.map(({ seq, type, outcome, actor }) => ({ seq, type, outcome, actor: actor.id })),
    ).toEqual([
      { seq: 1, type: 'caseOpened', outcome: 'recorded', actor: 'cw-17' },
      { seq: 2, type: 'caseworkerAssigned', outcome: 'accepted', actor: 'cw-17' },
      { seq: 3, type: 'municipalDecision', outcome: 'rejected', actor: 'cw-17' },
    ]);
    expect(rejected.timeline[2]!.reason).toBe('the team has not recommended yet');
    expect({ ...rejected, timeline: [] }).toEqual({ ...state, timeline: [] });
  });

  test('an event that arrives after a deadline fell due cannot meet it in time: the breach is recorded first', () => {
    let state = send(inCourse(), 'offerRegistered', events.realOffer('o1'), courseAfter('P1W'));
    state = send(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P1Y', 3_600_000));
    expect(deadline(state, 'real-offer')).toMatchObject({
      status: 'met',
      breachedAt: '2028-02-04T08:00:00.000Z',
      metAt: '2028-02-04T09:00:00.000Z',
    });
    expect(state.decisionOnExistingEvidence?.rightSince).toBe('2028-02-04T08:00:00.000Z');
  });

  test('the state pins the ruleset by name and version and carries its rules', () => {
    expect(open().ruleset).toMatchObject({ name: 'seeds-2017', version: 2 });
    expect(open(law).ruleset).toMatchObject({ name: 'law-2022', version: 2 });
    // Queries and the API name it; the whole text stays in the case.
    expect(caseView(course, open(law)).ruleset).toEqual({ name: 'law-2022', version: 2, title: law.title });
    expect(open(law).ruleset.course.firstMeasure.onBreach).toBe('back-to-team');
    expect(T0).toBe(COURSE_START - 31 * 86_400_000);
    expect(hasDeadline(open(), 'real-offer')).toBe(false);
    expect(attempt(open(), 'offerRegistered', events.realOffer(), after('P1D')).ok).toBe(false);
  });
});
