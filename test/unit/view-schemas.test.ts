import { toCaseView } from '../../src/api/case-view';
import { CaseSnapshotSchema, CaseViewSchema } from '../../src/api/view-schemas';
import {
  type AnyCaseState,
  caseSnapshotOf,
  cashBenefit,
  course,
  fleksjob,
  fleksjobFromCourse,
  openCashBenefit,
  openFleksjob,
  recordDelivery,
  recordRejection,
  type CaseRules,
  viewOf,
} from '../../src/domain';
import { describeIssues } from '../../src/domain/engine/validation';
import { sendOn } from '../helpers/spec';
import { after, caseworker, events, inCourse, law, open, seeds, supervisor, T0 } from '../helpers/core';
import { renderTexts } from '../../src/domain/messages';

/**
 * The API's documented case schemas are exact (as the API sends them: with the texts rendered) (no field they do not name). These cases, driven
 * through every kind of event, make sure what the case rules produce is what the schemas document.
 */
/** The rules of a state's own kind (what the workflow that runs it uses). */
function rulesOf<S extends AnyCaseState>(state: S): CaseRules<S> {
  const byKind = { ressourceforloeb: course, fleksjob, 'cash-benefit': cashBenefit };
  return byKind[state.kind] as unknown as CaseRules<S>;
}

function send<S extends AnyCaseState>(
  state: S,
  type: string,
  data: unknown,
  at: number,
  actor = caseworker,
): S {
  return sendOn(rulesOf(state), state, type, data, at, actor);
}

/** Every text the case shows staff, as the API renders it in Danish (by default). */
const staffTexts: string[] = [];

function expectDocumented(state: AnyCaseState): void {
  const danish = renderTexts(viewOf(state));
  staffTexts.push(
    // A reason is the caseworker's own words, except a refusal's.
    ...danish.timeline.flatMap((entry) => [entry.summary, entry.outcome === 'rejected' ? entry.reason! : '']),
    ...danish.deadlines.map((deadline) => deadline.label),
    ...danish.escalations.map((escalation) => escalation.reason),
  );
  for (const role of ['caseworker', 'supervisor'] as const) {
    const whole = CaseViewSchema.safeParse(renderTexts(toCaseView(viewOf(state), { role })));
    if (!whole.success) throw new Error(`case view: ${describeIssues(whole.error).join('; ')}`);
    const snapshot = CaseSnapshotSchema.safeParse(
      renderTexts(toCaseView(caseSnapshotOf(viewOf(state)), { role })),
    );
    if (!snapshot.success) throw new Error(`snapshot: ${describeIssues(snapshot.error).join('; ')}`);
  }
}

test('a law case with an earlier course, a wished course and a paused offer is documented exactly', () => {
  let state = open(law);
  state = send(state, 'caseworkerAssigned', events.assign, after('P1W'));
  state = send(
    state,
    'earlierCourseRegistered',
    { from: '2020-01-01', to: '2021-12-31', note: 'Aarhus' },
    after('P2W'),
  );
  state = send(state, 'teamRecommendation', events.recommendCourse, after('P3W'));
  state = send(
    state,
    'municipalDecision',
    { ...events.grant, grantedUntil: '2028-02-04', citizenWishes: true },
    after('P1M'),
  );
  state = send(state, 'offerRegistered', events.realOffer('o1'), after('P5W'));
  state = send(state, 'offerStarted', { offerId: 'o1' }, after('P6W'));
  state = send(state, 'healthCoordinatorRequested', { offerId: 'o1' }, after('P7W'));
  expect(state.offers[0]!.status).toBe('paused');
  expectDocumented(state);
});

