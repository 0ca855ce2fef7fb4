/**
 * The last view the API read of each recently read case, in the API process's memory, keyed by the
 * workflow run and the length of its history when it was read.
 *
 * Why it is strongly consistent: a case's state is a function of its history — nothing changes it but
 * an event written to that history (an Update, a Signal, a timer, an activity's result, a new run).
 * Asking Temporal how long a case's history is (DescribeWorkflowExecution: the server's own record,
 * answered without the worker) costs a fraction of a query, and a query of a case the worker no longer
 * holds costs a replay of its whole history. When the run and the length are those a view was read
 * at, that view is the case as it is now; any other answer reads the case again.
 *
 * The length is asked before the query that reads the view, so a stored view is never older than
 * its key: an event that lands between the two makes the key older than the view, which costs one
 * extra read later and never a stale answer. Views hold personal data, so they stay in memory (never
 * written to disk) and the cache is bounded: the least recently read case goes first.
 */
export interface HistoryMark {
  runId: string;
  length: number;
}

interface Entry {
  mark: HistoryMark;
  /** Kept as JSON: every reader gets its own copy, and nothing a caller does to it reaches the cache. */
  json: string;
}

export class ViewCache<V> {
  private readonly entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {}

  /** The view read at exactly this mark, if there is one. */
  get(caseId: string, mark: HistoryMark): V | undefined {
    const entry = this.entries.get(caseId);
    if (!entry || entry.mark.runId !== mark.runId || entry.mark.length !== mark.length) {
      this.misses += 1;
      return undefined;
    }
    // Most recently read last: the Map's order is the eviction order.
    this.entries.delete(caseId);
    this.entries.set(caseId, entry);
    this.hits += 1;
    return JSON.parse(entry.json) as V;
  }

  put(caseId: string, mark: HistoryMark, view: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(caseId);
    this.entries.set(caseId, { mark, json: JSON.stringify(view) });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
