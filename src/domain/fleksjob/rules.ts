import type { Draft } from 'immer';
import { notify } from '../engine/draft';
import { commonEventRules, type EventRule } from '../engine/event-rules';
import { addDuration, type Instant, toEpochMs, toInstant } from '../engine/time';
import { ageOn, birthDateFromCpr } from '../engine/cpr';
import type { FleksjobEventData, FleksjobEventType } from './events';
import {
  nextConversationTimes,
  currentTemporaryPeriod,
  openPeriod,
  requireEmployed,
  setHours,
  startJob,
  threshold,
  yearlyCheckTimes,
} from './periods';
import type { FleksjobOutcome, FleksjobState } from './state';

type FleksjobDraft = Draft<FleksjobState>;

const day = (instant: Instant) => instant.slice(0, 10);

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

function end(
  draft: FleksjobDraft,
  reason: FleksjobOutcome,
  at: Instant,
  noteText?: string,
  reasoning?: string,
): void {
  draft.phase = 'ended';
  draft.outcome = { reason, at, ...(noteText ? { note: noteText } : {}) };
  const open = openPeriod(draft as FleksjobState);
  if (open) draft.shortHourPeriods[open.index]!.until = at;
  notify(
    draft,
    'ended',
    'fleksjob-ended',
    ['citizen', 'caseworker', 'relatives'],
    { reason, ending: reason },
    at,
    { reasoning },
  );
}

/** Rulesets from 2026-12: the team recommends, the municipality decides (absent: the team's answer decides). */
const municipalityDecides = (state: FleksjobState) =>
  state.ruleset.fleksjob.reassessmentDecidedBy === 'municipality';

