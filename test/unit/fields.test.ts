import {
  containsCprNumber,
  dateWithin,
  maskCprNumbers,
  personTypedId,
  text,
} from '../../src/domain/engine/fields';
import { maskCprLike } from '../../src/notifications/templates';

describe('one rule for CPR-shaped text: ten digits whose first six are a date', () => {
  test.each(['2811851234', '281185-1234', 'cw-0101001111', 'x_2902961234_y', 'A-3112991234'])(
    '%s is CPR-shaped',
    (value) => expect(containsCprNumber(value)).toBe(true),
  );
  test.each([
    'S1-1796066239', // 17/96/06 is no date
    '3002961234', // 30 February
    '2902971234', // 29 February in a year that is never a leap year (97)
    '12345678901', // eleven digits: not a CPR number
    'KBH-20261122-121608',
    'sag-1795261234',
  ])('%s is not', (value) => expect(containsCprNumber(value)).toBe(false));

  test('letters mask exactly what identifiers refuse, so an accepted case ID reads the same in a letter', () => {
    expect(maskCprNumbers('sag S1-1796066239, borger 010190-1234')).toBe(
      'sag S1-1796066239, borger xxxxxx-xxxx',
    );
    expect(maskCprLike).toBe(maskCprNumbers);
  });
});

describe('identifiers a person types never carry a CPR number', () => {
  const caseworkerId = personTypedId({ what: 'a caseworker ID' });
  test('a caseworker ID shaped like a CPR number is refused with the reason', () => {
    const result = caseworkerId.safeParse('2811851234');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'looks like a CPR number; a caseworker ID must not contain personal data',
    );
  });
  test('ordinary IDs pass', () => {
    for (const id of ['sara.caseworker', 'cw-17', 'offer_2026-01']) expect(caseworkerId.parse(id)).toBe(id);
  });
});

describe('free text refuses what no person types', () => {
  const oneLine = text(100);
  const prose = text(100, { multiline: true });
  test.each([
    ['NUL', 'a\u0000b'],
    ['BEL', 'ring\u0007'],
    ['a lone surrogate', 'x\uD800y'],
    ['a non-character', 'x\uFFFE'],
    ['DEL', 'x\u007F'],
  ])('%s is refused', (_name, value) => {
    expect(oneLine.safeParse(value).success).toBe(false);
    expect(prose.safeParse(value).success).toBe(false);
  });
  test('line breaks are prose, not a name', () => {
    expect(prose.parse('first line\nsecond line\ttabbed')).toBe('first line\nsecond line\ttabbed');
    expect(oneLine.safeParse('Jens\nJensen').success).toBe(false);
  });
  test('letters outside ASCII and emoji (surrogate pairs) are text', () => {
    expect(oneLine.parse('Søren Ærø 👍')).toBe('Søren Ærø 👍');
  });
});

test('a date outside its plausible window is refused, naming the window', () => {
  const spellStart = dateWithin('1990-01-01', '2099-12-31');
  const result = spellStart.safeParse('1900-01-01');
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.message).toBe('must be a date from 1990-01-01 to 2099-12-31');
  expect(spellStart.parse('2024-02-29')).toBe('2024-02-29');
});
