import type { Draft } from 'immer';
import { resolveDeadlines } from '../engine/deadlines';
import { notify } from '../engine/draft';
import { commonEventRules, type EventRule } from '../engine/event-rules';
import { intakeClosed, intakeRefusals } from '../engine/ruleset-choice';
import { addDuration, type Instant, toEpochMs } from '../engine/time';
import { startOfDate } from '../engine/calendar';
import { courseDeadlines } from './deadlines';
import { complaintRules } from './complaints';
import { offerRules } from './offers';
import type { CourseEventData, CourseEventType, Recommendation } from './events';
import { ageRulesAgainstGrant } from './age';
import { conclude, type CourseState, phaseName, requirePhase, type TeamRecommendationRecord } from './state';
import { joined, type Message, msg, type Text } from '../messages/message';

/**
 * The rules of a ressourceforløb for events: each event's rule says when it is refused (a reason a
 * caseworker understands; nothing changes) and what it changes, with its timeline entry and the
 * notifications it queues.
 */
const day = (instant: Instant) => instant.slice(0, 10);

/** The calendar day after a date (YYYY-MM-DD). */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Under a ruleset with a granted period: a grant must give one, within the period's bounds. */
function grantedPeriodRefusal(
  state: CourseState,
  data: CourseEventData<'municipalDecision'>,
  at: Instant,
): Text | undefined {
  const rule = state.ruleset.course.grantedPeriod;
  if (!rule || data.decision !== 'grant-course') return undefined;
  if (!data.grantedUntil)
    return rule.requireGrantedUntil
      ? msg('course.grant-needs-until', { source: rule.source ? ` (${rule.source})` : '' })
      : undefined;
  const end = startOfDate(data.grantedUntil, state.ruleset.calendar);
  // "Frem til" a date includes that day: a year from 4 February 2027 is granted until 4 February 2028.
  const lastMoment = startOfDate(nextDay(data.grantedUntil), state.ruleset.calendar) - 1;
  if (rule.minimum && lastMoment < addDuration(at, rule.minimum, state.ruleset.calendar))
    return msg('course.grant-too-short', { minimum: rule.minimum, grantedUntil: data.grantedUntil });
  if (rule.maximum && end > addDuration(at, rule.maximum, state.ruleset.calendar))
    return msg('course.grant-too-long', { maximum: rule.maximum, grantedUntil: data.grantedUntil });
  return undefined;
}

/** A new grant during a course: only a grant, with a new period, after a new team review recommending a course. */
function newGrantRefusal(state: CourseState, data: CourseEventData<'municipalDecision'>): Text | undefined {
  if (data.decision !== 'grant-course') return msg('course.no-refusal-during');
  const last = state.decisions[state.decisions.length - 1];
  // Without a team (Lov nr. 1750/2025): a decision basis recorded since the last decision will do.
  if (decisionBasisCompleteAt(state) && data.grantedUntil) return undefined;
  const recommendation = state.teamRecommendations[state.teamRecommendations.length - 1];
  if (!recommendation || !last || recommendation.at <= last.at) return msg('course.new-grant-needs-review');
  if (recommendation.recommends !== 'ressourceforloeb')
    return msg('course.review-recommends-other', {
      recommends: msg(`value.recommends.${recommendation.recommends}`),
    });
  if (!data.grantedUntil) return msg('course.new-grant-needs-until');
  return undefined;
}
/**
 * A law that closed intake (`ruleset.intake`, Lov nr. 1750 af 29. december 2025): after its last
 * day no first grant of a ressourceforløb, and no directing a citizen to what it abolished
 * (revalidering, a new course). A course already running continues (new periods of it included).
 */
function intakeRefusal(
  state: CourseState,
  at: Instant,
  grant: boolean,
  directedTo: string | undefined,
): Text | undefined {
  const intake = state.ruleset.intake;
  if (!intake || !intakeClosed(state.ruleset, 'ressourceforloeb', toEpochMs(at))) return undefined;
  if (grant) return intakeRefusals.granting(intake.until, intake.source);
  if (directedTo && (intake.alsoRefuses as string[]).includes(directedTo))
    return intakeRefusals.directing(directedTo, intake.until, intake.source);
  return undefined;
}

