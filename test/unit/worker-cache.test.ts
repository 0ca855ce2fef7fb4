import { defaultMaxCachedCases, HEAP_MIB_PER_CACHED_CASE } from '../../worker/create-worker';

describe('the worker sticky cache default', () => {
  it('sizes the cache so that cached cases fill at most half the heap above a reserve', () => {
    // A 4 GiB heap (Node's limit on this machine): 972 cases at about 2 MiB each is under half of it.
    expect(defaultMaxCachedCases(4144)).toBe(972);
    expect(defaultMaxCachedCases(4144) * 2).toBeLessThan(4144 / 2);
    expect(defaultMaxCachedCases(8192)).toBe(Math.floor((8192 - 256) / HEAP_MIB_PER_CACHED_CASE));
  });

  it('keeps a few cases cached on a tiny heap', () => {
    expect(defaultMaxCachedCases(128)).toBe(10);
  });

  it('is below what the SDK would choose for the same heap, which fills it', () => {
    const sdkDefault = (heapMiB: number) => Math.floor(((heapMiB - 200) * 600) / 1024);
    expect(defaultMaxCachedCases(4144)).toBeLessThan(sdkDefault(4144) / 2);
  });
});
