import { type CaseCalendar, endOfDay, rollToWorkingDay, shiftInCalendar } from './calendar';

/**
 * Instants are ISO-8601 strings in UTC (`2026-11-22T10:00:00.000Z`) in state and messages, and epoch
 * milliseconds in arithmetic. Durations are ISO-8601 (`P1Y`, `P3M`, `P4W`, `PT10M`) so an operator can
 * write a ruleset by hand. With the ruleset's calendar (`ruleset.calendar`, see calendar.ts) years,
 * months, weeks and days are counted in its zone's calendar dates (Europe/Copenhagen: DST-safe, and
 * 31 January 00:30 + 1 month is 28/29 February 00:30 there). Without one (rulesets from before issue
 * 14, kept for the cases pinned to them) calendar units are added in UTC; a month added to 31 January
 * ends on the last day of February in UTC. Never the time zone of the machine that runs the workflow.
 */
export type Instant = string;
export type IsoDuration = string;

export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const ISO_DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

export function parseDuration(text: string): DurationParts {
  const match = ISO_DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T'))
    throw new RangeError(`not an ISO-8601 duration: "${text}"`);
  const [years, months, weeks, days, hours, minutes, seconds] = match
    .slice(1)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number, number];
  return { years, months, weeks, days, hours, minutes, seconds };
}

export function isValidDuration(text: string): boolean {
  try {
    parseDuration(text);
    return true;
  } catch {
    return false;
  }
}

/** `from` plus a duration, counted in the calendar when there is one (else in UTC). */
export function addDuration(
  from: Instant | number,
  duration: IsoDuration,
  calendar?: CaseCalendar | null,
): number {
  return shift(from, parseDuration(duration), 1, calendar);
}

/** `from` minus a duration, counted in the calendar when there is one (else in UTC). */
export function subtractDuration(
  from: Instant | number,
  duration: IsoDuration,
  calendar?: CaseCalendar | null,
): number {
  return shift(from, parseDuration(duration), -1, calendar);
}

function shift(
  from: Instant | number,
  parts: DurationParts,
  sign: 1 | -1,
  calendar: CaseCalendar | null | undefined,
): number {
  const fromMs = typeof from === 'number' ? from : toEpochMs(from);
  if (calendar) return shiftInCalendar(fromMs, parts, sign, calendar);
  const start = new Date(fromMs);
  const totalMonths = start.getUTCMonth() + sign * (parts.years * 12 + parts.months);
  const year = start.getUTCFullYear() + Math.floor(totalMonths / 12);
  const month = ((totalMonths % 12) + 12) % 12;
  const day = Math.min(start.getUTCDate(), daysInMonth(year, month));
  const calendarPart = Date.UTC(
    year,
    month,
    day,
    start.getUTCHours(),
    start.getUTCMinutes(),
    start.getUTCSeconds(),
    start.getUTCMilliseconds(),
  );
  const exact =
    (parts.weeks * 7 + parts.days) * 86_400_000 +
    parts.hours * 3_600_000 +
    parts.minutes * 60_000 +
    parts.seconds * 1000;
  return calendarPart + sign * exact;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

export function toEpochMs(instant: Instant): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: "${instant}"`);
  return ms;
}

export function toInstant(epochMs: number): Instant {
  return new Date(epochMs).toISOString();
}

/** `n` times a duration, unit by unit: scaleDuration('P1Y', 3) is P3Y, so anniversaries never drift. */
export function scaleDuration(duration: IsoDuration, n: number): IsoDuration {
  const p = parseDuration(duration);
  const date = [
    p.years ? `${p.years * n}Y` : '',
    p.months ? `${p.months * n}M` : '',
    p.weeks ? `${p.weeks * n}W` : '',
    p.days ? `${p.days * n}D` : '',
  ].join('');
  const time = [
    p.hours ? `${p.hours * n}H` : '',
    p.minutes ? `${p.minutes * n}M` : '',
    p.seconds ? `${+(p.seconds * n).toFixed(3)}S` : '',
  ].join('');
  return `P${date}${time ? `T${time}` : ''}` === 'P' ? 'PT0S' : `P${date}${time ? `T${time}` : ''}`;
}

/**
 * The end of a time a citizen has to act (a complaint window, an answer after partial medhold),
 * counted from the day they received a decision — the day it was sent (Digital Post), or `receivedOn`
 * — to the end of the last day. In a calendar, a last day that is not a working day moves to the end
 * of the next one; without one (rulesets before 2026-12), calendar days to the end of the day in UTC.
 */
export function citizenTimeEnds(
  calendar: CaseCalendar | null | undefined,
  from: Instant,
  within: IsoDuration,
  receivedOn?: string,
): number {
  if (!calendar) {
    const receipt = receivedOn ?? from.slice(0, 10);
    return addDuration(`${receipt}T00:00:00.000Z`, within) + 86_400_000 - 1;
  }
  // Noon UTC lies on the same calendar date in Denmark.
  const start = receivedOn ? `${receivedOn}T12:00:00.000Z` : from;
  return rollToWorkingDay(endOfDay(addDuration(start, within, calendar), calendar), calendar);
}
