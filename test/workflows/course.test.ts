import { temporal } from '@temporalio/proto';
import { EventRefusedError } from '../../src/client/case-service';
import type { Actor, CourseState, CaseView } from '../../src/domain';
import { loadRuleset } from '../../src/config/rulesets';
import { render, renderTexts } from '../../src/domain/messages';
import { caseEventSignal, caseStateQuery, workflowIdForCase } from '../../src/messages';
import { recordHistoriesIfAsked, runsOf } from '../helpers/histories';
import { startTimeSkipping, type TimeSkippingHarness } from '../helpers/time-skipping';

const caseworker: Actor = { id: 'cw-1', role: 'caseworker' };
const supervisor: Actor = { id: 'sup-1', role: 'supervisor' };
const seeds = loadRuleset('seeds-2017');
/** The rules of cases pinned to version 1 (the recorded histories were made with them). */
const seedsV1 = loadRuleset('seeds-2017@1');
const DAY = 86_400_000;
const EventType = temporal.api.enums.v1.EventType;
let h: TimeSkippingHarness;

beforeAll(async () => {
  h = await startTimeSkipping();
});
afterAll(async () => {
  try {
    await recordHistoriesIfAsked(h.env.client, [
      'ts-breach',
      'ts-veto',
      'ts-deviate',
      'ts-complaint',
      'ts-max',
      'ts-signal',
      'ts-full',
      'ts-law',
      'ts-refused',
    ]);
  } finally {
    await h?.teardown();
  }
});

async function openCase(caseId: string, rules = seeds, options = {}) {
  await h.cases.open(
    {
      caseId,
      municipality: '101',
      citizen: { cpr: '010190-1234', name: 'Test Borger', email: 'borger@example.dk' },
    },
    rules,
    caseworker,
    options,
  );
}

/** Referral → caseworker → team → grant: the course starts now (time-skipped). */
async function openCourse(caseId: string, rules = seeds, options = {}): Promise<number> {
  await openCase(caseId, rules, options);
  return h.grantCourse(caseId, caseworker, { caseworkerId: 'cw-1', name: 'Sara', email: 'sara@kk.dk' });
}

/** A spouse registered as the citizen's relative, who consents to hear of decisions and deadlines. */
async function registerRelativeWithConsent(caseId: string): Promise<void> {
  await h.cases.send(
    caseId,
    'relativeRegistered',
    { relativeId: 'r1', name: 'Mette', relation: 'spouse', email: 'mette@example.dk' },
    caseworker,
  );
  await h.cases.send(
    caseId,
    'relativeConsent',
    { relativeId: 'r1', consent: true, covers: ['decisions', 'deadlines'] },
    caseworker,
  );
}

const courseState = (caseId: string) => h.cases.stateOf(caseId, 'ressourceforloeb');
const deadlineOf = (state: CaseView, id: string) => state.deadlines.find((deadline) => deadline.id === id);
const mailTo = (caseId: string, to: string) =>
  h.mailer.sent.filter((message) => message.to === to && message.subject.includes(caseId));

test('no real offer within a year: breach at 12 months, the citizen gets the right to a decision, the case escalates', async () => {
  const start = await openCourse('ts-breach');
  await h.sleepUntil(start + 364 * DAY);
  expect(deadlineOf(await courseState('ts-breach'), 'real-offer')?.status).toBe('pending');

  await h.sleepUntil(start + 367 * DAY);
  const state = await courseState('ts-breach');
  expect(deadlineOf(state, 'real-offer')?.status).toBe('breached');
  expect(state.decisionOnExistingEvidence?.rightSince).toBe(deadlineOf(state, 'real-offer')?.dueAt);
  expect(state.escalations.find((escalation) => escalation.deadlineId === 'real-offer')?.status).toBe('open');
  expect(mailTo('ts-breach', 'borger@example.dk').map((message) => message.subject)).toContain(
    'Sag ts-breach: ret til afklaring på det foreliggende grundlag',
  );
  expect(mailTo('ts-breach', 'leder@kommune-101.invalid').length).toBeGreaterThan(0);
  const delivered = state.notifications.filter((notification) => notification.delivery.status === 'sent');
  expect(delivered.length).toBe(state.notifications.length);

  await h.cases.send('ts-breach', 'decisionOnExistingEvidenceDemanded', {}, caseworker);
  expect(deadlineOf(await courseState('ts-breach'), 'existing-evidence-decision')?.status).toBe('pending');
});

