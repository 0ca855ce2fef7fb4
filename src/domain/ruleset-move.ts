import { produce } from 'immer';
import type { CaseBase } from './engine/case';
import { record } from './engine/draft';
import type { Actor } from './engine/events';
import type { CaseRules } from './engine/kind';
import type { Ruleset } from './engine/ruleset';
import { citation, intakeClosed } from './engine/ruleset-choice';
import { toEpochMs, toInstant } from './engine/time';
import { msg, type Text } from './messages';

/**
 * Moving a running case to another ruleset version — a recorded act, not a code change. A case is
 * pinned to the whole ruleset it started under; when the law changes while it runs, an administrator
 * may move it. The planner works out, from the case's state alone, what the move would change: which
 * deadlines move, appear or fall away, which letters would go out at once, and whether the case can
 * move at all:
 *
 * - not a closed case, nor one already under the target version;
 * - not if a deadline would already have passed under the new version (the citizen or caseworker
 *   would be in breach of a duty they could not have known);
 * - not if it would void a right the citizen already has, unless the new version says the right is
 *   kept (`keepsRights`): a demandable decision on the existing evidence (a `realOffer` right
 *   already arisen) where the new version has no such rule, or a granted period ("frem til") where
 *   the new version has none.
 *
 * Pure: the workflow shell (Update `moveRuleset`, query `rulesetMovePlan`) and the bulk run use it.
 */

export type KeptRight = NonNullable<Ruleset['keepsRights']>[number];

export interface DeadlineChange {
  id: string;
  kind: string;
  label: Text;
  /** Due under the current version (absent: appears). */
  from?: string;
  /** Due under the new version (absent: falls away). */
  to?: string;
}

export interface RulesetMovePlan {
  caseId: string;
  from: { name: string; version: number };
  to: { name: string; version: number };
  canMove: boolean;
  /** Why the case cannot move (empty when it can). */
  reasons: Text[];
  /** Rights the case holds that the new version keeps (by `keepsRights`). */
  keptRights: KeptRight[];
  moved: DeadlineChange[];
  appear: DeadlineChange[];
  fallAway: DeadlineChange[];
  /** Letters the move would send at once (reminders or breaches now due under the new version). */
  letters: { topic: string; to: string[] }[];
  /** What the move means for the case beyond its deadlines (e.g. no grant possible once intake has closed). */
  warnings: Text[];
}

/** Refusal texts of a move, kept together so they can move to a message table as one group. */
export const rulesetMoveRefusals = {
  closed: msg('move.closed'),
  same: (name: string, version: number) => msg('move.same', { version: `${name}@${version}` }),
  passed: (label: Text, due: string) => msg('move.passed', { label, due: due.slice(0, 10) }),
  voids: (right: KeptRight, name: string, version: number) =>
    msg('move.voids', { right, version: `${name}@${version}` }),
  noGrant: (until: string, source: string) => msg('move.no-grant', { until, source: citation(source) }),
} as const;

/** The rights a case holds that a ruleset without the rule would void. */
function rightsHeld(state: CaseBase, to: Ruleset): KeptRight[] {
  if (state.kind !== 'ressourceforloeb') return [];
  const course = state as CaseBase & {
    decisionOnExistingEvidence?: unknown;
    course?: { grants?: unknown[] };
  };
  const held: KeptRight[] = [];
  if (course.decisionOnExistingEvidence && !to.course.realOffer) held.push('decision-on-existing-evidence');
  if ((course.course?.grants?.length ?? 0) > 0 && !to.course.grantedPeriod) held.push('granted-period');
  return held;
}

/** The case as it would be under `to`: only the pinned ruleset changes (the facts stay). */
function under<S extends CaseBase>(state: S, to: Ruleset): S {
  return { ...state, ruleset: to };
}

