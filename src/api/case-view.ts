import type { Principal } from '../config/api-tokens';
import type { Citizen } from '../domain';

/**
 * What the API shows of a case. The ruleset's full text stays out (its name and version are shown);
 * a CPR number is shown whole only to those who handle the case, masked (DDMMYY-XXXX) to supervisors.
 */
export function toCaseView<V extends { citizen: Citizen; rules?: unknown }>(
  view: V,
  principal: Pick<Principal, 'role'>,
): Omit<V, 'rules'> {
  const { rules: _rules, citizen, ...rest } = view;
  const cpr = principal.role === 'supervisor' ? maskCpr(citizen.cpr) : citizen.cpr;
  return { ...rest, citizen: { ...citizen, cpr } } as unknown as Omit<V, 'rules'>;
}

export function maskCpr(cpr: string): string {
  return `${cpr.replace('-', '').slice(0, 6)}-XXXX`;
}
