/**
 * The capacity model: the unit costs `npm run bench` measured on this machine, turned into a national
 * deployment on paper — every municipality's ressourceforløb, fleksjob and kontanthjælp cases
 * (bench/capacity-inputs.json, each count with its source) → Temporal actions per second, CPU cores,
 * worker memory, database size and what Temporal Cloud's published prices make of it.
 *
 *   npm run capacity                 # from the newest figures in bench/results/, else the reference
 *   npm run capacity -- --reference  # from bench/capacity-reference.json only (what README shows)
 *   npm run capacity -- --write-reference  # keep the newest figures of each part as that reference
 *
 * Each unit cost is taken from the newest bench result that has it (bench/results/bench-*.json), and
 * from bench/capacity-reference.json (committed: the run the README quotes) where none has.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface KindInput {
  kind: string;
  label: string;
  openCases: number;
  newPerYear: number;
  eventsPerYear: number;
  readsPerYear: number;
}

interface Inputs {
  kinds: KindInput[];
  load: { workingDaysPerYear: number; workingHoursPerDay: number; peakHourFactor: number };
  sizing: { cpuUtilisationTarget: number; retentionDays: number; years: number };
  temporalCloud: {
    actionTiers: Array<{ uptoMillions: number; usdPerMillion: number }>;
    activeStorageUsdPerGBh: number;
    retainedStorageUsdPerGBh: number;
    planMinimumUsd: number;
    planShareOfUsage: number;
    hoursPerMonth: number;
  };
}

/** The figures the model reads from a bench report, by figure id; the simulation's history by type. */
export interface UnitCosts {
  /** CPU per start, all processes (API, worker, Temporal), ms. */
  cpuPerStartMs: number;
  /** CPU per event over HTTP (auth, Update, the state query), all processes, ms. */
  cpuPerEventMs: number;
  /** CPU per bare Query (a read that is not an event), all processes, ms: the bare Update's as a bound. */
  cpuPerReadMs: number;
  /** Worker memory per cached case, KiB (RSS slope). */
  workerKiBPerCachedCase: number;
  /** The dev server's SQLite per open case, KiB (scale part). */
  dbKiBPerCase: number;
  /** A whole simulated life: a 3-year course and its fleksjob follow-up, time-skipped. */
  simulation: {
    years: number;
    runs: number;
    bytes: number;
    byType: Record<string, number>;
  };
  /** Where each figure came from. */
  sources: Record<string, string>;
}

const here = __dirname;
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

interface Report {
  startedAt?: string;
  parts?: Record<
    string,
    {
      figures: Array<{ id: string; product: number; baseline?: number }>;
      details?: Record<string, unknown>;
    }
  >;
}

function reports(useResults: boolean): Array<{ name: string; report: Report }> {
  const found: Array<{ name: string; report: Report }> = [];
  const dir = join(here, 'results');
  if (useResults && existsSync(dir)) {
    for (const name of readdirSync(dir)
      .filter((file) => /^bench-.*\.json$/.test(file))
      .sort()
      .reverse())
      found.push({
        name: `bench/results/${name}`,
        report: JSON.parse(readFileSync(join(dir, name), 'utf8')),
      });
  }
  if (!existsSync(join(here, 'capacity-reference.json'))) return found;
  found.push({
    name: 'bench/capacity-reference.json',
    report: JSON.parse(readFileSync(join(here, 'capacity-reference.json'), 'utf8')) as Report,
  });
  return found;
}

