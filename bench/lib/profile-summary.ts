import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  file: string;
  /** The main thread, a workflow thread (which bundle it runs), or another thread. */
  thread: string;
  /** Sampled wall time of the profile, ms. */
  totalMs: number;
  /** Share of the time the thread was not idle. */
  busyShare: number;
  /** Self time by where the code lives: a package, a folder of the project, Node, GC; `wf:` inside workflows. */
  byOrigin: Array<{ origin: string; ms: number; share: number }>;
  /** The functions with the most self time. */
  topFunctions: Array<{ fn: string; ms: number; share: number }>;
}

/** Where a module lives, coarse enough to read: `zod`, `src/domain`, `node`. */
function originOfPath(path: string): string {
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (modules) return modules[1]!;
  if (path.startsWith('node:')) return 'node';
  const project = /(?:^|\/)(src\/[^/]+|workflows|activities|worker|bench|scripts)\//.exec(path);
  if (project) return project[1]!;
  return path.replace(/^file:\/\//, '');
}

/**
 * A workflow bundle is one file of webpack modules, each after a `/***\/ "<path>"` header: the
 * header before a line says which module (zod, src/domain, …) the line belongs to.
 */
const bundleIndexes = new Map<string, Array<[number, string]>>();
function moduleInBundle(file: string, line: number): string | undefined {
  let index = bundleIndexes.get(file);
  if (!index) {
    index = [];
    try {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((text, number) => {
          const header = /^\/\*\*\*\/ "(.+)":?/.exec(text);
          if (header) index!.push([number + 1, header[1]!]);
        });
    } catch {
      // the bundle is gone (scratch folder removed): no module names
    }
    bundleIndexes.set(file, index);
  }
  let found: string | undefined;
  for (const [start, path] of index) {
    if (start > line) break;
    found = path;
  }
  return found;
}

function originOf(url: string, functionName: string, line: number): { origin: string; bundle?: string } {
  if (!url) {
    if (functionName === '(idle)') return { origin: '(idle)' };
    if (functionName === '(garbage collector)') return { origin: '(gc)' };
    if (functionName === '(program)') return { origin: '(program: native, V8)' };
    return { origin: '(native)' };
  }
  const file = url.replace(/^file:\/\//, '');
  if (/\/bundles\/[^/]+\.js$/.test(file)) {
    const module = moduleInBundle(file, line);
    return { origin: `wf:${module ? originOfPath(module) : 'bundle'}`, bundle: basename(file) };
  }
  return { origin: originOfPath(url) };
}

/** Self time per function and per origin of a V8 .cpuprofile (as written by --cpu-prof or the inspector). */
export function summariseProfile(path: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  (profile.samples ?? []).forEach((id, index) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000);
  });
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const origins = new Map<string, number>();
  const functions = new Map<string, number>();
  const bundles = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const { origin, bundle } = originOf(url, functionName, lineNumber + 1);
    origins.set(origin, (origins.get(origin) ?? 0) + ms);
    if (bundle) bundles.set(bundle, (bundles.get(bundle) ?? 0) + ms);
    if (origin === '(idle)') continue;
    const key = `${functionName || '(anonymous)'} ${url ? origin : ''}`.trim();
    functions.set(key, (functions.get(key) ?? 0) + ms);
  }
  const idle = origins.get('(idle)') ?? 0;
  const share = (ms: number) => Math.round((ms / Math.max(1, totalMs)) * 1000) / 10;
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .filter(([name]) => name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: share(ms) }));
  // Node names profiles CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the main thread.
  const thread = /^CPU\.\d+\.\d+\.\d+\.(\d+)\./.exec(basename(path))?.[1];
  const mainBundle = [...bundles].sort((a, b) => b[1] - a[1])[0]?.[0];
  return {
    file: path,
    thread:
      thread === undefined || thread === '0'
        ? 'main thread'
        : mainBundle
          ? `workflow thread (${mainBundle})`
          : `thread ${thread}`,
    totalMs: Math.round(totalMs),
    busyShare: Math.round((1 - idle / Math.max(1, totalMs)) * 1000) / 10,
    byOrigin: top(origins, 12).map(({ name, ...rest }) => ({ origin: name, ...rest })),
    topFunctions: top(functions, 15).map(({ name, ...rest }) => ({ fn: name, ...rest })),
  };
}

/** Every profile under `dir`, the busy ones (over 1 % of their time) only. */
export function summariseProfiles(dir: string): ProfileSummary[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.cpuprofile'))
      .sort()
      .map((file) => summariseProfile(join(dir, file)))
      .filter((summary) => summary.busyShare >= 1);
  } catch {
    return [];
  }
}

/** A few lines per profile for the console. */
export function renderProfiles(summaries: ProfileSummary[], root: string): string {
  return summaries
    .map((summary) =>
      [
        `${summary.file.replace(`${root}/`, '')} — ${summary.thread}, busy ${summary.busyShare}% of ${(summary.totalMs / 1000).toFixed(0)} s`,
        `    ${summary.byOrigin
          .slice(0, 8)
          .map((origin) => `${origin.origin} ${origin.share}%`)
          .join(', ')}`,
      ].join('\n'),
    )
    .join('\n');
}
