import { z } from 'zod';
import { isValidDuration } from './time';

const isoDuration = z.string().refine(isValidDuration, {
  message: 'must be a non-negative ISO-8601 duration such as P1Y, P3M, P4W or PT10M',
});

/**
 * A ruleset holds every duration and threshold the case rules use. A case is pinned to the ruleset it
 * started under: the whole value travels in the workflow's state, so editing a ruleset file later
 * never changes a running case.
 */
export const RulesetSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    version: z.number().int().positive(),
    title: z.string().min(1),
    course: z
      .object({
        /** From the course start until a real offer must have started (seeds: 1 year). */
        realOfferWithin: isoDuration,
        /** The course ends at this age at the latest (seeds: 3 years). */
        maximumDuration: isoDuration,
      })
      .strict(),
  })
  .strict();

export type Ruleset = z.infer<typeof RulesetSchema>;

export interface RulesetRef {
  name: string;
  version: number;
}

export function rulesetRef(ruleset: Ruleset): RulesetRef {
  return { name: ruleset.name, version: ruleset.version };
}