/** What a run's upserts published, in order: each upsert's attributes by name, as JSON text. */
async function upsertsOf(caseId: string): Promise<Array<Record<string, string>>> {
  const history = await h.env.client.workflow.getHandle(workflowIdForCase(caseId)).fetchHistory();
  return (history.events ?? []).flatMap((event) => {
    const fields = event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields;
    if (!fields) return [];
    return [
      Object.fromEntries(
        Object.entries(fields).map(([name, payload]) => [name, Buffer.from(payload.data ?? []).toString()]),
      ),
    ];
  });
}

test("a breach's letters: the mail figures are published when the letters are queued and when the last is out, not after each (every upsert is a history event and a visibility write)", async () => {
  const start = await openCourse('ts-breach-mail');
  await h.sleepUntil(start + 367 * DAY);
  const state = await courseState('ts-breach-mail');
  const queuedAtBreach = state.notifications.filter(
    (notification) => notification.createdAt === deadlineOf(state, 'real-offer')?.dueAt,
  ).length;
  expect(queuedAtBreach).toBeGreaterThanOrEqual(2);
  expect(state.notifications.every((notification) => notification.delivery.status === 'sent')).toBe(true);
  const published = (await upsertsOf('ts-breach-mail'))
    .map((upsert) => upsert.RfMailsQueued)
    .filter((count) => count !== undefined)
    .map(Number);
  // The breach queues its letters (counted from 0), then the count goes straight back to 0.
  expect(published.slice(-2)).toEqual([queuedAtBreach, 0]);
});

test('a new run writes one patch marker and one TemporalChangeVersion upsert, for every change it takes (patch case-patches-2026-12-01)', async () => {
  const start = await openCourse('ts-one-marker');
  await h.sleepUntil(start + 367 * DAY);
  const history = await h.env.client.workflow.getHandle(workflowIdForCase('ts-one-marker')).fetchHistory();
  const markers = (history.events ?? []).filter(
    (event) => event.eventType === EventType.EVENT_TYPE_MARKER_RECORDED,
  );
  expect(markers.map((event) => event.markerRecordedEventAttributes?.markerName)).toEqual(['core_patch']);
  const changeVersions = (await upsertsOf('ts-one-marker')).filter(
    (upsert) => 'TemporalChangeVersion' in upsert,
  );
  expect(changeVersions).toEqual([{ TemporalChangeVersion: '["case-patches-2026-12-01"]' }]);
});

test('a real offer started at 11 months: no breach after the year', async () => {
  const start = await openCourse('ts-met');
  await h.cases.send(
    'ts-met',
    'offerRegistered',
    { offerId: 'o1', kind: 'job-training', real: true, plannedStart: '2027-10-01' },
    caseworker,
  );
  await h.sleepUntil(start + 334 * DAY);
  await h.cases.send('ts-met', 'offerStarted', { offerId: 'o1' }, caseworker);
  await h.sleepUntil(start + 400 * DAY);
  const state = await courseState('ts-met');
  expect(deadlineOf(state, 'real-offer')?.status).toBe('met');
  expect(state.decisionOnExistingEvidence).toBeUndefined();
  expect(state.escalations.filter((escalation) => escalation.deadlineId === 'real-offer')).toEqual([]);
});

