import type { CaseService } from '../../src/client/case-service';
import { createWaitingTimesProjection } from '../../src/reporting/projection';
import { rebuildWaitingTimes } from '../../src/reporting/rebuild';
import { openDatabase } from '../../src/store/database';

/**
 * The rebuild reads every case before it makes the table anew: one that fails on the way (Temporal
 * unreachable part-way through the list) leaves the figures as they were, not empty.
 */
test('a rebuild that fails part-way changes nothing', async () => {
  const projection = createWaitingTimesProjection(openDatabase({ sqlitePath: ':memory:' }));
  await projection.record({
    caseId: 'R-1',
    kind: 'ressourceforloeb',
    municipality: '101',
    openedAt: '2027-01-04T08:00:00.000Z',
  });
  const unreachable = Object.assign(new Error('14 UNAVAILABLE: connection refused'), { code: 14 });
  let pages = 0;
  const cases = {
    async list() {
      pages += 1;
      if (pages > 1) throw unreachable;
      return { cases: [{ caseId: 'R-2' }], nextPageToken: 'next' };
    },
    async state() {
      return {
        caseId: 'R-2',
        kind: 'ressourceforloeb',
        municipality: '101',
        openedAt: '2027-01-05T08:00:00.000Z',
      };
    },
  } as unknown as CaseService;
  await expect(rebuildWaitingTimes(projection, cases)).rejects.toBe(unreachable);
  const report = await projection.report(Date.parse('2027-02-01T00:00:00.000Z'));
  expect(report.municipalities[0]!.cases).toBe(1);
  expect(await projection.size()).toBe(2);
});

/**
 * A rebuild walks every case: it must not push the views caseworkers are reading out of the API's
 * view cache, and the start-up rebuild paces its reads so replays on the workers leave room for the
 * API's own traffic.
 */
test('a rebuild reads past the view cache, at the rate it is given', async () => {
  const projection = createWaitingTimesProjection(openDatabase({ sqlitePath: ':memory:' }));
  const reads: { caseId: string; options: unknown; at: number }[] = [];
  const cases = {
    async list() {
      return { cases: ['R-1', 'R-2', 'R-3'].map((caseId) => ({ caseId })), nextPageToken: null };
    },
    async state(caseId: string, options: unknown) {
      reads.push({ caseId, options, at: Date.now() });
      return { caseId, kind: 'ressourceforloeb', municipality: '101', openedAt: '2027-01-05T08:00:00.000Z' };
    },
  } as unknown as CaseService;
  const started = Date.now();
  const result = await rebuildWaitingTimes(projection, cases, { readsPerSecond: 20 });
  expect(result.cases).toBe(3);
  expect(reads.map((read) => read.options)).toEqual([
    { bypassCache: true },
    { bypassCache: true },
    { bypassCache: true },
  ]);
  // 20 a second: the third read is due 100 ms after the start, not before.
  expect(reads[2]!.at - started).toBeGreaterThanOrEqual(95);
});
