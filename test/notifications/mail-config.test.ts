import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config';
import { DEFAULT_MAIL_FROM, describeMailConfig, loadMailConfig } from '../../src/config/mail';
import { DEFAULT_TEMPLATES_DIR } from '../../src/notifications/templates';

const dir = mkdtempSync(join(tmpdir(), 'rf-mail-config-'));

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadMailConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

function directoryFile(content: unknown): string {
  const path = join(dir, `directory-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const contacts = {
  name: 'Københavns Kommune',
  supervisor: 'leder@kk.dk',
  'head-of-department': 'chef@kk.dk',
  jobcentre: 'jobcenter@kk.dk',
};

describe('loadMailConfig', () => {
  test('the embedded default: no SMTP, every message to the outbox folder under the data folder', () => {
    const config = loadMailConfig({});
    expect(config.transport).toEqual({ kind: 'outbox', dir: join('data', 'outbox') });
    expect(config.from).toBe(DEFAULT_MAIL_FROM);
    expect(config.messageIdDomain).toBe('kommune.invalid');
    expect(config.templates.dir).toBe(DEFAULT_TEMPLATES_DIR);
    expect(loadMailConfig({ RF_DATA_DIR: '/srv/rf' }).transport).toEqual({
      kind: 'outbox',
      dir: '/srv/rf/outbox',
    });
    expect(loadMailConfig({ RF_OUTBOX_DIR: '/srv/mail', RF_SMTP_URL: '' }).transport).toEqual({
      kind: 'outbox',
      dir: '/srv/mail',
    });
  });

  test('without a directory file, staff are the built-in placeholder addresses', () => {
    const { directory } = loadMailConfig({});
    expect(directory.addressFor({ role: 'supervisor' }, '147')).toBe('leder@kommune-147.invalid');
    expect(directory.addressFor({ role: 'head-of-department' }, '147')).toBe('chef@kommune-147.invalid');
    expect(directory.addressFor({ role: 'caseworker' }, '147')).toBe('jobcenter@kommune-147.invalid');
    expect(directory.addressFor({ role: 'caseworker', email: 'sara@kk.dk' }, '147')).toBe('sara@kk.dk');
    expect(directory.addressFor({ role: 'citizen' }, '147')).toBeUndefined();
    expect(directory.municipalityName('147')).toBe('Frederiksberg Kommune');
    expect(directory.municipalityName('400')).toBe('Bornholms Regionskommune');
    // 411 (Christiansø) is no municipality: a code outside the 98 is named by its code.
    expect(directory.municipalityName('411')).toBe('kommune 411');
  });

  test('SMTP from a URL, with a sender; the description for the log carries no credentials', () => {
    const config = loadMailConfig({
      RF_SMTP_URL: 'smtps://rf%40kk.dk:s3cret@mail.kk.dk',
      RF_MAIL_FROM: 'Jobcenter København <noreply@kk.dk>',
    });
    expect(config.transport).toMatchObject({ kind: 'smtp', server: 'smtps://mail.kk.dk:465' });
    expect(config.from).toBe('Jobcenter København <noreply@kk.dk>');
    expect(config.messageIdDomain).toBe('kk.dk');
    expect(describeMailConfig(config)).toMatch(/^mail: to SMTP smtps:\/\/mail\.kk\.dk:465; templates /);
    expect(describeMailConfig(config)).not.toMatch(/s3cret|rf%40/);
    expect(
      loadMailConfig({ RF_SMTP_URL: 'smtp://mail.kk.dk', RF_MAIL_FROM: 'noreply@kk.dk' }).transport,
    ).toMatchObject({ server: 'smtp://mail.kk.dk:587' });
  });

  test('every problem is one line, naming the setting, never echoing a password', () => {
    const problems = problemsOf({
      RF_SMTP_URL: 'http://user:hunter2@mail.kk.dk',
      RF_TEMPLATES_DIR: join(dir, 'no-such-folder'),
      RF_DIRECTORY_FILE: join(dir, 'no-such-file.json'),
    });
    expect(problems).toEqual([
      'RF_SMTP_URL: must start with smtp:// (STARTTLS when offered) or smtps:// (implicit TLS), not http://',
    ]);
    expect(problemsOf({ RF_SMTP_URL: 'not a url at all' })).toEqual([
      'RF_SMTP_URL: not a URL; use smtp://user:pass@host:port or smtps://…',
    ]);
    expect(problemsOf({ RF_SMTP_URL: 'smtp://mail.kk.dk:587' })).toEqual([
      'RF_MAIL_FROM: required with RF_SMTP_URL: the sender address your mail server accepts',
    ]);
    const several = problemsOf({
      RF_MAIL_FROM: 'a@kk.dk, b@kk.dk',
      RF_TEMPLATES_DIR: join(dir, 'no-such-folder'),
      RF_DIRECTORY_FILE: join(dir, 'no-such-file.json'),
    });
    expect(several).toEqual([
      'RF_MAIL_FROM: one address, e.g. "Jobcenter <noreply@kommune.dk>" or noreply@kommune.dk',
      `RF_TEMPLATES_DIR: cannot read the templates folder ${join(dir, 'no-such-folder')}: ENOENT`,
      `RF_DIRECTORY_FILE: cannot read ${join(dir, 'no-such-file.json')} (ENOENT)`,
    ]);
    expect(new ConfigError(several).message.split('\n')).toHaveLength(4);
    expect(JSON.stringify(problems)).not.toContain('hunter2');
  });

  test('a directory file gives each municipality its contacts and name, "*" the rest', () => {
    const file = directoryFile({
      '101': contacts,
      '*': {
        supervisor: 'leder@kommune.dk',
        'head-of-department': 'chef@kommune.dk',
        jobcentre: 'jc@kommune.dk',
      },
    });
    const { directory, directoryFile: used } = loadMailConfig({ RF_DIRECTORY_FILE: file });
    expect(used).toBe(file);
    expect(directory.addressFor({ role: 'supervisor' }, '101')).toBe('leder@kk.dk');
    expect(directory.addressFor({ role: 'caseworker' }, '101')).toBe('jobcenter@kk.dk');
    expect(directory.municipalityName('101')).toBe('Københavns Kommune');
    expect(directory.addressFor({ role: 'head-of-department' }, '147')).toBe('chef@kommune.dk');
    expect(directory.municipalityName('147')).toBe('Frederiksberg Kommune');
  });

  test('with a directory file, a municipality it does not list has no staff addresses (no placeholders)', () => {
    const { directory } = loadMailConfig({ RF_DIRECTORY_FILE: directoryFile({ '101': contacts }) });
    expect(directory.addressFor({ role: 'supervisor' }, '147')).toBeUndefined();
  });

  test('a bad directory file is refused with one line per bad field', () => {
    const file = directoryFile({
      '101': { ...contacts, supervisor: 'not an address' },
      '1O2': contacts,
      '147': { supervisor: 'leder@kk.dk', jobcentre: 'jobcenter@kk.dk', boss: 'x@kk.dk' },
    });
    expect(problemsOf({ RF_DIRECTORY_FILE: file })).toEqual([
      `RF_DIRECTORY_FILE: ${file}: 101.supervisor: not an email address`,
      `RF_DIRECTORY_FILE: ${file}: 147.head-of-department: required: an email address`,
      `RF_DIRECTORY_FILE: ${file}: 147: Unrecognized key: "boss"`,
      `RF_DIRECTORY_FILE: ${file}: 1O2: a three-digit municipality code, or "*" for every other municipality`,
    ]);
    expect(problemsOf({ RF_DIRECTORY_FILE: directoryFile('{ "101": ') })).toEqual([
      expect.stringMatching(/^RF_DIRECTORY_FILE: .*directory-\w+\.json is not valid JSON: /),
    ]);
  });
});
