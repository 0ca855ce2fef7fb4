/**
 * The functional core: the case rules as pure functions of state, events and time. No I/O, no clock.
 * engine/ holds what every kind shares; course/, fleksjob/ and cash-benefit/ each kind's own parts.
 */
export * from './cash-benefit';
export * from './course';
export * from './engine/case';
export type { Deadline, DeadlineDefinition } from './engine/deadlines';
export {
  type DeliveryResult,
  hasUndelivered,
  nextDelivery,
  nextRetryAt,
  recordDelivery,
} from './engine/delivery';
export { recordRejection, type Decision, type ExternalFacts, type RefusalType } from './engine/event-rules';
export * from './engine/events';
export type { CaseRules } from './engine/kind';
export * from './engine/ruleset';
export {
  type CaseSnapshot,
  caseSnapshot,
  caseSnapshotOf,
  caseView,
  type CaseView,
  type EventAnswer,
  eventReceipt,
  type EventReceipt,
} from './engine/view';
export * from './fleksjob';
export * from './kinds';
