export * from './complaint-deadlines';
export * from './complaints';
export * from './deadlines';
export * from './events';
export * from './kind';
export * from './open';
export * from './state';
