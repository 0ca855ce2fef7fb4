/* eslint-disable @typescript-eslint/no-explicit-any -- the corpus is built from zod's internal definitions */
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { cashBenefitEvents } from '../../src/domain/cash-benefit/events';
import { courseEvents } from '../../src/domain/course/events';
import { fleksjobEvents } from '../../src/domain/fleksjob/events';
import {
  cashBenefitEventValidators,
  courseEventValidators,
  fleksjobEventValidators,
} from '../../src/domain/generated/event-validators';
import { invalidEvent, parseEvent, type Validator } from '../../src/domain/engine/validation';
import { assertValidatorsCurrent, validatorsFileIsCurrent } from '../../worker/validators';

/**
 * The workflows check events with validators generated from the zod schemas (worker/validators.ts).
 * Here both check the same corpus — for every event type of every kind, payloads built from its
 * schema (valid ones, and each broken in one or a few places) by a seeded generator — and must give
 * the same answer: accepted with the same data, or refused with the same reason.
 */

test('the committed validators are what the schemas generate (else: npm run validators)', async () => {
  expect(validatorsFileIsCurrent()).toBe(true);
  await expect(assertValidatorsCurrent()).resolves.toBeUndefined();
});

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function randomFrom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof randomFrom>;

const def = (schema: unknown): any => (schema as any)._zod.def;
const checksOf = (schema: unknown): any[] => ((def(schema).checks ?? []) as any[]).map((c) => c._zod.def);
const bound = (schema: unknown, check: string, key: string) =>
  checksOf(schema).find((c) => c.check === check)?.[key];

/** Strings that test the edges: control characters, CPR-shaped runs, surrogates, whitespace, dates. */
const nastyStrings = [
  '',
  ' ',
  '   x   ',
  'line\nbreak',
  'tab\there',
  'bell\u0007',
  'del\u007f',
  'c1\u0085',
  'lone \ud800 surrogate',
  'non\uffffchar',
  '010190-1234',
  '0101901234',
  'cw-3112991234',
  '1796066239',
  'x_2902961234_y',
  '3002961234',
  'a@kk.dk',
  'a@b',
  'not-an-email',
  'æøå@kommune.dk',
  '2026-02-30',
  '2026-02-28',
  '1999-12-31',
  '2100-01-01',
  '2024-02-29',
  'id-1',
  'Id.With_Dots-1',
  'højre',
  '-starts-with-dash',
  'a'.repeat(64),
  'a'.repeat(65),
  '😀 emoji',
];
const otherValues: unknown[] = [
  undefined,
  null,
  0,
  -1,
  0.1,
  0.25,
  37,
  37.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  {},
  { nested: 1 },
];

function validString(schema: unknown, key: string, random: Random): string {
  const d = def(schema);
  if (d.format === 'email') return random.pick(['a@kk.dk', 'caseworker.one@aarhus.dk', 'x_y+z@kommune.dk']);
  if (d.format === 'date') {
    const year = 2000 + random.int(100);
    return `${year}-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`;
  }
  const pattern = checksOf(schema).find((c) => c.check === 'string_format')?.pattern as RegExp | undefined;
  if (pattern || /id$/i.test(key))
    return `${random.pick(['id', 'Offer', 'k2', 'x.y_z'])}-${random.int(1000)}`;
  const max = (bound(schema, 'max_length', 'maximum') as number | undefined) ?? 50;
  const length = 1 + random.int(Math.min(max, 40));
  const letters = 'abcdefghijklmnopqrstuvwxyzæøå ABCDEFG.,-';
  let text = random.pick(['x', 'Jens', 'Hansen']);
  while (text.length < length) text += letters[random.int(letters.length)];
  return random.chance(0.2) ? `  ${text.slice(0, max - 4)}  ` : text.slice(0, max);
}

/** A payload the schema accepts (mostly: refinements across fields may still refuse it). */
function valid(schema: unknown, key: string, random: Random): unknown {
  const d = def(schema);
  switch (d.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(d.shape)) {
        const kind = def(child).type;
        if ((kind === 'optional' || kind === 'default') && random.chance(0.4)) continue;
        out[k] = valid(child, k, random);
      }
      return out;
    }
    case 'string':
      return validString(schema, key, random);
    case 'number': {
      const min = (bound(schema, 'greater_than', 'value') as number | undefined) ?? 0;
      const max = (bound(schema, 'less_than', 'value') as number | undefined) ?? 100;
      return random.chance(0.3)
        ? random.pick([min, max])
        : Math.round((min + random.next() * (max - min)) * 4) / 4;
    }
    case 'boolean':
      return random.chance(0.5);
    case 'enum':
      return random.pick(Object.values(d.entries));
    case 'literal':
      return random.pick(d.values);
    case 'array': {
      const max = (bound(schema, 'max_length', 'maximum') as number | undefined) ?? 3;
      return Array.from({ length: random.int(Math.min(max, 4) + 1) }, () => valid(d.element, key, random));
    }
    case 'optional':
    case 'nullable':
    case 'default':
      return valid(d.innerType, key, random);
    default:
      throw new Error(`the corpus does not know the zod type ${d.type}`);
  }
}

