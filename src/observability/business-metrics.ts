import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { Client } from '@temporalio/client';
import { Counter, Gauge, Registry } from 'prom-client';
import { searchAttributes } from '../messages/search-attributes';
import type { Logger } from './logger';

/**
 * The business metrics of a worker, beside the Temporal SDK's:
 *
 * - counters of what this worker process did: `rf_mails_failed_total` (a notification failed for
 *   good: a person's own address refused), `rf_events_refused_total` (an event a case refused, as the
 *   case records it in its timeline);
 * - gauges of the whole deployment, read from Temporal visibility (the search attributes the cases
 *   publish, `workflows/search-attributes.ts`): `rf_deadlines_breached_open`, `rf_escalations_open{level}`,
 *   `rf_mails_queued`, `rf_mail_oldest_undelivered_seconds`. Every worker reports the same figures (the
 *   alert rules take the max over workers).
 */
export interface BusinessMetrics {
  registry: Registry;
  mailsFailed: Counter;
  eventsRefused: Counter;
  setCaseFigures(figures: CaseFigures): void;
}

export interface CaseFigures {
  breachedDeadlines: number;
  escalationsByLevel: Record<string, number>;
  mailsQueued: number;
  /** When the oldest undelivered notification was queued (epoch ms), if any. */
  oldestQueuedAt: number | undefined;
}

/** The escalation levels a ruleset may name (src/domain/engine/ruleset.ts): each always has a series. */
const ESCALATION_LEVELS = ['supervisor', 'head-of-department'] as const;

export function createBusinessMetrics(now: () => number = Date.now): BusinessMetrics {
  const registry = new Registry();
  const registers = [registry];
  const mailsFailed = new Counter({
    name: 'rf_mails_failed_total',
    help: "Notifications this worker failed to deliver for good (a person's own address refused; the case escalates)",
    registers,
  });
  const eventsRefused = new Counter({
    name: 'rf_events_refused_total',
    help: 'Events the cases on this worker refused and recorded in their timelines',
    registers,
  });
  // The gauges join the registry at the first reading of visibility: absent until then, not a false 0.
  const breached = new Gauge({
    name: 'rf_deadlines_breached_open',
    help: 'Deadlines past due, unmet, on open cases (all workers report the same figure, from visibility)',
    registers: [],
  });
  const escalations = new Gauge({
    name: 'rf_escalations_open',
    help: 'Open (unacknowledged, unresolved) escalations on open cases, by the level they reached (from visibility)',
    labelNames: ['level'],
    registers: [],
  });
  const queued = new Gauge({
    name: 'rf_mails_queued',
    help: 'Notifications queued on open cases and not yet delivered (from visibility)',
    registers: [],
  });
  let oldestQueuedAt: number | undefined;
  const oldest = new Gauge({
    name: 'rf_mail_oldest_undelivered_seconds',
    help: 'Age of the oldest notification queued and not yet delivered (0: none waits; from visibility)',
    registers: [],
    collect() {
      this.set(oldestQueuedAt === undefined ? 0 : Math.max(0, (now() - oldestQueuedAt) / 1000));
    },
  });
  let registered = false;
  return {
    registry,
    mailsFailed,
    eventsRefused,
    setCaseFigures(figures) {
      if (!registered) {
        for (const metric of [breached, escalations, queued, oldest]) registry.registerMetric(metric);
        registered = true;
      }
      breached.set(figures.breachedDeadlines);
      for (const level of new Set([...ESCALATION_LEVELS, ...Object.keys(figures.escalationsByLevel)])) {
        escalations.set({ level }, figures.escalationsByLevel[level] ?? 0);
      }
      queued.set(figures.mailsQueued);
      oldestQueuedAt = figures.oldestQueuedAt;
    },
  };
}

/**
 * The deployment's case figures from visibility: one list of the running cases with anything open
 * (a breach, an escalation, a queued notification), summed from the search attributes each publishes.
 * Its cost grows with the cases that have something open, not with all cases.
 */