/** The rule of each event of a fleksjob follow-up: when it is refused, and what it changes. */
export const fleksjobRules: { [T in FleksjobEventType]: EventRule<FleksjobState, FleksjobEventData<T>> } = {
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
        reason: data.note,
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
          reason: data.note,
        };
      }
      delete draft.fewHoursChoice;
      setHours(draft, draft.job!.weeklyHours, at);
      return {
        summary: 'the citizen no longer chooses few hours',
        reason: data.note,
      };
    },
  },

  progressionReviewRecorded: {
    refuse: (state) => {
      if (!state.ruleset.fleksjob.progressionReview) return 'this ruleset has no progression review';
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
        reason: data.note,
      };
    },
  },

  yearlyCheckRecorded: {
    refuse: (state, _data, { at }) => {
      const employed = requireEmployed(state, 'a yearly check');
      if (employed) return employed;
      if (!state.ruleset.fleksjob.shortHours)
        return 'this ruleset has no yearly check of short-hour fleksjobs';
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
      const offer = draft.ruleset.fleksjob.shortHours?.noProgression === 'citizen-may-ask';
      delete draft.reassessmentOffer;
      if (!data.progression && offer) {
        // Seed 001 §12: the citizen's option, offered in a letter; nothing happens unless they ask.
        draft.reassessmentOffer = { at };
        notify(
          draft,
          `reassessment-offer-${draft.yearlyChecks.length}`,
          'fleksjob-reassessment-offered',
          ['citizen', 'caseworker', 'relatives'],
          {},
          at,
        );
      } else if (!data.progression) requestReassessment(draft, 'no progression at the yearly check', at);
      const outcome = data.progression
        ? 'progression'
        : offer
          ? 'no progression, a reassessment offered to the citizen'
          : 'no progression, back to the team';
      return {
        summary: `yearly check: ${outcome}, ${data.weeklyHours} hours a week${data.planFollowed ? '' : ', plan not followed'}`,
        reason: data.note,
      };
    },
  },

  reassessmentRequested: {
    refuse: (state) =>
      requireEmployed(state, 'a reassessment') ??
      (state.reassessmentOffer ? undefined : 'no reassessment has been offered to the citizen'),
    apply: (draft, data, { at }) => {
      delete draft.reassessmentOffer;
      requestReassessment(draft, 'the citizen asked for a reassessment after a year without progression', at);
      return { summary: 'the citizen asked for the team’s reassessment of the fleksjob', reason: data.note };
    },
  },

  teamReassessment: {
    refuse: (state) =>
      state.phase === 'reassessment' && state.reassessments.some((candidate) => !candidate.answeredAt)
        ? undefined
        : 'no reassessment by the team is pending',
    apply: (draft, data, { at }) => {
      const pending = draft.reassessments.find((candidate) => !candidate.answeredAt)!;
      pending.answeredAt = at;
      pending.recommends = data.recommends;
      if (municipalityDecides(draft as FleksjobState)) {
        return {
          summary: `the team recommends: ${data.recommends}; the municipality decides`,
          reason: data.note,
        };
      }
      if (data.recommends === 'continue') {
        draft.phase = 'employed';
        return {
          summary: 'the team reassessed the fleksjob: it continues',
          reason: data.note,
        };
      }
      end(
        draft,
        data.recommends === 'foertidspension' ? 'foertidspension' : 'end-fleksjob',
        at,
        data.note,
        data.reasoning,
      );
      return {
        summary: `the team reassessed the fleksjob: ${data.recommends}`,
        reason: data.note,
      };
    },
  },

  reassessmentDecided: {
    refuse: (state) => {
      if (!municipalityDecides(state)) return "under this ruleset the team's reassessment decides";
      if (state.phase !== 'reassessment') return 'no reassessment is pending';
      const last = state.reassessments[state.reassessments.length - 1];
      if (!last?.recommends) return 'the team has not recommended yet: the municipality decides after it';
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const last = draft.reassessments[draft.reassessments.length - 1]!;
      last.decision = { decision: data.decision, at, reasoning: data.reasoning };
      const follows = last.recommends === data.decision ? 'following' : 'against';
      if (data.decision === 'continue') {
        draft.phase = 'employed';
        return {
          summary: `the municipality decides, ${follows} the team's recommendation: the fleksjob continues`,
          reason: data.reasoning,
        };
      }
      end(
        draft,
        data.decision === 'foertidspension' ? 'foertidspension' : 'end-fleksjob',
        at,
        undefined,
        data.reasoning,
      );
      return {
        summary: `the municipality decides, ${follows} the team's recommendation: ${data.decision}`,
        reason: data.reasoning,
      };
    },
  },

  fleksjobStatusRecorded: {
    refuse: (state) => {
      if (!state.ruleset.fleksjob.temporaryPeriod) return 'this ruleset has no temporary first fleksjob';
      if (state.statusRecordedAt) return `the status was recorded on ${day(state.statusRecordedAt)}`;
      return requireEmployed(state, 'a status of the temporary fleksjob');
    },
    apply: (draft, data, { at }) => {
      draft.statusRecordedAt = at;
      return {
        summary: 'status of the temporary fleksjob recorded',
        reason: data.note,
      };
    },
  },

  permanentFleksjobDecided: {
    refuse: (state, data, { at }) => {
      const rule = state.ruleset.fleksjob.temporaryPeriod;
      if (!rule) return 'this ruleset has no temporary first fleksjob';
      if (state.permanentDecision) return `it was decided on ${day(state.permanentDecision.at)}`;
      const employed = requireEmployed(state, 'a decision on a permanent fleksjob');
      if (employed) return employed;
      const fromAge = rule.permanentFromAge;
      if (fromAge === undefined) {
        return data.decision === 'new-temporary-period'
          ? 'this ruleset has no new temporary period: the decision is permanent or end'
          : undefined;
      }
      if (data.decision === 'end') return undefined;
      const birthDate = birthDateFromCpr(state.citizen.cpr);
      if (!birthDate) return "the citizen's age cannot be derived from the CPR number";
      const age = ageOn(birthDate, at);
      // LAB § 120: 40 or older at the decision → permanent; under 40 → a new temporary period.
      if (data.decision === 'permanent' && age < fromAge)
        return `the citizen is ${age}: under ${fromAge} a temporary fleksjob is followed by a new temporary period, not a permanent one`;
      if (data.decision === 'new-temporary-period' && age >= fromAge)
        return `the citizen is ${age}: from ${fromAge} a temporary fleksjob that continues becomes permanent`;
      return undefined;
    },
    apply: (draft, data, { at }) => {
      if (data.decision === 'new-temporary-period') {
        const state = draft as FleksjobState;
        const period = currentTemporaryPeriod(state)!;
        (draft.earlierTemporaryPeriods ??= []).push({
          n: period.n,
          since: period.since,
          ...(state.statusRecordedAt ? { statusRecordedAt: state.statusRecordedAt } : {}),
          decidedAt: at,
        });
        // The new period follows on from the end of the current one.
        const since = toInstant(
          addDuration(period.since, state.ruleset.fleksjob.temporaryPeriod!.length, state.ruleset.calendar),
        );
        draft.temporaryPeriod = { n: period.n + 1, since };
        delete draft.statusRecordedAt;
        return {
          summary: `a new temporary period of the fleksjob from ${day(since)}`,
          reason: data.note,
        };
      }
      draft.permanentDecision = { at, decision: data.decision };
      if (data.decision === 'end') end(draft, 'temporary-period-ended', at, data.note, data.reasoning);
      return {
        summary:
          data.decision === 'permanent' ? 'the fleksjob becomes permanent' : 'the temporary fleksjob ends',
        reason: data.note,
      };
    },
  },

  jobChanged: {
    refuse: (state, data) =>
      requireEmployed(state, 'a change of job') ??
      (data.employer === undefined && data.weeklyHours === undefined
        ? 'a change of job names the new employer or the hours'
        : undefined),
    apply: (draft, data, { at }) => {
      (draft.jobChanges ??= []).push({
        at,
        ...(data.employer ? { employer: data.employer } : {}),
        ...(data.weeklyHours !== undefined ? { weeklyHours: data.weeklyHours } : {}),
      });
      if (data.employer) draft.job!.employer = data.employer;
      if (data.weeklyHours !== undefined) setHours(draft, data.weeklyHours, at);
      const state = draft as FleksjobState;
      const rule = state.ruleset.fleksjob.temporaryPeriod;
      if (!rule?.restartsOnJobChange || state.permanentDecision) {
        return { summary: `job changed${data.employer ? ` to ${data.employer}` : ''}`, reason: data.note };
      }
      // The ruleset says the temporary period runs in the same job: a new job starts it anew.
      const period = currentTemporaryPeriod(state)!;
      (draft.earlierTemporaryPeriods ??= []).push({
        n: period.n,
        since: period.since,
        ...(state.statusRecordedAt ? { statusRecordedAt: state.statusRecordedAt } : {}),
        restartedByJobChangeAt: at,
      });
      draft.temporaryPeriod = { n: period.n + 1, since: at };
      delete draft.statusRecordedAt;
      return {
        summary: `job changed${data.employer ? ` to ${data.employer}` : ''}: the temporary period starts anew`,
        reason: data.note,
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
        reason: data.note,
      };
    },
  },

  fleksjobEnded: {
    refuse: () => undefined,
    apply: (draft, data, { at }) => {
      end(draft, data.reason, at, data.note, data.reasoning);
      return { summary: `the fleksjob ended: ${data.reason}`, reason: data.note };
    },
  },
};

function tooEarly(what: string, at: Instant, dueMs: number, recordableFromMs: number): string | undefined {
  if (toEpochMs(at) >= recordableFromMs) return undefined;
  return `${what} is due ${day(toInstant(dueMs))}; it can be recorded from ${day(toInstant(recordableFromMs))}`;
}
