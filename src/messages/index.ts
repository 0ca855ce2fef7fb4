import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { cashBenefitEvents, CashBenefitState, OpenCashBenefit } from '../domain/cash-benefit';
import type { courseEvents, CourseState, OpenCourse } from '../domain/course';
import type { CaseKind } from '../domain/engine/case';
import type { ExternalFacts } from '../domain/engine/event-rules';
import type { Actor, commonEventSchemas } from '../domain/engine/events';
import type { Ruleset } from '../domain/engine/ruleset';
import type { EventAnswer, EventReceipt } from '../domain/engine/view';
import type { fleksjobEvents, FleksjobState, OpenFleksjob } from '../domain/fleksjob';
import type { AnyCaseView } from '../domain/kinds';
import type { RulesetMovePlan, RulesetMoveReport } from '../domain/ruleset-move';
import type { Text } from '../domain/messages/message';

export * from './failures';

/**
 * Every message a case workflow understands, defined once: the API serves the same routes (and
 * validates requests with the events' schemas, `./schemas`), the client sends with the same names,
 * and the workflows register their handlers from here. No zod here: the workflows import it.
 */
export const TASK_QUEUE = 'ressourceforloeb';

/** The workflow type of each kind of case. All share one ID scheme, so a case is found by its ID alone. */
export const workflowTypes: Record<CaseKind, string> = {
  ressourceforloeb: 'ressourceforloeb',
  fleksjob: 'fleksjobFollowUp',
  'cash-benefit': 'cashBenefitSpell',
};

export function workflowIdForCase(caseId: string): string {
  return `rf-${caseId}`;
}

interface RunOptions {
  /** History events per run before the case continues as new (default 5,000; tests use less). */
  historyLimit?: number;
  /**
   * Answers to recent Updates by Update ID, carried across runs so a retried request is applied once
   * (cases that continued before answers carried the case's state hold receipts only).
   */
  recentUpdates?: RecentUpdates;
}

/**
 * Workflow inputs are history: a case's first run holds what opened it, and every later run the whole
 * state (continue-as-new). `open.rules` keeps its name for that reason; states written by earlier
 * releases are read through `currentShape` (src/domain/engine/case.ts).
 */
export interface CaseWorkflowInput extends RunOptions {
  /** A new case: what the municipality registered, the ruleset it is pinned to, and who opened it. */
  open?: { case: OpenCourse; rules: Ruleset; openedBy: Actor };
  /** A case continuing in a new run (continue-as-new): its whole state. */
  state?: CourseState;
}

export interface FleksjobWorkflowInput extends RunOptions {
  open?: { case: OpenFleksjob; rules: Ruleset; openedBy: Actor };
  /** The course that concluded with a fleksjob: the follow-up continues the same case. */
  fromCourse?: CourseState;
  state?: FleksjobState;
}

export interface CashBenefitWorkflowInput extends RunOptions {
  open?: { case: OpenCashBenefit; rules: Ruleset; openedBy: Actor };
  state?: CashBenefitState;
}

export type ActorRole = Actor['role'];

export interface EventMessage {
  type: string;
  /** The Workflow Update that applies the event and answers with a receipt. */
  updateName: string;
  /** Path under /api/v1/cases/{caseId}/; `:name` segments are fields of the event. */
  route: string;
  summary: string;
  /** Who may send it. */
  roles: ActorRole[];
  /** Facts the case cannot know itself, which the sender gathers and sends along (a caseworker's caseload). */
  needs: Array<keyof ExternalFacts>;
}

/** Which events need facts from outside the case. */
const externalFactsNeeded: Partial<Record<string, Array<keyof ExternalFacts>>> = {
  caseworkerAssigned: ['caseload'],
};

const caseworkers: ActorRole[] = ['caseworker', 'admin', 'integration'];

