import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleset } from '../../src/config/rulesets';
import {
  DEFAULT_LEGAL_BASIS,
  LEGAL_BASIS_KEYS,
  legalBasisFor,
  type Ruleset,
  RulesetSchema,
} from '../../src/domain';
import { decisionFacts } from '../../src/domain/engine/draft';

const ROOT = join(__dirname, '..', '..');

describe('the legal basis a decision letter cites, as ruleset data', () => {
  test.each(['seeds-2017', 'law-2022', 'demo-minutes'])(
    'the built-in ruleset %s names a rule and its source for every decision',
    (name) => {
      const ruleset = loadRuleset(name);
      for (const key of LEGAL_BASIS_KEYS) {
        const basis = ruleset.legalBasis?.[key];
        expect([key, basis?.rule.length]).toEqual([key, expect.any(Number)]);
        // A paragraph, or at least the chapter (routed-to-pension: the memo names no paragraph for it).
        expect(basis!.source).toMatch(/§|kapitel \d+/);
      }
    },
  );

  test('optional: the benchmark’s ruleset and a ruleset pinned in a case before it existed still validate, and cite the default', () => {
    const storm = JSON.parse(readFileSync(join(ROOT, 'bench', 'rulesets', 'storm.json'), 'utf8')) as unknown;
    expect(RulesetSchema.safeParse(storm).success).toBe(true);
    const { legalBasis: _dropped, ...pinnedBefore } = loadRuleset('seeds-2017');
    expect(legalBasisFor(pinnedBefore as Ruleset, 'course-concluded')).toEqual(
      DEFAULT_LEGAL_BASIS['course-concluded'],
    );
  });

  test('an operator’s ruleset can change one decision’s text; an unknown decision or an empty text is refused', () => {
    const seeds = loadRuleset('seeds-2017');
    const own = RulesetSchema.parse({
      ...seeds,
      legalBasis: { decision: { rule: 'Kommunens egen formulering.', source: 'LAB § 112' } },
    });
    expect(legalBasisFor(own, 'decision')).toEqual({
      rule: 'Kommunens egen formulering.',
      source: 'LAB § 112',
    });
    expect(legalBasisFor(own, 'fleksjob-ended')).toEqual(DEFAULT_LEGAL_BASIS['fleksjob-ended']);
    expect(
      RulesetSchema.safeParse({ ...seeds, legalBasis: { pension: { rule: 'x', source: 'y' } } }).success,
    ).toBe(false);
    expect(
      RulesetSchema.safeParse({ ...seeds, legalBasis: { decision: { rule: ' ', source: 'LAB' } } }).success,
    ).toBe(false);
  });

  test('a decision’s facts: the rule, the reasoning, and the last day to complain 4 calendar weeks on, to the end of that day', () => {
    const facts = decisionFacts(loadRuleset('law-2022'), 'decision', 'Fordi.', '2027-03-26T09:00:00.000Z');
    expect(facts).toEqual({
      decidedAt: '2027-03-26T09:00:00.000Z',
      complaintWindow: 'P4W',
      // Friday 23 April 2027, 23:59:59.999 Copenhagen summer time.
      complaintBy: '2027-04-23T21:59:59.999Z',
      reconsiderationWithin: 'P4W',
      legalRule: DEFAULT_LEGAL_BASIS.decision.rule,
      legalSource: DEFAULT_LEGAL_BASIS.decision.source,
      reasoning: 'Fordi.',
    });
    expect(
      decisionFacts(loadRuleset('law-2022'), 'decision', undefined, '2027-03-26T09:00:00.000Z'),
    ).not.toHaveProperty('reasoning');
  });
});

test('a complaint window ending on a Saturday gives the letter the Monday after, as the case counts it', () => {
  // Decided Saturday 2027-02-06: 4 weeks end on Saturday 2027-03-06 → Monday 2027-03-08.
  const facts = decisionFacts(loadRuleset('law-2022'), 'decision', undefined, '2027-02-06T10:00:00.000Z');
  expect(facts.complaintBy).toBe('2027-03-08T22:59:59.999Z');
  // A version 1 ruleset (no calendar) keeps the instant 4 weeks on.
  expect(
    decisionFacts(loadRuleset('law-2022@1'), 'decision', undefined, '2027-02-06T10:00:00.000Z').complaintBy,
  ).toBe('2027-03-06T10:00:00.000Z');
});
