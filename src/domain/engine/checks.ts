/**
 * The refinements of the event schemas as named, zod-free predicates. The zod schemas (API, OpenAPI
 * document) call them through `.refine`, and so do the validators generated for the workflow sandbox
 * (`npm run validators`), which find each one by name in `src/domain/checks.ts`: one definition, run
 * by both. A refinement written inline in a schema cannot be generated; the generator says so.
 *
 * Nothing here keeps state between calls: the workflow worker preloads this module once and freezes
 * it, so a regular expression with the g flag is built per call (replace() and test() write its
 * lastIndex), never shared.
 */

/** A refinement: true when the value is acceptable. */
export type Check<T> = (value: T) => boolean;

/** A refinement made by a factory of checks from plain arguments (`dateWithin(from, to)`), so the generator can make it again. */
export type MadeCheck<T> = Check<T> & { readonly madeBy: string; readonly args: readonly Primitive[] };
type Primitive = string | number | boolean | null;

function made<T>(madeBy: string, args: readonly Primitive[], check: Check<T>): MadeCheck<T> {
  return Object.assign(check, { madeBy, args });
}

/**
 * A CPR number is DDMMYY-SSSS (the dash optional): ten digits, not inside a longer run of digits,
 * whose first six are a date. A run of ten digits that is no date (e.g. 1796066239) is not one.
 */
const CPR_SHAPED = String.raw`(?<!\d)(\d{2})(\d{2})(\d{2})-?\d{4}(?!\d)`;

function isDayOfMonth(day: number, month: number, twoDigitYear: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Any century: 29 February counts in a year that is a leap year in 19xx or 20xx.
  const leap = twoDigitYear % 4 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** Whether the text contains something that is shaped like a CPR number. */
export function containsCprNumber(text: string): boolean {
  for (const match of text.matchAll(new RegExp(CPR_SHAPED, 'g'))) {
    if (isDayOfMonth(Number(match[1]), Number(match[2]), Number(match[3]))) return true;
  }
  return false;
}

/** Masks every CPR-shaped run (the same rule that refuses them in identifiers), leaving other digits alone. */
export function maskCprNumbers(text: string): string {
  return text.replace(new RegExp(CPR_SHAPED, 'g'), (whole, day: string, month: string, year: string) =>
    isDayOfMonth(Number(day), Number(month), Number(year)) ? 'xxxxxx-xxxx' : whole,
  );
}

/** Control characters (but tab and line breaks), unpaired surrogates and the non-characters U+FFFE/FFFF. */
const UNPRINTABLE = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cs}\uFFFE\uFFFF]/u;

/** The checks of the fields people type (src/domain/engine/fields.ts). */
export const fieldChecks = {
  /** An identifier a person chooses must never carry a CPR number. */
  noCprNumber: (id: string) => !containsCprNumber(id),
  /** One line of text: no control characters at all. */
  printableLine: (value: string) => !UNPRINTABLE.test(value),
  /** Text over several lines: line breaks and tabs, but no other control characters. */
  printableText: (value: string) => !UNPRINTABLE_EXCEPT_LINES.test(value),
  /** A calendar date (YYYY-MM-DD) from `from` to `to`, both included. */
  dateWithin: (from: string, to: string) =>
    made('dateWithin', [from, to], (value: string) => value >= from && value <= to),
};

/** The checks of the events every kind of case accepts (src/domain/engine/events.ts). */
export const commonEventChecks = {
  /** Consent names what it covers; a withdrawal covers nothing. */
  consentCoversWhatItGives: (value: { consent: boolean; covers: readonly unknown[] }) =>
    value.consent === value.covers.length > 0,
};
