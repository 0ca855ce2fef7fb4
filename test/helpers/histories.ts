import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;
const HistoryProto = temporal.api.history.v1.History;
import { workflowIdForCase } from '../../src/messages';

export const HISTORIES_DIR = join(__dirname, '..', 'histories');

/** Every run of a case's workflow, oldest first: each continue-as-new starts the next with the same ID. */
export async function runsOf(client: Client, caseId: string): Promise<History[]> {
  const runs: History[] = [];
  let runId: string | undefined;
  for (;;) {
    const history = await client.workflow.getHandle(workflowIdForCase(caseId), runId).fetchHistory();
    runs.unshift(history);
    runId =
      history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
    if (!runId) return runs;
  }
}

/**
 * With RECORD_HISTORIES=1 in the environment, saves every run of the given cases to test/histories,
 * where test/workflows/replay.test.ts keeps checking that today's workflow code replays them.
 */
export async function recordHistoriesIfAsked(client: Client, caseIds: string[]): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  mkdirSync(HISTORIES_DIR, { recursive: true });
  for (const caseId of caseIds) {
    const runs = await runsOf(client, caseId);
    runs.forEach((history, index) => {
      const json = HistoryProto.toObject(HistoryProto.fromObject(history), {
        longs: String,
        enums: String,
        bytes: String,
      });
      writeFileSync(join(HISTORIES_DIR, `${caseId}.run-${index + 1}.json`), JSON.stringify(json) + '\n');
    });
  }
}

export function recordedHistories(): Array<{ name: string; history: temporal.api.history.v1.History }> {
  return readdirSync(HISTORIES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file,
      history: HistoryProto.fromObject(JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8'))),
    }));
}
