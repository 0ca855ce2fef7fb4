import { createHash } from 'node:crypto';
import type { Idempotency } from '../client/case-service';
import type { Principal } from '../config/api-tokens';

/**
 * Idempotency-Key as the IETF draft (draft-ietf-httpapi-idempotency-key-header) describes it. A key
 * belongs to one caller, one case and one operation: the same key from someone else, on another case
 * or another route is another key, so a stored answer can only ever reach the person who caused it.
 * It is bound to a fingerprint of the request: the same key with another request is refused (422).
 */
export function idempotencyFor(
  principal: Principal,
  caseId: string,
  operation: string,
  key: string,
  request: unknown,
): Idempotency {
  const scope = digest([
    'idempotency-key',
    principal.person,
    principal.role,
    principal.municipality,
    caseId,
    operation,
    key,
  ]);
  return { scope: `idem-${scope}`, request: digest(['request', operation, caseId, canonical(request)]) };
}

function digest(parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 40);
}

/** JSON with every object's keys in order, so the same request written in another order is the same request. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
