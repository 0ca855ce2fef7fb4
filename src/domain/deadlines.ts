import type { Ruleset } from './ruleset';
import type { CaseState } from './state';
import { addDuration, type Instant, type IsoDuration, subtractDuration, toEpochMs, toInstant } from './time';

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

export interface Reminder {
  offset: IsoDuration;
  at: Instant;
  sentAt?: Instant;
}

export interface Deadline {
  /** Stable within the case: the key of the deadline's log, and part of its notifications' IDs. */
  id: string;
  kind: DeadlineKind;
  label: string;
  startedAt: Instant;
  dueAt: Instant;
  reminders: Reminder[];
  status: 'pending' | 'met' | 'breached';
  metAt?: Instant;
  breachedAt?: Instant;
  /** The complaint or offer a deadline is about. */
  subject?: string;
}

interface Limit {
  within: IsoDuration;
  reminders: IsoDuration[];
}

interface Candidate {
  id: string;
  kind: DeadlineKind;
  label: string;
  startedAt: Instant;
  limit: Limit;
  metAt?: Instant;
  /** The deadline no longer applies (the case closed, the offer was withdrawn) and was never breached. */
  void: boolean;
  subject?: string;
}

/**
 * Every deadline of a case, derived from its facts: an event that changes the facts moves, meets or
 * cancels the deadlines that follow from them. The deadline log adds only what the clock did:
 * which reminders went out and when a breach was recorded.
 */
export function listDeadlines(state: CaseState): Deadline[] {
  return candidates(state)
    .map((candidate) => toDeadline(state, candidate))
    .filter((deadline): deadline is Deadline => deadline !== undefined)
    .sort((a, b) => toEpochMs(a.dueAt) - toEpochMs(b.dueAt) || a.id.localeCompare(b.id));
}

export function pendingDeadlines(state: CaseState): Deadline[] {
  return listDeadlines(state).filter((deadline) => deadline.status === 'pending');
}

function toDeadline(state: CaseState, candidate: Candidate): Deadline | undefined {
  const log = state.deadlineLog[candidate.id];
  if (candidate.void && !log?.breachedAt) return undefined;
  const startMs = toEpochMs(candidate.startedAt);
  const dueMs = addDuration(startMs, candidate.limit.within);
  const reminders = candidate.limit.reminders
    .map((offset) => ({ offset, atMs: subtractDuration(dueMs, offset) }))
    .filter(({ atMs }) => atMs > startMs && atMs < dueMs)
    .sort((a, b) => a.atMs - b.atMs)
    .map(({ offset, atMs }) => ({
      offset,
      at: toInstant(atMs),
      ...(log?.reminded[offset] ? { sentAt: log.reminded[offset] } : {}),
    }));
  const status = candidate.metAt ? 'met' : log?.breachedAt ? 'breached' : 'pending';
  return {
    id: candidate.id,
    kind: candidate.kind,
    label: candidate.label,
    startedAt: candidate.startedAt,
    dueAt: toInstant(dueMs),
    reminders,
    status,
    ...(candidate.metAt ? { metAt: candidate.metAt } : {}),
    ...(log?.breachedAt ? { breachedAt: log.breachedAt } : {}),
    ...(candidate.subject ? { subject: candidate.subject } : {}),
  };
}

function candidates(state: CaseState): Candidate[] {
  const rules: Ruleset = state.rules;
  const closed = state.phase === 'concluded';
  const closedAt = state.outcome?.at;
  const list: Candidate[] = [];

  list.push({
    id: 'coordinating-caseworker',
    kind: 'coordinating-caseworker',
    label: 'a coordinating caseworker is assigned',
    startedAt: state.openedAt,
    limit: rules.waitingTimes.referralToCoordinatingCaseworker,
    metAt: state.caseworkerFirstAssignedAt,
    void: closed && !state.caseworkerFirstAssignedAt,
  });

  state.teamReviews.forEach((review, index) => {
    const reassessment = review.reason === 'reassessment';
    list.push({
      id: `${reassessment ? 'team-reassessment' : 'team-meeting'}:${index + 1}`,
      kind: reassessment ? 'team-reassessment' : 'team-meeting',
      label: reassessment ? 'the team reassesses the course' : 'the rehabilitation team reviews the case',
      startedAt: review.requestedAt,
      limit: reassessment ? rules.waitingTimes.teamReassessment : rules.waitingTimes.referralToTeamMeeting,
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
      limit: rules.waitingTimes.recommendationToDecision,
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
        limit: rules.course.realOffer,
        metAt: firstRealStart,
        void: !courseRunning && !firstRealStart,
      });
    }
    list.push({
      id: 'first-measure',
      kind: 'first-measure',
      label: 'a first measure has started',
      startedAt,
      limit: rules.course.firstMeasure,
      metAt: firstMeasure,
      void: !courseRunning && !firstMeasure,
    });
    const concludedFromCourse = state.outcome && state.outcome.outcome !== 'refused' ? closedAt : undefined;
    list.push({
      id: 'maximum-duration',
      kind: 'maximum-duration',
      label: 'the course is concluded (maximum duration)',
      startedAt,
      limit: rules.course.maximumDuration,
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
      limit: rules.course.decisionOnExistingEvidence,
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
      limit: rules.complaints.reconsideration,
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
      limit: rules.healthCoordinator.advice,
      metAt: request.advisedAt,
      void: (closed || offer.status === 'ended' || offer.status === 'withdrawn') && !request.advisedAt,
      subject: offer.id,
    });
  }

  return list;
}
