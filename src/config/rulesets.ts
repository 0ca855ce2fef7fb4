import { readFileSync } from 'node:fs';
import demoMinutes from '../../rulesets/demo-minutes.json';
import law2022 from '../../rulesets/law-2022.json';
import seeds2017 from '../../rulesets/seeds-2017.json';
import law2022v1 from '../../rulesets/history/law-2022.v1.json';
import seeds2017v1 from '../../rulesets/history/seeds-2017.v1.json';
import { type Ruleset, RulesetSchema } from '../domain/engine/ruleset';
import { describeIssues } from '../domain/engine/validation';

/** The rulesets shipped with the product, by name. An operator can also point at a JSON file. */
export const builtInRulesets: ReadonlyMap<string, Ruleset> = new Map(
  [seeds2017, law2022, demoMinutes].map((raw) => {
    const ruleset = RulesetSchema.parse(raw);
    return [ruleset.name, ruleset];
  }),
);

/**
 * Earlier versions of the built-in rulesets, by `name@version`: cases pinned to them keep their rules
 * (the whole ruleset travels in each case), and tests of those cases load them by this name.
 */
const earlierVersions: ReadonlyMap<string, Ruleset> = new Map(
  [seeds2017v1, law2022v1].map((raw) => {
    const ruleset = RulesetSchema.parse(raw);
    return [`${ruleset.name}@${ruleset.version}`, ruleset];
  }),
);

/** A built-in ruleset's name (`name@version` for an earlier version), or the path of a ruleset JSON file; an invalid file is refused with why. */
export function loadRuleset(nameOrPath: string): Ruleset {
  const builtIn = builtInRulesets.get(nameOrPath) ?? earlierVersions.get(nameOrPath);
  if (builtIn) return builtIn;
  if (!nameOrPath.endsWith('.json')) {
    throw new Error(
      `unknown ruleset "${nameOrPath}": use one of ${[...builtInRulesets.keys()].join(', ')} or a path to a .json file`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(nameOrPath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ruleset file ${nameOrPath}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = RulesetSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`ruleset file ${nameOrPath} is invalid: ${describeIssues(parsed.error).join('; ')}`);
  return parsed.data;
}
