import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../domain/engine/validation';

/**
 * Bearer tokens, each mapped to a person, a role and a municipality (`*` for all). A token file lists
 * either the token itself (development) or its SHA-256 (production: the file then holds no secret).
 */
export const RoleSchema = z.enum(['caseworker', 'supervisor', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

export interface Principal {
  person: string;
  role: Role;
  /** A three-digit municipality code, or `*` for an administrator of every municipality. */
  municipality: string;
}

const EntrySchema = z
  .object({
    person: z.string().regex(/^[A-Za-z0-9._@-]{1,100}$/, 'letters, digits, . _ @ -'),
    role: RoleSchema,
    municipality: z.union([z.string().regex(/^\d{3}$/), z.literal('*')]),
    token: z.string().min(24, 'at least 24 characters').optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, '64 hex digits')
      .optional(),
  })
  .strict()
  .refine((entry) => Boolean(entry.token) !== Boolean(entry.sha256), {
    message: 'give either token or sha256',
  })
  .refine((entry) => entry.municipality !== '*' || entry.role === 'admin', {
    message: 'only an admin can have every municipality (*)',
  });

const FileSchema = z.object({ tokens: z.array(EntrySchema).min(1) }).strict();

export interface TokenRegistry {
  /** The principal behind a bearer token, or undefined. */
  authenticate(token: string): Principal | undefined;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

export function loadTokenRegistry(path: string): TokenRegistry {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the API token file ${path}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`API token file ${path} is invalid: ${describeIssues(parsed.error).join('; ')}`);
  const entries = parsed.data.tokens.map(({ person, role, municipality, token, sha256: hash }) => ({
    principal: { person, role, municipality },
    digest: token ? sha256(token) : Buffer.from(hash!, 'hex'),
  }));
  return {
    authenticate(token) {
      const digest = sha256(token);
      // Compare against every entry, in constant time each, so timing tells nothing about which matched.
      let found: Principal | undefined;
      for (const entry of entries) if (timingSafeEqual(entry.digest, digest)) found ??= entry.principal;
      return found;
    },
  };
}

/**
 * The embedded default's development tokens, created on first start beside the data: a caseworker and
 * a supervisor in København (101), a caseworker in Aarhus (751) and an administrator.
 */
export function ensureDevTokens(path: string): {
  created: boolean;
  tokens: Array<Principal & { token: string }>;
} {
  const created = !existsSync(path);
  if (created) {
    const token = () => `dev-${randomBytes(18).toString('base64url')}`;
    const tokens = [
      { person: 'sara.caseworker', role: 'caseworker', municipality: '101', token: token() },
      { person: 'lone.supervisor', role: 'supervisor', municipality: '101', token: token() },
      { person: 'anders.caseworker', role: 'caseworker', municipality: '751', token: token() },
      { person: 'admin', role: 'admin', municipality: '*', token: token() },
    ];
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ tokens }, null, 2) + '\n', { mode: 0o600 });
  }
  const { tokens } = JSON.parse(readFileSync(path, 'utf8')) as {
    tokens: Array<Principal & { token?: string }>;
  };
  return {
    created,
    tokens: tokens.filter((entry): entry is Principal & { token: string } => Boolean(entry.token)),
  };
}
