import { course, type CourseState } from '../../src/domain';

const advanceClock = (state: CourseState, at: number) => course.advanceClock(state, at);
const nextWakeUp = (state: CourseState) => course.nextWakeUp(state);
import { addDuration, toInstant } from '../../src/domain/engine/time';
import {
  after,
  courseAfter,
  deadline,
  events,
  inCourse,
  law,
  open,
  refusal,
  send,
  supervisor,
  topics,
  seedsV1,
} from '../helpers/core';
import { render } from '../../src/domain/messages';

/**
 * Each deadline on both sides of the instant it falls due: one millisecond before it nothing has
 * happened; at the instant it is breached and its consequences follow.
 */
function bothSides(state: CourseState, id: string) {
  const due = Date.parse(deadline(state, id).dueAt);
  const before = advanceClock(state, due - 1);
  const at = advanceClock(state, due);
  expect(deadline(before, id).status).toBe('pending');
  expect(before.escalations.filter((escalation) => escalation.deadlineId === id)).toEqual([]);
  expect(deadline(at, id)).toMatchObject({ status: 'breached', breachedAt: toInstant(due) });
  return { before, at, due };
}

const escalationFor = (state: CourseState, id: string) =>
  state.escalations.find((escalation) => escalation.deadlineId === id);

test('coordinating caseworker (2 weeks): the job centre is told and the supervisor escalated to', () => {
  const { at } = bothSides(open(), 'coordinating-caseworker');
  expect(escalationFor(at, 'coordinating-caseworker')).toMatchObject({
    status: 'open',
    levelRole: 'supervisor',
  });
  expect(topics(at)).toEqual(['deadline-breached:caseworker', 'escalation:supervisor']);
  expect(at.notifications[0]!.recipients).toEqual([{ role: 'caseworker' }]);
});

test('team meeting (8 weeks after referral), reminded 2 weeks before', () => {
  const state = send(open(), 'caseworkerAssigned', events.assign, after('P1D'));
  expect(deadline(state, 'team-meeting:1').reminders).toEqual([
    { key: 'P2W', at: '2027-02-15T08:00:00.000Z' },
  ]);
  const reminded = advanceClock(state, after('P6W'));
  expect(deadline(reminded, 'team-meeting:1').reminders[0]!.sentAt).toBe('2027-02-15T08:00:00.000Z');
  expect(topics(reminded)).toEqual(['deadline-reminder:caseworker']);
  expect(reminded.notifications[0]!.recipients[0]).toMatchObject({ id: 'cw-17', email: 'sara@kk.dk' });
  const { at } = bothSides(reminded, 'team-meeting:1');
  expect(escalationFor(at, 'team-meeting:1')?.status).toBe('open');
});

test('decision (2 weeks after the recommendation)', () => {
  let state = send(open(), 'caseworkerAssigned', events.assign, after('P1D'));
  state = send(state, 'teamRecommendation', events.recommendCourse, after('P3W'));
  const { at } = bothSides(state, 'decision:1');
  expect(render(escalationFor(at, 'decision:1')!.reason, 'en')).toBe(
    'the municipality decides: not within the limit',
  );
});

test('real offer (1 year): reminded 2 and 1 months before; breached, the citizen gains the right to a decision', () => {
  const state = inCourse();
  expect(deadline(state, 'real-offer').reminders.map((reminder) => reminder.at)).toEqual([
    '2027-12-04T08:00:00.000Z',
    '2028-01-04T08:00:00.000Z',
  ]);
  const { before, at } = bothSides(state, 'real-offer');
  expect(before.decisionOnExistingEvidence).toBeUndefined();
  expect(topics(before).filter((topic) => topic.startsWith('deadline-reminder'))).toHaveLength(2);
  expect(at.decisionOnExistingEvidence).toEqual({ rightSince: '2028-02-04T08:00:00.000Z' });
  expect(topics(at)).toContain('right-to-decision-on-existing-evidence:citizen+caseworker');
  expect(escalationFor(at, 'real-offer')?.status).toBe('open');
});

