import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import type { CaseState, OpenCase } from '../domain/case';
import type { Actor, CaseEventType } from '../domain/events';
import type { Ruleset } from '../domain/ruleset';
import { caseEventUpdate, caseStateQuery, type CaseWorkflowInput, workflowIdForCase } from '../messages';

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

  async open(input: OpenCase, rules: Ruleset, openedBy: Actor): Promise<void> {
    const args: CaseWorkflowInput = { open: { case: input, rules, openedBy } };
    try {
      await this.client.workflow.start('ressourceforloeb', {
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

  async state(caseId: string): Promise<CaseState> {
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
  ): Promise<CaseState> {
    const handle = this.client.workflow.getHandle(workflowIdForCase(caseId));
    try {
      return await handle.executeUpdate(caseEventUpdate(type), {
        args: [{ actor, data }],
        ...(idempotencyKey ? { updateId: idempotencyKey } : {}),
      });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new CaseNotFoundError(caseId);
      if (error instanceof WorkflowUpdateFailedError) {
        throw new EventRefusedError((error.cause as Error | undefined)?.message ?? error.message);
      }
      throw error;
    }
  }
}
