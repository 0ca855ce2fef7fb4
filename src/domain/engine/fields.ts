import { z } from 'zod';
import { fieldChecks } from './checks';

/**
 * The fields people type, defined once for every kind of case and for the API's paths and queries:
 * identifiers, free text and dates. What a person typed is refused with a reason they can act on; it
 * is never silently changed.
 */

export { containsCprNumber, maskCprNumbers } from './checks';

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
    .refine(fieldChecks.noCprNumber, {
      message: `looks like a CPR number; ${what} must not contain personal data`,
    });
}

/**
 * Free text a person writes (reasoning, notes, descriptions): trimmed, 1 to `max` characters, with no
 * control characters, unpaired surrogates or non-characters. Line breaks only where `multiline`.
 */
export function text(max: number, options: { multiline?: boolean } = {}) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(options.multiline ? fieldChecks.printableText : fieldChecks.printableLine, {
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
  return z.iso.date().refine(fieldChecks.dateWithin(from, to), {
    message: `must be a date from ${from} to ${to}`,
  });
}
