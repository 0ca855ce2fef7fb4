/**
 * The functional core: the case rules as pure functions of state, events and time. No I/O, no clock.
 * engine/ holds what every kind shares; course/, fleksjob/ and cash-benefit/ each kind's own parts.
 * The rules without the schemas are `./core` (what the workflows import); here the zod schemas are
 * added, for the API, the OpenAPI document and configuration.
 */
export * from './core';
export * from './cash-benefit/events';
export * from './course/events';
export * from './engine/events';
export * from './engine/identity';
export * from './engine/ruleset';
export * from './engine/legal-basis';
export * from './fleksjob/events';
