import { ViewCache } from '../../src/client/view-cache';

const mark = (length: number, runId = 'run-1') => ({ runId, length });

describe('the API’s view cache', () => {
  it('answers only at the very run and history length a view was read at: any event makes it read again', () => {
    const cache = new ViewCache<{ phase: string }>(10);
    cache.put('A', mark(12), { phase: 'referred' });
    expect(cache.get('A', mark(12))).toEqual({ phase: 'referred' });
    expect(cache.get('A', mark(13))).toBeUndefined();
    expect(cache.get('A', mark(12, 'run-2'))).toBeUndefined();
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it('gives every reader its own copy, so no caller can change what the next one reads', () => {
    const cache = new ViewCache<{ relatives: string[] }>(10);
    const view = { relatives: ['r1'] };
    cache.put('A', mark(1), view);
    view.relatives.push('changed after put');
    cache.get('A', mark(1))!.relatives.push('changed after get');
    expect(cache.get('A', mark(1))).toEqual({ relatives: ['r1'] });
  });

  it('holds at most its capacity, letting the least recently read case go first; capacity 0 holds nothing', () => {
    const cache = new ViewCache<number>(2);
    cache.put('A', mark(1), 1);
    cache.put('B', mark(1), 2);
    cache.get('A', mark(1));
    cache.put('C', mark(1), 3);
    expect(cache.get('B', mark(1))).toBeUndefined();
    expect(cache.get('A', mark(1))).toBe(1);
    expect(cache.get('C', mark(1))).toBe(3);
    const none = new ViewCache<number>(0);
    none.put('A', mark(1), 1);
    expect(none.size).toBe(0);
  });
});
