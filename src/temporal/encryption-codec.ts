import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { METADATA_ENCODING_KEY } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The keys a process may decrypt with, and the one it encrypts new payloads with. Old keys stay in
 * the ring after a rotation so that histories written under them remain readable.
 */
export interface KeyRing {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Encrypts every payload with AES-256-GCM before it leaves the process, so Temporal stores case data
 * (CPR numbers, health notes) only as ciphertext. The key ID travels in the payload's metadata and is
 * bound to the ciphertext as additional authenticated data.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keyRing: KeyRing) {
    const active = keyRing.keys.get(keyRing.activeKeyId);
    if (!active) throw new Error(`encryption key "${keyRing.activeKeyId}" is not in the key ring`);
    for (const [id, key] of keyRing.keys) {
      if (key.length !== 32)
        throw new Error(`encryption key "${id}" must be 32 bytes (AES-256), got ${key.length}`);
    }
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const keyId = this.keyRing.activeKeyId;
    const key = this.keyRing.keys.get(keyId)!;
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(CIPHER, key, iv).setAAD(Buffer.from(keyId));
      const plaintext = temporal.api.common.v1.Payload.encode(payload).finish();
      const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: encoder.encode(ENCRYPTED_ENCODING),
          [KEY_ID_METADATA]: encoder.encode(keyId),
        },
        data: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
      if (!encoding || decoder.decode(encoding) !== ENCRYPTED_ENCODING) return payload;
      const keyIdBytes = payload.metadata?.[KEY_ID_METADATA];
      if (!keyIdBytes) throw new Error('encrypted payload has no key ID');
      const keyId = decoder.decode(keyIdBytes);
      const key = this.keyRing.keys.get(keyId);
      if (!key) throw new Error(`no decryption key "${keyId}" in the key ring; add it to RF_ENCRYPTION_KEYS`);
      const data = Buffer.from(payload.data ?? new Uint8Array());
      const iv = data.subarray(0, IV_BYTES);
      const tag = data.subarray(data.length - TAG_BYTES);
      const decipher = createDecipheriv(CIPHER, key, iv).setAAD(Buffer.from(keyId));
      decipher.setAuthTag(tag);
      const plaintext = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return temporal.api.common.v1.Payload.decode(plaintext);
    });
  }
}
