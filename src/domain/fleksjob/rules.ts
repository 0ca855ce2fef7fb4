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
import { type Message, msg, type Text } from '../messages/message';

type FleksjobDraft = Draft<FleksjobState>;

const day = (instant: Instant) => instant.slice(0, 10);

function requestReassessment(draft: FleksjobDraft, reason: Message, at: Instant): void {
  draft.phase = 'reassessment';
  draft.reassessments.push({ requestedAt: at, reason });
  notify(
    draft,
    `reassessment-${draft.reassessments.length}`,
    'fleksjob-reassessment',
    ['citizen', 'caseworker', 'relatives'],
    // Why, for logic only (letters do not show it): the message's key.
    { reason: reason.key },
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

/**
 * Without a team (Lov nr. 1750 af 29. december 2025; the ruleset's `course.decisionBasis.teamRequired:
 * false`): a pending reassessment is answered by a samlet beskrivelse and the health coordinator's
 * advice instead of the team's recommendation, and the municipality decides on them.
 */
function basisRefusal(state: FleksjobState, part: 'description' | 'healthAdvice'): Text | undefined {
  const what = msg(part === 'description' ? 'decision-basis.description' : 'decision-basis.health-advice');
  const basis = state.ruleset.course.decisionBasis;
  if (!basis || basis.teamRequired) return msg('decision-basis.team-required', { what });
  const pending = state.reassessments.find((candidate) => !candidate.answeredAt);
  if (state.phase !== 'reassessment' || !pending) return msg('fleksjob.no-reassessment');
  return pending.basis?.[part] ? msg('fleksjob.basis-already', { what }) : undefined;
}

function recordBasis(
  draft: Draft<FleksjobState>,
  part: 'description' | 'healthAdvice',
  at: Instant,
): Message {
  const what = msg(part === 'description' ? 'decision-basis.description' : 'decision-basis.health-advice');
  const pending = draft.reassessments.find((candidate) => !candidate.answeredAt)!;
  (pending.basis ??= {})[part] = at;
  if (!pending.basis.description || !pending.basis.healthAdvice)
    return msg('decision-basis.recorded', { what });
  // Complete: the reassessment is answered (its deadline met), and the municipality decides.
  pending.answeredAt = at;
  return msg('fleksjob.basis-complete', { what });
}

/** The rule of each event of a fleksjob follow-up: when it is refused, and what it changes. */
export const fleksjobRules: { [T in FleksjobEventType]: EventRule<FleksjobState, FleksjobEventData<T>> } = {
  ...commonEventRules<FleksjobState>(),

  fleksjobStarted: {
    refuse: (state) => (state.phase === 'awaiting-start' ? undefined : msg('fleksjob.started-already')),
    apply: (draft, data, { at }) => {
      startJob(draft, data, at);
      return { summary: msg('fleksjob.started', { hours: data.weeklyHours }) };
    },
  },

  hoursChanged: {
    refuse: (state, data) =>
      requireEmployed(state, msg('fleksjob.what.hours')) ??
      (state.job?.weeklyHours === data.weeklyHours
        ? msg('fleksjob.hours-same', { hours: data.weeklyHours })
        : undefined),
    apply: (draft, data, { at }) => {
      const before = draft.job!.weeklyHours;
      const wasChecked = Boolean(openPeriod(draft as FleksjobState));
      setHours(draft, data.weeklyHours, at);
      const isChecked = Boolean(openPeriod(draft as FleksjobState));
      const check =
        wasChecked === isChecked
          ? ''
          : msg(isChecked ? 'fleksjob.yearly-check-starts' : 'fleksjob.yearly-check-ends');
      return {
        summary: msg('fleksjob.hours-changed', { before, hours: data.weeklyHours, check }),
        reason: data.note,
      };
    },
  },

  fewHoursChosen: {
    refuse: (state, data) =>
      requireEmployed(state, msg('fleksjob.what.choice')) ??
      (Boolean(state.fewHoursChoice) === data.chosen
        ? data.chosen
          ? msg('fleksjob.choice-recorded')
          : msg('fleksjob.no-choice')
        : undefined),
    apply: (draft, data, { at }) => {
      if (data.chosen) {
        draft.fewHoursChoice = { since: at, ...(data.note ? { note: data.note } : {}) };
        const open = openPeriod(draft as FleksjobState);
        if (open) draft.shortHourPeriods[open.index]!.until = at;
        return {
          summary: msg('fleksjob.choice-made'),
          reason: data.note,
        };
      }
      delete draft.fewHoursChoice;
      setHours(draft, draft.job!.weeklyHours, at);
      return {
        summary: msg('fleksjob.choice-withdrawn'),
        reason: data.note,
      };
    },
  },

  progressionReviewRecorded: {
    refuse: (state) => {
      if (!state.ruleset.fleksjob.progressionReview) return msg('fleksjob.no-progression-review');
      if (state.progressionReview)
        return msg('fleksjob.progression-review-recorded', { on: day(state.progressionReview.at) });
      return requireEmployed(state, msg('fleksjob.what.progression-review'));
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
        summary: msg('fleksjob.progression-review', {
          workCapacity: msg(`value.work-capacity.${data.workCapacity}`),
          hours: data.weeklyHours,
        }),
        reason: data.note,
      };
    },
  },

  yearlyCheckRecorded: {
    refuse: (state, _data, { at }) => {
      const employed = requireEmployed(state, msg('fleksjob.what.yearly-check'));
      if (employed) return employed;
      if (!state.ruleset.fleksjob.shortHours) return msg('fleksjob.no-yearly-check');
      if (state.fewHoursChoice) return msg('fleksjob.choice-no-check');
      const open = openPeriod(state);
      if (!open)
        return msg('fleksjob.check-under-threshold', {
          hours: state.job!.weeklyHours,
          threshold: threshold(state) ?? '',
        });
      const n = state.yearlyChecks.filter((check) => check.period === open.index).length + 1;
      const { dueMs, recordableFromMs } = yearlyCheckTimes(state, open.since, n);
      return tooEarly(msg('fleksjob.what.next-yearly-check'), at, dueMs, recordableFromMs);
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
      } else if (!data.progression)
        requestReassessment(draft, msg('fleksjob.reassessment.no-progression'), at);
      const outcome = msg(
        data.progression
          ? 'fleksjob.check.progression'
          : offer
            ? 'fleksjob.check.reassessment-offered'
            : 'fleksjob.check.back-to-team',
      );
      return {
        summary: msg(
          data.planFollowed ? 'fleksjob.yearly-check' : 'fleksjob.yearly-check-plan-not-followed',
          {
            outcome,
            hours: data.weeklyHours,
          },
        ),
        reason: data.note,
      };
    },
  },

  reassessmentRequested: {
    refuse: (state) =>
      requireEmployed(state, msg('fleksjob.what.reassessment')) ??
      (state.reassessmentOffer ? undefined : msg('fleksjob.no-reassessment-offered')),
    apply: (draft, data, { at }) => {
      delete draft.reassessmentOffer;
      requestReassessment(draft, msg('fleksjob.reassessment.citizen-asked'), at);
      return { summary: msg('fleksjob.reassessment-asked'), reason: data.note };
    },
  },

  teamReassessment: {
    refuse: (state) =>
      state.phase === 'reassessment' && state.reassessments.some((candidate) => !candidate.answeredAt)
        ? undefined
        : msg('fleksjob.no-team-reassessment'),
    apply: (draft, data, { at }) => {
      const pending = draft.reassessments.find((candidate) => !candidate.answeredAt)!;
      pending.answeredAt = at;
      pending.recommends = data.recommends;
      if (municipalityDecides(draft as FleksjobState)) {
        return {
          summary: msg('fleksjob.team-recommends', {
            recommends: msg(`value.fleksjob-recommends.${data.recommends}`),
          }),
          reason: data.note,
        };
      }
      if (data.recommends === 'continue') {
        draft.phase = 'employed';
        return {
          summary: msg('fleksjob.team-continues'),
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
        summary: msg('fleksjob.team-reassessed', {
          recommends: msg(`value.fleksjob-recommends.${data.recommends}`),
        }),
        reason: data.note,
      };
    },
  },

  decisionBasisDescribed: {
    refuse: (state) => basisRefusal(state, 'description'),
    apply: (draft, _data, { at }) => ({ summary: recordBasis(draft, 'description', at) }),
  },

  caseHealthAdviceGiven: {
    refuse: (state) => basisRefusal(state, 'healthAdvice'),
    apply: (draft, _data, { at }) => ({ summary: recordBasis(draft, 'healthAdvice', at) }),
  },

  reassessmentDecided: {
    refuse: (state) => {
      if (!municipalityDecides(state)) return msg('fleksjob.team-decides');
      if (state.phase !== 'reassessment') return msg('fleksjob.no-reassessment');
      const last = state.reassessments[state.reassessments.length - 1];
      if (!last?.recommends && !(last?.basis?.description && last.basis.healthAdvice))
        return msg('fleksjob.team-not-yet');
      return undefined;
    },
    apply: (draft, data, { at }) => {
      const last = draft.reassessments[draft.reassessments.length - 1]!;
      last.decision = { decision: data.decision, at, reasoning: data.reasoning };
      const follows = !last.recommends
        ? msg('fleksjob.on-basis')
        : msg(last.recommends === data.decision ? 'fleksjob.following' : 'fleksjob.against');
      if (data.decision === 'continue') {
        draft.phase = 'employed';
        return {
          summary: msg('fleksjob.decided-continues', { follows }),
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
        summary: msg('fleksjob.decided', {
          follows,
          decision: msg(`value.fleksjob-recommends.${data.decision}`),
        }),
        reason: data.reasoning,
      };
    },
  },

  fleksjobStatusRecorded: {
    refuse: (state) => {
      if (!state.ruleset.fleksjob.temporaryPeriod) return msg('fleksjob.no-temporary');
      if (state.statusRecordedAt)
        return msg('fleksjob.status-recorded-already', { on: day(state.statusRecordedAt) });
      return requireEmployed(state, msg('fleksjob.what.status'));
    },
    apply: (draft, data, { at }) => {
      draft.statusRecordedAt = at;
      return {
        summary: msg('fleksjob.status-recorded'),
        reason: data.note,
      };
    },
  },

  permanentFleksjobDecided: {
    refuse: (state, data, { at }) => {
      const rule = state.ruleset.fleksjob.temporaryPeriod;
      if (!rule) return msg('fleksjob.no-temporary');
      if (state.permanentDecision)
        return msg('fleksjob.decided-already', { on: day(state.permanentDecision.at) });
      const employed = requireEmployed(state, msg('fleksjob.what.permanent'));
      if (employed) return employed;
      const fromAge = rule.permanentFromAge;
      if (fromAge === undefined) {
        return data.decision === 'new-temporary-period' ? msg('fleksjob.no-new-period') : undefined;
      }
      if (data.decision === 'end') return undefined;
      const birthDate = birthDateFromCpr(state.citizen.cpr);
      if (!birthDate) return msg('fleksjob.no-age');
      const age = ageOn(birthDate, at);
      // LAB § 120: 40 or older at the decision → permanent; under 40 → a new temporary period.
      if (data.decision === 'permanent' && age < fromAge)
        return msg('fleksjob.too-young-permanent', { age, fromAge });
      if (data.decision === 'new-temporary-period' && age >= fromAge)
        return msg('fleksjob.old-enough-permanent', { age, fromAge });
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
          summary: msg('fleksjob.new-period', { from: day(since) }),
          reason: data.note,
        };
      }
      draft.permanentDecision = { at, decision: data.decision };
      if (data.decision === 'end') end(draft, 'temporary-period-ended', at, data.note, data.reasoning);
      return {
        summary:
          data.decision === 'permanent' ? msg('fleksjob.becomes-permanent') : msg('fleksjob.temporary-ends'),
        reason: data.note,
      };
    },
  },

  jobChanged: {
    refuse: (state, data) =>
      requireEmployed(state, msg('fleksjob.what.job-change')) ??
      (data.employer === undefined && data.weeklyHours === undefined
        ? msg('fleksjob.job-change-needs')
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
        return {
          summary: data.employer
            ? msg('fleksjob.job-changed-to', { employer: data.employer })
            : msg('fleksjob.job-changed'),
          reason: data.note,
        };
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
        summary: data.employer
          ? msg('fleksjob.job-changed-to-anew', { employer: data.employer })
          : msg('fleksjob.job-changed-anew'),
        reason: data.note,
      };
    },
  },

  followUpConversationHeld: {
    refuse: (state, _data, { at }) => {
      const employed = requireEmployed(state, msg('fleksjob.what.conversation'));
      if (employed) return employed;
      const next = nextConversationTimes(state);
      if (!next) return msg('fleksjob.no-conversations');
      return tooEarly(
        msg('fleksjob.what.conversation-n', { n: next.n }),
        at,
        next.dueMs,
        next.recordableFromMs,
      );
    },
    apply: (draft, data, { at }) => {
      draft.followUpConversations.push(at);
      return {
        summary: msg('fleksjob.conversation-held', { n: draft.followUpConversations.length }),
        reason: data.note,
      };
    },
  },

  fleksjobEnded: {
    refuse: () => undefined,
    apply: (draft, data, { at }) => {
      end(draft, data.reason, at, data.note, data.reasoning);
      return {
        summary: msg('fleksjob.ended', { reason: msg(`value.ending.${data.reason}`) }),
        reason: data.note,
      };
    },
  },
};

function tooEarly(what: Text, at: Instant, dueMs: number, recordableFromMs: number): Text | undefined {
  if (toEpochMs(at) >= recordableFromMs) return undefined;
  return msg('fleksjob.too-early', {
    what,
    due: day(toInstant(dueMs)),
    from: day(toInstant(recordableFromMs)),
  });
}
