import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { findTemporalCli, findTestServer, TEST_SERVER_VERSION } from '../../scripts/lib/temporal-binaries';
import { round } from './stats';

/** One measured figure: the product's value beside its baseline's, measured in the same run. */
export interface Figure {
  id: string;
  label: string;
  unit: string;
  product: number;
  baseline?: number;
  baselineLabel?: string;
  /** product / baseline for times and sizes, baseline / product for rates: how many times slower. */
  slowdown?: number;
  note?: string;
}

export interface PartResult {
  part: string;
  /** The sizes and settings the part ran with. */
  params: Record<string, unknown>;
  figures: Figure[];
  /** Everything else worth keeping: samples over time, history counts, profiles. */
  details: Record<string, unknown>;
  wallSeconds: number;
}

/** A rate figure (higher is better): the slowdown is baseline / product. */
export function rateFigure(figure: Omit<Figure, 'slowdown'>): Figure {
  return {
    ...figure,
    ...(figure.baseline !== undefined ? { slowdown: round(figure.baseline / figure.product) } : {}),
  };
}

/** A time or size figure (lower is better): the slowdown is product / baseline. */
export function costFigure(figure: Omit<Figure, 'slowdown'>): Figure {
  return {
    ...figure,
    ...(figure.baseline !== undefined ? { slowdown: round(figure.product / figure.baseline) } : {}),
  };
}

function packageVersion(name: string): string {
  try {
    const main = require.resolve(name);
    let dir = dirname(main);
    for (let i = 0; i < 4; i += 1) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (pkg.name === name && pkg.version) return pkg.version;
      } catch {
        // keep looking upwards
      }
      dir = dirname(dir);
    }
  } catch {
    // not installed
  }
  return 'unknown';
}

export function machineInfo(
  serverVersion?: string,
  server: 'dev' | 'cluster' = 'dev',
): Record<string, unknown> {
  const cli = findTemporalCli();
  let cliVersion = 'not installed';
  if (cli) {
    try {
      cliVersion = execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      cliVersion = 'unknown';
    }
  }
  const cpuList = cpus();
  return {
    cores: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    temporalCli: cliVersion,
    ...(serverVersion ? { temporalServer: serverVersion } : {}),
    server:
      server === 'dev' ? 'Temporal CLI dev server (SQLite)' : 'local cluster (Temporal server, PostgreSQL)',
    temporalTestServer: findTestServer() ? TEST_SERVER_VERSION : 'not installed',
    sdk: {
      '@temporalio/client': packageVersion('@temporalio/client'),
      '@temporalio/worker': packageVersion('@temporalio/worker'),
      '@temporalio/testing': packageVersion('@temporalio/testing'),
    },
  };
}

const number = (value: number | undefined, unit = ''): string => {
  if (value === undefined || Number.isNaN(value)) return '–';
  const abs = Math.abs(value);
  const text =
    abs >= 1000 ? Math.round(value).toLocaleString('en-US') : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
  return unit ? `${text} ${unit}` : text;
};

/** The table printed at the end: one line per figure. */
export function renderTable(results: PartResult[]): string {
  const rows: string[][] = [['part', 'figure', 'product', 'baseline', '×', 'baseline is']];
  for (const result of results) {
    for (const figure of result.figures) {
      rows.push([
        result.part,
        figure.label,
        number(figure.product, figure.unit),
        number(figure.baseline, figure.baseline !== undefined ? figure.unit : ''),
        figure.slowdown !== undefined ? `${figure.slowdown.toFixed(2)}×` : '',
        figure.baselineLabel ?? '',
      ]);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column >= 2 && column <= 4 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [
    line(rows[0]!),
    widths.map((width) => '─'.repeat(width)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}
