import type { Draft } from 'immer';
import { addDuration, type Instant, scaleDuration, subtractDuration } from '../engine/time';
import type { FleksjobState } from './state';
import { msg, type Text } from '../messages/message';

/**
 * The facts of a fleksjob follow-up that its rules and deadlines both count with: the job and its
 * hours, the short-hour periods and their yearly checks, the temporary periods and the follow-up
 * conversations (pure functions of the state).
 */
type FleksjobDraft = Draft<FleksjobState>;

export function requireEmployed(state: FleksjobState, what: Text): Text | undefined {
  if (state.phase === 'employed') return undefined;
  if (state.phase === 'awaiting-start') return msg('fleksjob.before-start', { what });
  return msg('fleksjob.during-reassessment', { what });
}

export function threshold(state: FleksjobState): number | undefined {
  return state.ruleset.fleksjob.shortHours?.thresholdHours;
}

export function openPeriod(state: FleksjobState): { index: number; since: Instant } | undefined {
  const index = state.shortHourPeriods.length - 1;
  const period = state.shortHourPeriods[index];
  return period && !period.until ? { index, since: period.since } : undefined;
}

export function startJob(
  draft: FleksjobDraft,
  job: { weeklyHours: number; employer?: string },
  at: Instant,
): void {
  draft.phase = 'employed';
  draft.job = {
    startedAt: at,
    weeklyHours: job.weeklyHours,
    ...(job.employer ? { employer: job.employer } : {}),
  };
  setHours(draft, job.weeklyHours, at);
}

/** Hours under the threshold start the yearly check (unless the citizen chose them); above it, it ends. */
export function setHours(draft: FleksjobDraft, weeklyHours: number, at: Instant): void {
  const previous = draft.hours[draft.hours.length - 1];
  if (previous?.weeklyHours !== weeklyHours) draft.hours.push({ at, weeklyHours });
  if (draft.job) draft.job.weeklyHours = weeklyHours;
  const limit = threshold(draft as FleksjobState);
  if (limit === undefined) return;
  const open = openPeriod(draft as FleksjobState);
  if (weeklyHours < limit && !open && !draft.fewHoursChoice) draft.shortHourPeriods.push({ since: at });
  if (weeklyHours >= limit && open) draft.shortHourPeriods[open.index]!.until = at;
}

/** The due time of the n-th (1-based) yearly check of a short-hour period, and when it can be recorded from. */
export function yearlyCheckTimes(
  state: FleksjobState,
  since: Instant,
  n: number,
): { dueMs: number; recordableFromMs: number } {
  const rule = state.ruleset.fleksjob.shortHours!;
  const calendar = state.ruleset.calendar;
  const dueMs = addDuration(since, scaleDuration(rule.checkEvery, n), calendar);
  return { dueMs, recordableFromMs: subtractDuration(dueMs, rule.recordableBefore, calendar) };
}

/**
 * When the n-th (1-based) follow-up conversation is due: n intervals from the job's start, or — as
 * LAB § 121 stk. 1 says (`from: "previous"`) — one interval from the previous conversation.
 */
export function conversationDueMs(state: FleksjobState, n: number): number | undefined {
  const rule = state.ruleset.fleksjob.followUpConversations;
  if (!rule || !state.job) return undefined;
  const previous = n > 1 ? state.followUpConversations[n - 2] : undefined;
  if (rule.from === 'previous' && previous) {
    return addDuration(previous, rule.every, state.ruleset.calendar);
  }
  const times = rule.from === 'previous' ? 1 : n;
  return addDuration(state.job.startedAt, scaleDuration(rule.every, times), state.ruleset.calendar);
}

export function nextConversationTimes(
  state: FleksjobState,
): { n: number; dueMs: number; recordableFromMs: number } | undefined {
  const rule = state.ruleset.fleksjob.followUpConversations;
  const n = state.followUpConversations.length + 1;
  const dueMs = conversationDueMs(state, n);
  if (!rule || dueMs === undefined) return undefined;
  return {
    n,
    dueMs,
    recordableFromMs: subtractDuration(dueMs, rule.recordableBefore, state.ruleset.calendar),
  };
}

/** The current temporary period (LAB § 120 stk. 1): the first runs from the job's start. */
export function currentTemporaryPeriod(state: FleksjobState): { n: number; since: Instant } | undefined {
  if (!state.job) return undefined;
  return state.temporaryPeriod ?? { n: 1, since: state.job.startedAt };
}