export function planRulesetMove<S extends CaseBase>(
  rules: CaseRules<S>,
  state: S,
  to: Ruleset,
  now: number,
): RulesetMovePlan {
  const from = state.ruleset;
  const reasons: Text[] = [];
  if (rules.isClosed(state)) reasons.push(rulesetMoveRefusals.closed);
  if (from.name === to.name && from.version === to.version)
    reasons.push(rulesetMoveRefusals.same(to.name, to.version));

  const before = new Map(rules.deadlines(state).map((deadline) => [deadline.id, deadline]));
  const after = new Map(rules.deadlines(under(state, to)).map((deadline) => [deadline.id, deadline]));
  const moved: DeadlineChange[] = [];
  const appear: DeadlineChange[] = [];
  const fallAway: DeadlineChange[] = [];
  for (const [id, next] of after) {
    if (next.status !== 'pending') continue;
    const previous = before.get(id);
    const change = { id, kind: next.kind, label: next.label, to: next.dueAt };
    if (!previous) appear.push(change);
    else if (previous.dueAt !== next.dueAt) moved.push({ ...change, from: previous.dueAt });
    else continue;
    const wasDue = previous?.status === 'breached' || (previous && toEpochMs(previous.dueAt) <= now);
    if (toEpochMs(next.dueAt) <= now && !wasDue)
      reasons.push(rulesetMoveRefusals.passed(next.label, next.dueAt));
  }
  for (const [id, previous] of before) {
    if (previous.status === 'pending' && !after.has(id))
      fallAway.push({ id, kind: previous.kind, label: previous.label, from: previous.dueAt });
  }

  const held = rightsHeld(state, to);
  const kept = to.keepsRights ?? [];
  for (const right of held)
    if (!kept.includes(right)) reasons.push(rulesetMoveRefusals.voids(right, to.name, to.version));

  // The letters a move sends at once: what the clock queues under the new version but not the old.
  const queued = new Set(rules.advanceClock(state, now).notifications.map((notification) => notification.id));
  const letters = rules
    .advanceClock(under(state, to), now)
    .notifications.filter((notification) => !queued.has(notification.id))
    .map((notification) => ({
      topic: notification.topic,
      to: notification.recipients.map((recipient) => recipient.role),
    }));

  // A course not yet granted, moved under a version whose intake has closed, can no longer be granted.
  const warnings: Text[] = [];
  const notYetGranted = state.phase === 'referred' || state.phase === 'awaiting-decision';
  if (state.kind === 'ressourceforloeb' && notYetGranted && to.intake && intakeClosed(to, state.kind, now))
    warnings.push(rulesetMoveRefusals.noGrant(to.intake.until, to.intake.source));

  return {
    caseId: state.caseId,
    from: { name: from.name, version: from.version },
    to: { name: to.name, version: to.version },
    canMove: reasons.length === 0,
    reasons,
    keptRights: held.filter((right) => kept.includes(right)),
    moved,
    appear,
    fallAway,
    letters,
    warnings,
  };
}

export interface RulesetMoveRequest {
  /** Idempotency: a case moved by this ID is not moved again (a retried or resumed run). */
  moveId: string;
  to: Ruleset;
  /** Why: the law or decision that moves the case (recorded in the audit timeline). */
  reason: string;
}

/**
 * The move itself, if the plan allows it: the case is pinned to `to`, and the audit timeline records
 * the old and new version, who, when and why (and the move's ID, so it is applied once).
 */
export function applyRulesetMove<S extends CaseBase>(
  rules: CaseRules<S>,
  state: S,
  request: RulesetMoveRequest,
  actor: Actor,
  now: number,
): { ok: true; state: S; plan: RulesetMovePlan; repeated: boolean } | { ok: false; plan: RulesetMovePlan } {
  const plan = planRulesetMove(rules, state, request.to, now);
  if (wasApplied(state, request.moveId)) return { ok: true, state, plan, repeated: true };
  if (!plan.canMove) return { ok: false, plan };
  const next = produce(state, (draft) => {
    draft.ruleset = request.to as typeof draft.ruleset;
    (draft.rulesetMoves ??= []).push({
      moveId: request.moveId,
      at: toInstant(now),
      by: actor.id,
      from: plan.from,
      to: plan.to,
    });
    record(draft, {
      at: toInstant(now),
      actor,
      type: 'rulesetMoved',
      outcome: 'recorded',
      summary: msg('move.recorded', {
        from: `${plan.from.name}@${plan.from.version}`,
        to: `${plan.to.name}@${plan.to.version}`,
        moveId: request.moveId,
        moved: plan.moved.length,
        appear: plan.appear.length,
        fallAway: plan.fallAway.length,
        kept: plan.keptRights.length > 0 ? plan.keptRights.join(', ') : msg('move.none'),
      }),
      reason: request.reason,
    });
  });
  return { ok: true, state: next as S, plan, repeated: false };
}

