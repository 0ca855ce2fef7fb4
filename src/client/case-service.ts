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
import { randomUUID } from 'node:crypto';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { temporal } from '@temporalio/proto';
import {
  type Actor,
  type CaseKind,
  caseSnapshotOf,
  type CaseView,
  type CashBenefitState,
  type CaseState,
  type EventAnswer,
  type EventReceipt,
  type ExternalFacts,
  type FleksjobState,
  type Ruleset,
  validateOpenCashBenefit,
} from '../domain';
import {
  asEventAnswer,
  caseEventUpdate,
  caseStateQuery,
  type NewCaseInput,
  NewCaseSchema,
  refusedEventSignal,
  workflowIdForCase,
  workflowTypes,
} from '../messages';
import { searchAttributes } from '../messages/search-attributes';
import { PageTokens } from './page-tokens';

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

/** Assigning a caseworker over the case's caseload limit, where its ruleset refuses it. */
export class CaseloadLimitError extends Error {}

/** An Idempotency-Key used before, by the same person on the same case and route, for another request. */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('this Idempotency-Key was used for another request on this case: use a new key for a new request');
  }
}

/** A page token this list did not hand out (altered, made up, or from another list). */
export class InvalidPageTokenError extends Error {
  constructor() {
    super('not a page token of this list: start again from the first page');
  }
}

/**
 * How a request is made idempotent: `scope` names (person, case, operation, key) and becomes the
 * Update ID or the case's creation mark; `request` is the fingerprint of what was asked.
 */
export interface Idempotency {
  scope: string;
  request: string;
}

