import { CaseService } from '../../src/client/case-service';
import { CaseNotFoundError } from '../../src/client/errors';
import { loadRuleset } from '../../src/config/rulesets';
import { startTimeSkipping, type TimeSkippingHarness } from '../helpers/time-skipping';

/**
 * The API reads a case through its view cache: a view is answered again only while the case's
 * history has not grown. Timers fire, mails go and deadlines are breached without any request of the
 * API's; each writes the history, so each must be seen at the next read.
 */
let h: TimeSkippingHarness;
let cached: CaseService;
const caseworker = { id: 'sara.caseworker', role: 'caseworker' as const, municipality: '101' };
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  h = await startTimeSkipping();
  cached = new CaseService(h.env.client, h.taskQueue, { cachedViews: 100 });
});
afterAll(async () => {
  await h?.teardown();
});

test('a read answers from the cache only while nothing happened to the case; a deadline breached by time alone is seen at once', async () => {
  await h.cases.open(
    { caseId: 'VIEW-1', municipality: '101', citizen: { cpr: '010190-1234', name: 'Jens' } },
    loadRuleset('seeds-2017'),
    caseworker,
  );
  // The first read may meet the case's first workflow task still running; by the second it is done.
  await cached.state('VIEW-1');
  const first = await cached.state('VIEW-1');
  const hitsBefore = cached.views.hits;
  expect(await cached.state('VIEW-1')).toEqual(first);
  expect(cached.views.hits).toBe(hitsBefore + 1);

  // No request of the API's: the case's own timers fire over a year.
  await h.env.sleep(400 * DAY);
  const later = await cached.state('VIEW-1');
  expect(later).toEqual(await h.cases.state('VIEW-1'));
  expect(later.deadlines.some((deadline) => deadline.status === 'breached')).toBe(true);
  expect(first.deadlines.some((deadline) => deadline.status === 'breached')).toBe(false);

  // An event sent by anyone (here without the cache) is seen by the next cached read.
  await h.cases.send(
    'VIEW-1',
    'relativeRegistered',
    { relativeId: 'r1', name: 'Mette', relation: 'spouse' },
    caseworker,
  );
  expect((await cached.state('VIEW-1')).relatives).toHaveLength(1);
});

test('a case that does not exist is "not found" through the cache too', async () => {
  await expect(cached.state('NO-SUCH-CASE')).rejects.toBeInstanceOf(CaseNotFoundError);
});
