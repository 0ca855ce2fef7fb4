import { endMonthOf, phaseOut } from '../../src/domain/phase-out';

/**
 * The phase-out of ressourceforløb (no new courses after Lov nr. 1750/2025): running courses per
 * municipality by the month they end — the granted period's last day, or the maximum if earlier.
 */
test('a course ends with its last granted period, or at its maximum when that comes first', () => {
  expect(endMonthOf({ municipality: '101', grants: [{ grantedUntil: '2027-03-31' }] })).toBe('2027-03');
  expect(
    endMonthOf({
      municipality: '101',
      grants: [{ grantedUntil: '2027-03-31' }, { grantedUntil: '2029-06-30' }],
      maximumEndsAt: '2028-11-02T23:00:00.000Z',
    }),
  ).toBe('2028-11');
  expect(endMonthOf({ municipality: '101', maximumEndsAt: '2028-01-15T08:00:00.000Z' })).toBe('2028-01');
  expect(endMonthOf({ municipality: '101', maximumEndsAt: '2028-11-30T23:00:00.000Z' })).toBe('2028-12');
  expect(endMonthOf({ municipality: '101' })).toBe('unknown');
});

test('counted per municipality and month, in order', () => {
  expect(
    phaseOut([
      { municipality: '751', grants: [{ grantedUntil: '2027-05-01' }] },
      { municipality: '101', grants: [{ grantedUntil: '2027-09-30' }] },
      { municipality: '101', grants: [{ grantedUntil: '2027-02-28' }] },
      { municipality: '101', grants: [{ grantedUntil: '2027-09-01' }] },
    ]),
  ).toEqual([
    { municipality: '101', running: 3, byMonth: { '2027-02': 1, '2027-09': 2 } },
    { municipality: '751', running: 1, byMonth: { '2027-05': 1 } },
  ]);
});
