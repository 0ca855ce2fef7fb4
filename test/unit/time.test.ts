import {
  addDuration,
  isValidDuration,
  parseDuration,
  subtractDuration,
  toInstant,
} from '../../src/domain/engine/time';

const at = (iso: string) => Date.parse(iso);

describe('ISO-8601 durations', () => {
  test.each(['P1Y', 'P3M', 'P4W', 'P10D', 'PT5M', 'PT1H30M', 'P1Y2M3DT4H5M6S', 'PT0.5S', 'P0D'])(
    '%s is valid',
    (text) => {
      expect(isValidDuration(text)).toBe(true);
    },
  );

  test.each(['', 'P', 'PT', '1Y', 'P-1Y', 'P1.5Y', 'P1YT', 'PT1D', 'one year', 'P1Y ', 'p1y'])(
    '"%s" is refused',
    (text) => {
      expect(isValidDuration(text)).toBe(false);
      expect(() => parseDuration(text)).toThrow(RangeError);
    },
  );

  test('parses every unit', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7,
    });
  });
});

describe('calendar arithmetic in UTC', () => {
  test('a year lands on the same date and time', () => {
    expect(toInstant(addDuration('2026-03-01T10:00:00.000Z', 'P1Y'))).toBe('2027-03-01T10:00:00.000Z');
  });

  test('a year from 29 February ends on 28 February', () => {
    expect(toInstant(addDuration('2028-02-29T00:00:00.000Z', 'P1Y'))).toBe('2029-02-28T00:00:00.000Z');
  });

  test('a month from 31 January ends on the last day of February', () => {
    expect(toInstant(addDuration('2027-01-31T12:00:00.000Z', 'P1M'))).toBe('2027-02-28T12:00:00.000Z');
  });

  test('months roll over the year in both directions', () => {
    expect(toInstant(addDuration('2026-11-15T00:00:00.000Z', 'P3M'))).toBe('2027-02-15T00:00:00.000Z');
    expect(toInstant(subtractDuration('2027-02-15T00:00:00.000Z', 'P3M'))).toBe('2026-11-15T00:00:00.000Z');
  });

  test('weeks, days and time units are exact', () => {
    expect(addDuration(at('2026-01-01T00:00:00Z'), 'P4W') - at('2026-01-01T00:00:00Z')).toBe(28 * 86_400_000);
    expect(addDuration(at('2026-01-01T00:00:00Z'), 'PT1H30M15S') - at('2026-01-01T00:00:00Z')).toBe(
      5_415_000,
    );
  });

  test('three years are 1096 days across one leap year', () => {
    const start = at('2027-01-01T00:00:00Z');
    expect((addDuration(start, 'P3Y') - start) / 86_400_000).toBe(1095 + 1);
  });
});
