import { type Draft, produce } from 'immer';
import { z } from 'zod';
import { type CaseBase, CaseIdentityShape, emptyCaseRecords } from './case-base';
import { text } from './fields';
import { type CaseDraft, escalate, notify, record, SYSTEM } from './case-draft';
import {
  advanceClockWith,
  caseworkerWaitingTime,
  type ClockRules,
  type Deadline,
  type DeadlineCandidate,
  nextWakeUpWith,
  resolveDeadlines,
  resolveEscalations,
  withinLimit,
} from './deadline-engine';
import {
  applyRule,
  commonEventRules,
  type Decision,
  type EventRule,
  type ExternalFacts,
} from './event-rules';
import { type Actor, commonEventSchemas, parseEvent } from './events';
import { type Ruleset, rulesetRef } from './ruleset';
import type { CaseState } from './state';
import { addDuration, type Instant, scaleDuration, subtractDuration, toEpochMs, toInstant } from './time';

/**
 * Fleksjob follow-up: after a course ends with a fleksjob, or for a fleksjob registered directly.
 * Seeds: a progression review 3 months in, and for a fleksjob under 5 hours a week a yearly check of
 * progression — without it the team reassesses, unless the citizen chose few hours. Law: the first
 * fleksjob is temporary for 5 years, with a status before its end and follow-up conversations.
 */
const note = text(2000, { multiline: true }).optional();
const weeklyHours = z.number().min(0.25, 'at least a quarter of an hour').max(37, 'at most 37 hours');

export const fleksjobEventSchemas = {
  ...commonEventSchemas,
  fleksjobStarted: z.object({ weeklyHours, employer: text(200).optional() }).strict(),
  hoursChanged: z.object({ weeklyHours, note }).strict(),
  /** The citizen's own choice of few hours is recorded and respected: no yearly check while it stands. */
  fewHoursChosen: z.object({ chosen: z.boolean(), note }).strict(),
  progressionReviewRecorded: z
    .object({ workCapacity: z.enum(['as-expected', 'higher', 'lower']), weeklyHours, note })
    .strict(),
  yearlyCheckRecorded: z
    .object({ progression: z.boolean(), planFollowed: z.boolean(), weeklyHours, note })
    .strict(),
  teamReassessment: z
    .object({ recommends: z.enum(['continue', 'foertidspension', 'end-fleksjob']), note })
    .strict(),
  fleksjobStatusRecorded: z.object({ note }).strict(),
  permanentFleksjobDecided: z.object({ decision: z.enum(['permanent', 'end']), note }).strict(),
  followUpConversationHeld: z.object({ note }).strict(),
  fleksjobEnded: z
    .object({ reason: z.enum(['foertidspension', 'ordinary-job', 'resigned', 'other']), note })
    .strict(),
} as const;

export type FleksjobEventType = keyof typeof fleksjobEventSchemas;
export type FleksjobEventData<T extends FleksjobEventType> = z.output<(typeof fleksjobEventSchemas)[T]>;
export type FleksjobEvent = {
  [T in FleksjobEventType]: { type: T; data: FleksjobEventData<T> };
}[FleksjobEventType];

