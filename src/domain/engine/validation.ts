import type { z } from 'zod';
import { msg, type Text } from '../messages/message';

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
  // The fields' own messages are the schemas' (English until the schemas speak from the table).
  if (!result.success)
    return { ok: false, reason: msg('event.invalid', { issues: describeIssues(result).join('; ') }) };
  return { ok: true, event: { type, data: result.data } as E };
}
