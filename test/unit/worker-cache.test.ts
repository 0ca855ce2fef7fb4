import { defaultMaxCachedCases, HEAP_MIB_PER_CACHED_CASE } from '../../worker/create-worker';

/** What a new case held in the cache cost in `npm run bench -- scale` (RSS slope, 2026-12-01). */
const MEASURED_MIB_PER_NEW_CASE = 0.16;

describe('the worker sticky cache default', () => {
  it('sizes the cache by the heap above a reserve, at 1 MiB a case', () => {
    // A 4 GiB heap (Node's limit on this machine).
    expect(defaultMaxCachedCases(4144)).toBe(3888);
    expect(defaultMaxCachedCases(8192)).toBe(Math.floor((8192 - 256) / HEAP_MIB_PER_CACHED_CASE));
  });

  it('leaves room for cases much older and larger than the measured new ones', () => {
    expect(HEAP_MIB_PER_CACHED_CASE).toBeGreaterThanOrEqual(5 * MEASURED_MIB_PER_NEW_CASE);
    // New cases filling the whole cache take well under half the heap.
    expect(defaultMaxCachedCases(4144) * MEASURED_MIB_PER_NEW_CASE).toBeLessThan(4144 / 4);
  });

  it('keeps a few cases cached on a tiny heap', () => {
    expect(defaultMaxCachedCases(128)).toBe(10);
  });
});
