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
