import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec, type KeyRing } from './encryption-codec';

export const failureConverterPath = require.resolve('./failure-converter');

/** The one data converter for client, worker and codec server: payloads and failures are encrypted. */
export function createDataConverter(keyRing: KeyRing): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keyRing)], failureConverterPath };
}