test('a course through offers, advice, complaints, appeal, escalations and mail is documented exactly', () => {
  let state = inCourse();
  state = send(
    state,
    'relativeRegistered',
    { relativeId: 'r1', name: 'Ole', relation: 'bror', email: 'o@x.dk' },
    after('P5W'),
  );
  state = send(
    state,
    'relativeConsent',
    { relativeId: 'r1', consent: true, covers: ['decisions', 'deadlines'] },
    after('P5W'),
  );
  state = send(state, 'offerRegistered', { ...events.realOffer('o1'), description: 'praktik' }, after('P6W'));
  state = send(state, 'healthCoordinatorRequested', { offerId: 'o1' }, after('P6W'));
  state = send(
    state,
    'healthCoordinatorAdvice',
    { offerId: 'o1', advice: 'adjust', note: 'kortere dage' },
    after('P7W'),
  );
  state = send(
    state,
    'healthAdviceDecided',
    { offerId: 'o1', decision: 'adjust', reasoning: 'kortere dage' },
    after('P7W'),
  );
  state = send(state, 'earlierCourseRegistered', { from: '2020-01-01', to: '2021-12-31' }, after('P7W'));
  state = send(state, 'offerStarted', { offerId: 'o1' }, after('P8W'));
  state = send(state, 'offerRegistered', events.otherOffer('o2'), after('P8W'));
  state = send(state, 'specialistAdvisedAgainst', { offerId: 'o2', specialty: 'psykiatri' }, after('P9W'));
  state = send(
    state,
    'complaintReceived',
    { complaintId: 'k1', about: 'offer', offerId: 'o1' },
    after('P10W'),
  );
  state = send(
    state,
    'complaintReconsidered',
    { complaintId: 'k1', result: 'kept', reasoning: 'fastholdt' },
    after('P11W'),
  );
  state = send(state, 'complaintForwarded', { complaintId: 'k1' }, after('P12W'));
  state = send(state, 'appealDecided', { complaintId: 'k1', result: 'decision-upheld' }, after('P20W'));
  state = rulesOf(state).advanceClock(state, after('P2Y')) as typeof state;
  state = recordDelivery(
    state,
    state.notifications[0]!.id,
    { status: 'sent', attempts: 1, withoutAddress: 1 },
    after('P2Y'),
  );
  state = recordDelivery(
    state,
    state.notifications[1]!.id,
    { status: 'unavailable', attempts: 3, error: 'down', sentTo: [0] },
    after('P2Y'),
  );
  state = recordDelivery(
    state,
    state.notifications[state.notifications.length - 1]!.id,
    { status: 'rejected', attempts: 1, error: 'refused' },
    after('P2Y'),
  );
  state = recordRejection(state, 'offerStarted', caseworker, after('P2Y'), 'a reason');
  const escalation = state.escalations.find((candidate) => candidate.status === 'open');
  if (escalation)
    state = send(
      state,
      'escalationAcknowledged',
      { escalationId: escalation.id, note: 'set' },
      after('P2Y'),
      supervisor,
    );
  expectDocumented(state);
  state = send(state, 'courseConcluded', { outcome: 'fleksjob', note: 'godt forløb' }, after('P2Y1M'));
  expectDocumented(state);
  expectDocumented(fleksjobFromCourse(state, after('P2Y1M')));
});

test('refused, routed to pension, the existing-evidence right: documented exactly', () => {
  let refused = open();
  refused = send(refused, 'teamRecommendation', events.recommendCourseWithDissent, after('P1W'));
  refused = send(refused, 'municipalDecision', events.refuse, after('P2W'));
  expectDocumented(rulesOf(refused).advanceClock(refused, after('P1Y')));
  expectDocumented(
    send(open(), 'workCapacityCannotDevelop', { basis: 'terminal-illness', note: 'x' }, after('P1W')),
  );
  let evidence = inCourse();
  evidence = rulesOf(evidence).advanceClock(evidence, after('P1Y2M')) as typeof evidence;
  expectDocumented(send(evidence, 'decisionOnExistingEvidenceDemanded', {}, after('P1Y2M')));
  expectDocumented(rulesOf(inCourse(law)).advanceClock(inCourse(law), after('P1Y')));
});