/**
 * Without a team (Lov nr. 1750/2025, `course.decisionBasis.teamRequired: false`): a samlet
 * beskrivelse and the health coordinator's advice on the case are recorded toward the next decision —
 * the first one while the case waits for the team, or a new granted period of a running course; when
 * all that `withoutTeam` lists is there (recorded since the last decision), the municipality can
 * decide without a team recommendation.
 */
function decisionBasisRefusal(
  state: CourseState,
  part: 'description' | 'healthAdvice',
  what: Message,
): Text | undefined {
  const basis = state.ruleset.course.decisionBasis;
  if (!basis || basis.teamRequired) return msg('decision-basis.team-required', { what });
  const phase = requirePhase(state, ['referred', 'in-course'], what);
  if (phase) return phase;
  const recorded = state.decisionBasis?.[part];
  return recorded && recorded.at > lastDecisionAt(state)
    ? msg('decision-basis.already-recorded', { what, on: day(recorded.at) })
    : undefined;
}

const lastDecisionAt = (state: CourseState): Instant => state.decisions[state.decisions.length - 1]?.at ?? '';

/** When the decision basis became complete since the last decision (undefined: it is not). */
function decisionBasisCompleteAt(state: CourseState): Instant | undefined {
  const basis = state.ruleset.course.decisionBasis;
  if (!basis || basis.teamRequired || !state.decisionBasis) return undefined;
  const since = lastDecisionAt(state);
  const parts = [
    basis.withoutTeam.includes('samlet-beskrivelse') ? state.decisionBasis.description : null,
    basis.withoutTeam.includes('health-advice') ? state.decisionBasis.healthAdvice : null,
  ].filter((part) => part !== null);
  if (parts.some((part) => !part || part.at <= since)) return undefined;
  return parts.map((part) => part!.at).sort()[parts.length - 1];
}

/**
 * The team's recommendation a decision follows, or undefined when it follows the decision basis
 * instead (recorded after the last recommendation, or with no recommendation at all).
 */
function recommendationFollowed(state: CourseState): TeamRecommendationRecord | undefined {
  const last = state.teamRecommendations[state.teamRecommendations.length - 1];
  const basisAt = decisionBasisCompleteAt(state);
  return last && (!basisAt || last.at > basisAt) ? last : undefined;
}

function recordDecisionBasis(
  draft: Draft<CourseState>,
  part: 'description' | 'healthAdvice',
  text: string,
  at: Instant,
): Message {
  (draft.decisionBasis ??= {})[part] = { text, at };
  const what = msg(part === 'description' ? 'decision-basis.description' : 'decision-basis.health-advice');
  if (!decisionBasisCompleteAt(draft as CourseState)) return msg('decision-basis.recorded', { what });
  if (draft.phase === 'in-course') return msg('decision-basis.recorded-new-period', { what });
  const open = draft.teamReviews.find((review) => !review.answeredAt);
  if (open) open.answeredAt = at;
  draft.phase = 'awaiting-decision';
  draft.decisionRequests.push({ requestedAt: at });
  return msg('decision-basis.recorded-decide', { what });
}

/** What a refusal directs the citizen to, in the recommendation's terms. */
const alternativeAsRecommendation: Record<string, Recommendation | undefined> = {
  fleksjob: 'fleksjob',
  foertidspension: 'foertidspension',
  revalidering: 'revalidering',
  'other-measures': 'other-measures',
  none: undefined,
};

