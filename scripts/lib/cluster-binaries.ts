import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isExecutable, type Log, MissingBinaryError, onPath, toolsDir } from './install';

/**
 * What the local cluster runs on: a Temporal server and its SQL tool, built from the Go module proxy
 * (Temporal publishes no server binary to a registry this project may use), and PostgreSQL from
 * Debian. The server version is the one docker-compose.yml runs; test/deploy/compose.test.ts keeps
 * the two equal. 1.31.3 and later do not build from the proxy here (a dependency of theirs,
 * go.temporal.io/auto-scaled-workers, is refused), so this stays pinned until that changes.
 */
export const TEMPORAL_SERVER_VERSION = '1.31.2';

const serverDir = join(toolsDir, `temporal-server-${TEMPORAL_SERVER_VERSION}`);
const builtServer = join(serverDir, 'temporal-server');
const builtSqlTool = join(serverDir, 'temporal-sql-tool');

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
}

/**
 * A `temporal-server` on PATH wins (with a `temporal-sql-tool` beside it or on PATH), as the
 * Temporal CLI does; otherwise the project's own build.
 */
export function findTemporalServer(): TemporalServerBinaries | undefined {
  const server = onPath('temporal-server');
  if (server) {
    const beside = join(server, '..', 'temporal-sql-tool');
    const sqlTool = isExecutable(beside) ? beside : onPath('temporal-sql-tool');
    if (sqlTool) return { server, sqlTool };
  }
  if (isExecutable(builtServer) && isExecutable(builtSqlTool)) {
    return { server: builtServer, sqlTool: builtSqlTool };
  }
  return undefined;
}

export function requireTemporalServer(): TemporalServerBinaries {
  const found = findTemporalServer();
  if (!found) {
    throw new MissingBinaryError('Temporal server not found: run `npm run tools:install` first');
  }
  return found;
}

/**
 * Builds both commands with `go install` (about 7 minutes on 2 cores with a cold Go cache, seconds
 * with a warm one). They are built into a scratch folder and moved into place only when both exist,
 * so an interrupted build is never mistaken for a finished one.
 */
