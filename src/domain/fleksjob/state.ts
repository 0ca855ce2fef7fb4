import type { CaseBase } from '../engine/case';
import type { Instant } from '../engine/time';
import type { FleksjobEventData } from './events';
import type { Text } from '../messages/message';

export type FleksjobOutcome =
  FleksjobEventData<'fleksjobEnded'>['reason'] | 'end-fleksjob' | 'temporary-period-ended';

export interface FleksjobState extends CaseBase {
  kind: 'fleksjob';
  phase: 'awaiting-start' | 'employed' | 'reassessment' | 'ended';
  origin: 'course' | 'direct';
  /** The course this follow-up continues (its own history is in the workflow's earlier runs). */
  course?: { openedAt: Instant; concludedAt: Instant };
  job?: { startedAt: Instant; employer?: string; weeklyHours: number };
  hours: Array<{ at: Instant; weeklyHours: number }>;
  fewHoursChoice?: { since: Instant; note?: string };
  /** Spells under the short-hour threshold that the yearly check applies to. */
  shortHourPeriods: Array<{ since: Instant; until?: Instant }>;
  progressionReview?: {
    at: Instant;
    workCapacity: 'as-expected' | 'higher' | 'lower';
    weeklyHours: number;
    note?: string;
  };
  yearlyChecks: Array<{
    at: Instant;
    period: number;
    progression: boolean;
    planFollowed: boolean;
    weeklyHours: number;
    note?: string;
  }>;
  reassessments: Array<{
    requestedAt: Instant;
    reason: Text;
    answeredAt?: Instant;
    recommends?: FleksjobEventData<'teamReassessment'>['recommends'];
    /** Without a team (Lov nr. 1750/2025): when the samlet beskrivelse and the health advice were recorded. */
    basis?: { description?: Instant; healthAdvice?: Instant };
    /** The municipality's decision after the recommendation, where the ruleset has it decide. */
    decision?: {
      decision: FleksjobEventData<'reassessmentDecided'>['decision'];
      at: Instant;
      reasoning: string;
    };
  }>;
  /** Seeds (seed 001 §12): a reassessment offered to the citizen after a yearly check without progression. */
  reassessmentOffer?: { at: Instant };
  /** The status and decision of the current temporary period (the first, unless `temporaryPeriod` says otherwise). */
  statusRecordedAt?: Instant;
  permanentDecision?: { at: Instant; decision: 'permanent' | 'new-temporary-period' | 'end' };
  /** The current temporary period when it is not the first, counted from the job's start (LAB § 120 stk. 1). */
  temporaryPeriod?: { n: number; since: Instant };
  /** Earlier temporary periods: decided (a new period followed) or restarted by a change of job. */
  earlierTemporaryPeriods?: Array<{
    n: number;
    since: Instant;
    statusRecordedAt?: Instant;
    decidedAt?: Instant;
    restartedByJobChangeAt?: Instant;
  }>;
  jobChanges?: Array<{ at: Instant; employer?: string; weeklyHours?: number }>;
  followUpConversations: Instant[];
  outcome?: { reason: FleksjobOutcome; at: Instant; note?: string };
  /**
   * Set by the workflow only on runs that started before the fix of issue 14 item 10 (no
   * `fleksjob-yearly-check-every-year` patch marker): they keep the old behaviour — no yearly check
   * after one that passed unrecorded — so their recorded histories replay. Their next run has the fix.
   */
  yearlyChecksStopAfterMiss?: true;
}
