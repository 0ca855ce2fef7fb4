import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseState, OpenCase } from '../domain/case';
import { type Actor, type CaseEventType, caseEventSchemas } from '../domain/events';
import type { Ruleset } from '../domain/ruleset';

/**
 * Every message a case workflow understands, defined once: the API validates requests with the same
 * schemas, the client sends with the same names, and the workflow registers its handlers from here.
 */
export const TASK_QUEUE = 'ressourceforloeb';

export function workflowIdForCase(caseId: string): string {
  return `rf-${caseId}`;
}

export interface CaseWorkflowInput {
  /** A new case: what the municipality registered, the ruleset it is pinned to, and who opened it. */
  open?: { case: OpenCase; rules: Ruleset; openedBy: Actor };
  /** A case continuing in a new run: its whole state. */
  state?: CaseState;
}

export interface CaseEventMessage<T extends CaseEventType = CaseEventType> {
  type: T;
  /** The Workflow Update that applies the event and answers with the new state. */
  updateName: string;
  /** The path segment under /api/v1/cases/{caseId}/. */
  route: string;
  summary: string;
  schema: (typeof caseEventSchemas)[T];
}

export const caseEventMessages: { [T in CaseEventType]: CaseEventMessage<T> } = {
  teamRecommendation: {
    type: 'teamRecommendation',
    updateName: 'recordTeamRecommendation',
    route: 'team-recommendations',
    summary: "Record the rehabilitation team's recommendation",
    schema: caseEventSchemas.teamRecommendation,
  },
  offerStarted: {
    type: 'offerStarted',
    updateName: 'recordOfferStarted',
    route: 'offers-started',
    summary: 'Record that an offer (a measure) has started',
    schema: caseEventSchemas.offerStarted,
  },
};

export interface CaseEventUpdateArgs {
  actor: Actor;
  data: unknown;
}

export function caseEventUpdate(type: CaseEventType) {
  return defineUpdate<CaseState, [CaseEventUpdateArgs]>(caseEventMessages[type].updateName);
}

/** The same events for systems that integrate asynchronously; an invalid one is recorded as rejected. */
export interface CaseEventSignalArgs {
  type: string;
  actor: Actor;
  data: unknown;
}
export const caseEventSignal = defineSignal<[CaseEventSignalArgs]>('caseEvent');

export const caseStateQuery = defineQuery<CaseState>('caseState');
