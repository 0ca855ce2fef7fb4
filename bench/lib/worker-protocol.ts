/** What the benchmark and its worker process say to each other over IPC. */
export interface WorkerProcessConfig {
  address: string;
  namespace: string;
  /** The encryption key both the benchmark's client and the worker use. */
  key: { id: string; base64: string };
  /** The product's case worker, when given: its task queue, outbox folder and workflow bundle. */
  caseQueue?: string;
  outboxDir?: string;
  caseBundle?: string;
  /** Baseline workers: bare (default data converter) and with the product's encryption codec. */
  bareQueue?: string;
  codecQueue?: string;
  /** A bare worker without a sticky cache (maxCachedWorkflows 0): every task it runs replays the history. */
  bareUncachedQueue?: string;
  baselineBundle?: string;
  /** The case worker's sticky cache limit (Worker option maxCachedWorkflows); the worker's default (from its heap limit) without. */
  maxCachedWorkflows?: number;
  /** Where the SDK core serves its Prometheus metrics. */
  metricsPort?: number;
}

export interface WorkerRequest {
  id: number;
  type: 'status' | 'timestamps' | 'reset' | 'shutdown';
}

export interface WorkerStatusReport {
  rss: number;
  heapUsed: number;
  workers: Array<{
    queue: string;
    kind: string;
    maxCachedWorkflows: number;
    numCachedWorkflows: number;
    inFlightActivations: number;
    inFlightActivities: number;
  }>;
  mails: number;
  lastMailAt: number | null;
  noops: number;
  lastNoopAt: number | null;
}

export interface WorkerTimestamps {
  /** When each mail was written to the outbox (epoch ms). */
  mails: number[];
  /** When each baseline no-op activity ran, and the instant its timer was due. */
  noops: number[];
  noopDueAt: number[];
}

export interface WorkerReply {
  id: number;
  status?: WorkerStatusReport;
  timestamps?: WorkerTimestamps;
}
