import type { CaseBase, CaseKind } from './case';
import type { Deadline } from './deadlines';
import type { CaseRules } from './kind';
import type { Ruleset } from './ruleset';
import type { Text } from '../messages/message';

/** How a case names its ruleset where the whole text is not meant: in views, lists and search attributes. */
export interface RulesetRef {
  name: string;
  version: number;
  title: string;
}

export function rulesetRef(ruleset: Ruleset): RulesetRef {
  return { name: ruleset.name, version: ruleset.version, title: ruleset.title };
}

/**
 * What a query answers: the case's state with its deadlines worked out, and its ruleset named (its
 * name, version and title; the whole text stays in the case).
 */
export type CaseView<S extends CaseBase = CaseBase> = Omit<S, 'ruleset'> & {
  kind: CaseKind;
  ruleset: RulesetRef;
  deadlines: Deadline[];
  /** When the earliest pending deadline falls due. */
  nextDeadlineAt: string | null;
  openEscalations: number;
};

export function caseView<S extends CaseBase>(rules: CaseRules<S>, state: S): CaseView<S> {
  const deadlines = rules.deadlines(state);
  const next = deadlines.find((deadline) => deadline.status === 'pending');
  const { ruleset, ...rest } = state;
  return {
    ...rest,
    kind: rules.kind,
    ruleset: rulesetRef(ruleset),
    // Levels are counted from 1 wherever people read them, as the escalation mails count them.
    escalations: state.escalations.map((escalation) => ({ ...escalation, level: escalation.level + 1 })),
    deadlines,
    nextDeadlineAt: next ? next.dueAt : null,
    openEscalations: state.escalations.filter((escalation) => escalation.status === 'open').length,
  };
}

/**
 * The case's state as an accepted event leaves it, for the event's answer: the view without the parts
 * that grow with every event (the audit timeline, the notifications and their delivery, the deadline
 * log). Every Update's answer is stored in the case's history, so it must not grow with the case's
 * age; the whole case is one read away.
 */
export type CaseSnapshot<S extends CaseBase = CaseBase> = Omit<
  CaseView<S>,
  'timeline' | 'notifications' | 'deadlineLog'
>;

export function caseSnapshot<S extends CaseBase>(rules: CaseRules<S>, state: S): CaseSnapshot<S> {
  return caseSnapshotOf(caseView(rules, state));
}

export function caseSnapshotOf<S extends CaseBase>(view: CaseView<S>): CaseSnapshot<S> {
  const { timeline: _timeline, notifications: _notifications, deadlineLog: _log, ...rest } = view;
  return rest;
}

/**
 * What an accepted event answers, and what a retry of it (the same Update ID) answers again, exactly:
 * the receipt, the case as the event left it, the fingerprint of the request that sent it (a retry
 * with the same key and another request is told apart) and any warnings.
 */
export interface EventAnswer {
  event: EventReceipt;
  /** Absent only in an old answer carried from an earlier run (see the workflow shell). */
  case?: CaseSnapshot;
  /** The fingerprint of the request that was applied (absent where the sender gave none). */
  request?: string;
  warnings?: Text[];
}

/** The short part of an event's answer: the event's place in the timeline and where the case now stands. */
export interface EventReceipt {
  caseId: string;
  kind: CaseKind;
  /** The event's place in the audit timeline. */
  seq: number;
  phase: string;
  nextDeadlineAt: string | null;
  openEscalations: number;
}

export function eventReceipt<S extends CaseBase>(rules: CaseRules<S>, state: S, seq: number): EventReceipt {
  const next = rules.deadlines(state).find((deadline) => deadline.status === 'pending');
  return {
    caseId: state.caseId,
    kind: rules.kind,
    seq,
    phase: state.phase,
    nextDeadlineAt: next ? next.dueAt : null,
    openEscalations: state.escalations.filter((escalation) => escalation.status === 'open').length,
  };
}
