import type { z } from 'zod';
import { joined, type Message, msg, type Text } from '../messages/message';
import { messageFromEnglish } from '../messages/render';

/**
 * Checking data without zod: what the workflow sandbox runs. The schemas stay zod (the events of each
 * kind in its events.ts); the validators the workflows run are generated from them at build time
 * (`npm run validators`, src/domain/generated/event-validators.ts), because every workflow evaluates
 * the workflow code's modules anew and zod's schema objects are heavy to build.
 */

/** One problem with the data, where it is and what is wrong (zod's issues have this shape too). */
export interface Issue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export type ValidationResult<T> = { success: true; data: T } | { success: false; issues: Issue[] };

/** Checks data as its zod schema does (`safeParse`): the same answer, output and messages. */
export type Validator<T> = (data: unknown) => ValidationResult<T>;

/** The validators of a catalog of zod schemas, one per event type, each with its schema's output type. */
export type ValidatorsOf<Schemas extends Record<string, z.ZodType>> = {
  [T in keyof Schemas]: Validator<z.output<Schemas[T]>>;
};

/** One line per problem, `field.path: what is wrong`, for error messages people read. */
export function describeIssues(error: { issues: ReadonlyArray<Issue> }): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/**
 * Why an event's data is refused, field by field. A field's rule as the schema writes it (English) is
 * found in the table (`field.*`) and said in the reader's language; zod's generic messages, which the
 * table does not have, stay as they are.
 */
export function invalidEvent(issues: ReadonlyArray<Issue>): Message {
  return msg('event.invalid', {
    issues: joined(
      issues.map((issue) => {
        const rule = messageFromEnglish(issue.message, 'field.') ?? issue.message;
        const path = issue.path.map(String).join('.');
        return path ? msg('event.issue', { path, rule }) : msg('text.as-is', { text: rule });
      }),
    ),
  });
}

export type ParsedEvent<E = { type: string; data: unknown }> =
  { ok: true; event: E } | { ok: false; reason: Text };

/** Checks an event's shape against a catalog; the reason names each invalid field so a caseworker can correct it. */
export function parseEvent<E extends { type: string; data: unknown }>(
  validators: Record<string, Validator<unknown>>,
  type: string,
  data: unknown,
): ParsedEvent<E> {
  if (!Object.prototype.hasOwnProperty.call(validators, type))
    return { ok: false, reason: msg('event.unknown', { type }) };
  const result = validators[type]!(data);
  if (!result.success) return { ok: false, reason: invalidEvent(result.issues) };
  return { ok: true, event: { type, data: result.data } as E };
}
