import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { temporal } from '@temporalio/proto';
import type { CaseKind } from '../domain';
import { searchAttributes } from '../messages/search-attributes';

/**
 * Lists of cases through Temporal visibility (the search attributes the workflows publish):
 * eventually consistent. The filters a list takes, the query they make, and a case as a list shows it.
 */
export interface CaseFilters {
  status: 'open' | 'closed' | 'all';
  kind?: CaseKind;
  phase?: string;
  municipality?: string;
  caseworker?: string;
  escalated?: boolean;
  /** The next deadline, or a breached deadline not yet met, falls before this instant. */
  deadlineBefore?: string;
  /** The case has (true) or has not (false) a breached deadline not yet met. */
  overdue?: boolean;
  /** The earliest breached deadline not yet met fell due before this instant. */
  overdueBefore?: string;
}

/** An open escalation as the list shows it: its level (from 1), who it is with, its cause, since when. */
export interface EscalationSummary {
  /** What the case names it by (to acknowledge it). */
  id: string;
  level: number;
  levelRole: string;
  /** The kind of the breached deadline that raised it, or `delivery` (a letter not delivered). */
  cause: string;
  since: string;
}

export interface CaseSummary {
  caseId: string;
  kind: string | null;
  phase: string | null;
  municipality: string | null;
  caseworker: string | null;
  ruleset: string | null;
  outcome: string | null;
  nextDeadlineAt: string | null;
  nextDeadlineKind: string | null;
  escalated: boolean;
  /** When the earliest breached deadline not yet met fell due (null: none, or not yet published). */
  overdueSince: string | null;
  /** The kinds of the breached deadlines not yet met. */
  overdueDeadlines: string[];
  /** The open (unacknowledged) escalations. */
  escalations: EscalationSummary[];
  status: string;
  openedAt: string | null;
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The visibility query for a set of filters. Every value has been validated before it gets here. */
export function visibilityQuery(filters: CaseFilters): string {
  const clauses = [
    filters.status === 'open'
      ? `ExecutionStatus = 'Running'`
      : filters.status === 'closed'
        ? `ExecutionStatus != 'Running' AND ExecutionStatus != 'ContinuedAsNew'`
        : `ExecutionStatus != 'ContinuedAsNew'`,
    `${searchAttributes.caseKind.name} IS NOT NULL`,
  ];
  if (filters.kind) clauses.push(`${searchAttributes.caseKind.name} = ${quote(filters.kind)}`);
  if (filters.phase) clauses.push(`${searchAttributes.phase.name} = ${quote(filters.phase)}`);
  if (filters.municipality)
    clauses.push(`${searchAttributes.municipality.name} = ${quote(filters.municipality)}`);
  if (filters.caseworker) clauses.push(`${searchAttributes.caseworker.name} = ${quote(filters.caseworker)}`);
  if (filters.escalated !== undefined)
    clauses.push(`${searchAttributes.escalated.name} = ${filters.escalated}`);
  // A breached deadline drops out of the next deadline, but is due before any later instant too.
  if (filters.deadlineBefore)
    clauses.push(
      `(${searchAttributes.nextDeadline.name} < ${quote(filters.deadlineBefore)} OR ${searchAttributes.overdueSince.name} < ${quote(filters.deadlineBefore)})`,
    );
  if (filters.overdue !== undefined)
    clauses.push(`${searchAttributes.overdueSince.name} IS ${filters.overdue ? 'NOT NULL' : 'NULL'}`);
  if (filters.overdueBefore)
    clauses.push(`${searchAttributes.overdueSince.name} < ${quote(filters.overdueBefore)}`);
  return clauses.join(' AND ');
}

export function summarise(execution: temporal.api.workflow.v1.IWorkflowExecutionInfo): CaseSummary {
  const attributes = decodeTypedSearchAttributes(execution.searchAttributes?.indexedFields);
  const get = <T>(key: { name: string; type: never } | Parameters<typeof attributes.get>[0]) =>
    (attributes.get(key as Parameters<typeof attributes.get>[0]) ?? null) as T | null;
  const nextDeadline = get<Date>(searchAttributes.nextDeadline);
  const overdueSince = get<Date>(searchAttributes.overdueSince);
  const status = temporal.api.enums.v1.WorkflowExecutionStatus[execution.status ?? 0] ?? 'UNKNOWN';
  const start = execution.startTime?.seconds;
  return {
    caseId: (execution.execution?.workflowId ?? '').replace(/^rf-/, ''),
    kind: get<string>(searchAttributes.caseKind),
    phase: get<string>(searchAttributes.phase),
    municipality: get<string>(searchAttributes.municipality),
    caseworker: get<string>(searchAttributes.caseworker),
    ruleset: get<string>(searchAttributes.ruleset),
    outcome: get<string>(searchAttributes.outcome),
    nextDeadlineAt: nextDeadline ? nextDeadline.toISOString() : null,
    nextDeadlineKind: get<string>(searchAttributes.nextDeadlineKind),
    escalated: get<boolean>(searchAttributes.escalated) ?? false,
    overdueSince: overdueSince ? overdueSince.toISOString() : null,
    overdueDeadlines: get<string[]>(searchAttributes.overdueDeadlines) ?? [],
    escalations: (get<string[]>(searchAttributes.openEscalations) ?? []).flatMap(parseEscalation),
    status: status.replace('WORKFLOW_EXECUTION_STATUS_', '').toLowerCase(),
    openedAt: start ? new Date(Number(start) * 1000).toISOString() : null,
  };
}

/** An `RfOpenEscalations` entry, `id|level|levelRole|cause|raisedAt`; one that does not parse is left out. */
export function parseEscalation(entry: string): EscalationSummary[] {
  const [id, level, levelRole, cause, since] = entry.split('|');
  if (!id || !levelRole || !cause || !since || !Number.isInteger(Number(level))) return [];
  return [{ id, level: Number(level), levelRole, cause, since }];
}