export const OpenFleksjobSchema = z
  .object({
    ...CaseIdentityShape,
    /** When the job has already started: its hours. Otherwise the follow-up waits for fleksjobStarted. */
    job: z
      .object({ weeklyHours, employer: text(200).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type OpenFleksjob = z.output<typeof OpenFleksjobSchema>;

export type FleksjobOutcome =
  FleksjobEventData<'fleksjobEnded'>['reason'] | 'end-fleksjob' | 'temporary-period-ended';

export interface FleksjobState extends CaseBase {
  kind: 'fleksjob';
  phase: 'awaiting-start' | 'employed' | 'reassessment' | 'ended';
  origin: 'course' | 'direct';
  openedAt: Instant;
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
    reason: string;
    answeredAt?: Instant;
    recommends?: FleksjobEventData<'teamReassessment'>['recommends'];
  }>;
  statusRecordedAt?: Instant;
  permanentDecision?: { at: Instant; decision: 'permanent' | 'end' };
  followUpConversations: Instant[];
  outcome?: { reason: FleksjobOutcome; at: Instant; note?: string };
}

type FleksjobDraft = Draft<FleksjobState>;

function emptyFollowUp(
  base: Pick<FleksjobState, 'caseId' | 'municipality' | 'citizen' | 'rules' | 'origin' | 'openedAt'>,
): FleksjobState {
  return {
    kind: 'fleksjob',
    ...base,
    ruleset: rulesetRef(base.rules),
    phase: 'awaiting-start',
    hours: [],
    shortHourPeriods: [],
    yearlyChecks: [],
    reassessments: [],
    followUpConversations: [],
    ...emptyCaseRecords(),
  };
}

/** A fleksjob registered directly for a citizen. */
export function openFleksjob(input: OpenFleksjob, rules: Ruleset, now: number, actor: Actor): FleksjobState {
  const at = toInstant(now);
  const initial = emptyFollowUp({ ...input, rules, origin: 'direct', openedAt: at });
  return produce(initial, (draft) => {
    record(draft, {
      at,
      actor,
      type: 'caseOpened',
      outcome: 'recorded',
      summary: 'fleksjob follow-up opened',
    });
    if (input.job) startJob(draft, input.job, at);
  });
}

/** The follow-up of a course that ended with a fleksjob: same case, same citizen, caseworker and relatives. */
export function fleksjobFromCourse(course: CaseState, now: number): FleksjobState {
  const at = toInstant(now);
  const initial: FleksjobState = {
    ...emptyFollowUp({
      caseId: course.caseId,
      municipality: course.municipality,
      citizen: course.citizen,
      rules: course.rules,
      origin: 'course',
      openedAt: at,
    }),
    course: { openedAt: course.openedAt, concludedAt: course.outcome?.at ?? at },
    ...(course.coordinatingCaseworker ? { coordinatingCaseworker: course.coordinatingCaseworker } : {}),
    ...(course.caseworkerFirstAssignedAt
      ? { caseworkerFirstAssignedAt: course.caseworkerFirstAssignedAt }
      : {}),
    relatives: course.relatives,
  };
  return produce(initial, (draft) => {
    record(draft, {
      at,
      actor: SYSTEM,
      type: 'caseOpened',
      outcome: 'recorded',
      summary: `fleksjob follow-up opened: the course concluded with a fleksjob on ${draft.course!.concludedAt.slice(0, 10)}`,
    });
  });
}

export function parseFleksjobEvent(type: string, data: unknown) {
  return parseEvent<FleksjobEvent>(fleksjobEventSchemas, type, data);
}

export function decideFleksjob(
  state: FleksjobState,
  event: FleksjobEvent,
  actor: Actor,
  now: number,
  external?: ExternalFacts,
): Decision<FleksjobState> {
  if (state.phase === 'ended') {
    return {
      ok: false,
      reason: `the fleksjob follow-up ended (${state.outcome?.reason}) on ${state.outcome?.at.slice(0, 10)}; it accepts no further events`,
    };
  }
  const rule = fleksjobRules[event.type] as EventRule<FleksjobState, unknown>;
  return applyRule(state, event.type, rule, event.data, actor, now, settle, external);
}

const day = (instant: Instant) => instant.slice(0, 10);

function requireEmployed(state: FleksjobState, what: string): string | undefined {
  if (state.phase === 'employed') return undefined;
  if (state.phase === 'awaiting-start') return `${what} is not possible before the fleksjob has started`;
  return `${what} is not possible while the team reassesses the fleksjob`;
}

function threshold(state: FleksjobState): number | undefined {
  return state.rules.fleksjob.shortHours?.thresholdHours;
}

function openPeriod(state: FleksjobState): { index: number; since: Instant } | undefined {
  const index = state.shortHourPeriods.length - 1;
  const period = state.shortHourPeriods[index];
  return period && !period.until ? { index, since: period.since } : undefined;
}

function startJob(draft: FleksjobDraft, job: { weeklyHours: number; employer?: string }, at: Instant): void {
  draft.phase = 'employed';
  draft.job = {
    startedAt: at,
    weeklyHours: job.weeklyHours,
    ...(job.employer ? { employer: job.employer } : {}),
  };
  setHours(draft, job.weeklyHours, at);
}

/** Hours under the threshold start the yearly check (unless the citizen chose them); above it, it ends. */
function setHours(draft: FleksjobDraft, weeklyHours: number, at: Instant): void {
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
function yearlyCheckTimes(
  state: FleksjobState,
  since: Instant,
  n: number,
): { dueMs: number; recordableFromMs: number } {
  const rule = state.rules.fleksjob.shortHours!;
  const dueMs = addDuration(since, scaleDuration(rule.checkEvery, n));
  return { dueMs, recordableFromMs: subtractDuration(dueMs, rule.recordableBefore) };
}

function nextConversationTimes(
  state: FleksjobState,
): { n: number; dueMs: number; recordableFromMs: number } | undefined {
  const rule = state.rules.fleksjob.followUpConversations;
  if (!rule || !state.job) return undefined;
  const n = state.followUpConversations.length + 1;
  const dueMs = addDuration(state.job.startedAt, scaleDuration(rule.every, n));
  return { n, dueMs, recordableFromMs: subtractDuration(dueMs, rule.recordableBefore) };
}

function requestReassessment(draft: FleksjobDraft, reason: string, at: Instant): void {
  draft.phase = 'reassessment';
  draft.reassessments.push({ requestedAt: at, reason });
  notify(
    draft,
    `reassessment-${draft.reassessments.length}`,
    'fleksjob-reassessment',
    ['citizen', 'caseworker', 'relatives'],
    { reason },
    at,
  );
}

function end(draft: FleksjobDraft, reason: FleksjobOutcome, at: Instant, noteText?: string): void {
  draft.phase = 'ended';
  draft.outcome = { reason, at, ...(noteText ? { note: noteText } : {}) };
  const open = openPeriod(draft as FleksjobState);
  if (open) draft.shortHourPeriods[open.index]!.until = at;
  notify(draft, 'ended', 'fleksjob-ended', ['citizen', 'caseworker', 'relatives'], { reason }, at);
}

const fleksjobRules: { [T in FleksjobEventType]: EventRule<FleksjobState, FleksjobEventData<T>> } = {
  ...commonEventRules<FleksjobState>(),

  fleksjobStarted: {
    refuse: (state) => (state.phase === 'awaiting-start' ? undefined : 'the fleksjob has already started'),
    apply: (draft, data, { at }) => {
      startJob(draft, data, at);
      return { summary: `fleksjob started: ${data.weeklyHours} hours a week` };
    },
  },

  hoursChanged: {
    refuse: (state, data) =>
      requireEmployed(state, 'changing the hours') ??
      (state.job?.weeklyHours === data.weeklyHours
        ? `the fleksjob already has ${data.weeklyHours} hours a week`
        : undefined),
    apply: (draft, data, { at }) => {
      const before = draft.job!.weeklyHours;
      const wasChecked = Boolean(openPeriod(draft as FleksjobState));
      setHours(draft, data.weeklyHours, at);
      const isChecked = Boolean(openPeriod(draft as FleksjobState));
      const check =
        wasChecked === isChecked ? '' : isChecked ? '; the yearly check starts' : '; the yearly check ends';
      return {
        summary: `hours changed from ${before} to ${data.weeklyHours} a week${check}`,
        ...(data.note ? { reason: data.note } : {}),
      };
    },
  },

  fewHoursChosen: {
    refuse: (state, data) =>
      requireEmployed(state, "recording the citizen's choice") ??
      (Boolean(state.fewHoursChoice) === data.chosen
        ? data.chosen
          ? 'the citizen’s choice of few hours is already recorded'
          : 'no choice of few hours is recorded'
        : undefined),
    apply: (draft, data, { at }) => {
      if (data.chosen) {
        draft.fewHoursChoice = { since: at, ...(data.note ? { note: data.note } : {}) };
        const open = openPeriod(draft as FleksjobState);
        if (open) draft.shortHourPeriods[open.index]!.until = at;
        return {
          summary: 'the citizen has chosen few hours: respected, no yearly progression check',
          ...(data.note ? { reason: data.note } : {}),
        };
      }
      delete draft.fewHoursChoice;
      setHours(draft, draft.job!.weeklyHours, at);
      return {
        summary: 'the citizen no longer chooses few hours',
        ...(data.note ? { reason: data.note } : {}),
      };
    },
  },

  progressionReviewRecorded: {
    refuse: (state) => {
      if (!state.rules.fleksjob.progressionReview) return 'this ruleset has no progression review';
      if (state.progressionReview)
        return `the progression review was recorded on ${day(state.progressionReview.at)}`;
      return requireEmployed(state, 'a progression review');
    },
    apply: (draft, data, { at }) => {
      draft.progressionReview = {
        at,
        workCapacity: data.workCapacity,
        weeklyHours: data.weeklyHours,
        ...(data.note ? { note: data.note } : {}),
      };
      setHours(draft, data.weeklyHours, at);
      return {
        summary: `progression review: work capacity ${data.workCapacity}, ${data.weeklyHours} hours a week`,
        ...(data.note ? { reason: data.note } : {}),
      };
    },
  },

  yearlyCheckRecorded: {
    refuse: (state, _data, { at }) => {
      const employed = requireEmployed(state, 'a yearly check');
      if (employed) return employed;
      if (!state.rules.fleksjob.shortHours) return 'this ruleset has no yearly check of short-hour fleksjobs';
      if (state.fewHoursChoice) return 'the citizen has chosen few hours: there is no yearly check';
      const open = openPeriod(state);
      if (!open)
        return `the fleksjob has ${state.job!.weeklyHours} hours a week: the yearly check applies under ${threshold(state)}`;
      const n = state.yearlyChecks.filter((check) => check.period === open.index).length + 1;
      const { dueMs, recordableFromMs } = yearlyCheckTimes(state, open.since, n);
      return tooEarly('the next yearly check', at, dueMs, recordableFromMs);
    },
    apply: (draft, data, { at }) => {
      const open = openPeriod(draft as FleksjobState)!;
      draft.yearlyChecks.push({
        at,
        period: open.index,
        progression: data.progression,
        planFollowed: data.planFollowed,
        weeklyHours: data.weeklyHours,
        ...(data.note ? { note: data.note } : {}),
      });
      setHours(draft, data.weeklyHours, at);
      if (!data.progression) requestReassessment(draft, 'no progression at the yearly check', at);
      return {
        summary: `yearly check: ${data.progression ? 'progression' : 'no progression, back to the team'}, ${data.weeklyHours} hours a week${data.planFollowed ? '' : ', plan not followed'}`,
        ...(data.note ? { reason: data.note } : {}),
      };
    },
  },

  teamReassessment: {
    refuse: (state) =>
      state.phase === 'reassessment' ? undefined : 'no reassessment by the team is pending',
    apply: (draft, data, { at }) => {
      const pending = draft.reassessments.find((candidate) => !candidate.answeredAt)!;
      pending.answeredAt = at;
      pending.recommends = data.recommends;
      if (data.recommends === 'continue') {
        draft.phase = 'employed';
        return {
          summary: 'the team reassessed the fleksjob: it continues',
          ...(data.note ? { reason: data.note } : {}),
        };
      }
      end(draft, data.recommends === 'foertidspension' ? 'foertidspension' : 'end-fleksjob', at, data.note);
      return {
        summary: `the team reassessed the fleksjob: ${data.recommends}`,
        ...(data.note ? { reason: data.note } : {}),
      };
    },
  },

  fleksjobStatusRecorded: {
    refuse: (state) => {
      if (!state.rules.fleksjob.temporaryPeriod) return 'this ruleset has no temporary first fleksjob';
      if (state.statusRecordedAt) return `the status was recorded on ${day(state.statusRecordedAt)}`;
      return requireEmployed(state, 'a status of the temporary fleksjob');
    },
    apply: (draft, data, { at }) => {
      draft.statusRecordedAt = at;
      return {
        summary: 'status of the temporary fleksjob recorded',
        ...(data.note ? { reason: data.note } : {}),
      };
    },
  },

  permanentFleksjobDecided: {
    refuse: (state) => {
      if (!state.rules.fleksjob.temporaryPeriod) return 'this ruleset has no temporary first fleksjob';
      if (state.permanentDecision) return `it was decided on ${day(state.permanentDecision.at)}`;
      return requireEmployed(state, 'a decision on a permanent fleksjob');
    },
    apply: (draft, data, { at }) => {
      draft.permanentDecision = { at, decision: data.decision };
      if (data.decision === 'end') end(draft, 'temporary-period-ended', at, data.note);
      return {
        summary:
          data.decision === 'permanent' ? 'the fleksjob becomes permanent' : 'the temporary fleksjob ends',
        ...(data.note ? { reason: data.note } : {}),
      };
    },
  },

  followUpConversationHeld: {
    refuse: (state, _data, { at }) => {
      const employed = requireEmployed(state, 'a follow-up conversation');
      if (employed) return employed;
      const next = nextConversationTimes(state);
      if (!next) return 'this ruleset has no follow-up conversations';
      return tooEarly(`follow-up conversation ${next.n}`, at, next.dueMs, next.recordableFromMs);
    },
    apply: (draft, data, { at }) => {
      draft.followUpConversations.push(at);
      return {
        summary: `follow-up conversation ${draft.followUpConversations.length} held`,
        ...(data.note ? { reason: data.note } : {}),
      };
    },
  },

  fleksjobEnded: {
    refuse: () => undefined,
    apply: (draft, data, { at }) => {
      end(draft, data.reason, at, data.note);
      return { summary: `the fleksjob ended: ${data.reason}`, ...(data.note ? { reason: data.note } : {}) };
    },
  },
};

function tooEarly(what: string, at: Instant, dueMs: number, recordableFromMs: number): string | undefined {
  if (toEpochMs(at) >= recordableFromMs) return undefined;
  return `${what} is due ${day(toInstant(dueMs))}; it can be recorded from ${day(toInstant(recordableFromMs))}`;
}

export type FleksjobDeadlineKind =
  | 'coordinating-caseworker'
  | 'progression-review'
  | 'yearly-check'
  | 'reassessment'
  | 'fleksjob-status'
  | 'temporary-period-end'
  | 'follow-up-conversation';

/** Every deadline of the follow-up, derived from its facts (see the course's deadlines.ts for the idea). */
export function listFleksjobDeadlines(state: FleksjobState): Deadline<FleksjobDeadlineKind>[] {
  return resolveDeadlines(fleksjobCandidates(state), state.deadlineLog);
}

function fleksjobCandidates(state: FleksjobState): DeadlineCandidate<FleksjobDeadlineKind>[] {
  const rules = state.rules;
  const ended = state.phase === 'ended';
  const employed = state.phase === 'employed';
  const list: DeadlineCandidate<FleksjobDeadlineKind>[] = [];

  // A follow-up of a course keeps the course's caseworker; one registered directly needs one.
  if (state.origin === 'direct') list.push(caseworkerWaitingTime(state, ended));

  const job = state.job;
  const review = rules.fleksjob.progressionReview;
  if (job && review) {
    const reviewDueMs = addDuration(job.startedAt, review.after);
    list.push({
      id: 'progression-review',
      kind: 'progression-review',
      label: 'the progression review (work capacity) is recorded',
      startedAt: job.startedAt,
      dueAtMs: addDuration(reviewDueMs, review.grace),
      // Told ahead (each offset before the review falls due) and when it falls due; escalated after the grace period.
      reminders: [
        ...review.reminders.map((offset) => ({ key: offset, atMs: subtractDuration(reviewDueMs, offset) })),
        { key: 'due', atMs: reviewDueMs },
      ],
      metAt: state.progressionReview?.at,
      void: ended && !state.progressionReview,
    });
  }

  const shortHours = rules.fleksjob.shortHours;
  if (shortHours) {
    state.shortHourPeriods.forEach((period, index) => {
      const checks = state.yearlyChecks.filter((check) => check.period === index);
      const open = !period.until && employed;
      for (let n = 1; n <= checks.length + 1; n += 1) {
        const check = checks[n - 1];
        if (!check && !open) {
          // The period closed (hours rose, the citizen chose few hours, the fleksjob ended): the next check falls away.
          if (!state.deadlineLog[`yearly-check:${index + 1}.${n}`]) break;
        }
        const startedAt =
          n === 1 ? period.since : toInstant(yearlyCheckTimes(state, period.since, n - 1).dueMs);
        list.push({
          id: `yearly-check:${index + 1}.${n}`,
          kind: 'yearly-check',
          label: `yearly check ${n} of progression in the short-hour fleksjob`,
          startedAt,
          dueAtMs: yearlyCheckTimes(state, period.since, n).dueMs,
          reminders: shortHours.reminders.map((offset) => ({
            key: offset,
            atMs: subtractDuration(yearlyCheckTimes(state, period.since, n).dueMs, offset),
          })),
          metAt: check?.at,
          void: !check && !open,
        });
      }
    });
  }

  state.reassessments.forEach((reassessment, index) => {
    list.push({
      id: `reassessment:${index + 1}`,
      kind: 'reassessment',
      label: 'the team reassesses the fleksjob',
      startedAt: reassessment.requestedAt,
      ...withinLimit(reassessment.requestedAt, rules.waitingTimes.teamReassessment),
      metAt: reassessment.answeredAt,
      void: ended && !reassessment.answeredAt,
    });
  });

  const temporary = rules.fleksjob.temporaryPeriod;
  if (job && temporary) {
    const endMs = addDuration(job.startedAt, temporary.length);
    const statusMs = subtractDuration(endMs, temporary.statusBefore);
    list.push({
      id: 'fleksjob-status',
      kind: 'fleksjob-status',
      label: 'the status of the temporary fleksjob is recorded',
      startedAt: job.startedAt,
      dueAtMs: statusMs,
      reminders: temporary.reminders.map((offset) => ({
        key: offset,
        atMs: subtractDuration(statusMs, offset),
      })),
      metAt: state.statusRecordedAt,
      void: ended && !state.statusRecordedAt,
    });
    list.push({
      id: 'temporary-period-end',
      kind: 'temporary-period-end',
      label: 'it is decided whether the temporary fleksjob becomes permanent',
      startedAt: job.startedAt,
      dueAtMs: endMs,
      reminders: temporary.reminders.map((offset) => ({
        key: offset,
        atMs: subtractDuration(endMs, offset),
      })),
      metAt: state.permanentDecision?.at,
      void: ended && !state.permanentDecision,
    });
  }

  const conversations = rules.fleksjob.followUpConversations;
  if (job && conversations) {
    for (let n = 1; n <= state.followUpConversations.length + 1; n += 1) {
      const heldAt = state.followUpConversations[n - 1];
      const dueAtMs = addDuration(job.startedAt, scaleDuration(conversations.every, n));
      list.push({
        id: `follow-up-conversation:${n}`,
        kind: 'follow-up-conversation',
        label: `follow-up conversation ${n}`,
        startedAt:
          n === 1
            ? job.startedAt
            : toInstant(addDuration(job.startedAt, scaleDuration(conversations.every, n - 1))),
        dueAtMs,
        reminders: conversations.reminders.map((offset) => ({
          key: offset,
          atMs: subtractDuration(dueAtMs, offset),
        })),
        metAt: heldAt,
        void: ended && !heldAt,
      });
    }
  }

  return list;
}

const fleksjobClock: ClockRules<FleksjobState, FleksjobDeadlineKind> = {
  deadlines: listFleksjobDeadlines,
  reminderAudience: (deadline) =>
    deadline.kind === 'progression-review' ? ['caseworker', 'citizen', 'relatives'] : ['caseworker'],
  onDue: (draft, deadline) => {
    const facts = { deadline: deadline.kind, label: deadline.label, dueAt: deadline.dueAt };
    notify(
      draft,
      `deadline-${deadline.id}/breach`,
      'deadline-breached',
      ['caseworker'],
      facts,
      deadline.dueAt,
    );
    escalate(draft, deadline.id, `${deadline.label}: not within the limit`, deadline.dueAt);
  },
  settle,
};

function settle(draft: FleksjobDraft, at: Instant): void {
  resolveEscalations(
    draft as CaseDraft,
    listFleksjobDeadlines(draft as FleksjobState),
    draft.phase === 'ended',
    at,
  );
}

export function advanceFleksjobClock(state: FleksjobState, now: number): FleksjobState {
  return advanceClockWith(state, now, fleksjobClock);
}

export function nextFleksjobWakeUp(state: FleksjobState): number | undefined {
  return nextWakeUpWith(state, fleksjobClock);
}