/** A kind's event messages, one for each event of its catalog of schemas (`S`, by type only). */
function catalog<S extends Record<string, unknown>>(entries: {
  [T in keyof S]: [updateName: string, route: string, summary: string, roles?: ActorRole[]];
}): { [T in keyof S & string]: EventMessage & { type: T } } {
  return Object.fromEntries(
    Object.entries(entries).map(([type, [updateName, route, summary, roles]]) => [
      type,
      {
        type,
        updateName,
        route,
        summary,
        roles: roles ?? caseworkers,
        needs: externalFactsNeeded[type] ?? [],
      },
    ]),
  ) as { [T in keyof S & string]: EventMessage & { type: T } };
}

const common = {
  caseworkerAssigned: [
    'assignCaseworker',
    'coordinating-caseworker',
    'Assign or change the coordinating caseworker',
  ],
  relativeRegistered: ['registerRelative', 'relatives', "Register a relative's contact"],
  relativeConsent: [
    'recordRelativeConsent',
    'relatives/:relativeId/consent',
    "Record the citizen's consent to inform a relative",
  ],
  escalationAcknowledged: [
    'acknowledgeEscalation',
    'escalations/:escalationId/acknowledgement',
    'Acknowledge an escalation (stops the escalation chain)',
    ['supervisor', 'admin'],
  ],
} as const satisfies { [T in keyof typeof commonEventSchemas]: [string, string, string, ActorRole[]?] };

/** Without a team (Lov nr. 1750/2025): the decision basis a ressourceforløb and a fleksjob case both take. */
const decisionBasis: Record<'decisionBasisDescribed' | 'caseHealthAdviceGiven', [string, string, string]> = {
  decisionBasisDescribed: [
    'recordDecisionBasisDescription',
    'decision-basis/description',
    'Record the samlet beskrivelse af borgerens forudsætninger (instead of a team review, Lov nr. 1750/2025)',
  ],
  caseHealthAdviceGiven: [
    'recordCaseHealthAdvice',
    'decision-basis/health-advice',
    "Record the health coordinator's advice on the case (instead of a team review, Lov nr. 1750/2025)",
  ],
};

/** A ressourceforløb's events. */
export const courseEventMessages = catalog<typeof courseEvents>({
  ...common,
  teamRecommendation: [
    'recordTeamRecommendation',
    'team-recommendations',
    "Record the rehabilitation team's recommendation",
  ],
  municipalDecision: ['recordMunicipalDecision', 'decisions', "Record the municipality's decision"],
  ...decisionBasis,
  offerRegistered: ['registerOffer', 'offers', 'Register an offer (a measure)'],
  offerStarted: ['startOffer', 'offers/:offerId/start', 'Record that an offer has started'],
  offerEnded: ['endOffer', 'offers/:offerId/end', 'Record that an offer has ended or was withdrawn'],
  specialistAdvisedAgainst: [
    'recordSpecialistAdvice',
    'offers/:offerId/specialist-advice',
    'Record that a medical specialist advised against an offer',
  ],
  healthCoordinatorRequested: [
    'requestHealthCoordinator',
    'offers/:offerId/health-coordinator-request',
    "Record the citizen's request for the regional health coordinator's advice",
  ],
  healthCoordinatorAdvice: [
    'recordHealthCoordinatorAdvice',
    'offers/:offerId/health-coordinator-advice',
    "Record the regional health coordinator's advice",
  ],
  specialReasonsRecorded: [
    'recordSpecialReasons',
    'first-measure/special-reasons',
    'Record særlige grunde: the case does not go back to the team if no measure has started in time (LAB § 113, stk. 2)',
  ],
  healthAdviceDecided: [
    'recordHealthAdviceDecision',
    'offers/:offerId/health-advice-decision',
    "Record the municipality's decision on an offer after the health coordinator's advice (keep, adjust, replace)",
  ],
  earlierCourseRegistered: [
    'registerEarlierCourse',
    'earlier-courses',
    'Register a ressourceforløb the citizen had before this case (for the age rules)',
  ],
  complaintReceived: [
    'receiveComplaint',
    'complaints',
    'Record a complaint about a grant, a refusal, an offer or the conclusion of the course',
  ],
  complaintReconsidered: [
    'reconsiderComplaint',
    'complaints/:complaintId/reconsideration',
    "Record the municipality's reconsideration of a complaint",
  ],
  complaintMaintained: [
    'recordComplaintMaintained',
    'complaints/:complaintId/maintained',
    "Record the citizen's answer after partial medhold: is the complaint maintained",
  ],
  complaintForwarded: [
    'recordComplaintForwarded',
    'complaints/:complaintId/forwarding',
    'Record that the complaint, the reconsideration and the file were sent to Ankestyrelsen',
  ],
  appealDecided: [
    'recordAppealDecision',
    'complaints/:complaintId/appeal-decision',
    "Record Ankestyrelsen's decision on a forwarded complaint",
  ],
  decisionOnExistingEvidenceDemanded: [
    'demandDecisionOnExistingEvidence',
    'existing-evidence-demand',
    "Record the citizen's demand for a decision on the existing evidence",
  ],
  workCapacityCannotDevelop: [
    'routeToPension',
    'pension-routing',
    'Record that work capacity cannot develop: no course, toward førtidspension',
  ],
  courseConcluded: ['concludeCourse', 'conclusion', 'Conclude the course with its outcome'],
});

