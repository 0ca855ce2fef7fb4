import type { Logger } from '../observability/logger';
import type { CaseService } from '../client/case-service';
import type { ReportableCase, StepRecord } from './waiting-times';
import { recordsOf, type WaitingTimesProjection } from './projection';

export interface RebuildResult {
  cases: number;
  /** Cases whose state could not be read (gone past retention, or Temporal did not answer): left out. */
  unreadable: number;
  rows: number;
  ms: number;
}

/**
 * Writes the projection again from the case workflows, the source of truth: every case visibility
 * lists (open and closed, within Temporal's retention) is read by a query of its workflow and its
 * rows written as the view shows them. A fleksjob follow-up that continues a course also has the
 * course's steps: they are read from the course's last run. Every case is read before the table is
 * made anew with their rows (rows of cases that no longer exist go too): a rebuild that fails on the
 * way changes nothing.
 */
export async function rebuildWaitingTimes(
  projection: WaitingTimesProjection,
  cases: CaseService,
  options: {
    municipality?: string;
    pageSize?: number;
    /** At most this many cases read a second (each read may replay a case on a worker); unset: no limit. */
    readsPerSecond?: number;
  } = {},
): Promise<RebuildResult> {
  const started = Date.now();
  let count = 0;
  let unreadable = 0;
  // Read everything first: a rebuild that fails part-way (Temporal unreachable) leaves the table as it was.
  const records: StepRecord[] = [];
  let token: string | undefined;
  do {
    const page = await cases.list(
      { status: 'all', ...(options.municipality ? { municipality: options.municipality } : {}) },
      { size: options.pageSize ?? 200, ...(token ? { token } : {}) },
    );
    for (const summary of page.cases) {
      count += 1;
      try {
        if (options.readsPerSecond) await paced(started, count - 1, options.readsPerSecond);
        const view = (await cases.state(summary.caseId, {
          bypassCache: true,
        })) as unknown as ReportableCase & {
          origin?: string;
        };
        if (view.kind === 'fleksjob' && view.origin === 'course') {
          const course = await cases.courseBefore(summary.caseId);
          if (course) records.push(...recordsOf(course as unknown as ReportableCase));
        }
        records.push(...recordsOf(view));
      } catch {
        unreadable += 1;
      }
    }
    token = page.nextPageToken ?? undefined;
  } while (token);
  await projection.replace(records);
  return { cases: count, unreadable, rows: await projection.size(), ms: Date.now() - started };
}

/** Waits until the n-th read (from 0) is due at the given rate since `started`. */
async function paced(started: number, n: number, perSecond: number): Promise<void> {
  const wait = started + (n * 1000) / perSecond - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * How fast the start-up rebuild reads cases: it runs beside the API's own traffic on the workers
 * (an uncached read replays the case), so it takes its time — 240,000 cases in under 2 hours.
 */
export const STARTUP_REBUILD_READS_PER_SECOND = 40;

/**
 * At start-up: an empty projection (a new database, a dropped table, an upgrade from before it
 * existed) is rebuilt in the background, at STARTUP_REBUILD_READS_PER_SECOND; the API serves
 * meanwhile and the figures fill in.
 */
export function rebuildWhenEmpty(
  projection: WaitingTimesProjection,
  cases: CaseService,
  logger: Pick<Logger, 'info' | 'warn'>,
): void {
  void (async () => {
    try {
      if ((await projection.size()) > 0) return;
      const result = await rebuildWaitingTimes(projection, cases, {
        readsPerSecond: STARTUP_REBUILD_READS_PER_SECOND,
      });
      if (result.unreadable > 0)
        logger.warn(
          result,
          'waiting times: some cases could not be read (is a worker running?); POST /api/v1/reports/waiting-times/rebuild runs it again',
        );
      else logger.info(result, 'waiting times: the empty projection was rebuilt from the cases');
    } catch (error) {
      logger.warn(
        { error: error instanceof Error ? error.name : typeof error },
        'waiting times: the rebuild at start-up failed; POST /api/v1/reports/waiting-times/rebuild runs it again',
      );
    }
  })();
}
