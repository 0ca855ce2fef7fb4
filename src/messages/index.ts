import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { type Actor, type CaseEventType, caseEventSchemas } from '../domain/events';
import type { Ruleset } from '../domain/ruleset';
import type { CaseState, OpenCase } from '../domain/state';
import type { CaseView, EventReceipt } from '../domain/view';

/**
 * Every message a case workflow understands, defined once: the API validates requests with the same
 * schemas and routes, the client sends with the same names, and the workflow registers its handlers
 * from here.
 */
export const TASK_QUEUE = 'ressourceforloeb';
export const CASE_WORKFLOW_TYPE = 'ressourceforloeb';

export function workflowIdForCase(caseId: string): string {
  return `rf-${caseId}`;
}

export interface CaseWorkflowInput {
  /** A new case: what the municipality registered, the ruleset it is pinned to, and who opened it. */
  open?: { case: OpenCase; rules: Ruleset; openedBy: Actor };
  /** A case continuing in a new run (continue-as-new): its whole state. */
  state?: CaseState;
  /** History events per run before the case continues as new (default 5,000; tests use less). */
  historyLimit?: number;
}

export type ActorRole = Actor['role'];

export interface CaseEventMessage<T extends CaseEventType = CaseEventType> {
  type: T;
  /** The Workflow Update that applies the event and answers with the case's new state. */
  updateName: string;
  /** Path under /api/v1/cases/{caseId}/; `:name` segments are fields of the event. */
  route: string;
  summary: string;
  /** Who may send it. */
  roles: ActorRole[];
  schema: (typeof caseEventSchemas)[T];
}

const caseworkers: ActorRole[] = ['caseworker', 'admin', 'integration'];

function message<T extends CaseEventType>(
  type: T,
  updateName: string,
  route: string,
  summary: string,
  roles: ActorRole[] = caseworkers,
): CaseEventMessage<T> {
  return { type, updateName, route, summary, roles, schema: caseEventSchemas[type] };
}

export const caseEventMessages: { [T in CaseEventType]: CaseEventMessage<T> } = {
  caseworkerAssigned: message(
    'caseworkerAssigned',
    'assignCaseworker',
    'coordinating-caseworker',
    'Assign or change the coordinating caseworker',
  ),
  teamRecommendation: message(
    'teamRecommendation',
    'recordTeamRecommendation',
    'team-recommendations',
    "Record the rehabilitation team's recommendation",
  ),
  municipalDecision: message(
    'municipalDecision',
    'recordMunicipalDecision',
    'decisions',
    "Record the municipality's decision",
  ),
  offerRegistered: message('offerRegistered', 'registerOffer', 'offers', 'Register an offer (a measure)'),
  offerStarted: message(
    'offerStarted',
    'startOffer',
    'offers/:offerId/start',
    'Record that an offer has started',
  ),
  offerEnded: message(
    'offerEnded',
    'endOffer',
    'offers/:offerId/end',
    'Record that an offer has ended or was withdrawn',
  ),
  specialistAdvisedAgainst: message(
    'specialistAdvisedAgainst',
    'recordSpecialistAdvice',
    'offers/:offerId/specialist-advice',
    'Record that a medical specialist advised against an offer',
  ),
  healthCoordinatorRequested: message(
    'healthCoordinatorRequested',
    'requestHealthCoordinator',
    'offers/:offerId/health-coordinator-request',
    "Record the citizen's request for the regional health coordinator's advice",
  ),
  healthCoordinatorAdvice: message(
    'healthCoordinatorAdvice',
    'recordHealthCoordinatorAdvice',
    'offers/:offerId/health-coordinator-advice',
    "Record the regional health coordinator's advice",
  ),
  complaintReceived: message(
    'complaintReceived',
    'receiveComplaint',
    'complaints',
    'Record a complaint about a grant, a refusal or an offer',
  ),
  complaintReconsidered: message(
    'complaintReconsidered',
    'reconsiderComplaint',
    'complaints/:complaintId/reconsideration',
    "Record the municipality's reconsideration of a complaint",
  ),
  appealDecided: message(
    'appealDecided',
    'recordAppealDecision',
    'complaints/:complaintId/appeal-decision',
    "Record Ankestyrelsen's decision on a forwarded complaint",
  ),
  decisionOnExistingEvidenceDemanded: message(
    'decisionOnExistingEvidenceDemanded',
    'demandDecisionOnExistingEvidence',
    'existing-evidence-demand',
    "Record the citizen's demand for a decision on the existing evidence",
  ),
  relativeRegistered: message(
    'relativeRegistered',
    'registerRelative',
    'relatives',
    "Register a relative's contact",
  ),
  relativeConsent: message(
    'relativeConsent',
    'recordRelativeConsent',
    'relatives/:relativeId/consent',
    "Record the citizen's consent to inform a relative",
  ),
  workCapacityCannotDevelop: message(
    'workCapacityCannotDevelop',
    'routeToPension',
    'pension-routing',
    'Record that work capacity cannot develop: no course, toward førtidspension',
  ),
  courseConcluded: message(
    'courseConcluded',
    'concludeCourse',
    'conclusion',
    'Conclude the course with its outcome',
  ),
  escalationAcknowledged: message(
    'escalationAcknowledged',
    'acknowledgeEscalation',
    'escalations/:escalationId/acknowledgement',
    'Acknowledge an escalation (stops the escalation chain)',
    ['supervisor', 'admin'],
  ),
};

export interface CaseEventUpdateArgs {
  actor: Actor;
  data: unknown;
}

export function caseEventUpdate(type: CaseEventType) {
  return defineUpdate<EventReceipt, [CaseEventUpdateArgs]>(caseEventMessages[type].updateName);
}

/** The same events for systems that integrate asynchronously; an invalid one is recorded as rejected. */
export interface CaseEventSignalArgs {
  type: string;
  actor: Actor;
  data: unknown;
}
export const caseEventSignal = defineSignal<[CaseEventSignalArgs]>('caseEvent');

/** An Update its validator refused leaves no trace in the workflow; the API reports it here for the audit timeline. */
export interface RefusedEventArgs {
  type: string;
  actor: Actor;
  reason: string;
}
export const refusedEventSignal = defineSignal<[RefusedEventArgs]>('eventRefused');

export const caseStateQuery = defineQuery<CaseView>('caseState');