test('real offer started one millisecond before the year is up: no breach', () => {
  let state = send(inCourse(), 'offerRegistered', events.realOffer('o1'), courseAfter('P1W'));
  state = send(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P1Y', -1));
  const later = advanceClock(state, courseAfter('P2Y'));
  expect(deadline(later, 'real-offer').status).toBe('met');
  expect(later.decisionOnExistingEvidence).toBeUndefined();
});

test('first measure (seeds: 3 months) escalates', () => {
  const { at } = bothSides(inCourse(), 'first-measure');
  expect(render(escalationFor(at, 'first-measure')!.reason, 'en')).toBe(
    'no measure has started within the limit',
  );
});

test('first measure (law: 6 months) sends the course back to the team, whose reassessment is then due', () => {
  const state = inCourse(law);
  expect(deadline(state, 'first-measure').dueAt).toBe('2027-08-04T07:00:00.000Z'); // 09:00 Copenhagen summer time
  const { at } = bothSides(state, 'first-measure');
  expect(escalationFor(at, 'first-measure')).toBeUndefined();
  expect(topics(at)).toContain('back-to-team:citizen+caseworker');
  expect(deadline(at, 'team-reassessment:2')).toMatchObject({
    status: 'pending',
    startedAt: '2027-08-04T07:00:00.000Z',
  });
  const reassessed = send(at, 'teamRecommendation', events.recommendCourse, courseAfter('P7M'));
  expect(reassessed.teamRecommendations[1]!.context).toBe('reassessment');
  expect(deadline(reassessed, 'team-reassessment:2').status).toBe('met');
  const unanswered = bothSides(at, 'team-reassessment:2').at;
  expect(escalationFor(unanswered, 'team-reassessment:2')?.status).toBe('open');
});

test('maximum duration (3 years): reminded 3 and 1 months before, escalated at the end while no outcome', () => {
  let state = send(inCourse(), 'offerRegistered', events.realOffer('o1'), courseAfter('P1W'));
  state = send(state, 'offerStarted', { offerId: 'o1' }, courseAfter('P2W'));
  expect(deadline(state, 'maximum-duration').reminders.map((reminder) => reminder.at)).toEqual([
    '2029-11-04T08:00:00.000Z',
    '2030-01-04T08:00:00.000Z',
  ]);
  const { before, at } = bothSides(state, 'maximum-duration');
  expect(topics(before)).toEqual([
    'decision:citizen',
    'deadline-reminder:caseworker+citizen',
    'deadline-reminder:caseworker+citizen',
  ]);
  expect(escalationFor(at, 'maximum-duration')?.status).toBe('open');
  expect(at.phase).toBe('in-course');
});

test('complaint reconsideration (4 weeks): overdue, the complaint goes to Ankestyrelsen and escalates', () => {
  const state = send(
    inCourse(seedsV1),
    'complaintReceived',
    { complaintId: 'k1', about: 'grant' },
    courseAfter('P1W'),
  );
  const { at } = bothSides(state, 'complaint-reconsideration:k1');
  expect(at.complaints[0]).toMatchObject({
    status: 'forwarded',
    forwardedBecause: 'overdue',
    forwardedAt: '2027-03-11T08:00:00.000Z',
  });
  expect(topics(at)).toContain('complaint-forwarded:citizen+caseworker');
  expect(escalationFor(at, 'complaint-reconsideration:k1')?.status).toBe('open');
  expect(
    refusal(
      at,
      'complaintReconsidered',
      { complaintId: 'k1', result: 'upheld', reasoning: 'late' },
      courseAfter('P6W'),
    ),
  ).toBe('complaint k1 was not reconsidered in time and went to Ankestyrelsen on 2027-03-11');
});

test('health coordinator advice (4 weeks) escalates', () => {
  let state = send(inCourse(), 'offerRegistered', events.realOffer('o1'), courseAfter('P1W'));
  state = send(state, 'healthCoordinatorRequested', { offerId: 'o1' }, courseAfter('P2W'));
  const { at } = bothSides(state, 'health-advice:o1');
  expect(escalationFor(at, 'health-advice:o1')?.status).toBe('open');
});

test('decision on the existing evidence (4 weeks after the demand) escalates', () => {
  const state = send(inCourse(), 'decisionOnExistingEvidenceDemanded', {}, courseAfter('P13M'));
  const { at } = bothSides(state, 'existing-evidence-decision');
  expect(escalationFor(at, 'existing-evidence-decision')?.status).toBe('open');
});

test('an unacknowledged escalation goes to the head of department after 2 weeks, not before', () => {
  const breached = advanceClock(open(), after('P2W'));
  const raisedAt = after('P2W');
  const nextLevel = addDuration(raisedAt, 'P2W');
  expect(nextWakeUp(breached)).toBe(nextLevel);
  expect(advanceClock(breached, nextLevel - 1).escalations[0]!.level).toBe(0);
  const raised = advanceClock(breached, nextLevel);
  expect(raised.escalations[0]).toMatchObject({ level: 1, levelRole: 'head-of-department', status: 'open' });
  expect(topics(raised)).toContain('escalation:head-of-department');
  const acknowledged = send(
    raised,
    'escalationAcknowledged',
    { escalationId: 'esc-1' },
    nextLevel + 1,
    supervisor,
  );
  expect(acknowledged.escalations[0]!.status).toBe('acknowledged');
});

test('a deadline whose case closed before it fell due is cancelled, not breached', () => {
  const closed = send(inCourse(), 'courseConcluded', { outcome: 'job' }, courseAfter('P1M'));
  const later = advanceClock(closed, courseAfter('P5Y'));
  expect(later.deadlineLog).toEqual({});
  expect(later.escalations).toEqual([]);
  expect(nextWakeUp(later)).toBeUndefined();
});

test('the clock is idempotent, and catches up in one call after a long absence', () => {
  const state = inCourse(law);
  const once = advanceClock(state, courseAfter('P1Y'));
  expect(advanceClock(once, courseAfter('P1Y'))).toBe(once);
  // 6 months: back to the team; 8 weeks later the reassessment is breached too; 2 weeks later level 2.
  expect(deadline(once, 'team-reassessment:2').status).toBe('breached');
  expect(once.escalations[0]).toMatchObject({ deadlineId: 'team-reassessment:2', level: 1 });
});

test('nextWakeUp is the earliest unsent reminder, due time or escalation level', () => {
  const state = inCourse();
  expect(toInstant(nextWakeUp(state)!)).toBe('2027-04-20T07:00:00.000Z'); // first-measure reminder, 2 weeks before (09:00 Copenhagen)
  const assignedLate = open();
  expect(toInstant(nextWakeUp(assignedLate)!)).toBe('2027-01-18T08:00:00.000Z'); // caseworker due (no reminders)
});

test('notifications are queued once per cause, however often the clock runs', () => {
  const state = inCourse();
  const first = advanceClock(state, courseAfter('P1Y'));
  const ids = first.notifications.map((notification) => notification.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(advanceClock(first, courseAfter('P1Y', 1)).notifications).toHaveLength(ids.length);
  expect(ids).toContain('KBH-2027-0042/deadline-real-offer/breach');
});
