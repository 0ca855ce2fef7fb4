import type { Ruleset } from './ruleset';

/** Legal bases of decision letters, zod-free so that the workflows can use them (the schema is in ruleset.ts). */
/**
 * The decisions a letter gives the citizen, each with the rule it applies: `decision` (a course
 * granted or refused), `routed-to-pension`, `course-concluded`, `fleksjob-ended`, and
 * `complaint-reconsidered` (the municipality changes its decision after a complaint).
 */
export const LEGAL_BASIS_KEYS = [
  'decision',
  'routed-to-pension',
  'course-concluded',
  'fleksjob-ended',
  'complaint-reconsidered',
] as const;
export type LegalBasisKey = (typeof LEGAL_BASIS_KEYS)[number];

/** The rule a decision letter gives as its legal basis (FVL § 24): what it says, in Danish, and where it is written. */
export interface LegalBasis {
  rule: string;
  source: string;
}

/**
 * What a decision letter cites when its ruleset names nothing for that decision: rulesets from
 * before legal bases were data, pinned in running cases, and an operator's ruleset without them.
 */
export const DEFAULT_LEGAL_BASIS: Record<LegalBasisKey, LegalBasis> = {
  decision: {
    rule: 'Kommunen træffer afgørelse om ressourceforløb på grundlag af rehabiliteringsteamets indstilling. Et ressourceforløb varer mindst 1 og højst 3 år.',
    source:
      'lov om en aktiv beskæftigelsesindsats, kapitel 19 (§§ 112–114), jf. lovbekendtgørelse nr. 280 af 1. marts 2024',
  },
  'routed-to-pension': {
    rule: 'Et ressourceforløb skal udvikle arbejdsevnen. Kan arbejdsevnen ikke udvikles, iværksættes der ikke et ressourceforløb, og sagen behandles i stedet med henblik på førtidspension.',
    source:
      'lov om en aktiv beskæftigelsesindsats, kapitel 19, jf. lovbekendtgørelse nr. 280 af 1. marts 2024, og lov om social pension',
  },
  'course-concluded': {
    rule: 'Kommunen skal inden ressourceforløbets afslutning træffe beslutning om, hvilke indsatser der skal iværksættes fremadrettet.',
    source:
      'lov om en aktiv beskæftigelsesindsats § 113, stk. 4, jf. lovbekendtgørelse nr. 280 af 1. marts 2024',
  },
  'fleksjob-ended': {
    rule: 'Kommunen tager stilling til, om betingelserne for fleksjob fortsat er opfyldt, og følger op på fleksjobbet.',
    source:
      'lov om en aktiv beskæftigelsesindsats, kapitel 20 (§§ 116–122), jf. lovbekendtgørelse nr. 280 af 1. marts 2024',
  },
  'complaint-reconsidered': {
    rule: 'Den myndighed, der har truffet afgørelsen, vurderer en klage igen og giver helt eller delvist medhold, hvis der er grundlag for det.',
    source:
      'retssikkerhedsloven § 66, jf. lovbekendtgørelse nr. 354 af 2. april 2025, og bekendtgørelse nr. 861 af 19. juni 2025 § 11',
  },
};

/** The legal basis a case's ruleset gives for a decision, or the default for rulesets without one. */
export function legalBasisFor(ruleset: Pick<Ruleset, 'legalBasis'>, key: LegalBasisKey): LegalBasis {
  return ruleset.legalBasis?.[key] ?? DEFAULT_LEGAL_BASIS[key];
}