test('fleksjob follow-ups and kontanthjælp spells: documented exactly', () => {
  const citizen = { cpr: '020285-2222', name: 'Karin', email: 'karin@example.dk' };
  let fleksjob = openFleksjob(
    { caseId: 'FJ-1', municipality: '101', citizen, job: { weeklyHours: 3, employer: 'Bageriet' } },
    seeds,
    T0,
    caseworker,
  );
  fleksjob = send(
    fleksjob,
    'progressionReviewRecorded',
    { workCapacity: 'higher', weeklyHours: 4, note: 'ok' },
    after('P3M'),
  );
  fleksjob = send(
    fleksjob,
    'yearlyCheckRecorded',
    { progression: false, planFollowed: true, weeklyHours: 4 },
    after('P1Y'),
  );
  expectDocumented(fleksjob); // the reassessment offered to the citizen (seeds-2017)
  fleksjob = send(fleksjob, 'reassessmentRequested', {}, after('P1Y'));
  fleksjob = send(fleksjob, 'teamReassessment', { recommends: 'continue' }, after('P1Y1M'));
  fleksjob = send(
    fleksjob,
    'reassessmentDecided',
    { decision: 'continue', reasoning: 'Planen justeres.' },
    after('P1Y1M', 60_000),
  );
  fleksjob = send(fleksjob, 'fewHoursChosen', { chosen: true, note: 'eget valg' }, after('P1Y2M'));
  expectDocumented(fleksjob);
  expectDocumented(send(fleksjob, 'fleksjobEnded', { reason: 'ordinary-job' }, after('P2Y')));
  let temporary = openFleksjob({ caseId: 'FJ-2', municipality: '101', citizen }, law, T0, caseworker);
  temporary = send(temporary, 'fleksjobStarted', { weeklyHours: 20 }, after('P1W'));
  temporary = send(temporary, 'followUpConversationHeld', { note: 'samtale' }, after('P30M'));
  temporary = send(temporary, 'fleksjobStatusRecorded', {}, after('P4Y6M'));
  temporary = send(temporary, 'permanentFleksjobDecided', { decision: 'permanent' }, after('P5Y'));
  expectDocumented(temporary);
  // Under 40 at the end: a new temporary period; a change of job.
  let young = openFleksjob(
    {
      caseId: 'FJ-3',
      municipality: '101',
      citizen: { ...citizen, cpr: '010500-4444' },
      job: { weeklyHours: 20 },
    },
    law,
    T0,
    caseworker,
  );
  young = send(young, 'jobChanged', { employer: 'Værkstedet', weeklyHours: 18 }, after('P1Y'));
  young = send(young, 'fleksjobStatusRecorded', {}, after('P4Y6M'));
  young = send(young, 'permanentFleksjobDecided', { decision: 'new-temporary-period' }, after('P5Y'));
  expectDocumented(young);
  const spell = openCashBenefit(
    { caseId: 'KH-1', municipality: '101', citizen, spellStartedOn: '2026-06-01' },
    seeds,
    T0,
    caseworker,
  );
  expectDocumented(spell);
  expectDocumented(rulesOf(spell).advanceClock(spell, after('P1Y')));
  expectDocumented(send(spell, 'cashBenefitInterrupted', { reason: 'employment' }, after('P1M')));
  const sent = send(rulesOf(spell).advanceClock(spell, after('P1Y')), 'caseSentToTeam', {}, after('P1Y'));
  expectDocumented(sent);
  let duty = openCashBenefit({ caseId: 'KH-2', municipality: '101', citizen }, law, T0, caseworker);
  duty = send(duty, 'afklaringRecorded', { outcome: 'measure', note: 'praktik' }, after('P2Y'));
  duty = send(duty, 'categoryChanged', { category: 'jobparat' }, after('P2Y1M'));
  expectDocumented(duty);
});

afterAll(() => {
  // What the cases above wrote for staff reads as Danish: no common English word is left in it.
  const english =
    /\b(the|and|not|has|was|with|of|already|must|cannot|this|that|within|limit|deadline|offer|complaint|refused|recorded|received|citizen|municipality|caseworker|reminder|escalated)\b/i;
  // Left out: what is quoted in brackets (IDs, enum values) and a mail server's own answer.
  const ours = (text: string) => text.replace(/\([^)]*\)/g, '').replace(/kunne ikke leveres: .*/, '');
  expect(staffTexts.filter((text) => english.test(ours(text)))).toEqual([]);
});
