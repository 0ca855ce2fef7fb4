import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  type Duration,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/common';
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

interface StateOfKind {
  ressourceforloeb: CaseState;
  fleksjob: FleksjobState;
  'cash-benefit': CashBenefitState;
}

/** How the API, scripts and tests talk to case workflows: one place that knows the message names. */
export class CaseService {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  /** Starts the workflow of a new case of any kind, pinned to `rules`. */
  async open(
    input: NewCaseInput,
    rules: Ruleset,
    openedBy: Actor,
    options: { historyLimit?: number; executionTimeout?: Duration } = {},
  ): Promise<void> {
    const { executionTimeout, ...runOptions } = options;
    const { kind, ...fields } = NewCaseSchema.parse(input);
    if (kind === 'cash-benefit') {
      const problem = validateOpenCashBenefit({ ...fields }, Date.now());
      if (problem) throw new EventRefusedError(problem);
    }
    try {
      await this.client.workflow.start(workflowTypes[kind], {
        workflowId: workflowIdForCase(fields.caseId),
        taskQueue: this.taskQueue,
        args: [{ open: { case: fields, rules, openedBy }, ...runOptions }],
        // Cases run for years: no timeout, unless a test server that imposes one needs a longer one.
        ...(executionTimeout ? { workflowExecutionTimeout: executionTimeout } : {}),
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError)
        throw new CaseAlreadyExistsError(fields.caseId);
      throw error;
    }
  }

  /** The case's state, strongly consistent: a query of its workflow. */
  async state(caseId: string): Promise<CaseView> {
    try {
      return await this.client.workflow.getHandle(workflowIdForCase(caseId)).query(caseStateQuery);
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

  async send(
    caseId: string,
    type: string,
    data: unknown,
    actor: Actor,
    idempotencyKey?: string,
  ): Promise<EventReceipt> {
    const handle = this.client.workflow.getHandle(workflowIdForCase(caseId));
    try {
      return await handle.executeUpdate(caseEventUpdate(type), {
        args: [{ actor, data }],
        ...(idempotencyKey ? { updateId: idempotencyKey } : {}),
      });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new CaseNotFoundError(caseId);
      if (error instanceof WorkflowUpdateFailedError) {
        let reason = (error.cause as Error | undefined)?.message ?? error.message;
        const wrongKind = /no registered handler for update/i.test(reason);
        if (wrongKind)
          reason = `case ${caseId} is a ${(await this.state(caseId)).kind}: it does not take ${type}`;
        // The validator's refusal leaves no trace in the workflow: record it for the audit timeline.
        await handle.signal(refusedEventSignal, { type, actor, reason });
        throw wrongKind ? new WrongKindOfCaseError(reason) : new EventRefusedError(reason);
      }
      throw error;
    }
  }
}
