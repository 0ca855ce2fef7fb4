import {
  type Client,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import {
  ApplicationFailure,
  type Duration,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/common';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { temporal } from '@temporalio/proto';
import {
  type Actor,
  type CaseKind,
  type CaseView,
  type CashBenefitState,
  type CaseState,
  type EventReceipt,
  type FleksjobState,
  type Ruleset,
  validateOpenCashBenefit,
} from '../domain';
import {
  caseEventUpdate,
  caseStateQuery,
  type NewCaseInput,
  NewCaseSchema,
  refusedEventSignal,
  workflowIdForCase,
  workflowTypes,
} from '../messages';
import { searchAttributes } from '../messages/search-attributes';

export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`no case with ID ${caseId}`);
  }
}

export class CaseAlreadyExistsError extends Error {
  constructor(readonly caseId: string) {
    super(`a case with ID ${caseId} already exists`);
  }
}

/** The case refused the event, or the new case is invalid; `reason` says why in words a caseworker understands. */
export class EventRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The event belongs to another kind of case (a fleksjob event sent to a ressourceforløb, say). */
export class WrongKindOfCaseError extends Error {}

/** The case belongs to a municipality the person does not act for. */
export class ForbiddenCaseError extends Error {}

/** Temporal, or a worker for the case, did not answer in time. */
export class CaseUnavailableError extends Error {}

interface StateOfKind {
  ressourceforloeb: CaseState;
  fleksjob: FleksjobState;
  'cash-benefit': CashBenefitState;
}

export interface CaseFilters {
  status: 'open' | 'closed' | 'all';
  kind?: CaseKind;
  phase?: string;
  municipality?: string;
  caseworker?: string;
  escalated?: boolean;
  /** The next deadline falls before this instant. */
  deadlineBefore?: string;
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

/** How long a caseworker's request waits for Temporal to answer before it is told to try again. */
const ANSWER_WITHIN_MS = 10_000;

/** How the API, scripts and tests talk to case workflows: one place that knows the message names. */
export class CaseService {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly answerWithinMs = ANSWER_WITHIN_MS,
  ) {}

  /**
   * Starts the workflow of a new case of any kind, pinned to `rules`. With an idempotency key, a
   * repeated request for the same case answers as the first did instead of "already exists".
   */
  async open(
    input: NewCaseInput,
    rules: Ruleset,
    openedBy: Actor,
    options: { historyLimit?: number; executionTimeout?: Duration; idempotencyKey?: string } = {},
  ): Promise<{ repeated: boolean }> {
    const { executionTimeout, idempotencyKey, ...runOptions } = options;
    const { kind, ...fields } = NewCaseSchema.parse(input);
    if (kind === 'cash-benefit') {
      const problem = validateOpenCashBenefit({ ...fields }, Date.now());
      if (problem) throw new EventRefusedError(problem);
    }
    const workflowId = workflowIdForCase(fields.caseId);
    try {
      await this.client.workflow.start(workflowTypes[kind], {
        workflowId,
        taskQueue: this.taskQueue,
        args: [{ open: { case: fields, rules, openedBy }, ...runOptions }],
        ...(idempotencyKey ? { memo: { idempotencyKey } } : {}),
        // Cases run for years: no timeout, unless a test server that imposes one needs a longer one.
        ...(executionTimeout ? { workflowExecutionTimeout: executionTimeout } : {}),
      });
      return { repeated: false };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      if (idempotencyKey) {
        const { memo } = await this.client.workflow.getHandle(workflowId).describe();
        if (memo?.idempotencyKey === idempotencyKey) return { repeated: true };
      }
      throw new CaseAlreadyExistsError(fields.caseId);
    }
  }