test('a specialist veto refuses the start with the reason, and the refusal is in the audit timeline', async () => {
  await openCourse('ts-veto');
  await h.cases.send(
    'ts-veto',
    'offerRegistered',
    { offerId: 'o1', kind: 'internship', real: true, plannedStart: '2027-03-01' },
    caseworker,
  );
  await h.cases.send(
    'ts-veto',
    'specialistAdvisedAgainst',
    { offerId: 'o1', specialty: 'reumatologi' },
    caseworker,
  );
  const refused = h.cases.send('ts-veto', 'offerStarted', { offerId: 'o1' }, caseworker);
  await expect(refused).rejects.toBeInstanceOf(EventRefusedError);
  await expect(refused).rejects.toThrow(
    /a medical specialist \(reumatologi\) advised against offer o1 .* it must not start/,
  );
  const state = await courseState('ts-veto');
  expect(state.offers[0]!.status).toBe('planned');
  expect(renderTexts(state.timeline[state.timeline.length - 1], 'en')).toMatchObject({
    type: 'offerStarted',
    outcome: 'rejected',
    actor: caseworker,
    reason: expect.stringContaining('must not start'),
  });
});

test('a deviating municipal decision sends the case back to the team', async () => {
  await openCase('ts-deviate');
  await h.cases.send(
    'ts-deviate',
    'teamRecommendation',
    { recommends: 'fleksjob', unanimous: true, citizenAttendedWholeMeeting: true },
    caseworker,
  );
  const { event: receipt } = await h.cases.send(
    'ts-deviate',
    'municipalDecision',
    { decision: 'grant-course', reasoning: 'we think a course helps' },
    caseworker,
  );
  expect(receipt).toMatchObject({ caseId: 'ts-deviate', phase: 'referred', seq: 3 });
  const state = await courseState('ts-deviate');
  expect(state.timeline[2]).toMatchObject({ seq: 3, type: 'municipalDecision', outcome: 'accepted' });
  expect(state.decisions[0]).toMatchObject({ stands: false, followsRecommendation: false });
  expect(state.deadlines.find((deadline) => deadline.id === 'team-meeting:2')?.status).toBe('pending');
});

test('version 1: a complaint not reconsidered within 4 weeks is forwarded to Ankestyrelsen and escalated', async () => {
  await openCourse('ts-complaint', seedsV1);
  await h.cases.send('ts-complaint', 'complaintReceived', { complaintId: 'k1', about: 'grant' }, caseworker);
  const received = await h.env.currentTimeMs();
  await h.sleepUntil(received + 27 * DAY);
  expect((await courseState('ts-complaint')).complaints[0]!.status).toBe('awaiting-reconsideration');
  await h.sleepUntil(received + 29 * DAY);
  const state = await courseState('ts-complaint');
  expect(state.complaints[0]).toMatchObject({ status: 'forwarded', forwardedBecause: 'overdue' });
  expect(
    state.escalations.find((escalation) => escalation.deadlineId === 'complaint-reconsideration:k1')?.status,
  ).toBe('open');
  expect(mailTo('ts-complaint', 'borger@example.dk').map((message) => message.subject)).toContain(
    'Sag ts-complaint: klagen er sendt til Ankestyrelsen',
  );
});

test('version 2: a kept complaint not sent within 4 weeks escalates saying it must be sent; the citizen hears only once it was sent', async () => {
  await openCourse('ts-complaint-v2');
  await h.cases.send(
    'ts-complaint-v2',
    'complaintReceived',
    { complaintId: 'k1', about: 'grant' },
    caseworker,
  );
  const received = await h.env.currentTimeMs();
  await h.cases.send(
    'ts-complaint-v2',
    'complaintReconsidered',
    { complaintId: 'k1', result: 'kept', reasoning: 'the course fits' },
    caseworker,
  );
  await h.sleepUntil(received + 29 * DAY);
  let state = await courseState('ts-complaint-v2');
  expect(state.complaints[0]).toMatchObject({ status: 'awaiting-forwarding', result: 'kept' });
  const escalation = state.escalations.find(
    (candidate) => candidate.deadlineId === 'complaint-reconsideration:k1',
  );
  expect(render(escalation!.reason, 'en')).toMatch(/must be sent now/);
  const subjects = () => mailTo('ts-complaint-v2', 'borger@example.dk').map((message) => message.subject);
  expect(subjects()).not.toContain('Sag ts-complaint-v2: klagen er sendt til Ankestyrelsen');
  await h.cases.send('ts-complaint-v2', 'complaintForwarded', { complaintId: 'k1' }, caseworker);
  state = await courseState('ts-complaint-v2');
  expect(state.complaints[0]).toMatchObject({ status: 'forwarded', forwardedBecause: 'kept' });
  await h.sleepUntil(received + 30 * DAY);
  expect(subjects()).toContain('Sag ts-complaint-v2: klagen er sendt til Ankestyrelsen');
});

