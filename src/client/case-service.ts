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
import { searchAttributes } from '../messages/search-attributes';
import {
  type Actor,
  type CaseKind,
  caseSnapshotOf,
  actsFor,
  type AnyCaseView,
  type CaseView,
  type CashBenefitState,
  type CourseState,
  type EventAnswer,
  type EventReceipt,
  type ExternalFacts,
  type FleksjobState,
  intakeRefusal,
  type Ruleset,
  type RulesetMovePlan,
  type RulesetMoveReport,
  validateOpenCashBenefit,
} from '../domain';
import {
  asEventAnswer,
  allEventMessages,
  caseEventUpdate,
  caseStateQuery,
  failureTypes,
  moveRulesetUpdate,
  type NewCaseInput,
  refusedEventSignal,
  type RulesetMoveAnswer,
  type RulesetMoveArgs,
  rulesetMovePlanQuery,
  RULESET_MOVE_RUN_WORKFLOW,
  rulesetMoveProgressQuery,
  rulesetMoveRunIdFor,
  type RulesetMoveRunInput,
  workflowIdForCase,
  workflowTypes,
} from '../messages';
import { NewCaseSchema } from '../messages/schemas';
import {
  CaseAlreadyExistsError,
  CaseloadLimitError,
  CaseNotFoundError,
  CaseUnavailableError,
  EventRefusedError,
  ForbiddenCaseError,
  IdempotencyKeyReusedError,
  InvalidPageTokenError,
  WrongKindOfCaseError,
} from './errors';
import { PageTokens } from './page-tokens';
import { type HistoryMark, ViewCache } from './view-cache';
import { type CaseFilters, type CaseSummary, summarise, visibilityQuery } from './visibility';
import { isMessage, msg, type Text } from '../domain/messages';

export * from './errors';
export type { CaseFilters, CaseSummary } from './visibility';
export { visibilityQuery } from './visibility';

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
}

interface StateOfKind {
  ressourceforloeb: CourseState;
  fleksjob: FleksjobState;
  'cash-benefit': CashBenefitState;
}

/** How long a caseworker's request waits for Temporal to answer before it is told to try again. */
const ANSWER_WITHIN_MS = 10_000;

