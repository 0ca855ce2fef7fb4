import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeCluster, MAX_MEMBERSHIP_PORT, startCluster } from '../scripts/lib/cluster';
import { ensurePostgres, ensureTemporalServer } from '../scripts/lib/cluster-binaries';
import globalSetup from './global-setup';
import { isPortFree } from '../scripts/lib/processes';

/**
 * The cluster run (`npm run test:cluster`): a fresh local cluster for the whole run — PostgreSQL in
 * a folder of its own on free ports, the schema, the Temporal server — shared by every test file
 * through RF_TEST_CLUSTER_DIR; each file sets up a namespace of its own on it.
 */
const taken = new Set<number>();
/**
 * A free port below the system's ephemeral range (and below 32768, which Temporal's membership
 * table cannot hold), chosen at random so that two runs on one machine rarely meet.
 */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * (MAX_MEMBERSHIP_PORT - 20_000));
    if (!taken.has(port) && (await isPortFree(port))) {
      taken.add(port);
      return port;
    }
  }
  throw new Error('no free port between 20000 and 32767');
}

export default async function clusterGlobalSetup(): Promise<void> {
  await globalSetup();
  ensureTemporalServer();
  ensurePostgres();
  process.env.RF_TEST_SERVER = 'cluster';
  // Under /tmp: PostgreSQL runs as the postgres user, who must be able to reach its folder.
  const dir = mkdtempSync(join(tmpdir(), 'rf-test-cluster-'));
  const ports = {
    postgres: await freePort(),
    frontend: await freePort(),
    frontendHttp: await freePort(),
    frontendMembership: await freePort(),
    history: await freePort(),
    historyMembership: await freePort(),
    matching: await freePort(),
    matchingMembership: await freePort(),
    worker: await freePort(),
    workerMembership: await freePort(),
  };
  const started = Date.now();
  const state = await startCluster({ dir, ports, log: (line) => process.stderr.write(`${line}\n`) });
  process.env.RF_TEST_CLUSTER_DIR = dir;
  // The one line that says what this run tested against.
  process.stdout.write(
    `\nCluster under test: ${describeCluster(state)} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}
