import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  chownSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import {
  requirePostgres,
  requireTemporalServer,
  TEMPORAL_SERVER_VERSION,
  type PostgresBinaries,
  type TemporalServerBinaries,
} from './cluster-binaries';
import type { Log } from './install';
import { isPortFree } from './processes';
import { requireTemporalCli } from './temporal-binaries';

/**
 * A local Temporal cluster as plain processes, shaped like the compose deployment: PostgreSQL in a
 * private folder on a private port; Temporal's databases and schema by deploy/temporal/setup-postgres.sh;
 * the Temporal server configured by the same environment variables the temporalio/server image reads
 * (its embedded config template: SQL persistence and SQL visibility on PostgreSQL) with
 * deploy/temporal/dynamicconfig/production.yaml; namespaces and search attributes by
 * deploy/temporal/setup-namespace.sh. `npm run cluster` and the cluster tests both start it from here.
 *
 * Everything a later process needs to reach or stop it is kept in <dir>/cluster.json, so the tests
 * can start it in jest's global setup, restart the server from a test file and stop it in the
 * global teardown.
 */
const projectRoot = resolve(__dirname, '..', '..');
export const deployDir = join(projectRoot, 'deploy', 'temporal');
export const DYNAMIC_CONFIG_FILE = join(deployDir, 'dynamicconfig', 'production.yaml');
/** The SQL plugin the server and the schema tool use; compose sets the same (`DB`). */
export const SQL_PLUGIN = 'postgres12';
/** The application's own database, beside Temporal's two. */
export const APP_DATABASE = 'ressourceforloeb';
const DB_USER = 'temporal';

/**
 * Temporal keeps each service's membership port in a PostgreSQL smallint: ports above 32767 stop the
 * server at start ("value … is out of range for type smallint").
 */
export const MAX_MEMBERSHIP_PORT = 32767;

export interface ClusterPorts {
  postgres: number;
  /** The frontend's gRPC port: what clients and workers connect to. */
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

/** Temporal's own layout around a frontend port (7233 → 7234, 7235, 7239, 7243, 6933 …). */
export function portsAround(frontend: number, postgres: number): ClusterPorts {
  return {
    postgres,
    frontend,
    frontendHttp: frontend + 10,
    frontendMembership: frontend - 300,
    history: frontend + 1,
    historyMembership: frontend - 299,
    matching: frontend + 2,
    matchingMembership: frontend - 298,
    worker: frontend + 6,
    workerMembership: frontend - 294,
  };
}

/**
 * Free ports for a whole cluster, below the system's ephemeral range and below 32768 (which
 * Temporal's membership table cannot hold), chosen at random so that two runs on one machine rarely
 * meet: for the cluster tests and the benchmark, which must not take `npm run cluster`'s ports.
 */
export async function freeClusterPorts(): Promise<ClusterPorts> {
  const taken = new Set<number>();
  const free = async (): Promise<number> => {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const port = 20_000 + Math.floor(Math.random() * (MAX_MEMBERSHIP_PORT - 20_000));
      if (!taken.has(port) && (await isPortFree(port))) {
        taken.add(port);
        return port;
      }
    }
    throw new Error('no free port between 20000 and 32767');
  };
  return {
    postgres: await free(),
    frontend: await free(),
    frontendHttp: await free(),
    frontendMembership: await free(),
    history: await free(),
    historyMembership: await free(),
    matching: await free(),
    matchingMembership: await free(),
    worker: await free(),
    workerMembership: await free(),
  };
}

export interface ClusterState {
  dir: string;
  ports: ClusterPorts;
  address: string;
  postgres: PostgresBinaries & { password: string };
  temporal: TemporalServerBinaries & { version: string; pid?: number };
}

const stateFile = (dir: string) => join(dir, 'cluster.json');
const pgDir = (dir: string) => join(dir, 'postgres');
const pgData = (dir: string) => join(pgDir(dir), 'data');

export function readClusterState(dir: string): ClusterState {
  return JSON.parse(readFileSync(stateFile(dir), 'utf8')) as ClusterState;
}

function writeClusterState(state: ClusterState): void {
  // It holds the database password: readable by its owner only.
  writeFileSync(stateFile(state.dir), JSON.stringify(state, null, 2), { mode: 0o600 });
}