export async function readCaseFigures(client: Client, taskQueue?: string): Promise<CaseFigures> {
  const query = [
    `ExecutionStatus = 'Running'`,
    `(${searchAttributes.breachesOpen.name} > 0 OR ${searchAttributes.mailsQueued.name} > 0 OR ${searchAttributes.escalated.name} = true)`,
    ...(taskQueue ? [`TaskQueue = '${taskQueue}'`] : []),
  ].join(' AND ');
  const figures: CaseFigures = {
    breachedDeadlines: 0,
    escalationsByLevel: {},
    mailsQueued: 0,
    oldestQueuedAt: undefined,
  };
  for await (const execution of client.workflow.list({ query, pageSize: 1000 })) {
    const attributes = execution.typedSearchAttributes;
    figures.breachedDeadlines += attributes.get(searchAttributes.breachesOpen) ?? 0;
    figures.mailsQueued += attributes.get(searchAttributes.mailsQueued) ?? 0;
    for (const entry of attributes.get(searchAttributes.escalationsOpen) ?? []) {
      const { level, count } = parseEscalationEntry(entry);
      figures.escalationsByLevel[level] = (figures.escalationsByLevel[level] ?? 0) + count;
    }
    const oldest = attributes.get(searchAttributes.mailOldestQueued)?.getTime();
    if (oldest !== undefined && (figures.oldestQueuedAt === undefined || oldest < figures.oldestQueuedAt)) {
      figures.oldestQueuedAt = oldest;
    }
  }
  return figures;
}

/** `RfEscalationsOpen` holds one entry per level with open escalations: `supervisor=2`. */
function parseEscalationEntry(entry: string): { level: string; count: number } {
  const [level = entry, count] = entry.split('=');
  const parsed = Number(count);
  return { level, count: Number.isInteger(parsed) && parsed > 0 ? parsed : 1 };
}

/**
 * Reads the case figures now and every `intervalMs` after, until stopped. A failed reading is logged
 * and the gauges keep their last figures (an absent worker is what `RfWorkerMetricsAbsent` catches).
 */
export function pollCaseFigures(options: {
  client: Client;
  metrics: BusinessMetrics;
  logger: Logger;
  intervalMs: number;
  taskQueue?: string;
}): { stop(): void; readNow(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let reading: Promise<void> | undefined;
  const readNow = () => {
    reading ??= readCaseFigures(options.client, options.taskQueue)
      .then((figures) => options.metrics.setCaseFigures(figures))
      .catch((error: unknown) => {
        options.logger.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'case figures not read from visibility',
        );
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  };
  const loop = async () => {
    await readNow();
    if (!stopped) timer = setTimeout(() => void loop(), options.intervalMs);
  };
  void loop();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    readNow,
  };
}

/**
 * The worker's one Prometheus endpoint: its business metrics, then the SDK's series fetched from the
 * SDK runtime's own exporter (bound to a private port on 127.0.0.1). Both are Prometheus text; their
 * names never clash (`rf_…` and `temporal_…`).
 */
export async function serveWorkerMetrics(options: {
  host: string;
  port: number;
  metrics: BusinessMetrics;
  /** The SDK runtime's exporter, e.g. http://127.0.0.1:41234/metrics. */
  sdkMetricsUrl?: string;
}): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    void (async () => {
      const ours = await options.metrics.registry.metrics();
      let sdk = '';
      if (options.sdkMetricsUrl) {
        try {
          sdk = await (await fetch(options.sdkMetricsUrl, { signal: AbortSignal.timeout(5_000) })).text();
        } catch {
          sdk = '# the Temporal SDK runtime did not answer\n';
        }
      }
      res.writeHead(200, { 'Content-Type': options.metrics.registry.contentType });
      res.end(`${ours}\n${sdk}`);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return server;
}

/** A port nothing listens on now, on 127.0.0.1: for the SDK runtime's private exporter. */
export async function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
