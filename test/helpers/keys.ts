import { createHash, randomBytes } from 'node:crypto';
import type { KeyRing } from '../../src/temporal/encryption-codec';

export function testKeyRing(keyId = 'test-key'): KeyRing {
  return { activeKeyId: keyId, keys: new Map([[keyId, randomBytes(32)]]) };
}

/**
 * The key the recorded histories in test/histories are encrypted with. It protects only test data,
 * so it is derived in the open; replaying the histories needs it.
 */
export function historyKeyRing(): KeyRing {
  const key = createHash('sha256').update('ressourceforloeb recorded test histories').digest();
  return { activeKeyId: 'test-histories', keys: new Map([['test-histories', key]]) };
}