/** The fleksjob follow-up's events. */
export const fleksjobEventMessages = catalog<typeof fleksjobEvents>({
  ...common,
  fleksjobStarted: [
    'startFleksjob',
    'fleksjob/start',
    'Record that the fleksjob has started, with its hours',
  ],
  hoursChanged: ['changeFleksjobHours', 'fleksjob/hours', 'Record a change of weekly hours'],
  fewHoursChosen: [
    'recordFewHoursChoice',
    'fleksjob/few-hours-choice',
    "Record the citizen's own choice of few hours (or its end)",
  ],
  progressionReviewRecorded: [
    'recordProgressionReview',
    'fleksjob/progression-review',
    'Record the progression review (work capacity) after the first months',
  ],
  yearlyCheckRecorded: [
    'recordYearlyCheck',
    'fleksjob/yearly-checks',
    'Record the yearly progression check of a short-hour fleksjob',
  ],
  ...decisionBasis,
  reassessmentDecided: [
    'decideFleksjobReassessment',
    'fleksjob/reassessment-decision',
    "Record the municipality's decision after the team's reassessment (with its reasons)",
  ],
  reassessmentRequested: [
    'requestFleksjobReassessment',
    'fleksjob/reassessment-request',
    "Record that the citizen asked for the team's reassessment they were offered (seeds)",
  ],
  teamReassessment: [
    'recordFleksjobReassessment',
    'fleksjob/team-reassessment',
    "Record the team's reassessment of the fleksjob",
  ],
  fleksjobStatusRecorded: [
    'recordFleksjobStatus',
    'fleksjob/status',
    'Record the status of a temporary fleksjob',
  ],
  permanentFleksjobDecided: [
    'decidePermanentFleksjob',
    'fleksjob/permanent-decision',
    'Record whether the temporary fleksjob becomes permanent',
  ],
  followUpConversationHeld: [
    'recordFollowUpConversation',
    'fleksjob/follow-up-conversations',
    'Record a follow-up conversation',
  ],
  jobChanged: [
    'changeFleksjobJob',
    'fleksjob/job-change',
    'Record that the citizen moved to another job in fleksjob (employer, hours)',
  ],
  fleksjobEnded: ['endFleksjob', 'fleksjob/end', 'Record that the fleksjob has ended'],
});

/** A kontanthjælp spell's events. */
export const cashBenefitEventMessages = catalog<typeof cashBenefitEvents>({
  ...common,
  cashBenefitInterrupted: [
    'interruptCashBenefit',
    'cash-benefit/interruption',
    'Record that the spell on kontanthjælp was interrupted',
  ],
  caseSentToTeam: [
    'sendCashBenefitCaseToTeam',
    'cash-benefit/sent-to-team',
    'Record that the case was put to the rehabilitation team after the right to assessment (seeds)',
  ],
  afklaringRecorded: [
    'recordAfklaring',
    'cash-benefit/afklaringer',
    "Record the municipality's afklaring after 2 continuous years (LAB § 36 a): to the team, or a measure",
  ],
  categoryChanged: [
    'changeCashBenefitCategory',
    'cash-benefit/category',
    'Record that the recipient is now aktivitetsparat or jobparat',
  ],
});

