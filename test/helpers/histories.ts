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
 * With RECORD_HISTORIES=<folder> in the environment, saves every run of the given cases to
 * test/histories/<folder>, where test/workflows/replay.test.ts keeps checking that today's workflow
 * code replays them. Earlier folders stay: they are the cases already running in production.
 */
export async function recordHistoriesIfAsked(client: Client, caseIds: string[]): Promise<void> {
  const folder = process.env.RECORD_HISTORIES;
  if (!folder) return;
  if (!/^[\w.-]+$/.test(folder))
    throw new Error('RECORD_HISTORIES names a folder under test/histories, e.g. 2026-12-01-fleksjob');
  const dir = join(HISTORIES_DIR, folder);
  mkdirSync(dir, { recursive: true });
  for (const caseId of caseIds) {
    const runs = await runsOf(client, caseId);
    runs.forEach((history, index) => {
      const json = HistoryProto.toObject(HistoryProto.fromObject(history), {
        longs: String,
        enums: String,
        bytes: String,
      });
      writeFileSync(join(dir, `${caseId}.run-${index + 1}.json`), JSON.stringify(json) + '\n');
    });
  }
}

export function recordedHistories(): Array<{ name: string; history: temporal.api.history.v1.History }> {
  return readdirSync(HISTORIES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file,
      history: HistoryProto.fromObject(JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8'))),
    }));
}
