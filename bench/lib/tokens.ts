import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTokenRegistry, type Principal, type TokenRegistry } from '../../src/config/api-tokens';

export interface BenchPeople {
  caseworker: Principal & { token: string };
  supervisor: Principal & { token: string };
}

/**
 * Bearer tokens for the benchmark's API: a caseworker and a supervisor of København (101), stored
 * by their SHA-256 as production stores them, and loaded the way the API loads its token file.
 */
export function benchTokens(dir: string): { registry: TokenRegistry; people: BenchPeople } {
  const people: BenchPeople = {
    caseworker: {
      person: 'bench.caseworker',
      role: 'caseworker',
      municipality: '101',
      token: `bench-${randomBytes(24).toString('base64url')}`,
    },
    supervisor: {
      person: 'bench.supervisor',
      role: 'supervisor',
      municipality: '101',
      token: `bench-${randomBytes(24).toString('base64url')}`,
    },
  };
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'api-tokens.json');
  writeFileSync(
    path,
    JSON.stringify({
      tokens: Object.values(people).map(({ token, ...principal }) => ({
        ...principal,
        sha256: createHash('sha256').update(token).digest('hex'),
      })),
    }),
    { mode: 0o600 },
  );
  return { registry: loadTokenRegistry(path), people };
}