test('a 3-year course without outcome was reminded 3 and 1 months before, and escalates at the end; unacknowledged, it reaches the head of department', async () => {
  const start = await openCourse('ts-max');
  await h.cases.send(
    'ts-max',
    'offerRegistered',
    { offerId: 'o1', kind: 'education', real: true, plannedStart: '2027-02-01' },
    caseworker,
  );
  await h.cases.send('ts-max', 'offerStarted', { offerId: 'o1' }, caseworker);
  await h.sleepUntil(start + (3 * 365 - 10) * DAY);
  let state = await courseState('ts-max');
  expect(
    deadlineOf(state, 'maximum-duration')?.reminders.map((reminder) => Boolean(reminder.sentAt)),
  ).toEqual([true, true]);
  expect(deadlineOf(state, 'maximum-duration')?.status).toBe('pending');
  await h.sleepUntil(start + (3 * 365 + 2) * DAY);
  state = await courseState('ts-max');
  expect(deadlineOf(state, 'maximum-duration')?.status).toBe('breached');
  expect(state.phase).toBe('in-course');
  await h.sleepUntil(start + (3 * 365 + 20) * DAY);
  state = await courseState('ts-max');
  // Counted from 1 in the API as in the mail ("niveau 2"): the second level, the head of department.
  expect(state.escalations.find((escalation) => escalation.deadlineId === 'maximum-duration')).toMatchObject({
    level: 2,
    levelRole: 'head-of-department',
  });
  expect(mailTo('ts-max', 'chef@kommune-101.invalid')).toHaveLength(1);
  const escalationId = state.escalations.find(
    (escalation) => escalation.deadlineId === 'maximum-duration',
  )!.id;
  const { event: receipt } = await h.cases.send(
    'ts-max',
    'escalationAcknowledged',
    { escalationId },
    supervisor,
  );
  expect(receipt.openEscalations).toBe(0);
});

test('under the law in force, no measure within 6 months sends the course back to the team', async () => {
  const law = loadRuleset('law-2022');
  const start = await openCourse('ts-law', law);
  await h.sleepUntil(start + 180 * DAY);
  let state = await courseState('ts-law');
  expect(state.ruleset).toMatchObject({ name: 'law-2022', version: 2 });
  expect(deadlineOf(state, 'first-measure')?.status).toBe('pending');
  await h.sleepUntil(start + 186 * DAY);
  state = await courseState('ts-law');
  expect(deadlineOf(state, 'first-measure')?.status).toBe('breached');
  expect(deadlineOf(state, 'team-reassessment:2')?.status).toBe('pending');
  expect(state.escalations).toEqual([]);
  await h.cases.send(
    'ts-law',
    'teamRecommendation',
    { recommends: 'ressourceforloeb', unanimous: true, citizenAttendedWholeMeeting: true },
    caseworker,
  );
  state = await courseState('ts-law');
  expect(deadlineOf(state, 'team-reassessment:2')?.status).toBe('met');
});

test('under the law, what follows a course is decided 3 months before its granted period ends; if not, it escalates and the course goes on', async () => {
  const law = loadRuleset('law-2022');
  // The harness grants the course for 2 years ("frem til"): what follows is due about 21 months in.
  const start = await openCourse('ts-law-period', law);
  await h.sleepUntil(start + 630 * DAY);
  let state = await courseState('ts-law-period');
  expect(deadlineOf(state, 'what-follows:1')?.status).toBe('pending');
  await h.sleepUntil(start + 645 * DAY);
  state = await courseState('ts-law-period');
  expect(deadlineOf(state, 'what-follows:1')?.status).toBe('breached');
  expect(state.escalations.map((escalation) => escalation.deadlineId)).toContain('what-follows:1');
  expect(state.phase).toBe('in-course');
});

