import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NOTIFICATION_TOPICS } from '../../src/domain';
import { messageFromEnglish, msg, parametersOf, render, renderTexts, texts } from '../../src/domain/messages';
import { loadTemplates } from '../../src/notifications/templates';
import { letterSamples } from '../../scripts/lib/letter-samples';

/**
 * Staff and the API read Danish: every text the system writes for them is a key of one table with a
 * Danish and an English text (src/domain/messages/texts.ts). These checks keep the table whole: a text
 * missing in one language, a parameter one language forgets, English left in a Danish text, or a key
 * the code uses that the table does not have would each show a reader a broken or English sentence.
 */
const ROOT = join(__dirname, '..', '..');
const entries = Object.entries(texts) as Array<[string, { da: string; en: string }]>;

/**
 * Common English words that have no place in a Danish sentence. Not "a" ("§ 36 a"), "is" or "to"
 * (Danish words too), nor names the Danish texts quote as they are (event and field names).
 */
const ENGLISH = new RegExp(
  `\\b(${[
    'the',
    'and',
    'not',
    'has',
    'have',
    'was',
    'were',
    'with',
    'of',
    'from',
    'already',
    'must',
    'cannot',
    'this',
    'that',
    'there',
    'which',
    'been',
    'after',
    'before',
    'until',
    'within',
    'limit',
    'deadline',
    'offer',
    'complaint',
    'refused',
    'recorded',
    'received',
    'decision',
    'citizen',
    'municipality',
    'caseworker',
    'reminder',
    'escalated',
    'case',
    'course',
  ].join('|')})\\b`,
  'i',
);

describe('the message table', () => {
  test('every key has a Danish and an English text', () => {
    const empty = entries.filter(([, text]) => !text.da.trim() || !text.en.trim()).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  test('both languages name the same parameters', () => {
    const differ = entries
      .filter(([, text]) => {
        const da = [...new Set(parametersOf(text.da))].sort();
        const en = [...new Set(parametersOf(text.en))].sort();
        return da.join() !== en.join();
      })
      .map(([key, text]) => `${key}: ${text.da} | ${text.en}`);
    expect(differ).toEqual([]);
  });

  test('no Danish text has an English word in it', () => {
    const english = entries
      .map(([key, text]) => [key, text.da.replace(/\{\w+\}/g, '')] as const)
      .filter(([, da]) => ENGLISH.test(da))
      .map(([key, da]) => `${key}: ${ENGLISH.exec(da)![0]} in "${da}"`);
    expect(english).toEqual([]);
  });

  test('every key the code uses is in the table, and every key in the table is used', () => {
    const sources = ['src', 'workflows', 'activities']
      .flatMap((dir) => filesUnder(join(ROOT, dir)))
      .filter((file) => file.endsWith('.ts') && !file.endsWith(join('messages', 'texts.ts')));
    const used = new Set<string>();
    const prefixes = new Set<string>();
    const missing: string[] = [];
    for (const file of sources) {
      const source = readFileSync(file, 'utf8');
      // msg('key', …) and msg(cond ? 'key' : 'other', …): the literal keys of the call.
      for (const call of source.matchAll(/\bmsg\(\s*([^,()]*?)\s*[,)]/g)) {
        // Keys are `area.what`: a literal without a dot is a value the condition compares with.
        for (const literal of call[1]!.matchAll(/'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) {
          used.add(literal[1]!);
          if (!(literal[1]! in texts)) missing.push(`${relative(ROOT, file)}: ${literal[1]}`);
        }
        // msg(`offer.status.${status}`): a family of keys; at least one must exist.
        const template = /^`([a-z][\w.-]*)\$\{/.exec(call[1]!);
        if (template) {
          prefixes.add(template[1]!);
          if (!entries.some(([key]) => key.startsWith(template[1]!)))
            missing.push(`${relative(ROOT, file)}: ${template[1]}*`);
        }
      }
    }
    // namesOf('ui.deadline.'): a family of keys read as a table (workflows/ui-summaries.ts).
    for (const file of sources)
      for (const family of readFileSync(file, 'utf8').matchAll(/\bnamesOf\('([a-z][\w.-]*)'\)/g))
        prefixes.add(family[1]!);
    // messageFromEnglish(text, 'field.'): a family the API looks up by its English text.
    for (const file of sources)
      for (const family of readFileSync(file, 'utf8').matchAll(
        /\bmessageFromEnglish\([^,]+,\s*'([a-z][\w.-]*)'\)/g,
      ))
        prefixes.add(family[1]!);
    expect(missing).toEqual([]);
    const unused = entries
      .map(([key]) => key)
      .filter((key) => !used.has(key) && ![...prefixes].some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });

  test('the case rules write no text of their own: timeline entries and deadline labels are messages', () => {
    const written = filesUnder(join(ROOT, 'src', 'domain'))
      .filter((file) => file.endsWith('.ts') && !file.includes(join('domain', 'messages')))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => [line, index + 1] as const)
          // A summary, label or refusal given as a literal ('…', `…`) instead of msg('key', …).
          .filter(([line]) =>
            /\b(summary|label):\s*['`"]|\breturn\s*[`"][a-z]|\breturn\s*'[^']*\s|\?\s*undefined\s*:\s*['`][a-z][^'`]*\s/.test(
              line,
            ),
          )
          .map(([line, number]) => `${relative(ROOT, file)}:${number}: ${line.trim()}`),
      );
    expect(written).toEqual([]);
  });

  test('every field rule of the table is still what a schema writes (its English text, piece by piece)', () => {
    const schemas = ['src/domain', 'src/api']
      .flatMap((dir) => filesUnder(join(ROOT, dir)))
      .filter((file) => file.endsWith('.ts') && !file.includes(join('domain', 'messages')))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const drifted = entries
      .filter(([key]) => key.startsWith('field.'))
      .filter(([, text]) => text.en.split(/\{\w+\}/).some((piece) => !schemas.includes(piece)))
      .map(([key]) => key);
    expect(drifted).toEqual([]);
  });

  test("the schemas' field rules are found by their English text, with their parameters", () => {
    const found = messageFromEnglish('must be a date from 1990-01-01 to 2100-12-31', 'field.');
    expect(found).toEqual(msg('field.date-window', { from: '1990-01-01', to: '2100-12-31' }));
    expect(render(found!)).toBe('skal være en dato fra 1990-01-01 til 2100-12-31');
    expect(messageFromEnglish('Ugyldigt input', 'field.')).toBeUndefined();
  });

  test('renders in Danish by default, English on request, with nested messages and legacy text', () => {
    const reason = msg('escalation.not-open', {
      escalationId: 'esc-1',
      status: msg('escalation.status.acknowledged'),
    });
    expect(render(reason)).toBe('eskalering esc-1 er allerede kvitteret');
    expect(render(reason, 'en')).toBe('escalation esc-1 is already acknowledged');
    // States written before the table hold English text: shown as it is.
    expect(render('offer o1 started', 'da')).toBe('offer o1 started');
    // Only messages are rendered: a reminder's `key` is not one.
    expect(renderTexts({ reminders: [{ key: 'P1W', at: 'x' }], summary: reason })).toEqual({
      reminders: [{ key: 'P1W', at: 'x' }],
      summary: 'eskalering esc-1 er allerede kvitteret',
    });
  });
});

describe('the letters', () => {
  test('every topic has a sample in docs/letters, for each audience it goes to', () => {
    const topics = new Set(letterSamples(loadTemplates()).map((sample) => sample.name.split('.')[1]));
    expect(NOTIFICATION_TOPICS.filter((topic) => !topics.has(topic))).toEqual([]);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
