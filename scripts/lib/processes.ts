import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * Starts a child in its own process group, so that Ctrl-C reaches only the supervisor, which then stops
 * the children in order (API, worker, Temporal) and waits for each. Output is prefixed with its name.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): ManagedProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) process.stdout.write(prefix + line + '\n');
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, exited };
}

export async function stopProcess(proc: ManagedProcess, graceMs = 15_000): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  await proc.exited;
  clearTimeout(timer);
}

/** A TCP port nobody listens on right now (the kernel's pick: never 7233, 8233 or 3000). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
}

/**
 * Keeps the processes it started: if one exits by itself, all are stopped; `stopAll` stops them in
 * the reverse order of their start.
 */
export class Supervisor {
  private readonly processes: ManagedProcess[] = [];
  private stopping: Promise<void> | undefined;

  constructor(private readonly onUnexpectedExit: (name: string, code: number | null) => void) {}

  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ManagedProcess {
    const proc = startProcess(name, command, args, env);
    this.processes.push(proc);
    void proc.exited.then((code) => {
      if (!this.stopping) this.onUnexpectedExit(name, code);
    });
    return proc;
  }

  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const proc of [...this.processes].reverse()) await stopProcess(proc);
    })();
    return this.stopping;
  }
}
