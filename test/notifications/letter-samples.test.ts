import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DECISION_TOPICS } from '../../src/domain';
import { loadTemplates } from '../../src/notifications/templates';
import { letterSamples, sampleFile } from '../../scripts/lib/letter-samples';

const DIR = join(__dirname, '..', '..', 'docs', 'letters');
const samples = letterSamples(loadTemplates());

/** Words that give away English left in a letter (staff-facing included). */
const ENGLISH = /\b(the|and|not|within|limit|of|was|has|reminder|deadline|escalated|case|course|refused)\b/i;
/** A key as the code spells it: lower-case words joined by dashes (`progression-review`, `grant-course`). */
const RAW_KEY = /(?<![\p{L}\d-])\p{Ll}+(?:-\p{Ll}+)+(?![\p{L}\d-])/u;

describe('the sample of every letter in docs/letters/', () => {
  test('is current: `npm run letters` writes exactly these files', () => {
    const expected = samples.flatMap((sample) => [`${sample.name}.html`, `${sample.name}.txt`]).sort();
    const committed = existsSync(DIR) ? readdirSync(DIR).filter((file) => /\.(txt|html)$/.test(file)) : [];
    expect(committed.sort()).toEqual(expected);
    for (const sample of samples) {
      expect([sample.name, readFileSync(join(DIR, `${sample.name}.txt`), 'utf8')]).toEqual([
        sample.name,
        sampleFile(sample),
      ]);
      expect([sample.name, readFileSync(join(DIR, `${sample.name}.html`), 'utf8')]).toEqual([
        sample.name,
        sample.html,
      ]);
    }
  });

  test('covers every kind of case, and every audience of a ressourceforløb', () => {
    const kinds = new Set(samples.map((sample) => sample.name.split('.')[0]));
    expect(kinds).toEqual(new Set(['ressourceforloeb', 'fleksjob', 'cash-benefit']));
    const audiences = new Set(samples.map((sample) => sample.name.split('.')[2]));
    expect(audiences).toEqual(
      new Set(['citizen', 'relatives', 'caseworker', 'supervisor', 'head-of-department']),
    );
  });

  test('no English word, raw key or template tag in any letter', () => {
    const found = samples.flatMap((sample) =>
      [`${sample.subject}\n${sample.text}`]
        .flatMap((text) => [ENGLISH.exec(text)?.[0], RAW_KEY.exec(text)?.[0], /\{\{|\}\}/.exec(text)?.[0]])
        .filter((hit): hit is string => hit !== undefined)
        .map((hit) => `${sample.name}: ${hit}`),
    );
    expect(found).toEqual([]);
  });

  test('every decision letter to the citizen has its reasons and complete complaint guidance', () => {
    const decisions = samples.filter((sample) => {
      const [, topic, audience] = sample.name.split('.');
      return audience === 'citizen' && (DECISION_TOPICS as readonly string[]).includes(topic!);
    });
    expect(new Set(decisions.map((sample) => sample.name.split('.')[1]))).toEqual(new Set(DECISION_TOPICS));
    for (const { name, text } of decisions) {
      for (const part of [
        '\nBegrundelse\n',
        'Afgørelsen er truffet efter ',
        '\nSådan klager du\n',
        'ikke direkte til Ankestyrelsen',
        'skal kommunen have din klage senest den',
        '\nNår du har klaget\n',
      ])
        expect([name, text.includes(part)]).toEqual([name, true]);
    }
  });
});
