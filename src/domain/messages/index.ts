export * from './message';
export * from './render';
export { texts, type MessageKey } from './texts';
