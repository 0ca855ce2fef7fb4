import { nextWakeUp } from './clock';
import { type Deadline, listDeadlines } from './deadlines';
import type { CaseState } from './state';
import { toInstant } from './time';

/** What a query answers: the case's state with its deadlines worked out. */
export type CaseView = CaseState & {
  deadlines: Deadline[];
  nextDeadlineAt: string | null;
  openEscalations: number;
};

export function caseView(state: CaseState): CaseView {
  const wakeAt = nextWakeUp(state);
  return {
    ...state,
    deadlines: listDeadlines(state),
    nextDeadlineAt: wakeAt === undefined ? null : toInstant(wakeAt),
    openEscalations: state.escalations.filter((escalation) => escalation.status === 'open').length,
  };
}

/** What an accepted event answers: small, because every answer is stored in the case's history. */
export interface EventReceipt {
  caseId: string;
  /** The event's place in the audit timeline. */
  seq: number;
  phase: CaseState['phase'];
  nextDeadlineAt: string | null;
  openEscalations: number;
}

export function eventReceipt(state: CaseState, seq: number): EventReceipt {
  const view = caseView(state);
  return {
    caseId: state.caseId,
    seq,
    phase: state.phase,
    nextDeadlineAt: view.nextDeadlineAt,
    openEscalations: view.openEscalations,
  };
}