/** postgres://… for the application's database (RF_DATABASE_URL). */
export function appDatabaseUrl(state: ClusterState, database = APP_DATABASE): string {
  return `postgres://${DB_USER}:${encodeURIComponent(state.postgres.password)}@127.0.0.1:${state.ports.postgres}/${database}`;
}

/** One line naming what was started: versions and where. */
export function describeCluster(state: ClusterState): string {
  return `Temporal server ${state.temporal.version} (SQL persistence and visibility) on PostgreSQL ${state.postgres.version}, at ${state.address}`;
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user (Debian's package
 * creates it); as anyone else, as that user.
 */
function postgresIdentity(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('PostgreSQL cannot run as root and there is no `postgres` user to run it as');
  }
}

function runAsPostgres(binDir: string, command: string, args: string[], log: Log): void {
  const identity = postgresIdentity();
  const result = spawnSync(join(binDir, command), args, {
    ...(identity ?? {}),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' },
    encoding: 'utf8',
    cwd: '/',
  });
  if (result.status !== 0) {
    log(`${command} ${args[0] ?? ''} failed:\n${result.stdout}${result.stderr}`);
    throw new Error(`${command} exited ${result.status ?? result.signal}`);
  }
}

function ownedByPostgres(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  const identity = postgresIdentity();
  if (identity) chownSync(path, identity.uid, identity.gid);
}

