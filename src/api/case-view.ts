import type { CaseView } from '../domain';

/** What the API shows of a case. A CPR number is shown masked: the last four digits are hidden. */
export function toCaseView(state: CaseView) {
  const { rules: _rules, citizen, ...rest } = state;
  return { ...rest, citizen: { ...citizen, cpr: maskCpr(citizen.cpr) } };
}

export function maskCpr(cpr: string): string {
  return `${cpr.replace('-', '').slice(0, 6)}-XXXX`;
}
