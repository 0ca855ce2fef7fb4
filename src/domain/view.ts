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
