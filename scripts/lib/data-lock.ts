import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * One running system per data folder. Two `npm start` (or a start and `npm run cluster`) on the same
 * folder would run two Temporal servers on one SQLite file and two sets of workers on one outbox; the
 * second stops at once with one line instead. The lock names the process that holds it; a lock left
 * by a process that no longer runs (a kill -9, a power cut) is taken over.
 */
export class DataDirInUseError extends Error {}

interface Holder {
  pid: number;
  what: string;
  since: string;
}

export function lockDataDir(dataDir: string, what: string): () => void {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, '.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      const holder: Holder = { pid: process.pid, what, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      const release = () => {
        if (readHolder(path)?.pid === process.pid) unlinkSync(path);
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && isRunning(holder.pid)) {
        throw new DataDirInUseError(
          `the data folder ${dir} is in use by ${holder.what} (process ${holder.pid}, since ${holder.since}): stop it first, or set RF_DATA_DIR to another folder`,
        );
      }
      // Left behind by a process that is gone: take it over.
      unlinkSync(path);
    }
  }
  throw new DataDirInUseError(`the data folder ${dir} could not be locked`);
}

function readHolder(path: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number'
      ? { pid: parsed.pid, what: String(parsed.what ?? 'another process'), since: String(parsed.since ?? '') }
      : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
