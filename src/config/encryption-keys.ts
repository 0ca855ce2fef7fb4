import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../domain/engine/validation';
import type { KeyRing } from '../temporal/encryption-codec';

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 random bytes, base64-encoded')
  // The example files' key (all zeros) must never protect real cases.
  .refine(
    (value) => Buffer.from(value, 'base64').some((byte) => byte !== 0),
    'is the all-zero example key: make a real one',
  );

const KeyFileSchema = z.object({
  activeKeyId: z.string().min(1),
  keys: z.record(z.string().min(1), base64Key),
});

/** `id=base64key,id2=base64key`: the first is the active key unless `activeKeyId` names another. */
export function parseKeyRing(spec: string, activeKeyId?: string): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const entry of spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf('=');
    if (separator <= 0) throw new Error('RF_ENCRYPTION_KEYS: each entry must be keyId=base64key');
    const id = entry.slice(0, separator);
    const parsed = base64Key.safeParse(entry.slice(separator + 1));
    if (!parsed.success)
      throw new Error(`RF_ENCRYPTION_KEYS: key "${id}" ${parsed.error.issues[0]?.message}`);
    keys.set(id, Buffer.from(parsed.data, 'base64'));
  }
  const first = keys.keys().next().value;
  if (first === undefined) throw new Error('RF_ENCRYPTION_KEYS: no keys given');
  const active = activeKeyId ?? first;
  if (!keys.has(active))
    throw new Error(`RF_ENCRYPTION_ACTIVE_KEY "${active}" is not among RF_ENCRYPTION_KEYS`);
  return { activeKeyId: active, keys };
}

export function readKeyRingFile(path: string): KeyRing {
  const parsed = KeyFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new Error(`encryption key file ${path} is invalid: ${describeIssues(parsed.error).join('; ')}`);
  const keys = new Map(Object.entries(parsed.data.keys).map(([id, key]) => [id, Buffer.from(key, 'base64')]));
  if (!keys.has(parsed.data.activeKeyId)) {
    throw new Error(`encryption key file ${path}: activeKeyId "${parsed.data.activeKeyId}" has no key`);
  }
  return { activeKeyId: parsed.data.activeKeyId, keys };
}

/**
 * The embedded default keeps one local key beside the SQLite database. It is created on first start
 * (readable by the owner only); losing it makes the stored cases unreadable.
 */
export function ensureLocalKeyFile(path: string, now = new Date()): { created: boolean } {
  if (existsSync(path)) return { created: false };
  mkdirSync(dirname(path), { recursive: true });
  const keyId = `local-${now.toISOString().slice(0, 10)}`;
  const file = { activeKeyId: keyId, keys: { [keyId]: randomBytes(32).toString('base64') } };
  writeFileSync(path, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  return { created: true };
}