  /** The case's state, strongly consistent: a query of its workflow. */
  async state(caseId: string): Promise<CaseView> {
    try {
      return await this.withDeadline(() =>
        this.client.workflow.getHandle(workflowIdForCase(caseId)).query(caseStateQuery),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new CaseNotFoundError(caseId);
      throw error;
    }
  }

  /** The state of a case that must be of the given kind. */
  async stateOf<K extends CaseKind>(caseId: string, kind: K): Promise<CaseView<StateOfKind[K]>> {
    const view = await this.state(caseId);
    if (view.kind !== kind) throw new WrongKindOfCaseError(`case ${caseId} is a ${view.kind}, not a ${kind}`);
    return view as unknown as CaseView<StateOfKind[K]>;
  }

  /**
   * Sends an event as a Workflow Update. The idempotency key becomes the Update ID, so a retried
   * request gets the first answer and the event is applied once.
   */
  async send(
    caseId: string,
    type: string,
    data: unknown,
    actor: Actor,
    idempotencyKey?: string,
  ): Promise<EventReceipt> {
    const handle = this.client.workflow.getHandle(workflowIdForCase(caseId));
    try {
      return await this.withDeadline(() =>
        handle.executeUpdate(caseEventUpdate(type), {
          args: [{ actor, data }],
          ...(idempotencyKey ? { updateId: idempotencyKey } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw await this.closedCaseError(caseId, actor);
      if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
        throw new CaseUnavailableError(`case ${caseId} did not answer in time; try again`);
      }
      if (error instanceof WorkflowUpdateFailedError) {
        const cause = error.cause;
        let reason = cause instanceof Error ? cause.message : error.message;
        if (cause instanceof ApplicationFailure && cause.type === 'Forbidden')
          throw new ForbiddenCaseError(reason);
        const wrongKind = /no registered handler for update/i.test(reason);
        if (wrongKind) {
          const { kind, municipality } = await this.state(caseId);
          // Say nothing about a case of another municipality, not even its kind.
          if (actor.municipality && actor.municipality !== '*' && actor.municipality !== municipality) {
            throw new ForbiddenCaseError(`case ${caseId} belongs to another municipality`);
          }
          reason = `case ${caseId} is a ${kind}: it does not take ${type}`;
        }
        // The validator's refusal leaves no trace in the workflow: record it for the audit timeline.
        await handle.signal(refusedEventSignal, { type, actor, reason });
        throw wrongKind ? new WrongKindOfCaseError(reason) : new EventRefusedError(reason);
      }
      throw error;
    }
  }

  /** An event for a case whose workflow has ended: the case exists but is closed (or never existed). */
  private async closedCaseError(caseId: string, actor: Actor): Promise<Error> {
    const { phase, municipality } = await this.state(caseId);
    if (actor.municipality && actor.municipality !== '*' && actor.municipality !== municipality) {
      return new ForbiddenCaseError(`case ${caseId} belongs to another municipality`);
    }
    return new EventRefusedError(`case ${caseId} is closed (${phase}); it accepts no further events`);
  }

  /** Lists cases through visibility (search attributes): eventually consistent, paged. */
  async list(
    filters: CaseFilters,
    page: { size: number; token?: string },
  ): Promise<{ cases: CaseSummary[]; nextPageToken: string | null }> {
    const { executions, nextPageToken } = await this.withDeadline(() =>
      this.client.workflowService.listWorkflowExecutions({
        namespace: this.client.options.namespace,
        query: visibilityQuery(filters),
        pageSize: page.size,
        ...(page.token ? { nextPageToken: Buffer.from(page.token, 'base64url') } : {}),
      }),
    );
    return {
      cases: executions.map(summarise),
      nextPageToken:
        nextPageToken && nextPageToken.length > 0 ? Buffer.from(nextPageToken).toString('base64url') : null,
    };
  }

  /** How many open cases a coordinating caseworker has (visibility: eventually consistent). */
  async caseload(caseworkerId: string, municipality?: string): Promise<number> {
    const { count } = await this.withDeadline(() =>
      this.client.workflowService.countWorkflowExecutions({
        namespace: this.client.options.namespace,
        query: visibilityQuery({
          status: 'open',
          caseworker: caseworkerId,
          ...(municipality ? { municipality } : {}),
        }),
      }),
    );
    return Number(count);
  }

  /** Whether Temporal answers. */
  async ready(): Promise<boolean> {
    try {
      await this.withDeadline(() => this.client.workflowService.getSystemInfo({}), 2_000);
      return true;
    } catch {
      return false;
    }
  }

  private withDeadline<T>(call: () => Promise<T>, ms = this.answerWithinMs): Promise<T> {
    return this.client.connection.withDeadline(Date.now() + ms, call);
  }
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
  if (filters.deadlineBefore)
    clauses.push(`${searchAttributes.nextDeadline.name} < ${quote(filters.deadlineBefore)}`);
  return clauses.join(' AND ');
}

function summarise(execution: temporal.api.workflow.v1.IWorkflowExecutionInfo): CaseSummary {
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
