import {
  breachAndEscalate,
  caseworkerWaitingTime,
  type Deadline,
  remindersBefore,
  type DeadlineDefinitions,
  withinLimit,
} from '../engine/deadlines';
import { startOfDate } from '../engine/calendar';
import { type CaseDraft, escalate, notify, record, SYSTEM } from '../engine/draft';
import { type Instant, subtractDuration, toEpochMs } from '../engine/time';
import { complaintDeadlines, type ComplaintDeadlineKind } from './complaint-deadlines';
import type { CourseState } from './state';
import { msg } from '../messages/message';

/**
 * Every deadline of a ressourceforløb, each declared once: which instances the case's facts give
 * (an event that changes the facts moves, meets or cancels them), who is reminded ahead of it, and
 * what follows when it falls due unmet. The deadline log adds only what the clock did.
 */
export type CourseDeadlineKind =
  | 'coordinating-caseworker'
  | 'team-meeting'
  | 'team-reassessment'
  | 'decision'
  | 'real-offer'
  | 'first-measure'
  | 'maximum-duration'
  | 'what-follows'
  | 'existing-evidence-decision'
  | ComplaintDeadlineKind
  | 'health-advice';

export type CourseDeadline = Deadline<CourseDeadlineKind>;

/** The course's own deadlines stop when a decision has ended it (its complaints' do not). */
const closed = (state: CourseState) => state.phase === 'concluded' || state.phase === 'closing';
/** The course's clocks run while the course does; a met or breached one stays in the record. */
const courseRunning = (state: CourseState) => state.phase === 'in-course';

/** Whether an offer counts as a first measure: every one, or under the law only those on the ruleset's bases. */
function countsAsMeasure(state: CourseState, offer: CourseState['offers'][number]): boolean {
  const countsOnly = state.ruleset.course.firstMeasure.countsOnly;
  return !countsOnly || (offer.basis !== undefined && countsOnly.includes(offer.basis));
}

function startTimes(state: CourseState, realOnly: boolean): Instant[] {
  return state.offers
    .filter((offer) => offer.startedAt && (realOnly ? offer.real : countsAsMeasure(state, offer)))
    .map((offer) => offer.startedAt!)
    .sort((a, b) => toEpochMs(a) - toEpochMs(b));
}

const factsOf = (deadline: CourseDeadline) => ({ deadline: deadline.kind, dueAt: deadline.dueAt });

function teamReviews(reassessment: boolean) {
  return (state: CourseState) =>
    state.teamReviews.flatMap((review, index) =>
      (review.reason === 'reassessment') === reassessment
        ? [
            {
              id: `${reassessment ? 'team-reassessment' : 'team-meeting'}:${index + 1}`,
              startedAt: review.requestedAt,
              ...withinLimit(
                review.requestedAt,
                reassessment
                  ? state.ruleset.waitingTimes.teamReassessment
                  : state.ruleset.waitingTimes.referralToTeamMeeting,
                state.ruleset.calendar,
              ),
              metAt: review.answeredAt,
              void: closed(state) && !review.answeredAt,
            },
          ]
        : [],
    );
}

