import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import type { z } from 'zod';
import {
  type Actor,
  type CaseEventType,
  type CaseView,
  type EventReceipt,
  OpenCaseSchema,
  type Ruleset,
} from '../domain';
import {
  CASE_WORKFLOW_TYPE,
  caseEventUpdate,
  caseStateQuery,
  type CaseWorkflowInput,
  refusedEventSignal,
  workflowIdForCase,
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

/** The case refused the event; `reason` says why in words a caseworker understands. */
export class EventRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** How the API, scripts and tests talk to case workflows: one place that knows the message names. */
export class CaseService {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  async open(
    input: z.input<typeof OpenCaseSchema>,
    rules: Ruleset,
    openedBy: Actor,
    options: Pick<CaseWorkflowInput, 'historyLimit'> = {},
  ): Promise<void> {
    const args: CaseWorkflowInput = {
      open: { case: OpenCaseSchema.parse(input), rules, openedBy },
      ...options,
    };
    try {
      await this.client.workflow.start(CASE_WORKFLOW_TYPE, {
        workflowId: workflowIdForCase(input.caseId),
        taskQueue: this.taskQueue,
        args: [args],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError)
        throw new CaseAlreadyExistsError(input.caseId);
      throw error;
    }
  }

  async state(caseId: string): Promise<CaseView> {
    try {
      return await this.client.workflow.getHandle(workflowIdForCase(caseId)).query(caseStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new CaseNotFoundError(caseId);
      throw error;
    }
  }

  async send(
    caseId: string,
    type: CaseEventType,
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
        const reason = (error.cause as Error | undefined)?.message ?? error.message;
        // The validator's refusal leaves no trace in the workflow: record it for the audit timeline.
        await handle.signal(refusedEventSignal, { type, actor, reason });
        throw new EventRefusedError(reason);
      }
      throw error;
    }
  }
}