export function ensureTemporalServer(log: Log = console.log): string[] {
  const found = findTemporalServer();
  if (found) return [found.server, found.sqlTool];
  if (!onPath('go')) {
    throw new MissingBinaryError(
      'Temporal server not found and no Go to build it: put temporal-server and temporal-sql-tool on PATH and run again',
    );
  }
  log(
    `Building the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool from the Go module proxy into .tools/ (about 7 minutes on 2 cores, once) …`,
  );
  const scratch = `${serverDir}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const started = Date.now();
  const build = spawnSync(
    'go',
    [
      'install',
      // Without the symbol tables: a third smaller, and nothing here debugs the server.
      '-ldflags=-s -w',
      `go.temporal.io/server/cmd/server@v${TEMPORAL_SERVER_VERSION}`,
      `go.temporal.io/server/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`,
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      // Pure Go (the server's SQLite driver is modernc's): no C toolchain needed, a static binary.
      env: { ...process.env, GOBIN: scratch, CGO_ENABLED: '0' },
    },
  );
  const server = join(scratch, 'server');
  const sqlTool = join(scratch, 'sql');
  if (build.status !== 0 || !isExecutable(server) || !isExecutable(sqlTool)) {
    rmSync(scratch, { recursive: true, force: true });
    throw new MissingBinaryError(
      `The Temporal server ${TEMPORAL_SERVER_VERSION} did not build (go install exited ${build.status}): put temporal-server and temporal-sql-tool on PATH and run again`,
    );
  }
  // The names the Docker images use, so scripts read the same in both.
  renameSync(server, join(scratch, 'temporal-server'));
  renameSync(sqlTool, join(scratch, 'temporal-sql-tool'));
  rmSync(serverDir, { recursive: true, force: true });
  renameSync(scratch, serverDir);
  log(`Built the Temporal server in ${Math.round((Date.now() - started) / 1000)} s: ${serverDir}`);
  return [builtServer, builtSqlTool];
}

export interface PostgresBinaries {
  /** The folder with initdb, pg_ctl, postgres and psql. */
  binDir: string;
  /** e.g. "15.18". */
  version: string;
}

/**
 * Debian installs PostgreSQL's server programs outside PATH, in /usr/lib/postgresql/<major>/bin; the
 * newest major there is used. An initdb on PATH (another distribution, Homebrew) is used first.
 */
export function findPostgres(): PostgresBinaries | undefined {
  const candidates: string[] = [];
  const initdb = onPath('initdb');
  if (initdb) candidates.push(join(initdb, '..'));
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const majors = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map((major) => join(debian, major, 'bin')));
  }
  for (const binDir of candidates) {
    if (['initdb', 'pg_ctl', 'postgres', 'psql'].every((name) => isExecutable(join(binDir, name)))) {
      return { binDir, version: postgresVersion(binDir) };
    }
  }
  return undefined;
}

export function requirePostgres(): PostgresBinaries {
  const found = findPostgres();
  if (!found) throw new MissingBinaryError('PostgreSQL not found: run `npm run tools:install` first');
  return found;
}

function postgresVersion(binDir: string): string {
  const line = execFileSync(join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' });
  return /\b(\d+(?:\.\d+)?)\b/.exec(line)?.[1] ?? line.trim();
}

/** PostgreSQL from Debian's packages where it is missing (needs root, as apt-get does). */
export function ensurePostgres(log: Log = console.log): string {
  const found = findPostgres();
  if (found) return `${found.binDir} (PostgreSQL ${found.version})`;
  const apt = onPath('apt-get');
  if (!apt || process.getuid?.() !== 0) {
    throw new MissingBinaryError(
      'PostgreSQL not found: install its server (Debian: apt-get install postgresql) and run again',
    );
  }
  log('Installing PostgreSQL from Debian (apt-get install postgresql) …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'postgresql']]) {
    const result = spawnSync(apt, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0) {
      throw new MissingBinaryError(
        `apt-get ${args[0]} failed (exit ${result.status}): install PostgreSQL and run again`,
      );
    }
  }
  const installed = findPostgres();
  if (!installed)
    throw new MissingBinaryError('apt-get installed postgresql, but its programs were not found');
  return `${installed.binDir} (PostgreSQL ${installed.version})`;
}

/**
 * The Temporal Web UI for the local cluster: the UI server the temporalio/ui image runs (compose's
 * `temporal-ui`, the same version), built from its Go module, which carries the built pages. Its
 * configuration template (config/docker.yaml, read from environment variables as in the image) is
 * copied beside it from the same module.
 */
export const TEMPORAL_UI_VERSION = '2.54.1';
const uiDir = join(toolsDir, `temporal-ui-${TEMPORAL_UI_VERSION}`);
const builtUi = join(uiDir, 'temporal-ui-server');

export interface TemporalUiBinaries {
  server: string;
  /** The image's configuration template, config/docker.yaml. */
  template: string;
}

export function findTemporalUi(): TemporalUiBinaries | undefined {
  const template = join(uiDir, 'docker.yaml');
  return isExecutable(builtUi) && existsSync(template) ? { server: builtUi, template } : undefined;
}

export function requireTemporalUi(): TemporalUiBinaries {
  const found = findTemporalUi();
  if (!found) throw new MissingBinaryError('Temporal UI server not found: run `npm run tools:install` first');
  return found;
}

export function ensureTemporalUi(log: Log = console.log): string {
  const found = findTemporalUi();
  if (found) return found.server;
  if (!onPath('go')) {
    throw new MissingBinaryError('The Temporal UI server is not built and there is no Go to build it');
  }
  log(
    `Building the Temporal UI server ${TEMPORAL_UI_VERSION} from the Go module proxy into .tools/ (a few minutes, once) …`,
  );
  const module = `github.com/temporalio/ui-server/v2@v${TEMPORAL_UI_VERSION}`;
  const scratch = `${uiDir}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const build = spawnSync(
    'go',
    ['install', '-ldflags=-s -w', `github.com/temporalio/ui-server/v2/cmd/server@v${TEMPORAL_UI_VERSION}`],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, GOBIN: scratch, CGO_ENABLED: '0' } },
  );
  const downloaded = JSON.parse(
    execFileSync('go', ['mod', 'download', '-json', module], { encoding: 'utf8' }),
  ) as { Dir?: string };
  const template = downloaded.Dir ? join(downloaded.Dir, 'config', 'docker.yaml') : '';
  if (build.status !== 0 || !isExecutable(join(scratch, 'server')) || !existsSync(template)) {
    rmSync(scratch, { recursive: true, force: true });
    throw new MissingBinaryError(`The Temporal UI server ${TEMPORAL_UI_VERSION} did not build`);
  }
  renameSync(join(scratch, 'server'), join(scratch, 'temporal-ui-server'));
  copyFileSync(template, join(scratch, 'docker.yaml'));
  chmodSync(join(scratch, 'docker.yaml'), 0o644);
  rmSync(uiDir, { recursive: true, force: true });
  renameSync(scratch, uiDir);
  return builtUi;
}
