import { loadRuleset } from '../../src/config/rulesets';
import type { Actor } from '../../src/domain';
import type { Ruleset } from '../../src/domain/engine/ruleset';
import { caseId, newCase } from '../lib/cases';
import { profiled, type RunContext } from '../lib/context';
import { Progress, step } from '../lib/progress';
import { costFigure, type Figure, type PartResult } from '../lib/report';
import { type LatencySummary, msSince, pool, round, summarise, waitUntil } from '../lib/stats';
import { startSystem } from '../lib/system';

export interface WorklistOptions {
  /** Open cases in the municipality. */
  n: number;
  /** Requests per kind measured. */
  requests: number;
}

const kinds = {
  'worklist-page': 'GET / as a supervisor (the worklist page: lists, counts, caseloads, rendered)',
  'case-page': 'GET /sager/{caseId} as a supervisor (one case read, its time line drawn)',
  'list-query': 'GET /api/v1/cases?status=open&pageSize=50 (the bare list query the page is built on)',
  'overdue-query': 'GET /api/v1/cases?overdue=true&pageSize=50 (the overdue filter)',
} as const;
type Kind = keyof typeof kinds;

const BLOCK = 10;
/** Cases per coordinating caseworker: under the seeds' caseload limit of 30. */
const CASES_PER_CASEWORKER = 25;
/** Every tenth case gets no caseworker: its 2-second limit (below, not 2 weeks) breaches and escalates. */
const UNASSIGNED_EVERY = 10;

/**
 * The staff pages under a municipality's load (issue 17: p95 < 300 ms with 2,000 open cases): `n`
 * open ressourceforløb in København, most with a coordinating caseworker (25 each), every tenth
 * without one past its limit — breached and escalated, so the worklist's overdue and escalation
 * tables have rows. Then, one request at a time and interleaved in blocks so each meets the same
 * noise: the worklist page, a case page, and beside them the bare list query and the overdue filter
 * the page is built on. Times are the request's wall time on loopback (the server's time plus a
 * local round trip); the page and the API run in this process, as the API process runs them.
 */
