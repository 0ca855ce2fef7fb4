import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fleksjob, openFleksjob, type Ruleset, RulesetSchema } from '../../src/domain';
import {
  type CaseCalendar,
  DANISH_CALENDAR,
  endOfDay,
  holidayOn,
  isWorkingDay,
  rollToWorkingDay,
} from '../../src/domain/engine/calendar';
import { addDuration, subtractDuration, toInstant } from '../../src/domain/engine/time';
import { danishPublicHolidays, holidayTableJson } from '../../scripts/lib/holidays';
import { caseworker, law, seeds } from '../helpers/core';

const ms = (iso: string) => Date.parse(iso);
const iso = (epochMs: number) => toInstant(epochMs);
const withExtraDays: CaseCalendar = { ...DANISH_CALENDAR, extraNonWorkingDays: ['06-05', '12-24', '12-31'] };

describe('the holiday table', () => {
  test('is what date-holidays gives today: regenerated and compared, so it cannot go stale', () => {
    const committed = readFileSync(
      join(__dirname, '..', '..', 'src', 'domain', 'engine', 'holidays-dk.json'),
      'utf8',
    );
    expect(committed).toBe(holidayTableJson(danishPublicHolidays()));
  });

  test('helligdage only: store bededag until 2023, gone from 2024; Grundlovsdag, 24 and 31 December are not', () => {
    expect(holidayOn('2023-05-05', DANISH_CALENDAR)).toBe('Store Bededag');
    expect(holidayOn('2024-04-26', DANISH_CALENDAR)).toBeUndefined();
    expect(holidayOn('2027-04-23', DANISH_CALENDAR)).toBeUndefined(); // would have been store bededag
    for (const day of ['2026-06-05', '2026-12-24', '2026-12-31', '2026-05-01']) {
      expect(holidayOn(day, DANISH_CALENDAR)).toBeUndefined();
    }
    // The memo's table for 2026 and 2027 (computed from Easter).
    expect(
      ['2026-01-01', '2026-04-02', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-14', '2026-05-24'].map(
        (day) => holidayOn(day, DANISH_CALENDAR) !== undefined,
      ),
    ).toEqual([true, true, true, true, true, true, true]);
    expect(holidayOn('2027-03-25', DANISH_CALENDAR)).toBe('Skærtorsdag');
    expect(holidayOn('2027-05-17', DANISH_CALENDAR)).toBe('Anden Pinsedag');
    expect(holidayOn('2027-12-26', DANISH_CALENDAR)).toBe('Anden Juledag');
  });

  test('a year outside the table is refused, naming how to extend it', () => {
    expect(() => isWorkingDay(ms('2100-03-03T10:00:00Z'), DANISH_CALENDAR)).toThrow(/holidays:generate/);
  });
});

describe('durations in Danish calendar dates', () => {
  test('31 January 00:30 Copenhagen time (30 January 23:30 UTC) + 1 month is 28 February 00:30 — not 1 March', () => {
    const opened = ms('2027-01-30T23:30:00.000Z');
    expect(iso(addDuration(opened, 'P1M', DANISH_CALENDAR))).toBe('2027-02-27T23:30:00.000Z');
    expect(iso(addDuration(ms('2028-01-30T23:30:00.000Z'), 'P1M', DANISH_CALENDAR))).toBe(
      '2028-02-28T23:30:00.000Z', // 29 February 00:30, a leap year
    );
    // Without a calendar (rulesets from before issue 14): UTC, as the cases pinned to them were promised.
    expect(iso(addDuration(opened, 'P1M'))).toBe('2027-02-28T23:30:00.000Z'); // 1 March in Copenhagen
  });

  test('across summer time a day is a calendar day (23 or 25 hours) and the wall-clock time stays', () => {
    const saturday = ms('2027-03-27T08:00:00.000Z'); // 09:00 CET
    expect(iso(addDuration(saturday, 'P1D', DANISH_CALENDAR))).toBe('2027-03-28T07:00:00.000Z'); // 09:00 CEST
    expect(iso(addDuration(saturday, 'P4W', DANISH_CALENDAR))).toBe('2027-04-24T07:00:00.000Z');
    expect(iso(addDuration(ms('2027-10-30T07:00:00.000Z'), 'P1D', DANISH_CALENDAR))).toBe(
      '2027-10-31T08:00:00.000Z',
    );
    // Time units are exact: 24 hours are 24 hours.
    expect(iso(addDuration(saturday, 'PT24H', DANISH_CALENDAR))).toBe('2027-03-28T08:00:00.000Z');
  });

  test('subtracting: month ends clamp, and reminders keep the wall-clock time', () => {
    expect(iso(subtractDuration(ms('2027-03-30T22:00:00.000Z'), 'P1M', DANISH_CALENDAR))).toBe(
      '2027-02-27T23:00:00.000Z', // 31 March 00:00 CEST − 1 month = 28 February 00:00 CET
    );
    expect(iso(subtractDuration(ms('2027-04-04T07:00:00.000Z'), 'P2W', DANISH_CALENDAR))).toBe(
      '2027-03-21T08:00:00.000Z',
    );
  });
});

