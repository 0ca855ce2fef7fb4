import { randomBytes } from 'node:crypto';
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { type ClusterState, readClusterState, setupNamespace } from '../../scripts/lib/cluster';
import { requireTemporalCli } from '../../scripts/lib/temporal-binaries';
import { allSearchAttributeKeys } from '../../src/messages/search-attributes';

/**
 * The Temporal server a test talks to. By default a dev server of its own (the CLI's, SQLite in
 * memory) per test file; with RF_TEST_SERVER=cluster (`npm run test:cluster`, the second half of
 * `npm test`) the local cluster that jest's global setup started for the run — PostgreSQL, the
 * Temporal server with SQL visibility — with a namespace of the file's own, set up by the same
 * script as compose's. Nothing a test does may rely on a fresh server beyond that namespace.
 */
export const onCluster = process.env.RF_TEST_SERVER === 'cluster';

/** The cluster under test (cluster runs only): where it is, and how to restart its server. */
export function clusterUnderTest(): ClusterState {
  const dir = process.env.RF_TEST_CLUSTER_DIR;
  if (!onCluster || !dir) {
    throw new Error('no cluster under test: run with `npm run test:cluster` (RF_TEST_SERVER=cluster)');
  }
  return readClusterState(dir);
}

/** A namespace that no other test file uses; its search attributes are registered. */
export function newClusterNamespace(prefix = 'test'): string {
  const namespace = `${prefix}-${randomBytes(4).toString('hex')}`;
  setupNamespace(clusterUnderTest(), namespace, (line) => process.stderr.write(`${line}\n`));
  return namespace;
}

export async function startTemporal(
  options: { dataConverter?: DataConverter } = {},
): Promise<TestWorkflowEnvironment> {
  const client = options.dataConverter ? { dataConverter: options.dataConverter } : undefined;
  if (onCluster) {
    const { address } = clusterUnderTest();
    return TestWorkflowEnvironment.createFromExistingServer({
      address,
      namespace: newClusterNamespace(),
      ...(client ? { client } : {}),
    });
  }
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: requireTemporalCli() },
      searchAttributes: allSearchAttributeKeys,
      log: { format: 'pretty', level: 'error' },
    },
    ...(client ? { client } : {}),
  });
}

/** The namespace a test environment works in. */
export function namespaceOf(env: TestWorkflowEnvironment): string {
  return env.namespace ?? 'default';
}
