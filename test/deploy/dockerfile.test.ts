import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findHadolint } from '../../scripts/lib/deploy-tools';
import { freePort } from '../helpers/ports';

/**
 * The Dockerfile, checked where no Docker engine runs: hadolint lints it, the properties the
 * deployment relies on are read from it, and its build steps are run as the image runs them — the
 * compiled code, with the workflow bundle and templates, starts from a folder shaped like /app.
 */
const root = join(__dirname, '..', '..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const stages = dockerfile.split(/^FROM /m).slice(1);

test('hadolint finds nothing', () => {
  const hadolint = findHadolint();
  if (!hadolint) throw new Error('hadolint not found: run `npm run tools:install`');
  const result = spawnSync(hadolint, [join(root, 'Dockerfile')]);
  expect(result.stdout.toString()).toBe('');
  expect(result.status).toBe(0);
});

test('multi-stage; the image has production dependencies only and runs as a non-root user', () => {
  expect(stages).toHaveLength(2);
  const runtime = stages[1]!;
  expect(runtime).toMatch(/npm install --omit=dev/);
  expect(runtime).toMatch(/^USER 1000:1000$/m);
  expect(runtime).not.toMatch(/^COPY (src|test|scripts) /m);
  expect(runtime).toMatch(/^COPY templates \.\/templates$/m);
  expect(runtime).toMatch(/RF_WORKFLOW_BUNDLE=\/app\/dist\/workflow-bundle\.js/);
  for (const stage of stages) expect(stage).toMatch(/^node:\d+-[a-z]+-slim AS \w+/);
  const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
  expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.tools', 'data', 'test']));
});

describe('the image, built as the Dockerfile builds it', () => {
  const app = mkdtempSync(join(tmpdir(), 'rf-image-'));
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  beforeAll(() => {
    // The build stage: compile, then bundle the workflows once.
    execFileSync(
      process.execPath,
      [
        require.resolve('typescript/bin/tsc'),
        '-p',
        join(root, 'tsconfig.build.json'),
        '--outDir',
        join(app, 'dist'),
      ],
      {
        stdio: 'pipe',
      },
    );
    // The runtime stage: package.json beside dist/, templates, dependencies.
    cpSync(join(root, 'package.json'), join(app, 'package.json'));
    cpSync(join(root, 'templates'), join(app, 'templates'), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'));
    execFileSync(
      process.execPath,
      [join(app, 'dist', 'worker', 'bundle-workflows.js'), join(app, 'dist', 'workflow-bundle.js')],
      {
        cwd: app,
        stdio: 'pipe',
      },
    );
  }, 120_000);

  test('the workflow bundle is built', () => {
    expect(statSync(join(app, 'dist', 'workflow-bundle.js')).size).toBeGreaterThan(100_000);
    for (const entry of ['worker/main.js', 'src/api/main.js', 'src/codec-server/main.js']) {
      expect({ entry, exists: existsSync(join(app, 'dist', entry)) }).toEqual({ entry, exists: true });
    }
  });

  test('the codec server starts from the compiled code and answers its health check', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/src/codec-server/main.js'], {
      cwd: app,
      env: {
        PATH: process.env.PATH,
        RF_CODEC_PORT: String(port),
        RF_ENCRYPTION_KEYS: `k=${Buffer.alloc(32, 7).toString('base64')}`,
        RF_API_TOKENS_FILE: join(root, 'deploy', 'example-secrets', 'api-tokens.json'),
      },
      stdio: 'ignore',
    });
    try {
      let ok = false;
      for (let i = 0; i < 50 && !ok; i += 1) {
        ok = await fetch(`http://127.0.0.1:${port}/healthz`)
          .then((r) => r.ok)
          .catch(() => false);
        if (!ok) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(ok).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
  });

  test('the compiled worker finds its templates and bundle; only the missing key stops it', () => {
    const result = spawnSync(process.execPath, ['dist/worker/main.js'], {
      cwd: app,
      env: { PATH: process.env.PATH, RF_WORKFLOW_BUNDLE: join(app, 'dist', 'workflow-bundle.js') },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'invalid configuration:',
      '  - RF_ENCRYPTION_KEYS or RF_ENCRYPTION_KEYS_FILE: an encryption key is required (npm start creates a local one)',
    ]);
  });
});
