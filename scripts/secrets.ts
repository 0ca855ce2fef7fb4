import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RoleSchema } from '../src/config/api-tokens';

/**
 * Secrets for a deployment, written to files the containers read (docker-compose.yml mounts them):
 *
 *   npm run secrets -- key deploy/secrets/encryption-keys.json
 *     a new AES-256 key; in an existing file it is added and becomes the active one (a rotation:
 *     the old keys stay, so histories written under them remain readable)
 *   npm run secrets -- token deploy/secrets/api-tokens.json --person sara --role caseworker --municipality 101
 *     a new bearer token, printed once; the file keeps only its SHA-256
 */
const [command, file, ...rest] = process.argv.slice(2);

function newKey(path: string): void {
  const keyId = `key-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
  const ring = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as { activeKeyId: string; keys: Record<string, string> })
    : { activeKeyId: keyId, keys: {} };
  ring.keys[keyId] = randomBytes(32).toString('base64');
  ring.activeKeyId = keyId;
  writeFileSync(path, JSON.stringify(ring, null, 2) + '\n', { mode: 0o600 });
  console.log(`${path}: key ${keyId} added and active (${Object.keys(ring.keys).length} key(s) in the ring)`);
}

function newToken(path: string, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { person: { type: 'string' }, role: { type: 'string' }, municipality: { type: 'string' } },
  });
  const role = RoleSchema.parse(values.role);
  if (!values.person || !values.municipality) throw new Error('give --person, --role and --municipality');
  const token = `rf-${randomBytes(24).toString('base64url')}`;
  const file = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as { tokens: unknown[] })
    : { tokens: [] };
  file.tokens.push({
    person: values.person,
    role,
    municipality: values.municipality,
    sha256: createHash('sha256').update(token).digest('hex'),
  });
  writeFileSync(path, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  console.log(
    `${path}: token for ${values.person} (${role}, ${values.municipality}) added. The token, shown this once:`,
  );
  console.log(token);
}

try {
  if (!file)
    throw new Error('usage: secrets key <file> | secrets token <file> --person … --role … --municipality …');
  if (command === 'key') newKey(file);
  else if (command === 'token') newToken(file, rest);
  else throw new Error(`unknown command "${command}": key or token`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
