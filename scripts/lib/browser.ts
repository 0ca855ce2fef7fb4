import { execFileSync, spawnSync } from 'node:child_process';
import { type Log, MissingBinaryError, onPath } from './install';

/**
 * The browser the page tests drive (through playwright-core, which downloads no browser of its own):
 * a Chromium or Chrome already on PATH wins; otherwise Debian's `chromium` package, installed with
 * apt-get where that can be done (root on Debian), as the cluster's PostgreSQL is.
 */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

export function findChromium(): string | undefined {
  for (const name of NAMES) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

export function requireChromium(): string {
  const found = findChromium();
  if (!found) throw new MissingBinaryError('Chromium not found: run `npm run tools:install` first');
  return found;
}

export function ensureChromium(log: Log = console.log): string {
  const found = findChromium();
  if (found) return `${found} (${versionOf(found)})`;
  const apt = onPath('apt-get');
  if (!apt || process.getuid?.() !== 0) {
    throw new MissingBinaryError(
      'Chromium not found: install it (Debian: apt-get install chromium) or put a Chrome on PATH, and run again',
    );
  }
  log('Installing Chromium from Debian (apt-get install chromium) …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const result = spawnSync(apt, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0) {
      throw new MissingBinaryError(
        `apt-get ${args[0]} failed (exit ${result.status}): install Chromium and run again`,
      );
    }
  }
  const installed = findChromium();
  if (!installed) throw new MissingBinaryError('apt-get installed chromium, but it is not on PATH');
  return `${installed} (${versionOf(installed)})`;
}

function versionOf(browser: string): string {
  try {
    return execFileSync(browser, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'version unknown';
  }
}
