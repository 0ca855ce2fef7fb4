import { danishDate } from './engine/ruleset-choice';

/**
 * The phase-out of ressourceforløb (Lov nr. 1750 af 29. december 2025: no new courses, running ones
 * completed): how many running courses each municipality still has, by the month they end — the
 * last day of the granted period ("frem til"), or the course's maximum duration where that comes
 * first or no period was granted. Pure: the API feeds it the running courses' views.
 */
export interface RunningCourse {
  municipality: string;
  /** The granted periods, in order (rulesets with a granted period). */
  grants?: { grantedUntil: string }[];
  /** When the maximum duration ends (the `maximum-duration` deadline), if the case has one. */
  maximumEndsAt?: string;
}

export interface PhaseOutRow {
  municipality: string;
  running: number;
  /** Running courses by the month (YYYY-MM) they end; `unknown` for a course with neither date. */
  byMonth: Record<string, number>;
}

/** The month a running course ends: the earlier of its granted period's end and its maximum. */
export function endMonthOf(course: RunningCourse): string {
  const granted = course.grants?.[course.grants.length - 1]?.grantedUntil;
  // An instant ends a course on its Danish calendar date (23:00Z on 30 November is 1 December).
  const maximum = course.maximumEndsAt ? danishDate(Date.parse(course.maximumEndsAt)) : undefined;
  const ends = [granted, maximum].filter((date): date is string => !!date).sort()[0];
  return ends ? ends.slice(0, 7) : 'unknown';
}

export function phaseOut(courses: readonly RunningCourse[]): PhaseOutRow[] {
  const rows = new Map<string, PhaseOutRow>();
  for (const course of courses) {
    const row = rows.get(course.municipality) ?? {
      municipality: course.municipality,
      running: 0,
      byMonth: {},
    };
    const month = endMonthOf(course);
    row.running += 1;
    row.byMonth[month] = (row.byMonth[month] ?? 0) + 1;
    rows.set(course.municipality, row);
  }
  return [...rows.values()]
    .sort((a, b) => a.municipality.localeCompare(b.municipality))
    .map((row) => ({
      ...row,
      byMonth: Object.fromEntries(Object.entries(row.byMonth).sort(([a], [b]) => a.localeCompare(b))),
    }));
}
