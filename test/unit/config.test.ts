import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { ensureLocalKeyFile, parseKeyRing, readKeyRingFile } from '../../src/config/encryption-keys';
import { loadRuleset } from '../../src/config/rulesets';
import { temporalConnectConfig } from '../../src/temporal/connection';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const dir = mkdtempSync(join(tmpdir(), 'rf-config-'));

describe('encryption keys', () => {
  test('the first key is active unless another is named', () => {
    expect(parseKeyRing(`a=${key(1)},b=${key(2)}`).activeKeyId).toBe('a');
    expect(parseKeyRing(`a=${key(1)},b=${key(2)}`, 'b').activeKeyId).toBe('b');
  });

  test('malformed keys are refused with the reason', () => {
    expect(() => parseKeyRing('a')).toThrow(/keyId=base64key/);
    expect(() => parseKeyRing(`a=${Buffer.alloc(16).toString('base64')}`)).toThrow(
      /key "a" must be 32 random bytes/,
    );
    expect(() => parseKeyRing(`a=${key(1)}`, 'missing')).toThrow(/"missing" is not among/);
  });

  test('the embedded default creates a local key once, readable by its owner only', () => {
    const path = join(dir, 'keys.json');
    expect(ensureLocalKeyFile(path, new Date('2026-11-22T00:00:00Z'))).toEqual({ created: true });
    const first = readFileSync(path, 'utf8');
    expect(ensureLocalKeyFile(path)).toEqual({ created: false });
    expect(readFileSync(path, 'utf8')).toBe(first);
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(readKeyRingFile(path).activeKeyId).toBe('local-2026-11-22');
  });
});

describe('rulesets', () => {
  test('the built-in default is the seeds’ proposals; the law in force is the second', () => {
    const seeds = loadRuleset('seeds-2017');
    expect(seeds.course.realOffer?.within).toBe('P1Y');
    expect(seeds.course.maximumDuration.within).toBe('P3Y');
    expect(seeds.complaints.reconsideration.within).toBe('P4W');
    expect(seeds.caseload.limit).toBe(30);
    const law = loadRuleset('law-2022');
    expect(law.course.realOffer).toBeNull();
    expect(law.course.firstMeasure).toMatchObject({ within: 'P6M', onBreach: 'back-to-team' });
  });

  test('an unknown name lists the built-in ones', () => {
    expect(() => loadRuleset('nope')).toThrow(
      /unknown ruleset "nope": use one of seeds-2017, law-2022, demo-minutes/,
    );
  });

  test('an invalid ruleset file is refused with each wrong field', () => {
    const path = join(dir, 'bad-ruleset.json');
    const broken = { ...loadRuleset('seeds-2017'), name: 'broken' } as Record<string, unknown>;
    broken.course = { ...(broken.course as object), realOffer: { within: '1 year', reminders: [] } };
    delete broken.caseload;
    writeFileSync(path, JSON.stringify(broken));
    expect(() => loadRuleset(path)).toThrow(
      /ruleset file .*bad-ruleset.json is invalid: course\.realOffer\.within: must be an ISO-8601 duration.*; caseload: /,
    );
  });

  test('a ruleset whose first escalation level waits is refused', () => {
    const path = join(dir, 'slow-escalation.json');
    const slow = {
      ...loadRuleset('seeds-2017'),
      escalation: { levels: [{ role: 'supervisor', after: 'P1W' }] },
    };
    writeFileSync(path, JSON.stringify(slow));
    expect(() => loadRuleset(path)).toThrow(/escalation\.levels: the first level is told at once/);
  });

  test('a custom ruleset file where a year is minutes loads', () => {
    const path = join(dir, 'demo.json');
    writeFileSync(path, JSON.stringify({ ...loadRuleset('demo-minutes'), name: 'my-demo', version: 2 }));
    expect(loadRuleset(path)).toMatchObject({
      name: 'my-demo',
      version: 2,
      course: { realOffer: { within: 'PT10M' } },
    });
  });
});

describe('loadConfig', () => {
  test('lists every wrong setting, one line each', () => {
    let error: unknown;
    try {
      loadConfig({ RF_API_PORT: 'eighty', RF_LOG_LEVEL: 'LOUD' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^RF_API_PORT: /),
        'RF_LOG_LEVEL: one of trace, debug, info, warn, error',
      ]),
    );
  });

  test('an encryption key is required', () => {
    expect(() => loadConfig({})).toThrow(/RF_ENCRYPTION_KEYS or RF_ENCRYPTION_KEYS_FILE/);
  });

  test('defaults fill in what is not set', () => {
    const config = loadConfig({ RF_ENCRYPTION_KEYS: `k=${key(3)}` });
    expect(config.api.port).toBe(3000);
    expect(config.ruleset.name).toBe('seeds-2017');
    expect(config.keyRing.activeKeyId).toBe('k');
  });
});

test('the all-zero example key is refused', () => {
  expect(() => parseKeyRing(`example=${Buffer.alloc(32).toString('base64')}`)).toThrow(
    /all-zero example key/,
  );
});

test("where Temporal is comes from Temporal's own environment configuration (dev server, cluster, Cloud)", () => {
  const saved = { ...process.env };
  try {
    Object.assign(process.env, {
      TEMPORAL_ADDRESS: 'kk-prod.a1b2c.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'kk-prod.a1b2c',
      TEMPORAL_API_KEY: 'an-api-key',
      TEMPORAL_CONFIG_FILE: '/nonexistent/temporal.toml',
    });
    const { connectionOptions, namespace } = temporalConnectConfig();
    expect(namespace).toBe('kk-prod.a1b2c');
    expect(connectionOptions).toMatchObject({
      address: 'kk-prod.a1b2c.tmprl.cloud:7233',
      apiKey: 'an-api-key',
      tls: true,
    });
  } finally {
    process.env = saved;
  }
});