export async function runWorklist(context: RunContext, options: WorklistOptions): Promise<PartResult> {
  const started = Date.now();
  const seeds = loadRuleset('seeds-2017');
  const rules: Ruleset = {
    ...seeds,
    waitingTimes: {
      ...seeds.waitingTimes,
      referralToCoordinatingCaseworker: {
        ...seeds.waitingTimes.referralToCoordinatingCaseworker,
        within: 'PT2S',
        reminders: [],
      },
    },
  };
  const system = await startSystem(context, {
    part: 'worklist',
    ruleset: rules,
    workers: { cases: true, bare: false, codec: false },
    maxSockets: 1,
  });
  const { caseworker, supervisor } = system.api.people;
  const actor: Actor = {
    id: caseworker.person,
    role: caseworker.role,
    municipality: caseworker.municipality,
  };
  const prefix = 'bench-wl';

  step(`opening ${options.n} cases in København, assigning caseworkers`);
  const opening = new Progress('worklist', options.n, 'cases');
  await pool(options.n, 16, async (index) => {
    const id = caseId(prefix, index);
    await system.cases.open(newCase(id), rules, actor);
    if (index % UNASSIGNED_EVERY !== 0) {
      const worker = `cw-${Math.floor(index / CASES_PER_CASEWORKER)}`;
      await system.cases.send(id, 'caseworkerAssigned', { caseworkerId: worker, name: 'Bench' }, actor);
    }
    opening.tick();
  });
  opening.finish();
  const unassigned = Math.ceil(options.n / UNASSIGNED_EVERY);
  await waitUntil(
    'the unassigned cases breached and listed as overdue',
    async () => (await system.cases.count({ status: 'open', overdue: true })) >= unassigned,
    { everyMs: 500, timeoutMs: 300_000 },
  );

  step('signing in to the pages as the supervisor');
  const cookie = await signIn(system.api.url, supervisor.token);
  const get = async (path: string, bearer?: string) => {
    const response = await fetch(`${system.api.url}${path}`, {
      headers: bearer ? { authorization: `Bearer ${bearer}` } : { cookie },
      redirect: 'manual',
    });
    const text = await response.text();
    if (response.status !== 200)
      throw new Error(`GET ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return text;
  };
  const page = await get('/');
  const overdueRows = (page.match(/Frist overskredet siden/g) ?? []).length;

  let turn = 0;
  const one = async (kind: Kind) => {
    turn += 1;
    switch (kind) {
      case 'worklist-page':
        return void (await get('/'));
      case 'case-page':
        return void (await get(`/sager/${caseId(prefix, (turn * 7) % options.n)}`));
      case 'list-query':
        return void (await get('/api/v1/cases?status=open&pageSize=50', supervisor.token));
      case 'overdue-query':
        return void (await get('/api/v1/cases?overdue=true&pageSize=50', supervisor.token));
    }
  };
  const order = Object.keys(kinds) as Kind[];
  const latencies = new Map<Kind, number[]>(order.map((kind) => [kind, []]));
  let failures = 0;
  let firstFailure: string | undefined;
  const runBlock = async (kind: Kind, record: boolean, progress?: Progress) => {
    for (let i = 0; i < BLOCK; i += 1) {
      const t0 = process.hrtime.bigint();
      try {
        await one(kind);
        if (record) latencies.get(kind)!.push(msSince(t0));
      } catch (error) {
        failures += 1;
        firstFailure ??= `${kind}: ${(error as Error).message}`;
      }
      progress?.tick();
    }
  };
  step(`warming up: ${BLOCK} of each`);
  for (const kind of order) await runBlock(kind, false);
  const rounds = Math.ceil(options.requests / BLOCK);
  const progress = new Progress('worklist', rounds * BLOCK * order.length, 'requests');
  await profiled(context, 'worklist-bench', async () => {
    for (let r = 0; r < rounds; r += 1)
      for (let i = 0; i < order.length; i += 1)
        await runBlock(order[(i + r) % order.length]!, true, progress);
  });
  progress.finish();
  await system.stop();

  const stats = Object.fromEntries(order.map((kind) => [kind, summarise(latencies.get(kind)!)])) as Record<
    Kind,
    LatencySummary
  >;
  const figures: Figure[] = [];
  for (const p of ['p50', 'p95'] as const) {
    figures.push(
      costFigure({
        id: `worklist.page.${p}`,
        label: `worklist page ${p} (${options.n} open cases)`,
        unit: 'ms',
        product: round(stats['worklist-page'][p]),
        baseline: round(stats['list-query'][p]),
        baselineLabel: 'bare list query (API)',
      }),
      costFigure({
        id: `worklist.case-page.${p}`,
        label: `case page ${p}`,
        unit: 'ms',
        product: round(stats['case-page'][p]),
        baseline: round(stats['list-query'][p]),
        baselineLabel: 'bare list query (API)',
      }),
    );
  }
  figures.push(
    costFigure({
      id: 'worklist.overdue-query.p95',
      label: 'overdue filter (API) p95',
      unit: 'ms',
      product: round(stats['overdue-query'].p95),
      baseline: round(stats['list-query'].p95),
      baselineLabel: 'bare list query (API)',
    }),
  );
  return {
    part: 'worklist',
    params: { n: options.n, requests: options.requests, block: BLOCK, unassigned },
    figures,
    details: {
      latencyMs: Object.fromEntries(order.map((kind) => [kind, { what: kinds[kind], ...stats[kind] }])),
      overdueRowsOnThePage: overdueRows,
      failures,
      ...(firstFailure ? { firstFailure } : {}),
    },
    wallSeconds: round((Date.now() - started) / 1000, 1),
  };
}

/** Signs in through the sign-in form, as a browser does: the session cookie and its CSRF token. */
async function signIn(base: string, token: string): Promise<string> {
  const form = await fetch(`${base}/log-ind`, { redirect: 'manual' });
  const anonymous = cookieOf(form.headers.getSetCookie());
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!anonymous || !csrf) throw new Error('the sign-in page gave no session cookie or CSRF token');
  const signed = await fetch(`${base}/log-ind`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: anonymous, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, _csrf: csrf }).toString(),
  });
  const cookie = cookieOf(signed.headers.getSetCookie());
  if (signed.status !== 303 || !cookie) throw new Error(`sign-in answered ${signed.status}`);
  return cookie;
}

function cookieOf(setCookies: string[]): string | undefined {
  const found = setCookies.find((line) => /^(__Host-)?rf_session=/.test(line));
  return found?.split(';')[0];
}
