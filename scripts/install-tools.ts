import { ensureChromium } from './lib/browser';
import { ensurePostgres, ensureTemporalServer, ensureTemporalUi } from './lib/cluster-binaries';
import { ensureSchemathesis } from './lib/contract-tools';
import { ensureCompose, ensureHadolint, ensurePromtool } from './lib/deploy-tools';
import { MissingBinaryError } from './lib/install';
import { ensureTemporalCli, ensureTestServer } from './lib/temporal-binaries';

/**
 * Installs, on first use, what the commands need: the Temporal CLI and the time-skipping test server
 * (`temporal`), the checkers of the deployment files (`deploy`), what the local cluster runs on —
 * the Temporal server built from the Go module proxy and PostgreSQL (`cluster`) — the checker of
 * the API against its OpenAPI document (`contract`), and the browser the staff pages are tested in
 * (`browser`: Chromium from Debian where none is on PATH). Prints where each is.
 */
const installers: Record<string, Array<[string, () => string | string[]]>> = {
  temporal: [
    ['temporal CLI', ensureTemporalCli],
    ['temporal test server', ensureTestServer],
  ],
  deploy: [
    ['docker compose', ensureCompose],
    ['hadolint', ensureHadolint],
    ['promtool', ensurePromtool],
  ],
  cluster: [
    ['temporal server', ensureTemporalServer],
    ['temporal ui server', ensureTemporalUi],
    ['postgresql', ensurePostgres],
  ],
  contract: [['schemathesis', ensureSchemathesis]],
  browser: [['chromium', ensureChromium]],
};

try {
  const groups = process.argv.slice(2);
  for (const group of groups.length > 0 ? groups : Object.keys(installers)) {
    for (const [name, install] of installers[group] ?? []) {
      const where = install();
      console.log(`${name}: ${Array.isArray(where) ? where.join(' ') : where}`);
    }
  }
} catch (error) {
  console.error(error instanceof MissingBinaryError ? error.message : error);
  process.exit(1);
}
