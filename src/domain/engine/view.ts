import type { Deadline } from './deadline-engine';
import { type AnyCaseState, kindOf, rulesFor } from './kinds';
import type { CaseKind } from './case-base';

/** What a query answers: the case's state with its deadlines worked out. */
export type CaseView<S extends AnyCaseState = AnyCaseState> = S & {
  kind: CaseKind;
  deadlines: Deadline[];
  /** When the earliest pending deadline falls due. */
  nextDeadlineAt: string | null;
  openEscalations: number;
};

export function caseView<S extends AnyCaseState>(state: S): CaseView<S> {
  const deadlines = rulesFor(state).deadlines(state);
  const next = deadlines.find((deadline) => deadline.status === 'pending');
  return {
    ...state,
    kind: kindOf(state),
    deadlines,
    nextDeadlineAt: next ? next.dueAt : null,
    openEscalations: state.escalations.filter((escalation) => escalation.status === 'open').length,
  };
}

/**
 * The case's state as an accepted event leaves it, for the event's answer: the view without the parts
 * that grow with every event (the audit timeline, the notifications and their delivery, the deadline
 * log) and without the ruleset's full text. Every Update's answer is stored in the case's history, so
 * it must not grow with the case's age; the whole case is one read away.
 */
export type CaseSnapshot<S extends AnyCaseState = AnyCaseState> = Omit<
  CaseView<S>,
  'timeline' | 'notifications' | 'deadlineLog' | 'rules'
>;

export function caseSnapshot<S extends AnyCaseState>(state: S): CaseSnapshot<S> {
  return caseSnapshotOf(caseView(state));
}

export function caseSnapshotOf<S extends AnyCaseState>(view: CaseView<S>): CaseSnapshot<S> {
  const {
    timeline: _timeline,
    notifications: _notifications,
    deadlineLog: _log,
    rules: _rules,
    ...rest
  } = view;
  return rest as CaseSnapshot<S>;
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
  warnings?: string[];
}

/** What an accepted event answers: small, because every answer is stored in the case's history. */
export interface EventReceipt {
  caseId: string;
  kind: CaseKind;
  /** The event's place in the audit timeline. */
  seq: number;
  phase: string;
  nextDeadlineAt: string | null;
  openEscalations: number;
}

export function eventReceipt(state: AnyCaseState, seq: number): EventReceipt {
  const view = caseView(state);
  return {
    caseId: state.caseId,
    kind: view.kind,
    seq,
    phase: state.phase,
    nextDeadlineAt: view.nextDeadlineAt,
    openEscalations: view.openEscalations,
  };
}