export function unitCosts(useResults: boolean): UnitCosts {
  const all = reports(useResults);
  const sources: Record<string, string> = {};
  const figure = (id: string, which: 'product' | 'baseline' = 'product'): number => {
    for (const { name, report } of all) {
      for (const part of Object.values(report.parts ?? {})) {
        const hit = part.figures.find((f) => f.id === id);
        const value = hit?.[which];
        if (typeof value === 'number') {
          sources[`${id}${which === 'baseline' ? ' (baseline)' : ''}`] = name;
          return value;
        }
      }
    }
    throw new Error(`no bench result has the figure ${id}; run npm run bench first`);
  };
  const simulation = (() => {
    for (const { name, report } of all) {
      const details = report.parts?.simulation?.details as
        | {
            simulatedYears?: number;
            caseHistory?: { runs: number; bytes: number; byType: Record<string, number> };
          }
        | undefined;
      if (details?.simulatedYears && details.caseHistory) {
        sources['simulation history'] = name;
        return { years: details.simulatedYears, ...details.caseHistory };
      }
    }
    throw new Error('no bench result has the simulation part; run npm run bench -- simulation');
  })();
  return {
    cpuPerStartMs: figure('starts.cpu'),
    cpuPerEventMs: figure('events.cpu'),
    cpuPerReadMs: figure('events.cpu', 'baseline'),
    workerKiBPerCachedCase: figure('scale.worker.perCached'),
    dbKiBPerCase: figure('scale.db.perCase'),
    simulation: {
      years: simulation.years,
      runs: simulation.runs,
      bytes: simulation.bytes,
      byType: simulation.byType,
    },
    sources,
  };
}

/** Temporal Cloud's billable actions among history events (docs: "Temporal Cloud Actions"). */
const billable = [
  'WORKFLOW_EXECUTION_STARTED',
  'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES',
  'ACTIVITY_TASK_SCHEDULED',
  'TIMER_STARTED',
  'WORKFLOW_EXECUTION_SIGNALED',
  'WORKFLOW_EXECUTION_UPDATE_ACCEPTED',
];

export interface Capacity {
  openCases: number;
  eventsPerYear: number;
  readsPerYear: number;
  startsPerYear: number;
  actionsPerYear: number;
  actionsPerSecondMean: number;
  actionsPerSecondPeak: number;
  eventsPerSecondPeak: number;
  coresAtPeak: number;
  workerGiBAllCached: number;
  workerGiBDayCached: number;
  historyGiBOpen: number;
  historyGiBRetained: number;
  historyGiBTenYears: number;
  dbGiBOpen: number;
  cloudUsdPerMonth: {
    actions: number;
    activeStorage: number;
    retainedStorage: number;
    plan: number;
    total: number;
  };
  /** Actions a caseworker's event brings with it (the Update, the timers, mails, upserts it causes). */
  actionsPerEvent: number;
}

