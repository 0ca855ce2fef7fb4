import type { MessageKey } from './texts';

/**
 * A staff-facing text as a value: a key of the message table (`./texts.ts`) and its named
 * parameters. The core says *what* it means (a refusal's reason, a timeline entry, a deadline's
 * label); the edge (API, staff pages, mail) renders it in the reader's language — Danish unless a
 * developer's tool asks for English (`Accept-Language: en`). A parameter may itself be a message (a
 * phase's name, a deadline's label), rendered in the same language.
 */
export interface Message {
  key: MessageKey;
  params?: Record<string, MessageParam>;
}

export type MessageParam = string | number | Message;

/**
 * What the case holds where it holds text: a message, or (in states and histories recorded before
 * the message table) the English text as it was written then, shown as it is.
 */
export type Text = string | Message;

/** The one way the core writes a text for staff: `msg('offer.not-found', { offerId })`. */
export function msg(key: MessageKey, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';
}

/** Messages one after another, separated by "; " (e.g. the age rules against a grant). */
export function joined(items: readonly Message[]): Message | string {
  if (items.length === 0) return '';
  return items.slice(1).reduce<Message>((first, second) => msg('list.pair', { first, second }), items[0]!);
}
