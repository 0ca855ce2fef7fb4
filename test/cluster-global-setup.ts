import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeCluster, freeClusterPorts, startCluster } from '../scripts/lib/cluster';
import { ensurePostgres, ensureTemporalServer } from '../scripts/lib/cluster-binaries';
import globalSetup from './global-setup';

/**
 * The cluster run (`npm run test:cluster`): a fresh local cluster for the whole run — PostgreSQL in
 * a folder of its own on free ports, the schema, the Temporal server — shared by every test file
 * through RF_TEST_CLUSTER_DIR; each file sets up a namespace of its own on it.
 */
export default async function clusterGlobalSetup(): Promise<void> {
  await globalSetup();
  ensureTemporalServer();
  ensurePostgres();
  process.env.RF_TEST_SERVER = 'cluster';
  // Under /tmp: PostgreSQL runs as the postgres user, who must be able to reach its folder.
  const dir = mkdtempSync(join(tmpdir(), 'rf-test-cluster-'));
  const ports = await freeClusterPorts();
  const started = Date.now();
  const state = await startCluster({ dir, ports, log: (line) => process.stderr.write(`${line}\n`) });
  process.env.RF_TEST_CLUSTER_DIR = dir;
  // The one line that says what this run tested against.
  process.stdout.write(
    `\nCluster under test: ${describeCluster(state)} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}
