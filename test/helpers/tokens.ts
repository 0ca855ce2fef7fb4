import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTokenRegistry, type TokenRegistry } from '../../src/config/api-tokens';

/** The people of the API tests, each with a bearer token. */
export const people = {
  caseworker: {
    person: 'sara.caseworker',
    role: 'caseworker',
    municipality: '101',
    token: 'test-token-caseworker-101-aaaaaaaa',
  },
  supervisor: {
    person: 'lone.supervisor',
    role: 'supervisor',
    municipality: '101',
    token: 'test-token-supervisor-101-bbbbbbbb',
  },
  otherCaseworker: {
    person: 'anders.caseworker',
    role: 'caseworker',
    municipality: '751',
    token: 'test-token-caseworker-751-cccccccc',
  },
  admin: { person: 'admin', role: 'admin', municipality: '*', token: 'test-token-admin-all-dddddddddddd' },
} as const;

export type Person = keyof typeof people;

/** A token file as an operator writes it (one entry by hash, as production should), loaded the real way. */
export function testTokenRegistry(): TokenRegistry {
  const dir = mkdtempSync(join(tmpdir(), 'rf-tokens-'));
  const path = join(dir, 'api-tokens.json');
  const { admin, ...others } = people;
  const sha256 = createHash('sha256').update(admin.token).digest('hex');
  writeFileSync(
    path,
    JSON.stringify({
      tokens: [
        ...Object.values(others),
        { person: admin.person, role: admin.role, municipality: admin.municipality, sha256 },
      ],
    }),
  );
  return loadTokenRegistry(path);
}
