import type { Instant } from './time';

/**
 * The citizen's birth date from the CPR number: DDMMYY and the century from the 7th digit (CPR-kontoret:
 * 0–3 → 1900s; 4 and 9 → 2000–2036, else 1900s; 5–8 → 2000–2057, else 1800s).
 */
export function birthDateFromCpr(cpr: string): string | undefined {
  const digits = cpr.replace('-', '');
  if (!/^\d{10}$/.test(digits)) return undefined;
  const [dd, mm, yy, seventh] = [
    digits.slice(0, 2),
    digits.slice(2, 4),
    Number(digits.slice(4, 6)),
    Number(digits[6]),
  ];
  const century =
    seventh <= 3 ? 1900 : seventh === 4 || seventh === 9 ? (yy <= 36 ? 2000 : 1900) : yy <= 57 ? 2000 : 1800;
  return `${century + yy}-${mm}-${dd}`;
}

/** Age in whole years on the date of an instant (a birthday counts from its day). */
export function ageOn(birthDate: string, at: Instant): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = at.slice(0, 10).split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