export function capacity(inputs: Inputs, units: UnitCosts): Capacity {
  const sum = (f: (k: KindInput) => number) => inputs.kinds.reduce((total, k) => total + f(k), 0);
  const openCases = sum((k) => k.openCases);
  const startsPerYear = sum((k) => k.newPerYear);
  const eventsPerYear = sum((k) => k.openCases * k.eventsPerYear);
  const readsPerYear = sum((k) => k.openCases * k.readsPerYear);

  // From the simulated life: what one accepted event brings with it besides itself — the timers it
  // re-arms, the search attributes it upserts, the mails it sends — and the continue-as-new starts.
  const by = units.simulation.byType;
  const updates = Math.max(1, by.WORKFLOW_EXECUTION_UPDATE_ACCEPTED ?? 0);
  const induced = billable
    .filter((type) => type !== 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED' && type !== 'WORKFLOW_EXECUTION_STARTED')
    .reduce((total, type) => total + (by[type] ?? 0), 0);
  const continuesPerYear = Math.max(0, units.simulation.runs - 1) / units.simulation.years;
  // An event over the API: the Update (its answer carries the new state: no query), and what it induces.
  const actionsPerEvent = 1 + induced / updates;
  const actionsPerYear =
    startsPerYear + openCases * continuesPerYear + eventsPerYear * actionsPerEvent + readsPerYear;

  const secondsPerYear = 365.25 * 24 * 3600;
  const workingSeconds = inputs.load.workingDaysPerYear * inputs.load.workingHoursPerDay * 3600;
  const peak = inputs.load.peakHourFactor / workingSeconds;
  const eventsPerSecondPeak = eventsPerYear * peak;
  const readsPerSecondPeak = readsPerYear * peak;
  const startsPerSecondPeak = startsPerYear * peak;
  const coresAtPeak =
    (eventsPerSecondPeak * units.cpuPerEventMs +
      readsPerSecondPeak * units.cpuPerReadMs +
      startsPerSecondPeak * units.cpuPerStartMs) /
    1000 /
    inputs.sizing.cpuUtilisationTarget;

  // Cases touched in a working day kept hot; the rest answer from a replay when read.
  const casesPerDay = Math.min(openCases, (eventsPerYear + readsPerYear) / inputs.load.workingDaysPerYear);
  const workerGiBAllCached = (openCases * units.workerKiBPerCachedCase * 1024) / GiB;
  const workerGiBDayCached = (casesPerDay * units.workerKiBPerCachedCase * 1024) / GiB;

  const bytesPerCaseYear = units.simulation.bytes / units.simulation.years;
  const bytesPerRun = units.simulation.bytes / units.simulation.runs;
  const historyGiBOpen = (openCases * bytesPerRun) / GiB;
  const runsClosedPerYear = openCases * continuesPerYear + startsPerYear;
  const historyGiBRetained = (runsClosedPerYear * (inputs.sizing.retentionDays / 365.25) * bytesPerRun) / GiB;
  const historyGiBTenYears = (openCases * inputs.sizing.years * bytesPerCaseYear) / GiB;
  // Self-hosted: the open runs' histories, the retained closed runs, and each case's other rows
  // (mutable state, visibility, timers) as the scale part measured them for a new case.
  const dbGiBOpen = historyGiBOpen + historyGiBRetained + (openCases * units.dbKiBPerCase * 1024) / GiB;

  const cloud = inputs.temporalCloud;
  const actionsPerMonth = actionsPerYear / 12;
  let remaining = actionsPerMonth / 1e6;
  let lower = 0;
  let actionsUsd = 0;
  for (const tier of cloud.actionTiers) {
    const inTier = Math.max(0, Math.min(remaining, tier.uptoMillions - lower));
    actionsUsd += inTier * tier.usdPerMillion;
    remaining -= inTier;
    lower = tier.uptoMillions;
  }
  actionsUsd += remaining * (cloud.actionTiers.at(-1)?.usdPerMillion ?? 0);
  const activeStorage = historyGiBOpen * cloud.hoursPerMonth * cloud.activeStorageUsdPerGBh;
  const retainedStorage = historyGiBRetained * cloud.hoursPerMonth * cloud.retainedStorageUsdPerGBh;
  const usage = actionsUsd + activeStorage + retainedStorage;
  const plan = Math.max(cloud.planMinimumUsd, cloud.planShareOfUsage * usage);

  return {
    openCases,
    eventsPerYear,
    readsPerYear,
    startsPerYear,
    actionsPerYear,
    actionsPerSecondMean: actionsPerYear / secondsPerYear,
    actionsPerSecondPeak:
      (eventsPerYear * actionsPerEvent + readsPerYear + startsPerYear) * peak +
      (openCases * continuesPerYear) / secondsPerYear,
    eventsPerSecondPeak,
    coresAtPeak,
    workerGiBAllCached,
    workerGiBDayCached,
    historyGiBOpen,
    historyGiBRetained,
    historyGiBTenYears,
    dbGiBOpen,
    cloudUsdPerMonth: {
      actions: actionsUsd,
      activeStorage,
      retainedStorage,
      plan,
      total: usage + plan,
    },
    actionsPerEvent,
  };
}

const n = (value: number, digits = 0) =>
  value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function render(inputs: Inputs, units: UnitCosts, result: Capacity): string {
  const rows: Array<[string, string]> = [
    [
      'open cases (' + inputs.kinds.map((k) => `${k.label} ${n(k.openCases)}`).join(', ') + ')',
      n(result.openCases),
    ],
    ['new cases a year', n(result.startsPerYear)],
    ['caseworkers’ events a year / reads a year', `${n(result.eventsPerYear)} / ${n(result.readsPerYear)}`],
    [
      'actions per event (the Update, and the timers, mails, upserts it causes)',
      n(result.actionsPerEvent, 1),
    ],
    ['Temporal actions a year', n(result.actionsPerYear)],
    [
      'actions a second: mean / busiest working hour',
      `${n(result.actionsPerSecondMean, 1)} / ${n(result.actionsPerSecondPeak, 1)}`,
    ],
    ['events a second in the busiest hour', n(result.eventsPerSecondPeak, 1)],
    [
      `CPU cores at the busiest hour (API, worker and Temporal, at ${n(inputs.sizing.cpuUtilisationTarget * 100)} %)`,
      n(result.coresAtPeak, 1),
    ],
    [
      'worker memory: every open case cached / a working day’s cases cached',
      `${n(result.workerGiBAllCached, 1)} / ${n(result.workerGiBDayCached, 1)} GiB`,
    ],
    ['history of open runs (active storage)', `${n(result.historyGiBOpen, 1)} GiB`],
    [
      `closed runs within ${inputs.sizing.retentionDays} days' retention`,
      `${n(result.historyGiBRetained, 2)} GiB`,
    ],
    ['database: open cases and retained runs (self-hosted)', `${n(result.dbGiBOpen, 1)} GiB`],
    [`every history of ${inputs.sizing.years} years, if archived`, `${n(result.historyGiBTenYears, 1)} GiB`],
    [
      'Temporal Cloud a month: actions + active + retained storage + plan',
      `$${n(result.cloudUsdPerMonth.actions)} + $${n(result.cloudUsdPerMonth.activeStorage)} + $${n(result.cloudUsdPerMonth.retainedStorage)} + $${n(result.cloudUsdPerMonth.plan)} = $${n(result.cloudUsdPerMonth.total)}`,
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
  const sourceLines = Object.entries(units.sources).map(([id, file]) => `  ${id}: ${file}`);
  return [
    ...lines,
    '',
    `unit costs: CPU ${n(units.cpuPerStartMs, 1)} ms a start, ${n(units.cpuPerEventMs, 1)} ms an event, ${n(units.cpuPerReadMs, 1)} ms a read; ` +
      `${n(units.workerKiBPerCachedCase)} KiB a cached case; ${n(units.dbKiBPerCase, 1)} KiB of database a case; ` +
      `history ${n(units.simulation.bytes / units.simulation.years / 1024, 1)} KiB a case-year (simulation of ${n(units.simulation.years, 1)} years, ${units.simulation.runs} runs)`,
    'from:',
    ...sourceLines,
  ].join('\n');
}

/** The newest result of each part the model reads, kept (figures, and the simulation's history). */
function writeReference(): void {
  const parts: NonNullable<Report['parts']> = {};
  const from: string[] = [];
  for (const { name, report } of reports(true)) {
    if (name.endsWith('capacity-reference.json')) continue;
    for (const [part, result] of Object.entries(report.parts ?? {})) {
      if (parts[part] || !['starts', 'events', 'scale', 'simulation'].includes(part)) continue;
      const details = result.details as { simulatedYears?: number; caseHistory?: unknown } | undefined;
      parts[part] = {
        figures: result.figures,
        ...(part === 'simulation' && details
          ? { details: { simulatedYears: details.simulatedYears, caseHistory: details.caseHistory } }
          : {}),
      };
      from.push(`${part}: ${name} (${report.startedAt ?? '?'})`);
    }
  }
  const file = join(here, 'capacity-reference.json');
  writeFileSync(
    file,
    JSON.stringify({ note: "The bench figures the README's capacity model uses.", from, parts }, null, 2) +
      '\n',
  );
  console.log(`wrote bench/capacity-reference.json from\n  ${from.join('\n  ')}`);
}

if (require.main === module && process.argv.includes('--write-reference')) {
  writeReference();
} else if (require.main === module) {
  const useResults = !process.argv.includes('--reference');
  const inputs = JSON.parse(readFileSync(join(here, 'capacity-inputs.json'), 'utf8')) as Inputs;
  const units = unitCosts(useResults);
  console.log(render(inputs, units, capacity(inputs, units)));
}
