import { loadRuleset } from '../../src/config/rulesets';
import { runsOf } from '../helpers/histories';
import { startTimeSkipping, type TimeSkippingHarness } from '../helpers/time-skipping';

/**
 * A retried event is answered with exactly its first answer; across continue-as-new the case carries
 * those answers itself. A whole answer (the case as the event left it, ~6 KiB) is carried only while a
 * client may still be retrying — a day; older ones keep their receipt and are answered with the case
 * as it stands. Carrying every recent whole answer made most of a long case's stored history.
 */
let h: TimeSkippingHarness;
const caseworker = { id: 'sara.caseworker', role: 'caseworker' as const, municipality: '101' };
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  h = await startTimeSkipping();
});
afterAll(async () => {
  await h?.teardown();
});

const relative = (n: number) => ({ relativeId: `r${n}`, name: `Relative ${n}`, relation: 'friend' });
const keyed = (key: string, n: number) => ({ idempotency: { scope: key, request: `relative-${n}` } });

test('after continue-as-new a retry within a day gets its first answer whole; one older than a day gets the case as it stands, and nothing is applied twice', async () => {
  await h.cases.open(
    { caseId: 'CARRY-1', municipality: '101', citizen: { cpr: '010190-1234', name: 'Jens' } },
    loadRuleset('seeds-2017'),
    caseworker,
    {
      historyLimit: 25,
    },
  );
  const old = await h.cases.send(
    'CARRY-1',
    'relativeRegistered',
    relative(1),
    caseworker,
    keyed('old-key', 1),
  );
  await h.env.sleep(2 * DAY);
  const fresh = await h.cases.send(
    'CARRY-1',
    'relativeRegistered',
    relative(2),
    caseworker,
    keyed('fresh-key', 2),
  );
  for (let n = 3; n <= 14; n += 1)
    await h.cases.send('CARRY-1', 'relativeRegistered', relative(n), caseworker);
  expect((await runsOf(h.env.client, 'CARRY-1')).length).toBeGreaterThan(1);

  const freshRetry = await h.cases.send(
    'CARRY-1',
    'relativeRegistered',
    relative(2),
    caseworker,
    keyed('fresh-key', 2),
  );
  expect(freshRetry.case).toEqual(fresh.case);
  expect(freshRetry.case.relatives).toHaveLength(2);

  const oldRetry = await h.cases.send(
    'CARRY-1',
    'relativeRegistered',
    relative(1),
    caseworker,
    keyed('old-key', 1),
  );
  expect(oldRetry.event).toEqual(old.event);
  expect(oldRetry.case.relatives).toHaveLength(14);
});
