import { rmSync } from 'node:fs';
import { readClusterState, stopCluster } from '../scripts/lib/cluster';

/** Stops the run's cluster (the server a test may have restarted, by the pid it recorded) and removes its folder. */
export default async function clusterGlobalTeardown(): Promise<void> {
  const dir = process.env.RF_TEST_CLUSTER_DIR;
  if (!dir) return;
  await stopCluster(readClusterState(dir), (line) => process.stderr.write(`${line}\n`));
  if (!process.env.RF_TEST_KEEP_CLUSTER) rmSync(dir, { recursive: true, force: true });
}