test('version 1: a refusal without complaint closes the case when the complaint window has passed', async () => {
  await openCase('ts-refused', seedsV1);
  await h.cases.send(
    'ts-refused',
    'teamRecommendation',
    { recommends: 'other-measures', unanimous: true, citizenAttendedWholeMeeting: true },
    caseworker,
  );
  const { event: state } = await h.cases.send(
    'ts-refused',
    'municipalDecision',
    { decision: 'refuse', alternative: 'other-measures', reasoning: 'other measures fit' },
    caseworker,
  );
  expect(state.phase).toBe('refused');
  const final = (await h.env.client.workflow
    .getHandle(workflowIdForCase('ts-refused'))
    .result()) as CourseState;
  expect(final.outcome?.outcome).toBe('refused');
  expect(Date.parse(final.outcome!.at) - Date.parse(final.refusedAt!)).toBe(28 * DAY);
});

test('an event that leaves the next wake-up where it was keeps the durable timer: no TimerCanceled or TimerStarted is written (patch standing-timer), so a case history grows by the event alone', async () => {
  await openCourse('ts-standing');
  const handle = h.env.client.workflow.getHandle(workflowIdForCase('ts-standing'));
  const timerEvents = async () => {
    const types = ((await handle.fetchHistory()).events ?? []).map((event) => event.eventType);
    return {
      started: types.filter((type) => type === EventType.EVENT_TYPE_TIMER_STARTED).length,
      canceled: types.filter((type) => type === EventType.EVENT_TYPE_TIMER_CANCELED).length,
    };
  };
  const { deadlines: before } = await courseState('ts-standing');
  const timersBefore = await timerEvents();
  // A relative registered changes no deadline, reminder or retry.
  await registerRelativeWithConsent('ts-standing');
  const { deadlines: after } = await courseState('ts-standing');
  expect(after.map(({ id, dueAt }) => `${id}@${dueAt}`)).toEqual(
    before.map(({ id, dueAt }) => `${id}@${dueAt}`),
  );
  expect(await timerEvents()).toEqual(timersBefore);
});

test('an invalid signal is recorded as rejected, not lost; a valid one is applied', async () => {
  await openCase('ts-signal');
  const handle = h.env.client.workflow.getHandle(workflowIdForCase('ts-signal'));
  await handle.signal(caseEventSignal, {
    type: 'teamRecommendation',
    actor: caseworker,
    data: { recommends: 'holiday' },
  });
  await handle.signal(caseEventSignal, { type: 'noSuchEvent', actor: caseworker, data: {} });
  await handle.signal(caseEventSignal, {
    type: 'caseworkerAssigned',
    actor: { id: 'sys-esdh', role: 'integration' },
    data: { caseworkerId: 'cw-5', name: 'Per' },
  });
  const state = await courseState('ts-signal');
  expect(state.timeline.slice(1).map(({ type, outcome }) => `${type}:${outcome}`)).toEqual([
    'teamRecommendation:rejected',
    'noSuchEvent:rejected',
    'caseworkerAssigned:accepted',
  ]);
  expect(render(state.timeline[1]!.reason!, 'en')).toMatch(/recommends:/);
  expect(state.coordinatingCaseworker?.id).toBe('cw-5');
});

