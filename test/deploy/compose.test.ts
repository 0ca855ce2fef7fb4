import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { searchAttributesForCli } from '../../src/messages/search-attributes';
import { findCompose } from '../../scripts/lib/deploy-tools';
import {
  findPostgres,
  TEMPORAL_SERVER_VERSION,
  TEMPORAL_UI_VERSION,
} from '../../scripts/lib/cluster-binaries';
import {
  deployDir,
  DYNAMIC_CONFIG_FILE,
  portsAround,
  SQL_PLUGIN,
  temporalServerEnv,
  temporalUiEnv,
  type ClusterState,
} from '../../scripts/lib/cluster';

/**
 * docker-compose.yml, checked where no Docker engine runs: `docker compose config` validates it
 * against the Compose specification and resolves it; then what the deployment relies on is checked
 * in the resolved model.
 */
const root = join(__dirname, '..', '..');
const compose = findCompose();
if (!compose) throw new Error('Docker Compose not found: run `npm run tools:install`');
const [command, ...prefix] = compose;
const env = {
  ...process.env,
  RF_ENCRYPTION_KEYS_PATH: join(root, 'deploy', 'example-secrets', 'encryption-keys.json'),
  RF_API_TOKENS_PATH: join(root, 'deploy', 'example-secrets', 'api-tokens.json'),
};
const run = (...args: string[]) =>
  execFileSync(command!, [...prefix, '-f', join(root, 'docker-compose.yml'), ...args], {
    env,
    encoding: 'utf8',
  });

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: Array<{ target: number; published?: string }>;
  container_name?: string;
  secrets?: Array<{ source: string }>;
  entrypoint?: string[];
  volumes?: Array<{ type: string; source: string; target: string }>;
}
const model = JSON.parse(run('config', '--format', 'json')) as { services: Record<string, Service> };
const services = model.services;

test('the compose file is valid: `docker compose config` accepts it', () => {
  const result = spawnSync(
    command!,
    [...prefix, '-f', join(root, 'docker-compose.yml'), 'config', '--quiet'],
    { env },
  );
  expect(result.stderr.toString()).toBe('');
  expect(result.status).toBe(0);
});

test('every service the product needs is there', () => {
  expect(Object.keys(services).sort()).toEqual([
    'api',
    'codec-server',
    'mailpit',
    'postgresql',
    'temporal',
    'temporal-namespace',
    'temporal-schema',
    'temporal-ui',
    'worker',
  ]);
});

test('images are pinned; worker, API and codec server are built from the Dockerfile', () => {
  for (const [name, service] of Object.entries(services)) {
    if (['worker', 'api', 'codec-server'].includes(name)) {
      expect({ name, build: service.build?.dockerfile }).toEqual({ name, build: 'Dockerfile' });
    } else {
      expect(service.image).toMatch(/^[\w./-]+:[\w.-]*\d[\w.-]*$/);
    }
  }
});

test('start order: database, schema, server, namespace and search attributes, then the application', () => {
  expect(services['temporal-schema']!.depends_on).toMatchObject({
    postgresql: { condition: 'service_healthy' },
  });
  expect(services.temporal!.depends_on).toMatchObject({
    'temporal-schema': { condition: 'service_completed_successfully' },
  });
  expect(services['temporal-namespace']!.depends_on).toMatchObject({
    temporal: { condition: 'service_healthy' },
  });
  for (const name of ['worker', 'api', 'codec-server']) {
    expect(services[name]!.depends_on).toMatchObject({
      'temporal-namespace': { condition: 'service_completed_successfully' },
    });
  }
  for (const name of ['postgresql', 'temporal', 'mailpit', 'worker', 'api', 'codec-server']) {
    expect({ name, healthcheck: Boolean(services[name]!.healthcheck?.test.length) }).toEqual({
      name,
      healthcheck: true,
    });
  }
});