/** Breaks a payload in one place: a field removed, replaced, a key added, or a value pushed past a bound. */
function broken(schema: unknown, value: unknown, key: string, random: Random): unknown {
  const d = def(schema);
  if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') {
    return broken(d.innerType, value, key, random);
  }
  if (d.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(d.shape);
    const out = { ...(value as Record<string, unknown>) };
    const roll = random.int(10);
    if (roll === 0) out[random.pick(['unknownKey', 'extra', 'type'])] = 1;
    else if (roll === 1 && keys.length > 0) delete out[random.pick(keys)];
    else if (keys.length > 0) {
      const k = random.pick(keys);
      out[k] = broken(d.shape[k], out[k], k, random);
    }
    return out;
  }
  if (d.type === 'array' && Array.isArray(value) && value.length > 0 && random.chance(0.5)) {
    const copy = [...value];
    const i = random.int(copy.length);
    copy[i] = broken(d.element, copy[i], key, random);
    return copy;
  }
  if (d.type === 'array' && random.chance(0.3)) {
    const max = (bound(schema, 'max_length', 'maximum') as number | undefined) ?? 3;
    return Array.from({ length: max + 1 }, () => valid(d.element, key, random));
  }
  if (d.type === 'string' && random.chance(0.2)) {
    const max = (bound(schema, 'max_length', 'maximum') as number | undefined) ?? 10;
    return random.chance(0.5) ? 'y'.repeat(max + 1) : ` ${'z'.repeat(max)} `;
  }
  return random.chance(0.6) ? random.pick(nastyStrings) : random.pick(otherValues);
}

const kinds = [
  ['course', courseEvents, courseEventValidators],
  ['fleksjob', fleksjobEvents, fleksjobEventValidators],
  ['cash-benefit', cashBenefitEvents, cashBenefitEventValidators],
] as const;

/** What zod says, in the shape parseEvent answers. */
function zodAnswer(schema: z.ZodType, type: string, data: unknown) {
  const result = schema.safeParse(data);
  return result.success
    ? { ok: true, event: { type, data: result.data } }
    : { ok: false, reason: invalidEvent(result.error.issues) };
}

describe.each(kinds)(
  '%s events: the generated validators answer as zod does',
  (_kind, schemas, validators) => {
    test.each(Object.keys(schemas))('%s', (type) => {
      const schema = (schemas as Record<string, z.ZodType>)[type]!;
      const random = randomFrom(
        [...type].reduce((hash, c) => Math.imul(hash ^ c.charCodeAt(0), 16777619), 2166136261),
      );
      let accepted = 0;
      let refused = 0;
      const inputs: unknown[] = [null, [], 'x', 0, undefined];
      for (let i = 0; i < 300; i += 1) {
        const payload = valid(schema, type, random);
        inputs.push(payload);
        let bad = payload;
        for (let n = 1 + random.int(3); n > 0; n -= 1) bad = broken(schema, bad, type, random);
        inputs.push(bad);
      }
      for (const input of inputs) {
        const expected = zodAnswer(schema, type, structuredClone(input));
        const actual = parseEvent(
          validators as Record<string, Validator<unknown>>,
          type,
          structuredClone(input),
        );
        if (!isDeepStrictEqual(actual, expected)) {
          throw new Error(
            `${type}: ${JSON.stringify(input)}\n  zod:       ${JSON.stringify(expected)}\n  generated: ${JSON.stringify(actual)}`,
          );
        }
        if (expected.ok) accepted += 1;
        else refused += 1;
      }
      // The corpus must exercise both sides of every schema.
      expect(accepted).toBeGreaterThan(20);
      expect(refused).toBeGreaterThan(20);
    });
  },
);

test('every event type has a validator, and no validator has no event type', () => {
  for (const [, schemas, validators] of kinds) {
    expect(Object.keys(validators).sort()).toEqual(Object.keys(schemas).sort());
  }
});
