/**
 * The functional core without its schemas: the case rules as pure functions of state, events and
 * time, as the workflows run them. Nothing here evaluates zod (ESLint forbids it): every workflow
 * evaluates its modules anew, and events are checked by the validators generated from the schemas
 * (engine/validation.ts). `src/domain/index.ts` adds the schemas for the API and configuration.
 */
export * from './cash-benefit/deadlines';
export type * from './cash-benefit/events';
export * from './cash-benefit/kind';
export * from './cash-benefit/open';
export * from './cash-benefit/state';
export * from './course/deadlines';
export type * from './course/events';
export * from './course/kind';
export * from './course/open';
export * from './course/state';
export * from './engine/case';
export { containsCprNumber, maskCprNumbers } from './engine/checks';
export type { Deadline, DeadlineDefinition } from './engine/deadlines';
export {
  type DeliveryResult,
  hasUndelivered,
  nextDelivery,
  nextRetryAt,
  recordDelivery,
} from './engine/delivery';
export { recordRejection, type Decision, type ExternalFacts, type RefusalType } from './engine/event-rules';
export type * from './engine/events';
export type * from './engine/identity';
export type { CaseRules } from './engine/kind';
export type * from './engine/ruleset';
export * from './engine/ruleset-choice';
export * from './engine/legal-basis';
export {
  describeIssues,
  type Issue,
  type ParsedEvent,
  parseEvent,
  type ValidationResult,
  type Validator,
  type ValidatorsOf,
} from './engine/validation';
export {
  type CaseSnapshot,
  caseSnapshot,
  caseSnapshotOf,
  caseView,
  type CaseView,
  type EventAnswer,
  eventReceipt,
  type EventReceipt,
  rulesetRef,
  type RulesetRef,
} from './engine/view';
export * from './fleksjob/deadlines';
export type * from './fleksjob/events';
export * from './fleksjob/kind';
export * from './fleksjob/open';
export * from './fleksjob/state';
export * from './kinds';
export * from './ruleset-move';