export const eventCatalogs: Record<CaseKind, Record<string, EventMessage>> = {
  ressourceforloeb: courseEventMessages,
  fleksjob: fleksjobEventMessages,
  'cash-benefit': cashBenefitEventMessages,
};

/** Every event of every kind of case, by type (the common events are the same message in each). */
export const allEventMessages: Record<string, EventMessage> = Object.assign(
  {},
  ...Object.values(eventCatalogs),
);

export type RecentUpdates = Array<[updateId: string, answer: EventAnswer | EventReceipt]>;

export interface CaseEventUpdateArgs {
  actor: Actor;
  data: unknown;
  /** The fingerprint of the request (operation, case, body): a retry with the same key must match it. */
  request?: string;
  /** Facts the case cannot know itself (a caseworker's caseload). */
  external?: ExternalFacts;
}

/** Answers of recorded histories were receipts; since then they are whole answers. */
export function asEventAnswer(answer: EventAnswer | EventReceipt): EventAnswer | { event: EventReceipt } {
  return 'event' in answer ? answer : { event: answer };
}

export function eventUpdate(message: Pick<EventMessage, 'updateName'>) {
  return defineUpdate<EventAnswer | EventReceipt, [CaseEventUpdateArgs]>(message.updateName);
}

export function caseEventUpdate(type: string) {
  const message = allEventMessages[type];
  if (!message) throw new Error(`unknown event type "${type}"`);
  return eventUpdate(message);
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
  /** A message (`src/domain/messages`), or its text from a release before the message table. */
  reason: Text;
}
export const refusedEventSignal = defineSignal<[RefusedEventArgs]>('eventRefused');

export const caseStateQuery = defineQuery<AnyCaseView>('caseState');

/** Moving a running case to another ruleset version (src/domain/ruleset-move.ts): administrators only. */
export interface RulesetMoveArgs {
  actor: Actor;
  /** Applied once per case: a retried or resumed run with the same ID changes nothing. */
  moveId: string;
  /** The whole ruleset version the case is pinned to after the move (the caller loads and validates it). */
  to: Ruleset;
  /** Why: the law or decision behind the move, recorded in the audit timeline. */
  reason: string;
}
export interface RulesetMoveAnswer {
  /** Moved now, or already by this move ID (`repeated`). */
  moved: boolean;
  repeated: boolean;
  plan: RulesetMovePlan;
}
export const moveRulesetUpdate = defineUpdate<RulesetMoveAnswer, [RulesetMoveArgs]>('moveRuleset');
/** The plan of a move to this ruleset version, as of now: nothing changes. */
export const rulesetMovePlanQuery = defineQuery<RulesetMovePlan, [Ruleset]>('rulesetMovePlan');

export type { NewCase, NewCaseInput } from './schemas';

/** A bulk move of the cases a visibility query finds to another ruleset version (workflow `rulesetMoveRun`). */
export interface RulesetMoveRunInput {
  /** The move's ID: the run's workflow ID is `ruleset-move-<moveId>`, and each case is moved once by it. */
  moveId: string;
  /** Which cases: open cases pinned to `from` (name@version), optionally of one municipality or kind. */
  from: string;
  municipality?: string;
  kind?: CaseKind;
  to: Ruleset;
  reason: string;
  actor: Actor;
  /** false (the default): a dry run that plans every case and changes nothing. */
  apply: boolean;
  /** At most this many cases a second (rate limit), and this many at a time. */
  perSecond: number;
  concurrency: number;
  pageSize: number;
  /** History events before the run continues as new (default 4,000; tests use less). */
  historyLimit?: number;
  /** Resuming (continue-as-new): the visibility page to go on from, and the report so far. */
  cursor?: string | null;
  report?: RulesetMoveReport;
}

export const RULESET_MOVE_RUN_WORKFLOW = 'rulesetMoveRun';
export const rulesetMoveRunIdFor = (moveId: string) => `ruleset-move-${moveId}`;
export const rulesetMoveProgressQuery = defineQuery<RulesetMoveReport>('rulesetMoveProgress');