/** Whether the move with this ID was already applied to the case. */
export function wasApplied(state: CaseBase, moveId: string): boolean {
  return (state.rulesetMoves ?? []).some((move) => move.moveId === moveId);
}

/** What became of one case in a bulk move (a dry run plans; `apply` moves). */
export interface CaseMoveOutcome {
  caseId: string;
  outcome: 'would-move' | 'moved' | 'already-moved' | 'cannot-move' | 'failed';
  /** Why it cannot move, or what failed. */
  reasons?: Text[];
  /** What the move means beyond its deadlines (the plan's warnings). */
  warnings?: Text[];
  /** The plan's counts: deadlines that move, appear, fall away; letters that go out. */
  moved?: number;
  appear?: number;
  fallAway?: number;
  letters?: number;
}

/** The progress and, at the end, the report of a bulk move (`rulesetMoveRun`). */
export interface RulesetMoveReport {
  moveId: string;
  apply: boolean;
  from: string;
  to: string;
  status: 'running' | 'done';
  startedAt: string;
  finishedAt?: string;
  /** Cases looked at, and what became of them. */
  seen: number;
  counts: Record<CaseMoveOutcome['outcome'], number>;
  /** Every case that cannot move or failed (first MAX_LISTED), and the first cases planned or moved. */
  cases: CaseMoveOutcome[];
  /** Cases left out of `cases` to keep the report small. */
  casesLeftOut: number;
}

/** How many cases a report lists by name (the counts cover every case). */
export const MAX_LISTED = 2000;

export function emptyReport(
  moveId: string,
  apply: boolean,
  from: string,
  to: string,
  startedAt: string,
): RulesetMoveReport {
  return {
    moveId,
    apply,
    from,
    to,
    status: 'running',
    startedAt,
    seen: 0,
    counts: { 'would-move': 0, moved: 0, 'already-moved': 0, 'cannot-move': 0, failed: 0 },
    cases: [],
    casesLeftOut: 0,
  };
}

/** The report with one more case: counted always, listed while there is room (problems first). */
export function withOutcome(report: RulesetMoveReport, outcome: CaseMoveOutcome): RulesetMoveReport {
  const problem = outcome.outcome === 'cannot-move' || outcome.outcome === 'failed';
  const room = report.cases.length < (problem ? MAX_LISTED : MAX_LISTED / 2);
  return {
    ...report,
    seen: report.seen + 1,
    counts: { ...report.counts, [outcome.outcome]: report.counts[outcome.outcome] + 1 },
    cases: room ? [...report.cases, outcome] : report.cases,
    casesLeftOut: report.casesLeftOut + (room ? 0 : 1),
  };
}

/** A plan as one line of a bulk report. */
export function outcomeOfPlan(plan: RulesetMovePlan, apply: boolean, repeated = false): CaseMoveOutcome {
  if (!plan.canMove && !repeated)
    return { caseId: plan.caseId, outcome: 'cannot-move', reasons: plan.reasons };
  return {
    caseId: plan.caseId,
    outcome: repeated ? 'already-moved' : apply ? 'moved' : 'would-move',
    moved: plan.moved.length,
    appear: plan.appear.length,
    fallAway: plan.fallAway.length,
    letters: plan.letters.length,
    ...(plan.warnings.length > 0 ? { warnings: plan.warnings } : {}),
  };
}
