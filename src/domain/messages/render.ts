import { type Message, type MessageParam, type Text, isMessage, msg } from './message';
import { type MessageKey, texts } from './texts';

/** The languages the system speaks to staff and developers: Danish by default, English on request. */
export type Language = 'da' | 'en';

/** The `{name}` parameters a text names, in order of appearance. */
export function parametersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

/**
 * A message in a language. A key the table does not know (a state written by a newer release) shows
 * as the key, never as an error; a legacy text (a string) shows as it is.
 */
export function render(text: Text, language: Language = 'da'): string {
  if (!isMessage(text)) return text;
  const entry = (texts as Record<string, { da: string; en: string } | undefined>)[text.key];
  if (!entry) return text.key;
  return entry[language].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = text.params?.[name];
    return value === undefined ? whole : renderParam(value, language);
  });
}

function renderParam(value: MessageParam, language: Language): string {
  return typeof value === 'object' ? render(value, language) : String(value);
}

/** A message's text, or undefined for none. */
export function renderOptional(text: Text | undefined, language: Language = 'da'): string | undefined {
  return text === undefined ? undefined : render(text, language);
}

/**
 * Every message in a value (a case view, an event's answer, a problem) rendered in the language, the
 * rest as it is: what the API and the staff pages send. A message is an object of a known key and
 * its parameters only, so no other object (a reminder has a `key` too) is mistaken for one.
 */
export function renderTexts<T>(value: T, language: Language = 'da'): Rendered<T> {
  return renderDeep(value, language) as Rendered<T>;
}

function renderDeep(value: unknown, language: Language): unknown {
  if (Array.isArray(value)) return value.map((item) => renderDeep(item, language));
  if (typeof value !== 'object' || value === null) return value;
  if (isRenderable(value)) return render(value, language);
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, renderDeep(item, language)]));
}

function isRenderable(value: object): value is Message {
  return (
    isMessage(value) &&
    hasKey(value.key) &&
    Object.keys(value).every((name) => name === 'key' || name === 'params')
  );
}

/** A value's type with its texts rendered: a `Text` becomes a string. */
export type Rendered<T> = T extends Text
  ? string
  : T extends ReadonlyArray<infer I>
    ? Rendered<I>[]
    : T extends object
      ? { [K in keyof T]: Rendered<T[K]> }
      : T;

/**
 * The message of a family (`field.`) whose English text this is, with its parameters: how the API
 * puts the schemas' own field rules, which the schemas write in English, in the caller's language.
 * Undefined when no text of the family reads so.
 */
export function messageFromEnglish(text: string, family: string): Message | undefined {
  for (const [key, entry] of Object.entries(texts)) {
    if (!key.startsWith(family)) continue;
    const names = parametersOf(entry.en);
    const pattern = entry.en
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('(.+?)');
    const match = new RegExp(`^${pattern}$`).exec(text);
    if (match)
      return msg(
        key as MessageKey,
        // A parameter the schema wrote in English words ("a case ID") is one of the table's values.
        Object.fromEntries(
          names.map((name, index) => {
            const value = match[index + 1]!;
            return [name, family === 'value.id.' ? value : (messageFromEnglish(value, 'value.id.') ?? value)];
          }),
        ),
      );
  }
  return undefined;
}

export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(texts, key);
}

export type { Message, Text };
