import {
  breachAndEscalate,
  caseworkerWaitingTime,
  type Deadline,
  type DeadlineDefinitions,
  remindersBefore,
  withinLimit,
} from '../engine/deadlines';
import { addDuration, type Instant, subtractDuration, toInstant } from '../engine/time';
import { conversationDueMs, currentTemporaryPeriod, yearlyCheckTimes } from './periods';
import type { FleksjobState } from './state';
import { msg } from '../messages/message';

export type FleksjobDeadlineKind =
  | 'coordinating-caseworker'
  | 'progression-review'
  | 'yearly-check'
  | 'reassessment'
  | 'fleksjob-status'
  | 'temporary-period-end'
  | 'follow-up-conversation';

export type FleksjobDeadline = Deadline<FleksjobDeadlineKind>;

const ended = (state: FleksjobState) => state.phase === 'ended';

/**
 * Every deadline of a fleksjob follow-up, each declared once with who is reminded and what follows
 * when it falls due unmet (here always: the caseworker is told and the case escalates).
 */
export const fleksjobDeadlines: DeadlineDefinitions<FleksjobState, FleksjobDeadlineKind> = {
  // A follow-up of a course keeps the course's caseworker; one registered directly needs one.
  'coordinating-caseworker': {
    ...caseworkerWaitingTime(ended),
    instances: (state) => (state.origin === 'direct' ? caseworkerWaitingTime(ended).instances(state) : []),
  },

  /** Seed 000: work capacity is evaluated about 3 months after the fleksjob starts. */
  'progression-review': {
    label: msg('deadline.label.progression-review'),
    remind: ['caseworker', 'citizen', 'relatives'],
    instances: (state) => {
      const review = state.ruleset.fleksjob.progressionReview;
      if (!state.job || !review) return [];
      const calendar = state.ruleset.calendar;
      const reviewDueMs = addDuration(state.job.startedAt, review.after, calendar);
      return [
        {
          id: 'progression-review',
          startedAt: state.job.startedAt,
          dueAtMs: addDuration(reviewDueMs, review.grace, calendar),
          // Told ahead (each offset before the review falls due) and when it falls due; escalated after the grace period.
          reminders: [
            ...remindersBefore(reviewDueMs, review.reminders, calendar),
            { key: 'due', atMs: reviewDueMs },
          ],
          metAt: state.progressionReview?.at,
          void: ended(state) && !state.progressionReview,
        },
      ];
    },
    onDue: breachAndEscalate,
  },

  /** Seed 001 §12: a fleksjob under the threshold must show progression every year, unless the citizen chose few hours. */
  'yearly-check': {
    label: msg('deadline.label.yearly-check'),
    remind: ['caseworker'],
    instances: (state) => {
      const shortHours = state.ruleset.fleksjob.shortHours;
      if (!shortHours) return [];
      return state.shortHourPeriods.flatMap((period, index) => {
        const checks = state.yearlyChecks.filter((check) => check.period === index);
        const open = !period.until && state.phase === 'employed';
        const instances = [];
        // Check n is met by the n-th check recorded in the period (a late one meets the oldest unmet check).
        // Every year means every year: a check that passed unrecorded (breached) is followed by the next
        // year's, and so on while the period is open — not only a recorded one.
        const lastBreached = (n: number) =>
          !state.yearlyChecksStopAfterMiss &&
          Boolean(state.deadlineLog[`yearly-check:${index + 1}.${n}`]?.breachedAt);
        for (let n = 1; n <= checks.length + 1 || lastBreached(n - 1); n += 1) {
          const check = checks[n - 1];
          // The period closed (hours rose, the citizen chose few hours, the fleksjob ended): the next check falls away.
          if (!check && !open && !state.deadlineLog[`yearly-check:${index + 1}.${n}`]) break;
          const dueAtMs = yearlyCheckTimes(state, period.since, n).dueMs;
          instances.push({
            id: `yearly-check:${index + 1}.${n}`,
            label: msg('deadline.label.yearly-check-n', { n }),
            startedAt: n === 1 ? period.since : toInstant(yearlyCheckTimes(state, period.since, n - 1).dueMs),
            dueAtMs,
            reminders: remindersBefore(dueAtMs, shortHours.reminders, state.ruleset.calendar),
            metAt: check?.at,
            void: !check && !open,
          });
        }
        return instances;
      });
    },
    onDue: breachAndEscalate,
  },

  reassessment: {
    label: msg('deadline.label.reassessment'),
    remind: ['caseworker'],
    instances: (state) =>
      state.reassessments.map((reassessment, index) => ({
        id: `reassessment:${index + 1}`,
        startedAt: reassessment.requestedAt,
        ...withinLimit(
          reassessment.requestedAt,
          state.ruleset.waitingTimes.teamReassessment,
          state.ruleset.calendar,
        ),
        metAt: reassessment.answeredAt,
        void: ended(state) && !reassessment.answeredAt,
      })),
    onDue: breachAndEscalate,
  },

  /** LAB § 121 stk. 3: a status of a temporary fleksjob after 4½ years (the ruleset: before its end). */
  'fleksjob-status': {
    label: msg('deadline.label.fleksjob-status'),
    remind: ['caseworker'],
    instances: (state) =>
      temporaryPeriods(state).map((period) => {
        const temporary = state.ruleset.fleksjob.temporaryPeriod!;
        const calendar = state.ruleset.calendar;
        const statusMs = subtractDuration(period.endMs, temporary.statusBefore, calendar);
        return {
          id: `fleksjob-status${period.suffix}`,
          ...(period.n > 1 ? { label: msg('deadline.label.fleksjob-status-n', { n: period.n }) } : {}),
          startedAt: period.since,
          dueAtMs: statusMs,
          reminders: remindersBefore(statusMs, temporary.reminders, calendar),
          metAt: period.statusRecordedAt,
          void: period.closed && !period.statusRecordedAt,
        };
      }),
    onDue: breachAndEscalate,
  },

  /**
   * LAB § 120: at the end of a temporary period the municipality decides — permanent (40 or older),
   * a new temporary period (under 40), or the end; until it does, the fleksjob continues (§ 121 stk. 4).
   */
  'temporary-period-end': {
    label: msg('deadline.label.temporary-period-end'),
    remind: ['caseworker'],
    instances: (state) =>
      temporaryPeriods(state).map((period) => {
        const temporary = state.ruleset.fleksjob.temporaryPeriod!;
        return {
          id: `temporary-period-end${period.suffix}`,
          ...(period.n > 1 ? { label: msg('deadline.label.temporary-period-end-n', { n: period.n }) } : {}),
          startedAt: period.since,
          dueAtMs: period.endMs,
          reminders: remindersBefore(period.endMs, temporary.reminders, state.ruleset.calendar),
          metAt: period.decidedAt,
          void: period.closed && !period.decidedAt,
        };
      }),
    onDue: breachAndEscalate,
  },

  /** LAB § 121 stk. 1: follow-up conversations, 2½ years in and then 2½ years after the previous one. */
  'follow-up-conversation': {
    label: msg('deadline.label.follow-up-conversation'),
    remind: ['caseworker'],
    instances: (state) => {
      const conversations = state.ruleset.fleksjob.followUpConversations;
      const job = state.job;
      if (!job || !conversations) return [];
      const calendar = state.ruleset.calendar;
      return Array.from({ length: state.followUpConversations.length + 1 }, (_, index) => {
        const n = index + 1;
        const heldAt = state.followUpConversations[index];
        const dueMs = conversationDueMs(state, n)!;
        const previous =
          n === 1
            ? job.startedAt
            : conversations.from === 'previous'
              ? state.followUpConversations[n - 2]!
              : toInstant(conversationDueMs(state, n - 1)!);
        return {
          id: `follow-up-conversation:${n}`,
          label: msg('deadline.label.follow-up-conversation-n', { n }),
          startedAt: previous,
          dueAtMs: dueMs,
          reminders: remindersBefore(dueMs, conversations.reminders, calendar),
          metAt: heldAt,
          void: ended(state) && !heldAt,
        };
      });
    },
    onDue: breachAndEscalate,
  },
};

