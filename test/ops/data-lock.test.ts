import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInUseError, lockDataDir } from '../../scripts/lib/data-lock';

/** One running system per data folder: a second start on the same folder stops with one clear line. */
const root = join(__dirname, '..', '..');
const tsx = require.resolve('tsx/cli');

test('a second lock on the same folder is refused, naming who holds it; released, it can be taken again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rf-lock-'));
  const release = lockDataDir(dir, 'npm start');
  expect(() => lockDataDir(dir, 'npm run cluster')).toThrow(DataDirInUseError);
  expect(() => lockDataDir(dir, 'npm run cluster')).toThrow(
    new RegExp(`in use by npm start \\(process ${process.pid}, since `),
  );
  release();
  expect(existsSync(join(dir, '.lock'))).toBe(false);
  lockDataDir(dir, 'npm run cluster')();
});

test('a lock left by a process that is gone (kill -9) is taken over', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rf-lock-'));
  const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
  writeFileSync(join(dir, '.lock'), JSON.stringify({ pid: gone, what: 'npm start', since: '2026-11-30' }));
  expect(() => lockDataDir(dir, 'npm start')()).not.toThrow();
});

test('npm start on a folder another start uses stops at once with one line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rf-lock-'));
  const release = lockDataDir(dir, 'npm start');
  try {
    const child = spawn(process.execPath, [tsx, join(root, 'scripts/start.ts')], {
      cwd: root,
      env: { ...process.env, RF_DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^the data folder .* is in use by npm start \(process \d+, since .*\): stop it first, or set RF_DATA_DIR to another folder$/,
      ),
    ]);
  } finally {
    release();
  }
}, 60_000);
