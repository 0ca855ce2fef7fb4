import { chooseRuleset, loadRuleset, loadRulesets } from '../../src/config/rulesets';
import { loadConfig } from '../../src/config';
import { RulesetSchema } from '../../src/domain';
import { danishDate, intakeRefusal, rulesetInForce } from '../../src/domain/engine/ruleset-choice';
import { render } from '../../src/domain/messages';

/**
 * Rules change on the day a law comes into force: a new case gets the configured ruleset version in
 * force on its (Danish) day. Versions without a date are in force from always, so configurations and
 * rulesets from before effective dates behave as before.
 */
const at = (iso: string) => Date.parse(iso);
const key = Buffer.alloc(32, 7).toString('base64');

describe('the ruleset in force on a day', () => {
  const law2022 = loadRuleset('law-2022');
  const law2026v1 = loadRuleset('law-2026@1');
  const law2026v2 = loadRuleset('law-2026');
  const candidates = [law2022, law2026v1, law2026v2];

  test('before the reform the undated law-2022 applies', () => {
    expect(rulesetInForce(candidates, at('2026-01-31T12:00:00Z'))).toBe(law2022);
  });

  test('from 1 February 2026 (Danish time) law-2026 version 1, from 1 July version 2', () => {
    // 31 January 23:30 UTC is already 1 February in Copenhagen.
    expect(rulesetInForce(candidates, at('2026-01-31T23:30:00Z'))).toBe(law2026v1);
    expect(rulesetInForce(candidates, at('2026-06-30T12:00:00Z'))).toBe(law2026v1);
    expect(rulesetInForce(candidates, at('2026-06-30T22:00:00Z'))).toBe(law2026v2);
    expect(rulesetInForce(candidates, at('2027-01-04T08:00:00Z'))).toBe(law2026v2);
  });

  test('undated versions of one name: the higher version wins, as the single configured name did', () => {
    expect(rulesetInForce(loadRulesets('seeds-2017'), Date.now())).toEqual(loadRuleset('seeds-2017'));
  });

  test('undated rulesets of different names: the one configured last wins', () => {
    expect(chooseRuleset(loadRulesets('seeds-2017, law-2022')).name).toBe('law-2022');
  });

  test('none in force yet: the earliest dated one, so a deployment configured ahead still opens cases', () => {
    expect(rulesetInForce([law2026v2], at('2026-03-01T12:00:00Z'))).toBeUndefined();
    expect(chooseRuleset([law2026v2, law2026v1], at('2025-12-01T12:00:00Z'))).toBe(law2026v1);
  });

  test('a Danish date is the calendar date in Copenhagen', () => {
    expect(danishDate(at('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});

describe('configuration', () => {
  test('RF_RULESET names one ruleset or several; a built-in name stands for all its versions', () => {
    expect(loadRulesets('law-2026').map((r) => `${r.name}@${r.version}`)).toEqual([
      'law-2026@1',
      'law-2026@2',
    ]);
    expect(loadRulesets('law-2022,law-2026@2').map((r) => `${r.name}@${r.version}`)).toEqual([
      'law-2022@1',
      'law-2022@2',
      'law-2026@2',
    ]);
    expect(() => loadRulesets(' , ')).toThrow(/name at least one ruleset/);
    expect(() => loadRulesets('law-2022,nope')).toThrow(/unknown ruleset "nope"/);
  });

  test('the configuration keeps every configured version and the one in force now', () => {
    const config = loadConfig({ RF_ENCRYPTION_KEYS: `k=${key}`, RF_RULESET: 'law-2022,law-2026' });
    expect(config.rulesets).toHaveLength(4);
    expect(config.ruleset).toBe(chooseRuleset(config.rulesets));
  });

  test('the existing rulesets stay valid without dates', () => {
    for (const name of ['seeds-2017', 'seeds-2017@1', 'law-2022', 'law-2022@1', 'demo-minutes'])
      expect(loadRuleset(name).effectiveFrom).toBeUndefined();
  });

  test('a ruleset date must be a calendar date', () => {
    const raw = { ...loadRuleset('law-2026'), effectiveFrom: '1 July 2026' };
    expect(RulesetSchema.safeParse(raw).success).toBe(false);
  });
});

describe('intake (Lov nr. 1750 af 29. december 2025: no new ressourceforløb)', () => {
  const law2026 = loadRuleset('law-2026');

  test('a new ressourceforløb is refused after the last intake day, citing the law', () => {
    expect(intakeRefusal(law2026, 'ressourceforloeb', at('2026-06-30T12:00:00Z'))).toBeUndefined();
    expect(render(intakeRefusal(law2026, 'ressourceforloeb', at('2026-07-01T08:00:00Z'))!, 'en')).toMatch(
      /no new ressourceforloeb can be opened after 2026-06-30.*Lov nr\. 1750 af 29\. december 2025/,
    );
  });

  test('other kinds of case are not closed by it', () => {
    expect(intakeRefusal(law2026, 'fleksjob', at('2027-01-04T08:00:00Z'))).toBeUndefined();
    expect(intakeRefusal(law2026, 'cash-benefit', at('2027-01-04T08:00:00Z'))).toBeUndefined();
  });

  test('a ruleset without intake never refuses', () => {
    expect(
      intakeRefusal(loadRuleset('law-2022'), 'ressourceforloeb', at('2030-01-01T08:00:00Z')),
    ).toBeUndefined();
  });
});
