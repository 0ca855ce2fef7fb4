import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const EventType = temporal.api.enums.v1.EventType;

export interface HistoryCounts {
  runs: number;
  events: number;
  workflowTasks: number;
  activities: number;
  timers: number;
  updates: number;
  signals: number;
  searchAttributeUpserts: number;
  /** The stored history's size (protobuf, payloads as stored: encrypted for the product). */
  bytes: number;
  /** By event type, e.g. WORKFLOW_TASK_COMPLETED: 3. */
  byType: Record<string, number>;
  /** The stored bytes by event type: where a history's size goes. */
  bytesByType: Record<string, number>;
}

/**
 * What one workflow did, from its stored history, over every run (continue-as-new) of its ID: the
 * work Temporal does for it, to explain a product figure against a baseline's.
 */
export async function historyCounts(client: Client, workflowId: string): Promise<HistoryCounts> {
  const counts: HistoryCounts = {
    runs: 0,
    events: 0,
    workflowTasks: 0,
    activities: 0,
    timers: 0,
    updates: 0,
    signals: 0,
    searchAttributeUpserts: 0,
    bytes: 0,
    byType: {},
    bytesByType: {},
  };
  let runId: string | undefined;
  for (;;) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    counts.runs += 1;
    counts.bytes += temporal.api.history.v1.History.encode(history).finish().length;
    for (const event of history.events ?? []) {
      counts.events += 1;
      const name = (EventType[event.eventType ?? 0] ?? 'UNKNOWN').replace('EVENT_TYPE_', '');
      counts.byType[name] = (counts.byType[name] ?? 0) + 1;
      const size = temporal.api.history.v1.HistoryEvent.encode(event).finish().length;
      counts.bytesByType[name] = (counts.bytesByType[name] ?? 0) + size;
    }
    runId =
      history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
    if (!runId) break;
  }
  const of = (name: string) => counts.byType[name] ?? 0;
  counts.workflowTasks = of('WORKFLOW_TASK_COMPLETED');
  counts.activities = of('ACTIVITY_TASK_SCHEDULED');
  counts.timers = of('TIMER_STARTED');
  counts.updates = of('WORKFLOW_EXECUTION_UPDATE_ACCEPTED');
  counts.signals = of('WORKFLOW_EXECUTION_SIGNALED');
  counts.searchAttributeUpserts = of('UPSERT_WORKFLOW_SEARCH_ATTRIBUTES');
  return counts;
}

/** Counts of workflow executions matching a visibility query (eventually consistent). */
export async function countWorkflows(client: Client, query: string): Promise<number> {
  const { count } = await client.workflowService.countWorkflowExecutions({
    namespace: client.options.namespace,
    query,
  });
  return Number(count);
}
