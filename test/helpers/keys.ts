import { randomBytes } from 'node:crypto';
import type { KeyRing } from '../../src/temporal/encryption-codec';

export function testKeyRing(keyId = 'test-key'): KeyRing {
  return { activeKeyId: keyId, keys: new Map([[keyId, randomBytes(32)]]) };
}
