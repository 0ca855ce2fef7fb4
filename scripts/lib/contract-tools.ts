import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isExecutable, type Log, MissingBinaryError, onPath, toolsDir } from './install';

/**
 * Schemathesis tests the running API against its own OpenAPI document (server errors, undocumented
 * statuses, responses that differ from their schema). It comes from PyPI with its dependencies, so it
 * gets a virtual environment of its own in `.tools/`; a `schemathesis` on PATH wins.
 */
export const SCHEMATHESIS_VERSION = '4.32.5';

const venv = join(toolsDir, `schemathesis-${SCHEMATHESIS_VERSION}`);
const fromPypi = join(venv, 'bin', 'schemathesis');

export function findSchemathesis(): string | undefined {
  return onPath('schemathesis') ?? (isExecutable(fromPypi) ? fromPypi : undefined);
}

export function requireSchemathesis(): string {
  const found = findSchemathesis();
  if (!found) throw new MissingBinaryError('schemathesis not found: run `npm run tools:install` first');
  return found;
}

export function ensureSchemathesis(log: Log = console.log): string {
  const found = findSchemathesis();
  if (found) return found;
  const python = ['python3', 'python'].find((name) => onPath(name));
  if (!python) throw new MissingBinaryError('schemathesis needs python3 with venv and pip to install');
  log(`Installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into .tools/ (its own virtualenv) …`);
  rmSync(venv, { recursive: true, force: true });
  mkdirSync(toolsDir, { recursive: true });
  try {
    execFileSync(python, ['-m', 'venv', venv], { stdio: ['ignore', 'ignore', 'pipe'] });
    execFileSync(
      join(venv, 'bin', 'pip'),
      ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' } },
    );
  } catch (error) {
    rmSync(venv, { recursive: true, force: true });
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '')
      .trim()
      .split('\n')
      .pop();
    throw new MissingBinaryError(`schemathesis could not be installed from PyPI: ${stderr}`);
  }
  if (!isExecutable(fromPypi)) throw new MissingBinaryError('schemathesis did not install');
  return fromPypi;
}