/** Creates the database cluster on first use (a random password, kept in cluster.json), then starts it. */
function startPostgres(state: ClusterState, log: Log): void {
  const { binDir } = state.postgres;
  const data = pgData(state.dir);
  ownedByPostgres(pgDir(state.dir));
  if (!existsSync(join(data, 'PG_VERSION'))) {
    const pwfile = join(pgDir(state.dir), 'pwfile');
    writeFileSync(pwfile, `${state.postgres.password}\n`, { mode: 0o600 });
    const identity = postgresIdentity();
    if (identity) chownSync(pwfile, identity.uid, identity.gid);
    try {
      runAsPostgres(
        binDir,
        'initdb',
        ['-D', data, '-U', DB_USER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C'],
        log,
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }
  const status = spawnSync(join(binDir, 'pg_ctl'), ['status', '-D', data], {
    ...(postgresIdentity() ?? {}),
    cwd: '/',
  });
  // Left running by a launcher that was killed: stop it, so it starts with this run's settings.
  if (status.status === 0) runAsPostgres(binDir, 'pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w'], log);
  const socketDir = join(pgDir(state.dir), 'socket');
  ownedByPostgres(socketDir);
  runAsPostgres(
    binDir,
    'pg_ctl',
    [
      'start',
      '-D',
      data,
      '-w',
      '-t',
      '60',
      '-l',
      join(pgDir(state.dir), 'postgres.log'),
      // Loopback only, and its socket in the private folder: nothing else on the machine is touched.
      '-o',
      `-p ${state.ports.postgres} -k ${socketDir} -c listen_addresses=127.0.0.1`,
    ],
    log,
  );
}

function stopPostgres(state: ClusterState, log: Log): void {
  if (!existsSync(join(pgData(state.dir), 'postmaster.pid'))) return;
  runAsPostgres(state.postgres.binDir, 'pg_ctl', ['stop', '-D', pgData(state.dir), '-m', 'fast', '-w'], log);
}

/** Runs one of the deploy/temporal scripts as compose runs it, with the local tools on PATH. */
function runDeployScript(script: string, env: Record<string, string>, toolDirs: string[], log: Log): string {
  const result = spawnSync('sh', [join(deployDir, script)], {
    env: { ...process.env, ...env, PATH: [...toolDirs, process.env.PATH ?? ''].join(delimiter) },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0) {
    log(`${script} failed:\n${result.stdout}${result.stderr}`);
    throw new Error(`${script} exited ${result.status ?? result.signal}`);
  }
  return result.stdout;
}

function setupSchema(state: ClusterState, log: Log): void {
  runDeployScript(
    'setup-postgres.sh',
    {
      POSTGRES_SEEDS: '127.0.0.1',
      DB_PORT: String(state.ports.postgres),
      POSTGRES_USER: DB_USER,
      POSTGRES_PWD: state.postgres.password,
      APP_DBNAME: APP_DATABASE,
    },
    [join(state.temporal.sqlTool, '..')],
    log,
  );
}

/**
 * The environment the temporalio/server image's embedded config template reads: the same keys
 * compose sets for its `temporal` service, with this cluster's host and ports.
 */
export function temporalServerEnv(state: ClusterState, logLevel = 'warn'): Record<string, string> {
  const { ports } = state;
  return {
    DB: SQL_PLUGIN,
    POSTGRES_SEEDS: '127.0.0.1',
    DB_PORT: String(ports.postgres),
    // The template reads the visibility store's port from POSTGRES_PORT, not DB_PORT (compose leaves
    // both at 5432).
    POSTGRES_PORT: String(ports.postgres),
    POSTGRES_USER: DB_USER,
    POSTGRES_PWD: state.postgres.password,
    BIND_ON_IP: '127.0.0.1',
    TEMPORAL_BROADCAST_ADDRESS: '127.0.0.1',
    DYNAMIC_CONFIG_FILE_PATH: DYNAMIC_CONFIG_FILE,
    FRONTEND_GRPC_PORT: String(ports.frontend),
    FRONTEND_HTTP_PORT: String(ports.frontendHttp),
    FRONTEND_MEMBERSHIP_PORT: String(ports.frontendMembership),
    HISTORY_GRPC_PORT: String(ports.history),
    HISTORY_MEMBERSHIP_PORT: String(ports.historyMembership),
    MATCHING_GRPC_PORT: String(ports.matching),
    MATCHING_MEMBERSHIP_PORT: String(ports.matchingMembership),
    WORKER_GRPC_PORT: String(ports.worker),
    WORKER_MEMBERSHIP_PORT: String(ports.workerMembership),
    LOG_LEVEL: logLevel,
  };
}

/** The server's command line, as the image's entrypoint runs it. */
export function temporalServerCommand(state: ClusterState): { command: string; args: string[] } {
  return { command: state.temporal.server, args: ['start'] };
}

/** Starts the server in the background, its output appended to <dir>/temporal.log; records its pid. */
export function spawnTemporalServer(state: ClusterState): ChildProcess {
  const logFd = openSync(join(state.dir, 'temporal.log'), 'a');
  const { command, args } = temporalServerCommand(state);
  const child = spawn(command, args, {
    cwd: state.dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...temporalServerEnv(state) },
    stdio: ['ignore', logFd, logFd],
    detached: true,
  });
  child.unref();
  state.temporal.pid = child.pid;
  writeClusterState(state);
  return child;
}

/** Waits until the frontend answers and reports its version. */
export async function waitForTemporal(state: ClusterState, timeoutMs = 90_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const pid = state.temporal.pid;
    if (pid !== undefined && !isAlive(pid)) {
      throw new Error(
        `the Temporal server exited while starting; its log: ${join(state.dir, 'temporal.log')}`,
      );
    }
    try {
      const connection = await Connection.connect({ address: state.address, connectTimeout: 1000 });
      try {
        const info = await connection.workflowService.getClusterInfo({});
        // The frontend answers before the system namespace is loaded; a namespace call proves it is.
        await connection.workflowService.describeNamespace({ namespace: 'temporal-system' });
        return info.serverVersion;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((done) => setTimeout(done, 250));
    }
  }
  throw new Error(
    `the Temporal server at ${state.address} did not answer within ${timeoutMs / 1000} s (see ${join(state.dir, 'temporal.log')}): ${String(lastError)}`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The environment the temporalio/ui image's configuration template reads (compose sets the same
 * keys for `temporal-ui`): the server, the port, and the codec server with the login cookie.
 */
export function temporalUiEnv(address: string, uiPort: number, codecPort: number): Record<string, string> {
  return {
    TEMPORAL_ADDRESS: address,
    TEMPORAL_UI_PORT: String(uiPort),
    TEMPORAL_CODEC_ENDPOINT: `http://127.0.0.1:${codecPort}`,
    TEMPORAL_CODEC_INCLUDE_CREDENTIALS: 'true',
    // Served over plain HTTP on loopback: a Secure cookie would never come back.
    TEMPORAL_CSRF_COOKIE_INSECURE: 'true',
    // Its access log would print a line for every request the browser makes.
    TEMPORAL_HIDE_LOGS: 'true',
  };
}

/**
 * The UI server's configuration folder: the image's template (docker.yaml) and, before it, a
 * base.yaml that binds it to loopback (the template has no setting for the address and would listen
 * on every interface).
 */
export function temporalUiConfig(dir: string, template: string): { root: string; args: string[] } {
  const configDir = join(dir, 'ui-config');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(
    join(configDir, 'base.yaml'),
    '# Written by npm run cluster: the UI on loopback only.\nhost: 127.0.0.1\n',
  );
  // The module cache's copy is read-only; a fresh copy each start follows an upgraded template.
  rmSync(join(configDir, 'docker.yaml'), { force: true });
  copyFileSync(template, join(configDir, 'docker.yaml'));
  return { root: dir, args: ['--root', dir, '--config', 'ui-config', '--env', 'docker', 'start'] };
}

/** Stops the server recorded in cluster.json (SIGTERM lets it leave the membership ring cleanly). */
export async function stopTemporalServer(
  state: ClusterState,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  const pid = state.temporal.pid;
  if (pid === undefined || !isAlive(pid)) return;
  process.kill(pid, signal);
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  delete state.temporal.pid;
  writeClusterState(state);
}

/** Stops the server (by `signal`) and starts it again on the same database; resolves once it answers. */
export async function restartTemporalServer(dir: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const state = readClusterState(dir);
  await stopTemporalServer(state, signal);
  spawnTemporalServer(state);
  await waitForTemporal(state);
}

/**
 * Creates a namespace and registers the search attributes with deploy/temporal/setup-namespace.sh,
 * which also waits out the moment after creation in which the frontend still says "not found".
 */
export function setupNamespace(state: ClusterState, namespace: string, log: Log = console.log): void {
  runDeployScript(
    'setup-namespace.sh',
    { TEMPORAL_ADDRESS: state.address, TEMPORAL_NAMESPACE: namespace },
    [join(requireTemporalCli(), '..')],
    log,
  );
}

export interface StartClusterOptions {
  /** The private folder: PostgreSQL's data, cluster.json, temporal.log. Kept between runs. */
  dir: string;
  ports: ClusterPorts;
  /** The server runs in the background with its output in <dir>/temporal.log (the tests); or the caller starts it. */
  startServer?: boolean;
  log?: Log;
}

/**
 * PostgreSQL, the schema, and (unless `startServer` is false) the Temporal server. A folder used
 * before keeps its data and password: a second start resumes the cases stored there.
 */
export async function startCluster(options: StartClusterOptions): Promise<ClusterState> {
  const log = options.log ?? console.log;
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  // The postgres user must pass through to its own folder inside (mkdtemp makes 0700 folders).
  if (postgresIdentity()) chmodSync(dir, 0o711);
  const previous = existsSync(stateFile(dir)) ? readClusterState(dir) : undefined;
  const binaries = requireTemporalServer();
  const state: ClusterState = {
    dir,
    ports: options.ports,
    address: `127.0.0.1:${options.ports.frontend}`,
    postgres: {
      ...requirePostgres(),
      password: previous?.postgres.password ?? randomBytes(18).toString('base64url'),
    },
    temporal: { ...binaries, version: serverVersion(binaries.server) },
  };
  writeClusterState(state);
  startPostgres(state, log);
  try {
    setupSchema(state, log);
    if (options.startServer ?? true) {
      spawnTemporalServer(state);
      state.temporal.version = await waitForTemporal(state);
      writeClusterState(state);
    }
  } catch (error) {
    await stopCluster(state, log);
    throw error;
  }
  return state;
}

export async function stopCluster(state: ClusterState, log: Log = console.log): Promise<void> {
  await stopTemporalServer(state);
  stopPostgres(state, log);
}

/** The installed Temporal server's version, read from its binary without starting it. */
export function installedTemporalServerVersion(): string {
  return serverVersion(requireTemporalServer().server);
}

function serverVersion(server: string): string {
  const result = spawnSync(server, ['--version'], { encoding: 'utf8' });
  return /(\d+\.\d+\.\d+)/.exec(result.stdout ?? '')?.[1] ?? TEMPORAL_SERVER_VERSION;
}
