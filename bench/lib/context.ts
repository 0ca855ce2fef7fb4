import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import type { KeyRing } from '../../src/temporal/encryption-codec';
import type { Bundles } from './bundles';

/** What every part of one benchmark run shares. */
export interface RunContext {
  runId: string;
  resultsDir: string;
  /** Scratch space of this run (token file, outboxes, databases): removed at the end unless kept. */
  workDir: string;
  bundles: Bundles;
  /** The Temporal every part runs against: the CLI's dev server (default) or a fresh local cluster. */
  server: 'dev' | 'cluster';
  /** With --profile: where the worker's and the benchmark's CPU profiles go. */
  profileDir?: string;
}

export function benchKeyRing(): { keyRing: KeyRing; key: { id: string; base64: string } } {
  const id = 'bench-key';
  const bytes = randomBytes(32);
  return {
    keyRing: { activeKeyId: id, keys: new Map([[id, bytes]]) },
    key: { id, base64: bytes.toString('base64') },
  };
}

let session: Session | undefined;

/**
 * Profiles the benchmark's own process (the API, the client, the codec on the client side, the load
 * generator) while `fn` runs, when --profile asks for it: a .cpuprofile any Chrome DevTools opens.
 */
export async function profiled<T>(context: RunContext, name: string, fn: () => Promise<T>): Promise<T> {
  if (!context.profileDir) return fn();
  session ??= (() => {
    const created = new Session();
    created.connect();
    return created;
  })();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session!.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    mkdirSync(context.profileDir, { recursive: true });
    writeFileSync(join(context.profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
  }
}