/** The rule of each event of a ressourceforløb: when it is refused, and what it changes. */
export const courseRules: { [T in CourseEventType]: EventRule<CourseState, CourseEventData<T>> } = {
  ...offerRules,
  ...commonEventRules<CourseState>(),
  teamRecommendation: {
    refuse: (state) =>
      requirePhase(state, ['referred', 'awaiting-decision', 'in-course'], msg('course.what.recommendation')),
    apply: (draft, data, { at }) => {
      const open = draft.teamReviews.find((review) => !review.answeredAt);
      if (open) open.answeredAt = at;
      const context = open?.reason ?? 'follow-up';
      draft.teamRecommendations.push({ ...data, at, context });
      if (draft.phase === 'referred') {
        draft.phase = 'awaiting-decision';
        draft.decisionRequests.push({ requestedAt: at });
      }
      if (!data.unanimous) {
        notify(
          draft,
          `recommendation-${draft.teamRecommendations.length}/dissent`,
          'team-dissent',
          ['citizen', 'relatives'],
          {
            recommends: data.recommends,
            dissentingMembers: data.dissent.map((d) => d.member).join(', '),
            // What each dissenter thinks: the citizen has the right to know (shown to the citizen only).
            dissentViews: data.dissent.map((d) => `- ${d.member}: ${d.opinion}`).join('\n'),
          },
          at,
        );
      }
      const how = data.unanimous
        ? msg('team.unanimously')
        : msg('team.with-dissent', { members: data.dissent.map((d) => d.member).join(', ') });
      return {
        summary: msg(
          data.citizenAttendedWholeMeeting ? 'team.recommends' : 'team.recommends-citizen-absent',
          {
            recommends: msg(`value.recommends.${data.recommends}`),
            how,
            context: msg(`team.context.${context}`),
          },
        ),
      };
    },
  },

  municipalDecision: {
    refuse: (state, data, { at }) => {
      if (state.phase === 'referred') return msg('course.no-recommendation-yet');
      if (state.phase === 'in-course' && state.ruleset.course.grantedPeriod) {
        const refusal = newGrantRefusal(state, data);
        if (refusal) return refusal;
      } else {
        const phase = requirePhase(state, ['awaiting-decision'], msg('course.what.decision'));
        if (phase) return phase;
      }
      if (state.phase === 'awaiting-decision') {
        const closed = intakeRefusal(state, at, data.decision === 'grant-course', data.alternative);
        if (closed) return closed;
      }
      const period = grantedPeriodRefusal(state, data, at);
      if (period) return period;
      // The age rules apply to the first grant; a new period of a running course follows its own review.
      if (state.phase !== 'awaiting-decision' || data.decision !== 'grant-course' || data.citizenWishes)
        return undefined;
      const against = ageRulesAgainstGrant(state, at, data.grantedUntil);
      return against.length === 0
        ? undefined
        : msg('course.age-rules-against', { rules: joined(against.map((rule) => rule.reason)) });
    },
    apply: (draft, data, { at }) => {
      if (draft.phase === 'in-course') {
        // A new grant after a new team review (or, without a team, a new decision basis): the course
        // goes on for a new period.
        const onBasis = !recommendationFollowed(draft as CourseState);
        draft.decisions.push({
          at,
          decision: data.decision,
          reasoning: data.reasoning,
          grantedUntil: data.grantedUntil!,
          followsRecommendation: true,
          stands: true,
        });
        (draft.course!.grants ??= []).push({ at, grantedUntil: data.grantedUntil! });
        notify(
          draft,
          `decision-${draft.decisions.length}`,
          'decision',
          ['citizen', 'relatives'],
          { decision: data.decision, alternative: '' },
          at,
          { reasoning: data.reasoning },
        );
        return {
          summary: msg(onBasis ? 'course.new-period-granted-on-basis' : 'course.new-period-granted', {
            grantedUntil: data.grantedUntil ?? '',
          }),
          reason: data.reasoning,
        };
      }
      const waives = data.citizenWishes
        ? ageRulesAgainstGrant(draft as CourseState, at, data.grantedUntil).map((rule) => rule.rule)
        : [];
      // Without a team (Lov nr. 1750/2025) there is no recommendation to follow or deviate from: the
      // decision follows the samlet beskrivelse and the health coordinator's advice, and stands.
      const recommendation = recommendationFollowed(draft as CourseState);
      const follows =
        !recommendation ||
        (data.decision === 'grant-course'
          ? recommendation.recommends === 'ressourceforloeb'
          : recommendation.recommends !== 'ressourceforloeb' &&
            alternativeAsRecommendation[data.alternative!] === recommendation.recommends);
      const stands = follows || recommendation?.context === 'deviation';
      const request = draft.decisionRequests.find((candidate) => !candidate.decidedAt);
      if (request) request.decidedAt = at;
      draft.decisions.push({
        at,
        decision: data.decision,
        ...(data.alternative ? { alternative: data.alternative } : {}),
        reasoning: data.reasoning,
        ...(data.grantedUntil ? { grantedUntil: data.grantedUntil } : {}),
        followsRecommendation: follows,
        stands,
        ...(data.citizenWishes ? { citizenWishes: { waives } } : {}),
      });
      const wish =
        data.citizenWishes && data.decision === 'grant-course'
          ? waives.length > 0
            ? msg('decision.wish-waives', { rules: waives.join(', ') })
            : msg('decision.wish')
          : '';
      const what = msg('decision.what', {
        decision:
          data.decision === 'grant-course'
            ? data.grantedUntil
              ? msg('decision.grant-until', { grantedUntil: data.grantedUntil })
              : msg('decision.grant')
            : msg('decision.refuse', {
                alternative:
                  data.alternative && data.alternative !== 'none'
                    ? msg(`value.recommends.${data.alternative}`)
                    : '',
              }),
        wish,
      });
      if (!stands) {
        draft.phase = 'referred';
        draft.teamReviews.push({ requestedAt: at, reason: 'deviation' });
        notify(
          draft,
          `decision-${draft.decisions.length}/back-to-team`,
          'back-to-team',
          ['citizen', 'caseworker', 'relatives'],
          { proposed: data.decision },
          at,
        );
        return {
          summary: msg('decision.against-team', {
            what,
            recommends: msg(`value.recommends.${recommendation!.recommends}`),
          }),
          reason: data.reasoning,
        };
      }
      if (data.decision === 'grant-course') {
        draft.phase = 'in-course';
        draft.course ??= { startedAt: at };
        if (data.grantedUntil) (draft.course.grants ??= []).push({ at, grantedUntil: data.grantedUntil });
      } else {
        draft.phase = 'refused';
        draft.refusedAt = at;
      }
      notify(
        draft,
        `decision-${draft.decisions.length}`,
        'decision',
        ['citizen', 'relatives'],
        { decision: data.decision, alternative: data.alternative ?? '' },
        at,
        { reasoning: data.reasoning },
      );
      return {
        summary: msg(
          !recommendation
            ? 'decision.on-basis'
            : follows
              ? 'decision.following-team'
              : 'decision.after-team-again',
          { what },
        ),
        reason: data.reasoning,
      };
    },
  },
  decisionBasisDescribed: {
    refuse: (state) => decisionBasisRefusal(state, 'description', msg('decision-basis.description')),
    apply: (draft, data, { at }) => ({
      summary: recordDecisionBasis(draft, 'description', data.description, at),
    }),
  },
  caseHealthAdviceGiven: {
    refuse: (state) => decisionBasisRefusal(state, 'healthAdvice', msg('decision-basis.health-advice')),
    apply: (draft, data, { at }) => ({
      summary: recordDecisionBasis(draft, 'healthAdvice', data.advice, at),
    }),
  },
  specialReasonsRecorded: {
    refuse: (state) => {
      const phase = requirePhase(state, ['in-course'], msg('course.what.special-reasons'));
      if (phase) return phase;
      if (state.ruleset.course.firstMeasure.onBreach !== 'back-to-team')
        return msg('course.special-reasons-not-applicable');
      if (state.course!.specialReasons)
        return msg('course.special-reasons-exist', { on: day(state.course!.specialReasons.at) });
      const firstMeasure = resolveDeadlines(courseDeadlines, state).find(
        (deadline) => deadline.kind === 'first-measure',
      );
      if (firstMeasure?.status === 'met') return msg('course.first-measure-started');
      if (firstMeasure?.status === 'breached')
        return msg('course.first-measure-passed', { on: day(firstMeasure.dueAt) });
      return undefined;
    },
    apply: (draft, data, { at }) => {
      draft.course!.specialReasons = { reasoning: data.reasoning, at };
      return {
        summary: msg('course.special-reasons-recorded'),
        reason: data.reasoning,
      };
    },
  },
  earlierCourseRegistered: {
    refuse: (state, data, { at }) =>
      requirePhase(
        state,
        ['referred', 'awaiting-decision', 'in-course'],
        msg('course.what.earlier-course'),
      ) ??
      (data.to > day(at) ? msg('course.earlier-course-future') : undefined) ??
      ((state.earlierCourses ?? []).some((course) => data.from <= course.to && course.from <= data.to)
        ? msg('course.earlier-course-overlaps', { from: data.from, to: data.to })
        : undefined),
    apply: (draft, data, { at }) => {
      (draft.earlierCourses ??= []).push({
        from: data.from,
        to: data.to,
        ...(data.note ? { note: data.note } : {}),
        registeredAt: at,
      });
      return {
        summary: msg('course.earlier-course-registered', { from: data.from, to: data.to }),
        reason: data.note,
      };
    },
  },

  ...complaintRules,

  decisionOnExistingEvidenceDemanded: {
    refuse: (state) => {
      const phase = requirePhase(state, ['in-course'], msg('course.what.existing-evidence-demand'));
      if (phase) return phase;
      const right = state.decisionOnExistingEvidence;
      if (!right) {
        const realOffer = resolveDeadlines(courseDeadlines, state).find(
          (deadline) => deadline.kind === 'real-offer',
        );
        return realOffer
          ? msg('course.existing-evidence-not-yet', { by: day(realOffer.dueAt) })
          : msg('course.existing-evidence-none');
      }
      if (right.demandedAt) return msg('course.existing-evidence-demanded', { on: day(right.demandedAt) });
      return undefined;
    },
    apply: (draft, _data, { at }) => {
      draft.decisionOnExistingEvidence!.demandedAt = at;
      return { summary: msg('course.existing-evidence-demand') };
    },
  },

  workCapacityCannotDevelop: {
    refuse: (state) =>
      requirePhase(state, ['referred', 'awaiting-decision', 'in-course'], msg('course.what.toward-pension')),
    apply: (draft, data, { at }) => {
      conclude(draft, 'foertidspension', at, {
        routedToPension: data.basis,
        ...(data.note ? { note: data.note } : {}),
      });
      notify(
        draft,
        'routed-to-pension',
        'routed-to-pension',
        ['citizen', 'caseworker', 'relatives'],
        // Why (terminal illness, say) is a health detail: it stays in the case, not in the mail;
        // the letter gives the reasoning the caseworker wrote for the citizen.
        {},
        at,
        { reasoning: data.reasoning },
      );
      return {
        summary: msg('course.toward-pension', { basis: msg(`value.basis.${data.basis}`) }),
      };
    },
  },

  courseConcluded: {
    refuse: (state, data, { at }) =>
      state.phase !== 'in-course' && data.outcome !== 'ended-other'
        ? msg('course.not-started-only-ended-other', { phase: phaseName(state.phase) })
        : intakeRefusal(state, at, false, data.outcome),
    apply: (draft, data, { at }) => {
      conclude(draft, data.outcome, at, data.note ? { note: data.note } : {});
      notify(
        draft,
        'concluded',
        'course-concluded',
        ['citizen', 'relatives'],
        { outcome: data.outcome },
        at,
        { reasoning: data.reasoning },
      );
      return {
        summary: msg('course.concluded', { outcome: msg(`value.outcome.${data.outcome}`) }),
        reason: data.note,
      };
    },
  },
};
