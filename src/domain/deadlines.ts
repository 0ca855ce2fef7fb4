import {
  caseworkerWaitingTime,
  type Deadline as GenericDeadline,
  type DeadlineCandidate,
  resolveDeadlines,
  withinLimit,
} from './deadline-engine';
import type { CaseState } from './state';
import { toEpochMs } from './time';

export type DeadlineKind =
  | 'coordinating-caseworker'
  | 'team-meeting'
  | 'team-reassessment'
  | 'decision'
  | 'real-offer'
  | 'first-measure'
  | 'maximum-duration'
  | 'existing-evidence-decision'
  | 'complaint-reconsideration'
  | 'health-advice';

export type Deadline = GenericDeadline<DeadlineKind>;

/**
 * Every deadline of a ressourceforløb, derived from its facts: an event that changes the facts moves,
 * meets or cancels the deadlines that follow from them. The deadline log adds only what the clock
 * did: which reminders went out and when a breach was recorded.
 */
export function listDeadlines(state: CaseState): Deadline[] {
  return resolveDeadlines(candidates(state), state.deadlineLog);
}

export function pendingDeadlines(state: CaseState): Deadline[] {
  return listDeadlines(state).filter((deadline) => deadline.status === 'pending');
}

function candidates(state: CaseState): DeadlineCandidate<DeadlineKind>[] {
  const rules = state.rules;
  const closed = state.phase === 'concluded';
  const closedAt = state.outcome?.at;
  const list: DeadlineCandidate<DeadlineKind>[] = [];

  list.push(caseworkerWaitingTime(state, closed));

  state.teamReviews.forEach((review, index) => {
    const reassessment = review.reason === 'reassessment';
    list.push({
      id: `${reassessment ? 'team-reassessment' : 'team-meeting'}:${index + 1}`,
      kind: reassessment ? 'team-reassessment' : 'team-meeting',
      label: reassessment ? 'the team reassesses the course' : 'the rehabilitation team reviews the case',
      startedAt: review.requestedAt,
      ...withinLimit(
        review.requestedAt,
        reassessment ? rules.waitingTimes.teamReassessment : rules.waitingTimes.referralToTeamMeeting,
      ),
      metAt: review.answeredAt,
      void: closed && !review.answeredAt,
    });
  });

  state.decisionRequests.forEach((request, index) => {
    list.push({
      id: `decision:${index + 1}`,
      kind: 'decision',
      label: 'the municipality decides',
      startedAt: request.requestedAt,
      ...withinLimit(request.requestedAt, rules.waitingTimes.recommendationToDecision),
      metAt: request.decidedAt,
      void: closed && !request.decidedAt,
    });
  });

  if (state.course) {
    // The course's clocks run while the course does; a met or breached one stays in the record.
    const courseRunning = state.phase === 'in-course';
    const startedAt = state.course.startedAt;
    const startTimes = (real: boolean) =>
      state.offers
        .filter((offer) => offer.startedAt && (!real || offer.real))
        .map((offer) => offer.startedAt!)
        .sort((a, b) => toEpochMs(a) - toEpochMs(b));
    const firstRealStart = startTimes(true)[0];
    const firstMeasure = startTimes(false)[0];
    if (rules.course.realOffer) {
      list.push({
        id: 'real-offer',
        kind: 'real-offer',
        label: 'a real offer has started',
        startedAt,
        ...withinLimit(startedAt, rules.course.realOffer),
        metAt: firstRealStart,
        void: !courseRunning && !firstRealStart,
      });
    }
    list.push({
      id: 'first-measure',
      kind: 'first-measure',
      label: 'a first measure has started',
      startedAt,
      ...withinLimit(startedAt, rules.course.firstMeasure),
      metAt: firstMeasure,
      void: !courseRunning && !firstMeasure,
    });
    const concludedFromCourse = state.outcome && state.outcome.outcome !== 'refused' ? closedAt : undefined;
    list.push({
      id: 'maximum-duration',
      kind: 'maximum-duration',
      label: 'the course is concluded (maximum duration)',
      startedAt,
      ...withinLimit(startedAt, rules.course.maximumDuration),
      metAt: concludedFromCourse,
      void: !courseRunning && !concludedFromCourse,
    });
  }

  const demandedAt = state.decisionOnExistingEvidence?.demandedAt;
  if (demandedAt) {
    list.push({
      id: 'existing-evidence-decision',
      kind: 'existing-evidence-decision',
      label: 'a decision on the existing evidence is made',
      startedAt: demandedAt,
      ...withinLimit(demandedAt, rules.course.decisionOnExistingEvidence),
      metAt: closedAt,
      void: false,
    });
  }

  for (const complaint of state.complaints) {
    list.push({
      id: `complaint-reconsideration:${complaint.id}`,
      kind: 'complaint-reconsideration',
      label: 'the complaint is reconsidered',
      startedAt: complaint.receivedAt,
      ...withinLimit(complaint.receivedAt, rules.complaints.reconsideration),
      metAt: complaint.reconsideredAt,
      void: closed && !complaint.reconsideredAt,
      subject: complaint.id,
    });
  }

  for (const offer of state.offers) {
    const request = offer.healthCoordinator;
    if (!request) continue;
    list.push({
      id: `health-advice:${offer.id}`,
      kind: 'health-advice',
      label: 'the regional health coordinator advises on the offer',
      startedAt: request.requestedAt,
      ...withinLimit(request.requestedAt, rules.healthCoordinator.advice),
      metAt: request.advisedAt,
      void: (closed || offer.status === 'ended' || offer.status === 'withdrawn') && !request.advisedAt,
      subject: offer.id,
    });
  }

  return list;
}