/**
 * Every temporary period of the fleksjob, earlier ones first: the first from the job's start, each
 * next one after a decision for a new period (or a change of job, where the ruleset restarts it).
 * The first keeps the deadline IDs of version 1 (`fleksjob-status`, `temporary-period-end`).
 */
function temporaryPeriods(state: FleksjobState): Array<{
  n: number;
  suffix: string;
  since: Instant;
  endMs: number;
  statusRecordedAt?: Instant;
  decidedAt?: Instant;
  closed: boolean;
}> {
  const temporary = state.ruleset.fleksjob.temporaryPeriod;
  const current = currentTemporaryPeriod(state);
  if (!temporary || !current) return [];
  const endOf = (since: Instant) => addDuration(since, temporary.length, state.ruleset.calendar);
  const suffix = (n: number) => (n === 1 ? '' : `:${n}`);
  return [
    ...(state.earlierTemporaryPeriods ?? []).map((period) => ({
      n: period.n,
      suffix: suffix(period.n),
      since: period.since,
      endMs: endOf(period.since),
      ...(period.statusRecordedAt ? { statusRecordedAt: period.statusRecordedAt } : {}),
      ...(period.decidedAt ? { decidedAt: period.decidedAt } : {}),
      closed: true,
    })),
    {
      n: current.n,
      suffix: suffix(current.n),
      since: current.since,
      endMs: endOf(current.since),
      ...(state.statusRecordedAt ? { statusRecordedAt: state.statusRecordedAt } : {}),
      ...(state.permanentDecision ? { decidedAt: state.permanentDecision.at } : {}),
      closed: ended(state),
    },
  ];
}