/** How the API, scripts and tests talk to case workflows: one place that knows the message names. */
export class CaseService {
  private readonly pageTokens: PageTokens;

  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    options: { answerWithinMs?: number; pageTokenSecret?: Buffer; cachedViews?: number } = {},
  ) {
    this.answerWithinMs = options.answerWithinMs ?? ANSWER_WITHIN_MS;
    this.pageTokens = new PageTokens(options.pageTokenSecret);
    this.views = new ViewCache(options.cachedViews ?? 0);
  }

  /** Views of recently read cases, each valid while its history has not grown (see view-cache.ts). */
  readonly views: ViewCache<AnyCaseView>;

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
    // A law that closed intake (Lov nr. 1750/2025 for ressourceforløb): no new case of the kind.
    const closed = intakeRefusal(rules, kind, Date.now());
    if (closed) throw new EventRefusedError(closed);
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

  /**
   * The case's state, strongly consistent: a query of its workflow — or, with a view cache, the view
   * last read while the case's history has not grown since (one DescribeWorkflowExecution, which
   * the server answers without the worker, instead of a query that may replay the whole history).
   * A walk over many cases (a rebuild) reads with `{ bypassCache: true }`: straight by query, and the
   * views people are working with are not pushed out of the cache by cases nobody looks at.
   */
  async state(caseId: string, options: { bypassCache?: boolean } = {}): Promise<AnyCaseView> {
    const workflowId = workflowIdForCase(caseId);
    try {
      const mark =
        this.views.capacity > 0 && !options.bypassCache
          ? await this.withDeadline(() => this.historyMark(workflowId))
          : undefined;
      const cached = mark && this.views.get(caseId, mark);
      if (cached) return cached;
      const view = await this.withDeadline(() =>
        this.client.workflow.getHandle(workflowId).query(caseStateQuery),
      );
      if (mark) this.views.put(caseId, mark, view);
      return view;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError || grpcCode(error) === status.NOT_FOUND) {
        throw new CaseNotFoundError(caseId);
      }
      throw error;
    }
  }

  /** The current run of a case's workflow and how many events its history holds (never decoded). */
  private async historyMark(workflowId: string): Promise<HistoryMark> {
    const { workflowExecutionInfo: info } = await this.client.workflowService.describeWorkflowExecution({
      namespace: this.client.options.namespace,
      execution: { workflowId },
    });
    return { runId: info?.execution?.runId ?? '', length: Number(info?.historyLength ?? 0) };
  }

  /** The state of a case that must be of the given kind. */
  async stateOf<K extends CaseKind>(caseId: string, kind: K): Promise<CaseView<StateOfKind[K]>> {
    const view = await this.state(caseId);
    if (view.kind !== kind)
      throw new WrongKindOfCaseError(msg('case.wrong-kind', { caseId, kind: view.kind, wanted: kind }));
    return view as unknown as CaseView<StateOfKind[K]>;
  }

  /**
   * The ressourceforløb a fleksjob follow-up continues (same case ID, an earlier run of the workflow):
   * its last run's state, read by a query of that closed run. For the waiting-times rebuild.
   */
  async courseBefore(caseId: string): Promise<AnyCaseView | undefined> {
    const workflowId = workflowIdForCase(caseId);
    let last: { runId: string; started: number } | undefined;
    for await (const run of this.client.workflow.list({
      query: `WorkflowId = '${workflowId.replaceAll("'", "''")}' AND WorkflowType = '${workflowTypes.ressourceforloeb}'`,
    })) {
      const started = run.startTime.getTime();
      if (!last || started > last.started) last = { runId: run.runId, started };
    }
    if (!last) return undefined;
    return this.withDeadline(() =>
      this.client.workflow.getHandle(workflowId, last.runId).query(caseStateQuery),
    );
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
    const { idempotency } = options;
    const external = await this.externalFacts(type, data, actor);
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
   * The facts an event needs that the case cannot know itself, as its message declares: for an
   * assignment, how many open cases the caseworker already has (visibility; the case's own ruleset
   * then decides whether that is over its limit).
   */
  private async externalFacts(type: string, data: unknown, actor: Actor): Promise<ExternalFacts | undefined> {
    const needs = allEventMessages[type]?.needs ?? [];
    if (!needs.includes('caseload')) return undefined;
    const caseworkerId = (data as { caseworkerId?: unknown } | null)?.caseworkerId;
    if (typeof caseworkerId !== 'string') return undefined;
    const municipality = actor.municipality && actor.municipality !== '*' ? actor.municipality : undefined;
    try {
      return { caseload: await this.caseload(caseworkerId, municipality) };
    } catch (error) {
      // A server without visibility counts (the time-skipping test server): the limit is not checked.
      if (grpcCode(error) === status.UNIMPLEMENTED) return undefined;
      throw error;
    }
  }

  /**
   * What a failed Update means for the caller: every condition they caused is a clear refusal, not a
   * 500. When it is unclear whether the event was applied (no answer in time, the case closed
   * meanwhile), the Update's own outcome is asked for by its ID: an applied event answers as applied.
   */
  /** What moving the case to `to` would change, as of now (src/domain/ruleset-move.ts); nothing changes. */
  async rulesetMovePlan(caseId: string, to: Ruleset): Promise<RulesetMovePlan> {
    return this.withDeadline(() =>
      this.client.workflow.getHandle(workflowIdForCase(caseId)).query(rulesetMovePlanQuery, to),
    );
  }

  /**
   * Moves the case to another ruleset version (administrators only): applied once per move ID — the
   * Update ID is the move's, and the case remembers the move in its audit timeline across runs. A
   * case that cannot move refuses with the reasons (EventRefusedError) and is left as it is.
   */
  async moveRuleset(caseId: string, args: RulesetMoveArgs): Promise<RulesetMoveAnswer> {
    const handle = this.client.workflow.getHandle(workflowIdForCase(caseId));
    try {
      return await this.withDeadline(() =>
        handle.executeUpdate(moveRulesetUpdate, { args: [args], updateId: `ruleset-move-${args.moveId}` }),
      );
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const cause = error.cause;
        // The reasons travel as a message in the failure's details, rendered in the caller's language.
        const detail: unknown = cause instanceof ApplicationFailure ? cause.details?.[0] : undefined;
        const reason = isMessage(detail) ? detail : cause instanceof Error ? cause.message : error.message;
        throw new EventRefusedError(reason);
      }
      throw error;
    }
  }

  /**
   * One page of the open cases a bulk move covers, by case ID; the page token is Temporal's own
   * (base64), so a resumed run goes on after a worker restart.
   */
  async casesToMove(
    filters: Pick<CaseFilters, 'ruleset' | 'municipality' | 'kind'>,
    page: { size: number; token?: string | null },
  ): Promise<{ caseIds: string[]; nextPageToken: string | null }> {
    const { executions, nextPageToken } = await this.withDeadline(() =>
      this.client.workflowService.listWorkflowExecutions({
        namespace: this.client.options.namespace,
        query: visibilityQuery({ status: 'open', ...filters }),
        pageSize: page.size,
        ...(page.token ? { nextPageToken: Buffer.from(page.token, 'base64') } : {}),
      }),
    );
    return {
      caseIds: executions.map((execution) => summarise(execution).caseId),
      nextPageToken:
        nextPageToken && nextPageToken.length > 0 ? Buffer.from(nextPageToken).toString('base64') : null,
    };
  }

  /** Starts a bulk move (a dry run unless `apply`); a second start of the same move ID finds the first. */
  async startRulesetMoveRun(input: RulesetMoveRunInput): Promise<{ id: string; started: boolean }> {
    try {
      await this.client.workflow.start(RULESET_MOVE_RUN_WORKFLOW, {
        workflowId: rulesetMoveRunIdFor(input.moveId),
        taskQueue: this.taskQueue,
        args: [input],
        // A move ID names one run for good: a finished move keeps its report, and is not run again.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return { id: input.moveId, started: true };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { id: input.moveId, started: false };
      throw error;
    }
  }

  /**
   * The latest bulk moves, newest first, each as its progress or report without the per-case list:
   * what the staff pages show an administrator while a move runs.
   */
  async recentRulesetMoves(limit = 5): Promise<Omit<RulesetMoveReport, 'cases'>[]> {
    const moves: Omit<RulesetMoveReport, 'cases'>[] = [];
    const prefix = rulesetMoveRunIdFor('');
    for await (const run of this.client.workflow.list({
      query: `WorkflowType = '${RULESET_MOVE_RUN_WORKFLOW}'`,
      pageSize: limit,
    })) {
      // A run continued as new is listed once per run: the latest answers for the move.
      const moveId = run.workflowId.slice(prefix.length);
      if (moves.some((move) => move.moveId === moveId)) continue;
      const report = await this.rulesetMoveRunReport(moveId);
      if (report) {
        const { cases: _cases, ...summary } = report;
        moves.push(summary);
      }
      if (moves.length >= limit) break;
    }
    return moves.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  /** A bulk move's progress, or its report once done; undefined if there is no such move. */
  async rulesetMoveRunReport(moveId: string): Promise<RulesetMoveReport | undefined> {
    const handle = this.client.workflow.getHandle(rulesetMoveRunIdFor(moveId));
    try {
      const description = await this.withDeadline(() => handle.describe());
      if (description.status.name === 'COMPLETED') return (await handle.result()) as RulesetMoveReport;
      return await this.withDeadline(() => handle.query(rulesetMoveProgressQuery));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError || grpcCode(error) === status.NOT_FOUND) return undefined;
      throw error;
    }
  }

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
      return new CaseUnavailableError(msg('case.no-answer', { caseId }));
    }
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause;
      const failureType = cause instanceof ApplicationFailure ? cause.type : undefined;
      // The case's message travels in the failure's details; a case of an earlier release gives text.
      const detail: unknown = cause instanceof ApplicationFailure ? cause.details?.[0] : undefined;
      const reason: Text = isMessage(detail)
        ? detail
        : cause instanceof Error
          ? cause.message
          : error.message;
      if (failureType === failureTypes.forbidden) return forbidden(caseId);
      if (failureType === failureTypes.wrongKindOfCase) {
        // The case answered it itself, and only to someone of its own municipality.
        const { kind } = ((cause as ApplicationFailure).details?.[0] ?? {}) as { kind?: string };
        return new WrongKindOfCaseError(msg('case.does-not-take', { caseId, kind: kind ?? '', type }));
      }
      if (failureType === failureTypes.eventRefused || failureType === failureTypes.caseloadLimitReached) {
        // The validator's refusal leaves no trace in the workflow: record it for the audit timeline.
        await this.recordRefusal(caseId, type, actor, reason);
        return failureType === failureTypes.caseloadLimitReached
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
  private async recordRefusal(caseId: string, type: string, actor: Actor, reason: Text): Promise<void> {
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
    if (found.running) return new CaseUnavailableError(msg('case.no-answer', { caseId }));
    return new EventRefusedError(msg('case.closed', { caseId, phase: found.phase ?? '' }));
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

  /** How many cases match the filters (visibility: eventually consistent). */
  async count(filters: CaseFilters): Promise<number> {
    const { count } = await this.withDeadline(() =>
      this.client.workflowService.countWorkflowExecutions({
        namespace: this.client.options.namespace,
        query: visibilityQuery(filters),
      }),
    );
    return Number(count);
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

function forbidden(caseId: string): ForbiddenCaseError {
  return new ForbiddenCaseError(msg('case.other-municipality', { caseId }));
}

/** gRPC status codes Temporal answers with (grpc-js's numbering, which is gRPC's own). */
const status = { NOT_FOUND: 5, FAILED_PRECONDITION: 9, UNIMPLEMENTED: 12 } as const;

function grpcCode(error: unknown): number | undefined {
  const candidates = [error, (error as { cause?: unknown })?.cause];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | undefined)?.code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}
