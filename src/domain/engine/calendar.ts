import { DateTime } from 'luxon';
import holidaysDk from './holidays-dk.json';

/**
 * The calendar a ruleset counts its deadlines in (`ruleset.calendar`). With one, durations are
 * counted in the zone's calendar dates — "4 weeks" and "1 year" from a day are the same wall-clock
 * time that many dates later, across summer time, and a month added to 31 January ends on the last
 * day of February — and a deadline for the citizen to act that ends on a day off moves to the next
 * working day. Without one (rulesets from before issue 14), durations are added in UTC, as the cases
 * pinned to those rulesets were promised.
 *
 * Luxon does the zoned arithmetic (its zones come from `Intl`, which the workflow sandbox has). The
 * public holidays come from `date-holidays` through a generated table (`holidays-dk.json`,
 * regenerated and compared by the unit tests), because that library is too heavy for the sandbox.
 */
export interface CaseCalendar {
  /** IANA time zone whose calendar dates durations are counted in, e.g. Europe/Copenhagen. */
  zone: string;
  /** Whose public holidays are days off (besides Saturdays and Sundays); null: none. */
  holidays: 'DK' | null;
  /**
   * Days that are not public holidays but count as days off for the citizen's deadlines, as
   * month-day (`06-05` Grundlovsdag, `12-24`, `12-31`). Not settled in law for complaints: a
   * municipality's jurist decides (the analogy is forældelsesloven § 27, stk. 2).
   */
  extraNonWorkingDays: string[];
}

/** The Danish calendar without extra days off: Saturdays, Sundays and helligdage. */
export const DANISH_CALENDAR: CaseCalendar = {
  zone: 'Europe/Copenhagen',
  holidays: 'DK',
  extraNonWorkingDays: [],
};

const holidayTables: Record<'DK', { from: number; to: number; days: Record<string, string> }> = {
  DK: holidaysDk,
};

export function isValidZone(zone: string): boolean {
  return DateTime.fromMillis(0, { zone }).isValid;
}

function local(epochMs: number, calendar: CaseCalendar): DateTime {
  const date = DateTime.fromMillis(epochMs, { zone: calendar.zone });
  if (!date.isValid) throw new RangeError(`not a usable time zone: "${calendar.zone}"`);
  return date;
}

/** The public holiday on that calendar date, by name, if it is one. */
export function holidayOn(isoDate: string, calendar: CaseCalendar): string | undefined {
  if (!calendar.holidays) return undefined;
  const table = holidayTables[calendar.holidays];
  const year = Number(isoDate.slice(0, 4));
  if (year < table.from || year > table.to) {
    throw new RangeError(
      `no ${calendar.holidays} public holidays known for ${year} (the table covers ${table.from}–${table.to}: npm run holidays:generate)`,
    );
  }
  return table.days[isoDate];
}

/**
 * Whether the calendar date (in the calendar's zone) of an instant is a working day: not a Saturday
 * or Sunday, not a public holiday, not one of the ruleset's extra days off. Without a calendar every
 * day counts (the arithmetic of rulesets from before issue 14 knows no days off).
 */
export function isWorkingDay(epochMs: number, calendar?: CaseCalendar | null): boolean {
  if (!calendar) return true;
  return remembered(
    workingDays,
    `${epochMs}|${calendar.zone}|${calendar.holidays}|${calendar.extraNonWorkingDays.join()}`,
    () => computeIsWorkingDay(epochMs, calendar),
  );
}

function computeIsWorkingDay(epochMs: number, calendar: CaseCalendar): boolean {
  const date = local(epochMs, calendar);
  if (date.weekday >= 6) return false;
  const isoDate = date.toISODate()!;
  if (calendar.extraNonWorkingDays.includes(isoDate.slice(5))) return false;
  return holidayOn(isoDate, calendar) === undefined;
}

/** The first millisecond of a calendar date (YYYY-MM-DD) in the calendar's zone; without a calendar, in UTC. */
export function startOfDate(isoDate: string, calendar?: CaseCalendar | null): number {
  if (!calendar) return Date.parse(`${isoDate}T00:00:00.000Z`);
  const date = DateTime.fromISO(isoDate, { zone: calendar.zone }).startOf('day');
  if (!date.isValid) throw new RangeError(`not a calendar date in ${calendar.zone}: "${isoDate}"`);
  return date.toMillis();
}

/** The last millisecond (23:59:59.999 local time) of the calendar date of an instant. */
export function endOfDay(epochMs: number, calendar: CaseCalendar): number {
  return local(epochMs, calendar).endOf('day').toMillis();
}

/**
 * A deadline for the citizen to act that ends on a day off moves to the next working day.
 *
 * - The instant's calendar date (in the calendar's zone) is a working day: the instant itself,
 *   unchanged (a deadline that already ends at the end of its day stays there).
 * - It is not: the **end of the next working day** — 23:59:59.999 local time of the first working
 *   day after it (the citizen has all of that day, as "to the end of the last day" counts it).
 * - No calendar (a ruleset from before issue 14): the instant, unchanged.
 *
 * E.g. a complaint window ending Friday 3 April 2026 (langfredag) moves through Easter to
 * Tuesday 7 April 2026 23:59:59.999 Copenhagen time (21:59:59.999Z).
 */
export function rollToWorkingDay(epochMs: number, calendar?: CaseCalendar | null): number {
  if (!calendar || isWorkingDay(epochMs, calendar)) return epochMs;
  let day = local(epochMs, calendar).startOf('day');
  // At most a long Easter or Christmas plus extra days: bounded well within a month.
  for (let step = 0; step < 31; step += 1) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day.toMillis(), calendar)) return day.endOf('day').toMillis();
  }
  throw new RangeError(`no working day within a month after ${day.toISODate()}`);
}

/** Calendar units added in the calendar's zone (wall-clock time kept, month ends clamped); time units exactly. */
export function shiftInCalendar(
  epochMs: number,
  parts: {
    years: number;
    months: number;
    weeks: number;
    days: number;
    hours: number;
    minutes: number;
    seconds: number;
  },
  sign: 1 | -1,
  calendar: CaseCalendar,
): number {
  const key = `${epochMs}|${sign}|${parts.years},${parts.months},${parts.weeks},${parts.days},${parts.hours},${parts.minutes},${parts.seconds}|${calendar.zone}`;
  return remembered(shifts, key, () => computeShift(epochMs, parts, sign, calendar));
}

function computeShift(
  epochMs: number,
  parts: Parameters<typeof shiftInCalendar>[1],
  sign: 1 | -1,
  calendar: CaseCalendar,
): number {
  const date = local(epochMs, calendar);
  const calendarUnits = { years: parts.years, months: parts.months, weeks: parts.weeks, days: parts.days };
  const shifted = sign === 1 ? date.plus(calendarUnits) : date.minus(calendarUnits);
  const exact = ((parts.hours * 60 + parts.minutes) * 60 + parts.seconds) * 1000;
  return shifted.toMillis() + sign * exact;
}

/**
 * Zoned arithmetic is the costliest thing a case does: Luxon works out the zone's offset through
 * `Intl` for every date it makes, and a case resolves the same deadlines from the same instants again
 * at every event, timer and read (in the events benchmark, half the workflow thread's time). Both
 * functions above are pure — the same instant, duration and calendar always give the same answer —
 * so their answers are remembered: the memo changes no result, only how often one is computed, which
 * is why it may be shared by every workflow in the worker (see workflows/shared-modules.ts). Bounded:
 * emptied when full.
 */
const MEMO_LIMIT = 20_000;
const shifts = new Map<string, number>();
const workingDays = new Map<string, boolean>();

function remembered<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}