test('a whole three-year course with realistic events, continuing as new along the way, keeps its state', async () => {
  const started = Date.now();
  const start = await openCourse('ts-full', seedsV1, { historyLimit: 60 });
  await registerRelativeWithConsent('ts-full');
  await h.cases.send(
    'ts-full',
    'offerRegistered',
    { offerId: 'mentor', kind: 'mentor', real: false, plannedStart: '2027-01-15' },
    caseworker,
  );
  await h.cases.send('ts-full', 'offerStarted', { offerId: 'mentor' }, caseworker);
  await h.sleepUntil(start + 60 * DAY);
  await h.cases.send(
    'ts-full',
    'offerRegistered',
    { offerId: 'praktik', kind: 'internship', real: true, plannedStart: '2027-04-01' },
    caseworker,
  );
  await h.cases.send('ts-full', 'healthCoordinatorRequested', { offerId: 'praktik' }, caseworker);
  await h.sleepUntil(start + 80 * DAY);
  await h.cases.send(
    'ts-full',
    'healthCoordinatorAdvice',
    { offerId: 'praktik', advice: 'adjust', note: 'fewer hours' },
    caseworker,
  );
  await h.cases.send('ts-full', 'offerStarted', { offerId: 'praktik' }, caseworker);
  await h.sleepUntil(start + 200 * DAY);
  await h.cases.send(
    'ts-full',
    'complaintReceived',
    { complaintId: 'k1', about: 'offer', offerId: 'praktik' },
    caseworker,
  );
  await h.sleepUntil(start + 215 * DAY);
  await h.cases.send(
    'ts-full',
    'complaintReconsidered',
    { complaintId: 'k1', result: 'kept', reasoning: 'suitable' },
    caseworker,
  );
  await h.sleepUntil(start + 400 * DAY);
  await h.cases.send('ts-full', 'offerEnded', { offerId: 'praktik', reason: 'completed' }, caseworker);
  await h.cases.send(
    'ts-full',
    'caseworkerAssigned',
    { caseworkerId: 'cw-2', name: 'Ny', email: 'ny@kk.dk' },
    caseworker,
  );
  await h.cases.send(
    'ts-full',
    'offerRegistered',
    { offerId: 'uddannelse', kind: 'education', real: true, plannedStart: '2028-03-01' },
    caseworker,
  );
  await h.cases.send('ts-full', 'offerStarted', { offerId: 'uddannelse' }, caseworker);
  await h.sleepUntil(start + 900 * DAY);
  await h.cases.send(
    'ts-full',
    'teamRecommendation',
    { recommends: 'fleksjob', unanimous: true, citizenAttendedWholeMeeting: true },
    caseworker,
  );
  await h.sleepUntil(start + 1000 * DAY);
  const { event: concluded } = await h.cases.send(
    'ts-full',
    'courseConcluded',
    { outcome: 'fleksjob' },
    caseworker,
  );
  expect(concluded.phase).toBe('concluded');

  // The course continues, under the same case ID, as its fleksjob follow-up.
  await h.env.sleep(1_000);
  const followUp = await h.cases.stateOf('ts-full', 'fleksjob');
  expect(followUp).toMatchObject({
    phase: 'awaiting-start',
    origin: 'course',
    coordinatingCaseworker: { id: 'cw-2' },
  });
  expect(followUp.relatives.map((relative) => relative.id)).toEqual(['r1']);
  const runs = await runsOf(h.env.client, 'ts-full');
  const followUpStart = runs[runs.length - 1]!.events![0]!.workflowExecutionStartedEventAttributes!;
  expect(followUpStart.workflowType?.name).toBe('fleksjobFollowUp');
  expect(runs.length).toBeGreaterThan(2);
  const lastCourseRun = h.env.client.workflow.getHandle(
    workflowIdForCase('ts-full'),
    followUpStart.continuedExecutionRunId!,
  );
  const final = (await lastCourseRun.query(caseStateQuery)) as CaseView<CourseState>;
  expect(final.phase).toBe('concluded');
  expect(final.outcome?.outcome).toBe('fleksjob');
  expect(final.offers.map((offer) => `${offer.id}:${offer.status}`)).toEqual([
    'mentor:started',
    'praktik:ended',
    'uddannelse:started',
  ]);
  expect(final.timeline.filter((entry) => entry.outcome === 'accepted')).toHaveLength(19);
  expect(final.notifications.every((notification) => notification.delivery.status === 'sent')).toBe(true);
  expect(final.deadlineLog['real-offer']).toBeUndefined();
  expect(Date.now() - started).toBeLessThan(60_000);
});
