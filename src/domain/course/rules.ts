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
import { conclude, type CourseState, phaseNames, requirePhase, type TeamRecommendationRecord } from './state';

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
): string | undefined {
  const rule = state.ruleset.course.grantedPeriod;
  if (!rule || data.decision !== 'grant-course') return undefined;
  if (!data.grantedUntil)
    return rule.requireGrantedUntil
      ? `a grant says until when the course is granted (grantedUntil)${rule.source ? ` (${rule.source})` : ''}`
      : undefined;
  const end = startOfDate(data.grantedUntil, state.ruleset.calendar);
  // "Frem til" a date includes that day: a year from 4 February 2027 is granted until 4 February 2028.
  const lastMoment = startOfDate(nextDay(data.grantedUntil), state.ruleset.calendar) - 1;
  if (rule.minimum && lastMoment < addDuration(at, rule.minimum, state.ruleset.calendar))
    return `a course is granted for at least ${rule.minimum}: ${data.grantedUntil} is too soon`;
  if (rule.maximum && end > addDuration(at, rule.maximum, state.ruleset.calendar))
    return `a course is granted for at most ${rule.maximum}: ${data.grantedUntil} is too late`;
  return undefined;
}

/** A new grant during a course: only a grant, with a new period, after a new team review recommending a course. */
function newGrantRefusal(state: CourseState, data: CourseEventData<'municipalDecision'>): string | undefined {
  if (data.decision !== 'grant-course')
    return 'during a course the municipality ends it by concluding it (courseConcluded) or routing it to pension, not by a refusal';
  const last = state.decisions[state.decisions.length - 1];
  // Without a team (Lov nr. 1750/2025): a decision basis recorded since the last decision will do.
  if (decisionBasisCompleteAt(state) && data.grantedUntil) return undefined;
  const recommendation = state.teamRecommendations[state.teamRecommendations.length - 1];
  if (!recommendation || !last || recommendation.at <= last.at)
    return 'a new course needs a new review by the rehabilitation team first';
  if (recommendation.recommends !== 'ressourceforloeb')
    return `the team's new review recommends ${recommendation.recommends}, not a new course`;
  if (!data.grantedUntil) return 'a new grant says until when the course is granted (grantedUntil)';
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
): string | undefined {
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
  what: string,
): string | undefined {
  const basis = state.ruleset.course.decisionBasis;
  if (!basis || basis.teamRequired)
    return `${what} is recorded instead of a team review only under a ruleset where the rehabilitation team is optional (Lov nr. 1750 af 29. december 2025); this case's ruleset requires the team`;
  const phase = requirePhase(state, ['referred', 'in-course'], what);
  if (phase) return phase;
  const recorded = state.decisionBasis?.[part];
  return recorded && recorded.at > lastDecisionAt(state)
    ? `${what} was already recorded on ${day(recorded.at)} toward the next decision`
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
): string {
  (draft.decisionBasis ??= {})[part] = { text, at };
  if (!decisionBasisCompleteAt(draft as CourseState)) return '';
  if (draft.phase === 'in-course') return ': the municipality can decide on a new period without the team';
  const open = draft.teamReviews.find((review) => !review.answeredAt);
  if (open) open.answeredAt = at;
  draft.phase = 'awaiting-decision';
  draft.decisionRequests.push({ requestedAt: at });
  return ': the municipality can now decide without a team recommendation';
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
      requirePhase(
        state,
        ['referred', 'awaiting-decision', 'in-course'],
        'a recommendation (the municipality has refused a course; a complaint or a new referral comes first)',
      ),
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
        ? 'unanimously'
        : `with dissent from ${data.dissent.map((d) => d.member).join(', ')}`;
      return {
        summary: `the team recommends ${data.recommends} ${how}${data.citizenAttendedWholeMeeting ? '' : '; the citizen did not attend the whole meeting'} (${context})`,
      };
    },
  },

  municipalDecision: {
    refuse: (state, data, { at }) => {
      if (state.phase === 'referred')
        return 'the municipality decides on the basis of the team’s recommendation: the team has not recommended yet';
      if (state.phase === 'in-course' && state.ruleset.course.grantedPeriod) {
        const refusal = newGrantRefusal(state, data);
        if (refusal) return refusal;
      } else {
        const phase = requirePhase(state, ['awaiting-decision'], 'a decision');
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
        : `a course cannot be granted: ${against.map((rule) => rule.reason).join('; ')} (record that the citizen wishes the course, if so)`;
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
          summary: `the municipality grants a new course period until ${data.grantedUntil}, ${onBasis ? 'on the samlet beskrivelse and the health coordinator’s advice (no team)' : 'following the team'}`,
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
            ? ` — the citizen wishes the course although the age rules (${waives.join(', ')}) stand in the way (LAB § 112, stk. 3; § 114, stk. 3–4)`
            : ' — the citizen wishes the course'
          : '';
      const what =
        (data.decision === 'grant-course'
          ? `grant a course${data.grantedUntil ? ` until ${data.grantedUntil}` : ''}`
          : `refuse a course (${data.alternative})`) + wish;
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
          summary: `the municipality would ${what}, against the team's recommendation (${recommendation!.recommends}): the case goes back to the team before the decision can stand`,
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
        summary: `the municipality decides to ${what}${!recommendation ? ', on the samlet beskrivelse and the health coordinator’s advice (no team)' : follows ? ', following the team' : ', after the team has seen the case again'}`,
        reason: data.reasoning,
      };
    },
  },
  decisionBasisDescribed: {
    refuse: (state) =>
      decisionBasisRefusal(state, 'description', 'a samlet beskrivelse af borgerens forudsætninger'),
    apply: (draft, data, { at }) => ({
      summary: `a samlet beskrivelse af borgerens forudsætninger is recorded (no team review, Lov nr. 1750/2025)${recordDecisionBasis(draft, 'description', data.description, at)}`,
    }),
  },
  caseHealthAdviceGiven: {
    refuse: (state) =>
      decisionBasisRefusal(state, 'healthAdvice', "the health coordinator's advice on the case"),
    apply: (draft, data, { at }) => ({
      summary: `the health coordinator's advice on the case is recorded (no team review, Lov nr. 1750/2025)${recordDecisionBasis(draft, 'healthAdvice', data.advice, at)}`,
    }),
  },
  specialReasonsRecorded: {
    refuse: (state) => {
      const phase = requirePhase(state, ['in-course'], 'recording særlige grunde');
      if (phase) return phase;
      if (state.ruleset.course.firstMeasure.onBreach !== 'back-to-team')
        return 'under this ruleset a late first measure escalates; it does not send the case back to the team';
      if (state.course!.specialReasons)
        return `særlige grunde were already recorded on ${day(state.course!.specialReasons.at)}`;
      const firstMeasure = resolveDeadlines(courseDeadlines, state).find(
        (deadline) => deadline.kind === 'first-measure',
      );
      if (firstMeasure?.status === 'met') return 'a first measure has already started';
      if (firstMeasure?.status === 'breached')
        return `the first-measure limit passed on ${day(firstMeasure.dueAt)}: the case has gone back to the team`;
      return undefined;
    },
    apply: (draft, data, { at }) => {
      draft.course!.specialReasons = { reasoning: data.reasoning, at };
      return {
        summary:
          'særlige grunde recorded (LAB § 113, stk. 2): if no measure has started within the limit, the case does not go back to the team',
        reason: data.reasoning,
      };
    },
  },
  earlierCourseRegistered: {
    refuse: (state, data, { at }) =>
      requirePhase(state, ['referred', 'awaiting-decision', 'in-course'], 'registering an earlier course') ??
      (data.to > day(at) ? 'an earlier course has ended: its end date is not in the future' : undefined) ??
      ((state.earlierCourses ?? []).some((course) => data.from <= course.to && course.from <= data.to)
        ? `the period ${data.from} to ${data.to} overlaps an earlier course already registered`
        : undefined),
    apply: (draft, data, { at }) => {
      (draft.earlierCourses ??= []).push({
        from: data.from,
        to: data.to,
        ...(data.note ? { note: data.note } : {}),
        registeredAt: at,
      });
      return {
        summary: `an earlier ressourceforløb registered: ${data.from} to ${data.to}`,
        reason: data.note,
      };
    },
  },

  ...complaintRules,

  decisionOnExistingEvidenceDemanded: {
    refuse: (state) => {
      const phase = requirePhase(state, ['in-course'], 'a demand for a decision on the existing evidence');
      if (phase) return phase;
      const right = state.decisionOnExistingEvidence;
      if (!right) {
        const realOffer = resolveDeadlines(courseDeadlines, state).find(
          (deadline) => deadline.kind === 'real-offer',
        );
        return realOffer
          ? `the citizen has this right only if no real offer has started by ${day(realOffer.dueAt)}`
          : 'this ruleset gives no right to a decision on the existing evidence';
      }
      if (right.demandedAt) return `the citizen already demanded a decision on ${day(right.demandedAt)}`;
      return undefined;
    },
    apply: (draft, _data, { at }) => {
      draft.decisionOnExistingEvidence!.demandedAt = at;
      return { summary: 'the citizen demands a decision on the existing evidence' };
    },
  },

  workCapacityCannotDevelop: {
    refuse: (state) =>
      requirePhase(
        state,
        ['referred', 'awaiting-decision', 'in-course'],
        'routing the case toward førtidspension',
      ),
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
        summary: `work capacity cannot develop (${data.basis}): no course; the case goes toward førtidspension`,
      };
    },
  },

  courseConcluded: {
    refuse: (state, data, { at }) =>
      state.phase !== 'in-course' && data.outcome !== 'ended-other'
        ? `the course has not started: only "ended-other" (moved, died, pension age) can close the case while it is ${phaseNames[state.phase]}`
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
        summary: `the course is concluded: ${data.outcome}`,
        reason: data.note,
      };
    },
  },
};
