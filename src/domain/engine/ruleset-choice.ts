import { DateTime } from 'luxon';
import type { CaseKind } from './case';
import type { Ruleset } from './ruleset';
import { hasKey, type Message, type MessageKey, msg } from '../messages';

/**
 * Which ruleset a new case gets, by date. Rules change on the day a law comes into force, not when
 * an operator changes a setting: every configured version says from when it applies
 * (`effectiveFrom`), and a case opened on a day gets the version in force that day. Versions without
 * a date (from before issue 16) are in force from always; among equally dated ones the one configured
 * last (or, of one name, the higher version) wins — so a configuration of undated rulesets behaves
 * exactly as before.
 */

/** The Danish calendar date of an instant: rulesets are dated in Danish law's calendar. */
export function danishDate(epochMs: number): string {
  return DateTime.fromMillis(epochMs, { zone: 'Europe/Copenhagen' }).toISODate()!;
}

/** The ruleset in force on the day of `now` among `candidates` (in configuration order), or undefined if none is yet. */
export function rulesetInForce(candidates: readonly Ruleset[], now: number): Ruleset | undefined {
  const today = danishDate(now);
  let chosen: { ruleset: Ruleset; from: string; index: number } | undefined;
  candidates.forEach((ruleset, index) => {
    const from = ruleset.effectiveFrom ?? '';
    if (from > today) return;
    const later =
      !chosen ||
      from > chosen.from ||
      (from === chosen.from &&
        (ruleset.name === chosen.ruleset.name
          ? ruleset.version >= chosen.ruleset.version
          : index > chosen.index));
    if (later) chosen = { ruleset, from, index };
  });
  return chosen?.ruleset;
}

/**
 * The ruleset for a case opened at `now`; when none of the configured versions is in force yet (all
 * dated in the future), the earliest of them, so that a deployment configured ahead of a law still
 * opens cases — under the rules it will have.
 */
export function rulesetForNewCase(candidates: readonly Ruleset[], now: number): Ruleset {
  if (candidates.length === 0) throw new Error('no ruleset configured');
  return (
    rulesetInForce(candidates, now) ??
    [...candidates].sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? ''))[0]!
  );
}

/**
 * Refusal texts of the intake rules (Lov nr. 1750 af 29. december 2025), kept together so they can
 * move to a message table as one group.
 */
/** The law a ruleset's `source` names first (before its first colon): what a refusal cites. */
export function citation(source: string): string {
  return source.split(':')[0]!.trim();
}

export const intakeRefusals = {
  opening: (kind: string, until: string, source: string) =>
    msg('intake.opening', { kind: msg(`value.kind.${kind}` as MessageKey), until, source: citation(source) }),
  granting: (until: string, source: string) => msg('intake.granting', { until, source: citation(source) }),
  directing: (to: string, until: string, source: string) =>
    msg('intake.directing', {
      to: hasKey(`value.outcome.${to}`) ? msg(`value.outcome.${to}` as MessageKey) : to,
      until,
      source: citation(source),
    }),
} as const;

/** Whether the ruleset's intake for `kind` has closed by `now` (the day after `intake.until`). */
export function intakeClosed(ruleset: Ruleset, kind: CaseKind, now: number): boolean {
  const intake = ruleset.intake;
  return !!intake && intake.kinds.includes(kind) && danishDate(now) > intake.until;
}

/** A new case of `kind` opened at `now` under `ruleset`: the reason it is refused, if its intake has closed. */
export function intakeRefusal(ruleset: Ruleset, kind: CaseKind, now: number): Message | undefined {
  if (!intakeClosed(ruleset, kind, now)) return undefined;
  return intakeRefusals.opening(kind, ruleset.intake!.until, ruleset.intake!.source);
}
