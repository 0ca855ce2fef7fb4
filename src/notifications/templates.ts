/** Mail templates: loading and checking them (template-load.ts), rendering a message (template-render.ts). */
export * from './template-load';
export * from './template-render';
