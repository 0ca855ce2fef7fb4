import { defaultPayloadConverter } from '@temporalio/common';
import { EncryptionCodec, KEY_ID_METADATA } from '../../src/temporal/encryption-codec';
import { testKeyRing } from '../helpers/keys';

const citizen = { cpr: '010190-1234', note: 'diagnose: depression' };
const decoder = new TextDecoder();

test('payloads leave the codec as ciphertext carrying the key ID, and come back unchanged', async () => {
  const codec = new EncryptionCodec(testKeyRing('2026-11'));
  const payload = defaultPayloadConverter.toPayload(citizen);
  const [encrypted] = await codec.encode([payload]);
  expect(decoder.decode(encrypted!.metadata![KEY_ID_METADATA])).toBe('2026-11');
  expect(Buffer.from(encrypted!.data!).toString('latin1')).not.toContain('010190');
  const [decoded] = await codec.decode([encrypted!]);
  expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(citizen);
});

test('the same payload encrypts differently each time (a fresh IV)', async () => {
  const codec = new EncryptionCodec(testKeyRing());
  const payload = defaultPayloadConverter.toPayload(citizen);
  const [first, second] = await codec.encode([payload, payload]);
  expect(Buffer.from(first!.data!).equals(Buffer.from(second!.data!))).toBe(false);
});

test('after a key rotation, payloads written under the old key still decrypt', async () => {
  const old = testKeyRing('2025-01');
  const [encrypted] = await new EncryptionCodec(old).encode([defaultPayloadConverter.toPayload(citizen)]);
  const rotated = new EncryptionCodec({
    activeKeyId: '2026-11',
    keys: new Map([...old.keys, ...testKeyRing('2026-11').keys]),
  });
  const [decoded] = await rotated.decode([encrypted!]);
  expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(citizen);
});

test('a tampered payload or an unknown key is refused, not decoded to garbage', async () => {
  const ring = testKeyRing('k1');
  const codec = new EncryptionCodec(ring);
  const [encrypted] = await codec.encode([defaultPayloadConverter.toPayload(citizen)]);
  const tampered = {
    ...encrypted!,
    data: Uint8Array.from(encrypted!.data!, (byte, i) => (i === 20 ? byte ^ 1 : byte)),
  };
  await expect(codec.decode([tampered])).rejects.toThrow();
  await expect(new EncryptionCodec(testKeyRing('k2')).decode([encrypted!])).rejects.toThrow(
    /no decryption key "k1"/,
  );
});

test('unencrypted payloads pass through decode (histories written before encryption stay readable)', async () => {
  const plain = defaultPayloadConverter.toPayload({ hello: 'world' });
  expect(await new EncryptionCodec(testKeyRing()).decode([plain])).toEqual([plain]);
});

test('a key that is not 256 bits is refused at start', () => {
  expect(
    () => new EncryptionCodec({ activeKeyId: 'short', keys: new Map([['short', Buffer.alloc(16)]]) }),
  ).toThrow(/32 bytes/);
});