test('the application gets its secrets as files, mail goes to the catcher, and workers can be scaled', () => {
  for (const name of ['worker', 'api', 'codec-server']) {
    const service = services[name]!;
    expect(service.secrets?.map((secret) => secret.source).sort()).toEqual(['api_tokens', 'encryption_keys']);
    expect(service.environment).toMatchObject({
      TEMPORAL_ADDRESS: 'temporal:7233',
      RF_ENCRYPTION_KEYS_FILE: '/run/secrets/encryption_keys',
      RF_API_TOKENS_FILE: '/run/secrets/api_tokens',
      RF_SMTP_URL: 'smtp://mailpit:1025',
    });
    expect(JSON.stringify(service.environment)).not.toMatch(/RF_ENCRYPTION_KEYS"/);
  }
  expect(services.worker!.container_name).toBeUndefined();
  expect(services.worker!.ports ?? []).toEqual([]);
  expect(services.worker!.command).toEqual(['node', 'dist/worker/main.js']);
  expect(services.api!.command).toEqual(['node', 'dist/src/api/main.js']);
  expect(services['codec-server']!.command).toEqual(['node', 'dist/src/codec-server/main.js']);
});

test('the search attributes the setup registers are exactly those the code uses', () => {
  const registered = readFileSync(join(root, 'deploy', 'temporal', 'search-attributes.txt'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  expect(registered).toEqual(searchAttributesForCli());
});

test('the setup scripts are valid POSIX shell', () => {
  for (const script of ['setup-postgres.sh', 'setup-namespace.sh']) {
    const result = spawnSync('sh', ['-n', join(root, 'deploy', 'temporal', script)]);
    expect({ script, status: result.status, stderr: result.stderr.toString() }).toEqual({
      script,
      status: 0,
      stderr: '',
    });
  }
});

/** What a service's container sees at `path`, as a file on this machine (through its bind mounts). */
function hostPath(service: Service, path: string): string | undefined {
  for (const volume of service.volumes ?? []) {
    if (volume.type === 'bind' && (path === volume.target || path.startsWith(`${volume.target}/`))) {
      return join(volume.source, posix.relative(volume.target, path));
    }
  }
  return undefined;
}
const tagOf = (image: string | undefined) => image?.split(':')[1];

describe('one deployment: compose runs what the local cluster and its tests run', () => {
  test('the same Temporal server version, in the server and the admin-tools images', () => {
    expect({
      temporal: tagOf(services.temporal!.image),
      schema: tagOf(services['temporal-schema']!.image),
      namespace: tagOf(services['temporal-namespace']!.image),
    }).toEqual({
      temporal: TEMPORAL_SERVER_VERSION,
      schema: TEMPORAL_SERVER_VERSION,
      namespace: TEMPORAL_SERVER_VERSION,
    });
  });

  test('the same schema setup and the same namespace and search-attribute registration scripts', () => {
    for (const [name, script] of [
      ['temporal-schema', 'setup-postgres.sh'],
      ['temporal-namespace', 'setup-namespace.sh'],
    ] as const) {
      const service = services[name]!;
      const [shell, path] = service.entrypoint ?? [];
      expect({ name, shell, script: path && hostPath(service, path) }).toEqual({
        name,
        shell: '/bin/sh',
        script: join(deployDir, script),
      });
    }
    // setup-namespace.sh reads the search attributes from beside itself.
    expect(hostPath(services['temporal-namespace']!, '/deploy/search-attributes.txt')).toBe(
      join(deployDir, 'search-attributes.txt'),
    );
  });

  test('the same dynamic config file, and the server configured by the same settings', () => {
    const temporalService = services.temporal!;
    const env = temporalService.environment ?? {};
    // The image's working directory is /etc/temporal; a relative path is read from there.
    const inContainer = posix.resolve('/etc/temporal', env.DYNAMIC_CONFIG_FILE_PATH ?? '');
    expect(hostPath(temporalService, inContainer)).toBe(DYNAMIC_CONFIG_FILE);
    expect(dirname(DYNAMIC_CONFIG_FILE)).toBe(join(deployDir, 'dynamicconfig'));
    expect(basename(DYNAMIC_CONFIG_FILE)).toBe('production.yaml');

    // Both feed the server image's own config template: every setting compose gives it, the local
    // cluster gives it too, and those that are not about where things are have the same value.
    const state = {
      ports: portsAround(7233, 5432),
      postgres: { password: 'temporal' },
    } as unknown as ClusterState;
    const local = temporalServerEnv(state);
    expect(Object.keys(env).filter((key) => !(key in local))).toEqual([]);
    expect(env.DB).toBe(SQL_PLUGIN);
    expect(local.DB).toBe(SQL_PLUGIN);
    expect(local.POSTGRES_USER).toBe(env.POSTGRES_USER);
    expect(local.DB_PORT).toBe(env.DB_PORT);
    expect(services['temporal-schema']!.environment?.DB).toBe(SQL_PLUGIN);
  });

  test('the same Web UI server version, configured by the same settings', () => {
    const ui = services['temporal-ui']!;
    expect(tagOf(ui.image)).toBe(TEMPORAL_UI_VERSION);
    const local = temporalUiEnv('127.0.0.1:7233', 8233, 8888);
    expect(Object.keys(ui.environment ?? {}).filter((key) => !(key in local))).toEqual([]);
    expect(local.TEMPORAL_CODEC_INCLUDE_CREDENTIALS).toBe(ui.environment?.TEMPORAL_CODEC_INCLUDE_CREDENTIALS);
  });

  test('the same PostgreSQL major version as the one the cluster tests run on', () => {
    const tested = findPostgres();
    if (!tested) throw new Error('PostgreSQL not found: run `npm run tools:install`');
    const composeMajor = tagOf(services.postgresql!.image)?.split(/[.-]/)[0];
    expect(composeMajor).toBe(tested.version.split('.')[0]);
  });
});
