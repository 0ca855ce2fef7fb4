import { Client, Connection } from '@temporalio/client';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import type { KeyRing } from './encryption-codec';
import { createDataConverter } from './data-converter';

/**
 * Where Temporal is and how to reach it comes from Temporal's own environment configuration
 * (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS_*, or a TOML profile), so the
 * same build runs against the dev server, a self-hosted cluster and Temporal Cloud.
 */
export function temporalConnectConfig() {
  const { connectionOptions, namespace } = loadClientConnectConfig();
  return { connectionOptions, namespace: namespace ?? 'default' };
}

export async function connectClient(keyRing: KeyRing): Promise<Client> {
  const { connectionOptions, namespace } = temporalConnectConfig();
  const connection = await Connection.connect(connectionOptions);
  return new Client({ connection, namespace, dataConverter: createDataConverter(keyRing) });
}
