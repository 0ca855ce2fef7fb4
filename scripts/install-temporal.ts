import { ensureTemporalCli, ensureTestServer, MissingBinaryError } from './lib/temporal-binaries';

/** Installs (on first use) the Temporal CLI and the time-skipping test server; prints where they are. */
try {
  const what = process.argv[2] ?? 'all';
  if (what === 'all' || what === 'cli') console.log(`temporal CLI: ${ensureTemporalCli()}`);
  if (what === 'all' || what === 'test-server') console.log(`temporal test server: ${ensureTestServer()}`);
} catch (error) {
  console.error(error instanceof MissingBinaryError ? error.message : error);
  process.exit(1);
}
