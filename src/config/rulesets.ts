import { readFileSync } from 'node:fs';
import demoMinutes from '../../rulesets/demo-minutes.json';
import law2022 from '../../rulesets/law-2022.json';
import law2026 from '../../rulesets/law-2026.json';
import seeds2017 from '../../rulesets/seeds-2017.json';
import law2022v1 from '../../rulesets/history/law-2022.v1.json';
import law2026v1 from '../../rulesets/history/law-2026.v1.json';
import seeds2017v1 from '../../rulesets/history/seeds-2017.v1.json';
import { type Ruleset, RulesetSchema } from '../domain/engine/ruleset';
import { rulesetForNewCase } from '../domain/engine/ruleset-choice';
import { describeIssues } from '../domain/engine/validation';

/** The rulesets shipped with the product, by name. An operator can also point at a JSON file. */
export const builtInRulesets: ReadonlyMap<string, Ruleset> = new Map(
  [seeds2017, law2022, demoMinutes, law2026].map((raw) => {
    const ruleset = RulesetSchema.parse(raw);
    return [ruleset.name, ruleset];
  }),
);

/**
 * Earlier versions of the built-in rulesets, by `name@version`: cases pinned to them keep their rules
 * (the whole ruleset travels in each case), and tests of those cases load them by this name.
 */
const earlierVersions: ReadonlyMap<string, Ruleset> = new Map(
  [seeds2017v1, law2022v1, law2026v1].map((raw) => {
    const ruleset = RulesetSchema.parse(raw);
    return [`${ruleset.name}@${ruleset.version}`, ruleset];
  }),
);

/** A built-in ruleset's name (`name@version` for one version), or the path of a ruleset JSON file; an invalid file is refused with why. */
export function loadRuleset(nameOrPath: string): Ruleset {
  const builtIn =
    builtInRulesets.get(nameOrPath) ??
    earlierVersions.get(nameOrPath) ??
    [...builtInRulesets.values()].find((ruleset) => `${ruleset.name}@${ruleset.version}` === nameOrPath);
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

/**
 * The rulesets a deployment may give new cases (`RF_RULESET`): one entry or several, separated by
 * commas. A built-in name stands for every version of it (each in force from its `effectiveFrom`);
 * `name@version` or a file path for that one version. A new case gets the one in force on its day
 * (src/domain/engine/ruleset-choice.ts); undated versions are in force from always, so a single
 * undated name behaves as before.
 */
export function loadRulesets(setting: string): Ruleset[] {
  const entries = setting
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('RF_RULESET: name at least one ruleset');
  return entries.flatMap((entry) => {
    const current = builtInRulesets.get(entry);
    if (!current) return [loadRuleset(entry)];
    const earlier = [...earlierVersions.values()].filter((ruleset) => ruleset.name === entry);
    return [...earlier.sort((a, b) => a.version - b.version), current];
  });
}

/** Every version of every built-in ruleset, by `name@version` (the current ones too). */
export function allBuiltInVersions(): ReadonlyMap<string, Ruleset> {
  return new Map([
    ...earlierVersions,
    ...[...builtInRulesets.values()].map(
      (ruleset) => [`${ruleset.name}@${ruleset.version}`, ruleset] as const,
    ),
  ]);
}

/** The configured ruleset a case opened at `now` gets. */
export function chooseRuleset(candidates: readonly Ruleset[], now: number = Date.now()): Ruleset {
  return rulesetForNewCase(candidates, now);
}
