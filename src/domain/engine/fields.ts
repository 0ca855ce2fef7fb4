import { z } from 'zod';

/**
 * The fields people type, defined once for every kind of case and for the API's paths and queries:
 * identifiers, free text and dates. What a person typed is refused with a reason they can act on; it
 * is never silently changed.
 */

/**
 * A CPR number is DDMMYY-SSSS (the dash optional): ten digits, not inside a longer run of digits,
 * whose first six are a date. A run of ten digits that is no date (e.g. 1796066239) is not one.
 */
const CPR_SHAPED = /(?<!\d)(\d{2})(\d{2})(\d{2})-?\d{4}(?!\d)/g;

function isDayOfMonth(day: number, month: number, twoDigitYear: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Any century: 29 February counts in a year that is a leap year in 19xx or 20xx.
  const leap = twoDigitYear % 4 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** Whether the text contains something that is shaped like a CPR number. */
export function containsCprNumber(text: string): boolean {
  for (const match of text.matchAll(CPR_SHAPED)) {
    if (isDayOfMonth(Number(match[1]), Number(match[2]), Number(match[3]))) return true;
  }
  return false;
}

/** Masks every CPR-shaped run (the same rule that refuses them in identifiers), leaving other digits alone. */
export function maskCprNumbers(text: string): string {
  return text.replace(CPR_SHAPED, (whole, day: string, month: string, year: string) =>
    isDayOfMonth(Number(day), Number(month), Number(year)) ? 'xxxxxx-xxxx' : whole,
  );
}

/**
 * An identifier a person chooses (a case, caseworker, offer, relative, complaint or escalation ID). It
 * appears in URLs, logs and search attributes, so it must never carry a CPR number.
 */
export function personTypedId(options: { min?: number; max?: number; what?: string } = {}) {
  const { min = 1, max = 64, what = 'an ID' } = options;
  return z
    .string()
    .regex(
      new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]{${min - 1},${max - 1}}$`),
      `${min}–${max} letters, digits, dots, dashes or underscores`,
    )
    .refine((id) => !containsCprNumber(id), {
      message: `looks like a CPR number; ${what} must not contain personal data`,
    });
}

/** Control characters (but tab and line breaks), unpaired surrogates and the non-characters U+FFFE/FFFF. */
const UNPRINTABLE = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cs}\uFFFE\uFFFF]/u;

/**
 * Free text a person writes (reasoning, notes, descriptions): trimmed, 1 to `max` characters, with no
 * control characters, unpaired surrogates or non-characters. Line breaks only where `multiline`.
 */
export function text(max: number, options: { multiline?: boolean } = {}) {
  const forbidden = options.multiline ? UNPRINTABLE_EXCEPT_LINES : UNPRINTABLE;
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !forbidden.test(value), {
      message: options.multiline
        ? 'must not contain control characters'
        : 'one line, without control characters',
    });
}

/**
 * A calendar date (YYYY-MM-DD) inside a plausible window, named in the message so the person sees
 * what is accepted: a kontanthjælp spell from 1900 is a typing error, not a fact.
 */
export function dateWithin(from: string, to: string) {
  return z.iso.date().refine((value) => value >= from && value <= to, {
    message: `must be a date from ${from} to ${to}`,
  });
}
