/** The functional core: the case rules as pure functions of state, events and time. No I/O, no clock. */
export * from './cash-benefit';
export { advanceClock, nextWakeUp } from './clock';
export type { Deadline as AnyDeadline } from './deadline-engine';
export { decide, type Decision, recordRejection } from './decide';
export { type Deadline, type DeadlineKind, listDeadlines, pendingDeadlines } from './deadlines';
export { type DeliveryResult, hasUndelivered, nextDelivery, nextRetryAt, recordDelivery } from './delivery';
export * from './events';
export * from './fleksjob';
export * from './kinds';
export { openCase } from './open-case';
export * from './ruleset';
export * from './state';
export {
  type CaseSnapshot,
  caseSnapshot,
  caseSnapshotOf,
  caseView,
  type CaseView,
  type EventAnswer,
  eventReceipt,
  type EventReceipt,
} from './view';
export type { ExternalFacts, RefusalType } from './event-rules';
