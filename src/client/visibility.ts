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
  /** The next deadline falls before this instant. */
  deadlineBefore?: string;
  /** Pinned to this ruleset version (name@version). */
  ruleset?: string;
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
  if (filters.ruleset) clauses.push(`${searchAttributes.ruleset.name} = ${quote(filters.ruleset)}`);
  if (filters.deadlineBefore)
    clauses.push(`${searchAttributes.nextDeadline.name} < ${quote(filters.deadlineBefore)}`);
  return clauses.join(' AND ');
}

export function summarise(execution: temporal.api.workflow.v1.IWorkflowExecutionInfo): CaseSummary {
  const attributes = decodeTypedSearchAttributes(execution.searchAttributes?.indexedFields);
  const get = <T>(key: { name: string; type: never } | Parameters<typeof attributes.get>[0]) =>
    (attributes.get(key as Parameters<typeof attributes.get>[0]) ?? null) as T | null;
  const nextDeadline = get<Date>(searchAttributes.nextDeadline);
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
    status: status.replace('WORKFLOW_EXECUTION_STATUS_', '').toLowerCase(),
    openedAt: start ? new Date(Number(start) * 1000).toISOString() : null,
  };
}