describe('a deadline for the citizen that ends on a day off moves to the next working day', () => {
  test('received Friday 6 March 2026: 4 weeks end on langfredag 3 April, and move through Easter to Tuesday 7 April, end of day', () => {
    const received = ms('2026-03-06T10:00:00.000Z');
    const windowEnd = endOfDay(addDuration(received, 'P4W', DANISH_CALENDAR), DANISH_CALENDAR);
    expect(iso(windowEnd)).toBe('2026-04-03T21:59:59.999Z');
    expect(isWorkingDay(windowEnd, DANISH_CALENDAR)).toBe(false);
    expect(iso(rollToWorkingDay(windowEnd, DANISH_CALENDAR))).toBe('2026-04-07T21:59:59.999Z');
  });

  test('a working day is kept as it is, to the millisecond', () => {
    const thursday = ms('2026-03-26T12:34:56.789Z');
    expect(isWorkingDay(thursday, DANISH_CALENDAR)).toBe(true);
    expect(rollToWorkingDay(thursday, DANISH_CALENDAR)).toBe(thursday);
  });

  test('a weekend moves to Monday; the day is the Copenhagen date, not the UTC one', () => {
    // Friday 23:30 UTC is Saturday 00:30 in Copenhagen.
    const saturdayInCopenhagen = ms('2026-03-06T23:30:00.000Z');
    expect(isWorkingDay(saturdayInCopenhagen, DANISH_CALENDAR)).toBe(false);
    expect(iso(rollToWorkingDay(saturdayInCopenhagen, DANISH_CALENDAR))).toBe('2026-03-09T22:59:59.999Z');
    expect(isWorkingDay(ms('2026-03-06T22:59:59.999Z'), DANISH_CALENDAR)).toBe(true); // still Friday there
  });

  test('Christmas: juledag and 2. juledag, then the weekend', () => {
    expect(iso(rollToWorkingDay(ms('2026-12-25T12:00:00.000Z'), DANISH_CALENDAR))).toBe(
      '2026-12-28T22:59:59.999Z',
    );
  });

  test('Grundlovsdag, 24 and 31 December are working days unless the ruleset adds them', () => {
    for (const day of ['2026-06-05T10:00:00.000Z', '2026-12-24T10:00:00.000Z', '2026-12-31T10:00:00.000Z']) {
      expect(rollToWorkingDay(ms(day), DANISH_CALENDAR)).toBe(ms(day));
    }
    expect(iso(rollToWorkingDay(ms('2026-06-05T10:00:00.000Z'), withExtraDays))).toBe(
      '2026-06-08T21:59:59.999Z',
    );
    expect(iso(rollToWorkingDay(ms('2026-12-24T10:00:00.000Z'), withExtraDays))).toBe(
      '2026-12-28T22:59:59.999Z',
    );
    // 31 December, nytårsdag, a weekend: Monday 4 January.
    expect(iso(rollToWorkingDay(ms('2026-12-31T10:00:00.000Z'), withExtraDays))).toBe(
      '2027-01-04T22:59:59.999Z',
    );
  });

  test('without a calendar (a ruleset from before issue 14) nothing moves', () => {
    const sunday = ms('2026-03-08T10:00:00.000Z');
    expect(isWorkingDay(sunday)).toBe(true);
    expect(rollToWorkingDay(sunday)).toBe(sunday);
    expect(rollToWorkingDay(sunday, null)).toBe(sunday);
  });
});

describe('the calendar is a ruleset field', () => {
  test('the built-in rulesets count in Europe/Copenhagen with Danish helligdage, no extra days off', () => {
    for (const ruleset of [seeds, law]) {
      expect(ruleset.version).toBe(2);
      expect(ruleset.calendar).toMatchObject({
        zone: 'Europe/Copenhagen',
        holidays: 'DK',
        extraNonWorkingDays: [],
      });
    }
  });

  test('an unknown zone or a malformed day is refused', () => {
    const result = RulesetSchema.safeParse({
      ...seeds,
      calendar: { zone: 'Europe/Kastrup', holidays: 'DK', extraNonWorkingDays: ['24-12'] },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'calendar.zone',
      'calendar.extraNonWorkingDays.0',
    ]);
  });

  test('a case pinned to version 1 (no calendar) keeps its UTC arithmetic; version 2 counts in Copenhagen', () => {
    const version1: Ruleset = { ...seeds, version: 1, calendar: undefined };
    const T0 = ms('2027-01-04T08:00:00.000Z');
    const open = (ruleset: Ruleset) =>
      openFleksjob(
        {
          caseId: 'FJ-1',
          municipality: '751',
          citizen: { cpr: '020285-2222', name: 'K' },
          job: { weeklyHours: 12 },
        },
        ruleset,
        T0,
        caseworker,
      );
    const review = (ruleset: Ruleset) =>
      fleksjob.deadlines(open(ruleset)).find((deadline) => deadline.id === 'progression-review')!.dueAt;
    expect(review(version1)).toBe('2027-05-02T08:00:00.000Z');
    expect(review(seeds)).toBe('2027-05-02T07:00:00.000Z');
  });
});
