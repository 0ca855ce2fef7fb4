import { ageOn, birthDateFromCpr } from '../engine/cpr';
import { addDuration, toInstant, type Instant } from '../engine/time';
import type { AgeRule, CourseState } from './state';
import { type Message, msg } from '../messages/message';

/**
 * The age rules of a grant (LAB § 112, stk. 3; § 114, stk. 1, 3–4), from the ruleset's
 * `course.ageRules`: each rule that stands in the way of granting a course on the day of `at`, with a
 * reason a caseworker understands. None without the field or without a birth date.
 */
export function ageRulesAgainstGrant(
  state: CourseState,
  at: Instant,
  grantedUntil?: string,
): { rule: AgeRule; reason: Message }[] {
  const rules = state.ruleset.course.ageRules;
  const born = birthDateFromCpr(state.citizen.cpr);
  if (!rules || !born) return [];
  const today = at.slice(0, 10);
  const age = ageOn(born, at);
  const found: { rule: AgeRule; reason: Message }[] = [];

  const band = rules.pensionAge.find(
    (candidate) =>
      (!candidate.bornFrom || candidate.bornFrom <= born) && (!candidate.bornTo || born <= candidate.bornTo),
  );
  if (band) {
    const pensionDay = addYears(born, band.age);
    const limitDay = addYears(born, band.age - rules.yearsBeforePensionAge);
    if (today > limitDay) {
      found.push({
        rule: 'pension-age',
        reason: msg('age.pension-age', {
          born,
          age: band.age,
          pensionDay,
          years: rules.yearsBeforePensionAge,
        }),
      });
    }
  }

  const earlier = state.earlierCourses ?? [];
  if (age >= rules.totalLimitFromAge && age < rules.totalLimitToAge) {
    const used = earlier.reduce((sum, course) => sum + daysBetween(course.from, course.to) + 1, 0);
    // The new course counts for the period it is granted, or, without one, for its shortest length.
    const planned = grantedUntil
      ? daysBetween(today, grantedUntil)
      : daysBetween(today, dayAfter(today, rules.courseMinimum));
    const room = daysBetween(today, dayAfter(today, rules.totalLimit)) - planned;
    if (used > room) {
      found.push({
        rule: 'total-from-40-to-50',
        reason: msg('age.total-from-40-to-50', {
          age,
          used,
          from: rules.totalLimitFromAge,
          to: rules.totalLimitToAge,
          limit: rules.totalLimit,
          course: grantedUntil
            ? msg('age.granted-until', { grantedUntil })
            : msg('age.course-minimum', { minimum: rules.courseMinimum }),
        }),
      });
    }
  }

  if (age >= rules.oneCourseFromAge && earlier.length > 0) {
    found.push({
      rule: 'one-course-over-50',
      reason: msg('age.one-course-over-50', {
        age,
        earlier: earlier.map((course) => `${course.from} – ${course.to}`).join(', '),
        from: rules.oneCourseFromAge,
      }),
    });
  }
  return found;
}

/** A date plus a duration, in UTC dates. */
function dayAfter(date: string, duration: string): string {
  return toInstant(addDuration(`${date}T00:00:00.000Z`, duration)).slice(0, 10);
}

/** A birth date plus an age in years, which may be a half year (65½ → 65 years 6 months). */
function addYears(date: string, years: number): string {
  const whole = Math.floor(years);
  const months = Math.round((years - whole) * 12);
  return dayAfter(date, `P${whole}Y${months}M`);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / 86_400_000);
}