export const courseDeadlines: DeadlineDefinitions<CourseState, CourseDeadlineKind> = {
  /** Seeds 001 §5 and the ruleset's waiting time: a coordinating caseworker early. */
  'coordinating-caseworker': caseworkerWaitingTime(closed),

  'team-meeting': {
    label: msg('deadline.label.team-meeting'),
    remind: ['caseworker'],
    instances: teamReviews(false),
    onDue: breachAndEscalate,
  },

  'team-reassessment': {
    label: msg('deadline.label.team-reassessment'),
    remind: ['caseworker'],
    instances: teamReviews(true),
    onDue: breachAndEscalate,
  },

  decision: {
    label: msg('deadline.label.decision'),
    remind: ['caseworker'],
    instances: (state) =>
      state.decisionRequests.map((request, index) => ({
        id: `decision:${index + 1}`,
        startedAt: request.requestedAt,
        ...withinLimit(
          request.requestedAt,
          state.ruleset.waitingTimes.recommendationToDecision,
          state.ruleset.calendar,
        ),
        metAt: request.decidedAt,
        void: closed(state) && !request.decidedAt,
      })),
    onDue: breachAndEscalate,
  },

  /** Seed 000: a real offer within 1 year of the course start, else the citizen may demand a decision on the existing evidence. */
  'real-offer': {
    label: msg('deadline.label.real-offer'),
    remind: ['caseworker', 'citizen', 'relatives'],
    instances: (state) => {
      const limit = state.ruleset.course.realOffer;
      if (!state.course || !limit) return [];
      const started = startTimes(state, true)[0];
      return [
        {
          id: 'real-offer',
          startedAt: state.course.startedAt,
          ...withinLimit(state.course.startedAt, limit, state.ruleset.calendar),
          metAt: started,
          void: !courseRunning(state) && !started,
        },
      ];
    },
    onDue(draft, deadline) {
      draft.decisionOnExistingEvidence ??= { rightSince: deadline.dueAt };
      notify(
        draft as CaseDraft,
        `deadline-${deadline.id}/breach`,
        'right-to-decision-on-existing-evidence',
        ['citizen', 'caseworker', 'relatives'],
        factsOf(deadline),
        deadline.dueAt,
      );
      escalate(draft as CaseDraft, deadline.id, msg('course.no-real-offer'), deadline.dueAt);
    },
  },

  /** Some measure must start; what a breach does differs: seeds escalate, the law sends the case back to the team (LAB § 113, stk. 2). */
  'first-measure': {
    label: msg('deadline.label.first-measure'),
    remind: ['caseworker'],
    instances: (state) => {
      if (!state.course) return [];
      const started = startTimes(state, false)[0];
      return [
        {
          id: 'first-measure',
          startedAt: state.course.startedAt,
          ...withinLimit(state.course.startedAt, state.ruleset.course.firstMeasure, state.ruleset.calendar),
          metAt: started,
          void: !courseRunning(state) && !started,
        },
      ];
    },
    onDue(draft, deadline) {
      if (draft.ruleset.course.firstMeasure.onBreach === 'back-to-team') {
        const special = draft.course?.specialReasons;
        if (special) {
          record(draft as CaseDraft, {
            at: deadline.dueAt,
            actor: SYSTEM,
            type: 'specialReasonsApplied',
            outcome: 'recorded',
            summary: msg('course.special-reasons-applied', { on: special.at.slice(0, 10) }),
            reason: special.reasoning,
          });
          return;
        }
        draft.teamReviews.push({ requestedAt: deadline.dueAt, reason: 'reassessment' });
        notify(
          draft as CaseDraft,
          `deadline-${deadline.id}/breach`,
          'back-to-team',
          ['citizen', 'caseworker', 'relatives'],
          factsOf(deadline),
          deadline.dueAt,
        );
        return;
      }
      breachAndEscalate(draft, deadline, msg('course.no-measure'));
    },
  },

  /** Seed 000 and the law: a course lasts 3 years at most. */
  'maximum-duration': {
    label: msg('deadline.label.maximum-duration'),
    remind: ['caseworker', 'citizen', 'relatives'],
    instances: (state) => {
      if (!state.course) return [];
      const concludedAt = state.outcome && state.outcome.outcome !== 'refused' ? state.outcome.at : undefined;
      return [
        {
          id: 'maximum-duration',
          startedAt: state.course.startedAt,
          ...withinLimit(
            state.course.startedAt,
            state.ruleset.course.maximumDuration,
            state.ruleset.calendar,
          ),
          metAt: concludedAt,
          void: !courseRunning(state) && !concludedAt,
        },
      ];
    },
    onDue: breachAndEscalate,
  },

  /**
   * Law (LAB § 113, stk. 4): before the granted period ends the municipality decides what follows —
   * a conclusion, a routing to pension, or (after a new team review) a new grant. If it has not, the
   * course and its benefit continue (nothing ends by itself) and the case escalates.
   */
  'what-follows': {
    label: msg('deadline.label.what-follows'),
    remind: ['caseworker'],
    instances: (state) => {
      const rule = state.ruleset.course.grantedPeriod;
      const grants = state.course?.grants ?? [];
      if (!rule) return [];
      const endedAt = state.outcome && state.outcome.outcome !== 'refused' ? state.outcome.at : undefined;
      return grants.map((grant, index) => {
        const dueAtMs = subtractDuration(
          startOfDate(grant.grantedUntil, state.ruleset.calendar),
          rule.decideBefore,
          state.ruleset.calendar,
        );
        const metAt = grants[index + 1]?.at ?? endedAt;
        return {
          id: `what-follows:${index + 1}`,
          startedAt: grant.at,
          dueAtMs,
          reminders: remindersBefore(dueAtMs, rule.reminders, state.ruleset.calendar),
          ...(rule.source ? { source: rule.source } : {}),
          metAt,
          void: !courseRunning(state) && !metAt,
        };
      });
    },
    onDue: (draft, deadline) => breachAndEscalate(draft, deadline, msg('course.what-follows-undecided')),
  },

  'existing-evidence-decision': {
    label: msg('deadline.label.existing-evidence-decision'),
    remind: ['caseworker'],
    instances: (state) => {
      const demandedAt = state.decisionOnExistingEvidence?.demandedAt;
      if (!demandedAt) return [];
      return [
        {
          id: 'existing-evidence-decision',
          startedAt: demandedAt,
          ...withinLimit(demandedAt, state.ruleset.course.decisionOnExistingEvidence, state.ruleset.calendar),
          metAt: state.outcome?.at,
          void: false,
        },
      ];
    },
    onDue: breachAndEscalate,
  },

  ...complaintDeadlines,

  /** Seed 003: the regional health coordinator advises on an offer the citizen worries about. */
  'health-advice': {
    label: msg('deadline.label.health-advice'),
    remind: ['caseworker'],
    instances: (state) =>
      state.offers.flatMap((offer) => {
        const request = offer.healthCoordinator;
        if (!request) return [];
        return [
          {
            id: `health-advice:${offer.id}`,
            startedAt: request.requestedAt,
            ...withinLimit(
              request.requestedAt,
              state.ruleset.healthCoordinator.advice,
              state.ruleset.calendar,
            ),
            metAt: request.advisedAt,
            void:
              (closed(state) || offer.status === 'ended' || offer.status === 'withdrawn') &&
              !request.advisedAt,
            subject: offer.id,
          },
        ];
      }),
    onDue: breachAndEscalate,
  },
};