export interface SendOptions {
  idempotency?: Idempotency;
  external?: ExternalFacts;
}

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
  private readonly pageTokens: PageTokens;

  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    options: { answerWithinMs?: number; pageTokenSecret?: Buffer } = {},
  ) {
    this.answerWithinMs = options.answerWithinMs ?? ANSWER_WITHIN_MS;
    this.pageTokens = new PageTokens(options.pageTokenSecret);
  }

  private readonly answerWithinMs: number;

  /**
   * Starts the workflow of a new case of any kind, pinned to `rules`. With idempotency, the same
   * person repeating the same request answers as the first did instead of "already exists"; the same
   * key with another request is refused.
   */
  async open(
    input: NewCaseInput,
    rules: Ruleset,
    openedBy: Actor,
    options: { historyLimit?: number; executionTimeout?: Duration; idempotency?: Idempotency } = {},
  ): Promise<{ repeated: boolean }> {
    const { executionTimeout, idempotency, ...runOptions } = options;
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
        ...(idempotency ? { memo: { idempotency: idempotency.scope, request: idempotency.request } } : {}),
        // Cases run for years: no timeout, unless a test server that imposes one needs a longer one.
        ...(executionTimeout ? { workflowExecutionTimeout: executionTimeout } : {}),
      });
      return { repeated: false };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      if (idempotency) {
        const { memo } = await this.withDeadline(() => this.client.workflow.getHandle(workflowId).describe());
        // Only the same person's same key finds the first answer; anyone else meets an existing case.
        if (memo?.idempotency === idempotency.scope) {
          if (memo.request !== idempotency.request) throw new IdempotencyKeyReusedError();
          return { repeated: true };
        }
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
   * Sends an event as a Workflow Update and answers with the case as the event left it. With
   * idempotency the scope is the Update ID: a retry gets the first answer and the event is applied
   * once; the same key with another request is refused (IdempotencyKeyReusedError).
   */
  async send(
    caseId: string,
    type: string,
    data: unknown,
    actor: Actor,
    options: SendOptions = {},
  ): Promise<EventAnswer & { case: NonNullable<EventAnswer['case']> }> {
    const { idempotency, external } = options;
    const handle = this.client.workflow.getHandle(workflowIdForCase(caseId));
    // Always an Update ID of our own, so that asking again after an unclear failure is safe.
    const updateId = idempotency?.scope ?? `event-${randomUUID()}`;
    const execute = () =>
      this.withDeadline(() =>
        handle.executeUpdate(caseEventUpdate(type), {
          args: [
            {
              actor,
              data,
              ...(idempotency ? { request: idempotency.request } : {}),
              ...(external ? { external } : {}),
            },
          ],
          updateId,
        }),
      );
    let answer: ReturnType<typeof asEventAnswer> | undefined;
    for (let attempt = 1; answer === undefined; attempt += 1) {
      try {
        answer = asEventAnswer(await execute());
      } catch (error) {
        // A workflow task that failed as the Update arrived (a case closing, typically): ask again.
        if (grpcCode(error) === status.FAILED_PRECONDITION && attempt < 3) {
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
          continue;
        }
        const outcome = await this.eventError(error, caseId, type, actor, updateId);
        if (outcome instanceof Error) throw outcome;
        answer = asEventAnswer(outcome);
      }
    }
    const first = 'request' in answer ? answer.request : undefined;
    if (idempotency && first !== undefined && first !== idempotency.request) {
      throw new IdempotencyKeyReusedError();
    }
    // Answers recorded before they carried the case (or carried over from an older run) read it now.
    const snapshot = 'case' in answer && answer.case ? answer.case : caseSnapshotOf(await this.state(caseId));
    return { ...answer, case: snapshot };
  }

  /**
   * What a failed Update means for the caller: every condition they caused is a clear refusal, not a
   * 500. When it is unclear whether the event was applied (no answer in time, the case closed
   * meanwhile), the Update's own outcome is asked for by its ID: an applied event answers as applied.
   */
  private async eventError(
    error: unknown,
    caseId: string,
    type: string,
    actor: Actor,
    updateId: string,
  ): Promise<Error | EventAnswer | EventReceipt> {
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
      const found = await this.describeCase(caseId);
      if (found && !found.running)
        return (await this.outcomeOf(caseId, updateId)) ?? this.closedCaseError(caseId, actor);
      return new CaseUnavailableError(`case ${caseId} did not answer in time; try again`);
    }
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause;
      const reason = cause instanceof Error ? cause.message : error.message;
      const failureType = cause instanceof ApplicationFailure ? cause.type : undefined;
      if (failureType === 'Forbidden') return new ForbiddenCaseError(reason);
      if (/no registered handler for update/i.test(reason)) {
        const found = await this.describeCase(caseId);
        if (!found) return new CaseNotFoundError(caseId);
        // Say nothing about a case of another municipality, not even its kind.
        if (!actsFor(actor, found.municipality)) return forbidden(caseId);
        return new WrongKindOfCaseError(`case ${caseId} is a ${found.kind}: it does not take ${type}`);
      }
      if (failureType === 'EventRefused' || failureType === 'CaseloadLimitReached') {
        // The validator's refusal leaves no trace in the workflow: record it for the audit timeline.
        await this.recordRefusal(caseId, type, actor, reason);
        return failureType === 'CaseloadLimitReached'
          ? new CaseloadLimitError(reason)
          : new EventRefusedError(reason);
      }
      // The case closed while the Update waited (it was admitted, never accepted).
      return this.closedCaseError(caseId, actor);
    }
    // The case had closed (or closed as the Update waited, which aborts it): the event was not applied.
    if (
      error instanceof WorkflowNotFoundError ||
      grpcCode(error) === status.NOT_FOUND ||
      grpcCode(error) === status.FAILED_PRECONDITION
    ) {
      return this.closedCaseError(caseId, actor);
    }
    return error instanceof Error ? error : new Error(String(error));
  }

  /** The answer of an Update that completed (its response lost on the way), or undefined if it never did. */
  private async outcomeOf(caseId: string, updateId: string): Promise<EventAnswer | EventReceipt | undefined> {
    try {
      return await this.withDeadline(
        () =>
          this.client.workflow
            .getHandle(workflowIdForCase(caseId))
            .getUpdateHandle<EventAnswer | EventReceipt>(updateId)
            .result(),
        2_000,
      );
    } catch {
      return undefined;
    }
  }

  /** Best effort: a case that closed meanwhile keeps no timeline; the API's request log still names who and what. */
  private async recordRefusal(caseId: string, type: string, actor: Actor, reason: string): Promise<void> {
    try {
      await this.withDeadline(() =>
        this.client.workflow
          .getHandle(workflowIdForCase(caseId))
          .signal(refusedEventSignal, { type, actor, reason }),
      );
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError) && grpcCode(error) !== status.NOT_FOUND) throw error;
    }
  }

  /** An event for a case whose workflow is not running: it is closed, or it never existed. */
  private async closedCaseError(caseId: string, actor: Actor): Promise<Error> {
    const found = await this.describeCase(caseId);
    if (!found) return new CaseNotFoundError(caseId);
    if (!actsFor(actor, found.municipality)) return forbidden(caseId);
    if (found.running) return new CaseUnavailableError(`case ${caseId} did not answer in time; try again`);
    return new EventRefusedError(
      `case ${caseId} is closed${found.phase ? ` (${found.phase})` : ''}; it accepts no further events`,
    );
  }

  /** What visibility says of a case's latest run, without replaying it; undefined if there is none. */
  private async describeCase(
    caseId: string,
  ): Promise<{ running: boolean; municipality: string; kind: string; phase: string } | undefined> {
    try {
      const description = await this.withDeadline(() =>
        this.client.workflow.getHandle(workflowIdForCase(caseId)).describe(),
      );
      const attributes = description.typedSearchAttributes;
      return {
        running: description.status.name === 'RUNNING',
        municipality: attributes.get(searchAttributes.municipality) ?? '',
        kind: attributes.get(searchAttributes.caseKind) ?? 'ressourceforloeb',
        phase: attributes.get(searchAttributes.phase) ?? '',
      };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError || grpcCode(error) === status.NOT_FOUND) return undefined;
      throw error;
    }
  }

  /** Lists cases through visibility (search attributes): eventually consistent, paged. */
  async list(
    filters: CaseFilters,
    page: { size: number; token?: string },
  ): Promise<{ cases: CaseSummary[]; nextPageToken: string | null }> {
    const query = visibilityQuery(filters);
    const temporalToken = page.token ? this.pageTokens.open(page.token, query) : undefined;
    if (page.token && !temporalToken) throw new InvalidPageTokenError();
    const { executions, nextPageToken } = await this.withDeadline(() =>
      this.client.workflowService.listWorkflowExecutions({
        namespace: this.client.options.namespace,
        query,
        pageSize: page.size,
        ...(temporalToken ? { nextPageToken: temporalToken } : {}),
      }),
    );
    return {
      cases: executions.map(summarise),
      nextPageToken:
        nextPageToken && nextPageToken.length > 0 ? this.pageTokens.seal(nextPageToken, query) : null,
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

/** A person acts for their own municipality; an administrator (`*`) for every one. */
export function actsFor(actor: Pick<Actor, 'municipality'>, municipality: string): boolean {
  return (
    actor.municipality === undefined || actor.municipality === '*' || actor.municipality === municipality
  );
}

function forbidden(caseId: string): ForbiddenCaseError {
  return new ForbiddenCaseError(`case ${caseId} belongs to another municipality`);
}

/** gRPC status codes Temporal answers with (grpc-js's numbering, which is gRPC's own). */
const status = { NOT_FOUND: 5, FAILED_PRECONDITION: 9 } as const;

function grpcCode(error: unknown): number | undefined {
  const candidates = [error, (error as { cause?: unknown })?.cause];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | undefined)?.code;
    if (typeof code === 'number') return code;
  }
  return undefined;
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
