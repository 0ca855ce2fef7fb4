import type { Logger } from '../observability/logger';
import { createTableIfMissing, type Database } from '../store/database';
import {
  followUpOf,
  type ReportableCase,
  type StepRecord,
  stepRecords,
  waitingTimes,
  type WaitingTimesReport,
} from './waiting-times';

/**
 * The reporting projection of waiting times, in the product's own database (SQLite in the data
 * folder, PostgreSQL on a cluster): one row per case, kind and step with the step's two instants and
 * when the case ended. It holds no CPR number and no name — a case ID, a municipality code, a kind
 * and instants. The API writes a case's rows from the case view each accepted event answers with; a
 * rebuild (./rebuild.ts) writes every case's rows again from the workflows. See README "Waiting times".
 */
export interface WaitingTimesProjection {
  /** Writes the case's step rows as this view of it shows them. Never throws: a failed write is logged (a rebuild mends it). */
  record(view: ReportableCase): Promise<void>;
  /** The figures, for one municipality or all. */
  report(now: number, municipality?: string): Promise<WaitingTimesReport>;
  /** How many rows there are (0: never written, or dropped: a rebuild is due). */
  size(): Promise<number>;
  /** Makes the table anew with these rows only (a rebuild's last step). */
  replace(records: readonly StepRecord[]): Promise<void>;
}

const TABLE = `CREATE TABLE IF NOT EXISTS waiting_steps (
  case_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  step TEXT NOT NULL,
  municipality TEXT NOT NULL,
  started_at TEXT NOT NULL,
  done_at TEXT,
  case_ended_at TEXT,
  PRIMARY KEY (case_id, kind, step)
)`;

interface Row extends Record<string, unknown> {
  case_id: string;
  kind: StepRecord['kind'];
  step: StepRecord['step'];
  municipality: string;
  started_at: string;
  done_at: string | null;
  case_ended_at: string | null;
}

/** The projection on a database; its table is made on first use (every method waits for it). */
export function createWaitingTimesProjection(
  db: Database,
  logger?: Pick<Logger, 'warn'>,
): WaitingTimesProjection {
  const table = createTableIfMissing(db, TABLE);
  // A failure to make the table is reported by the first method that uses it, not as an unhandled rejection.
  table.catch(() => undefined);
  return {
    async record(view) {
      try {
        await table;
        // Instants are ISO strings of one format: compared as text, they sort as time does.
        for (const record of recordsOf(view)) await upsert(db, record);
      } catch (error) {
        // The event is applied whatever happens here; the figures catch up at the next write or rebuild.
        logger?.warn(
          { caseId: view.caseId, error: error instanceof Error ? error.name : typeof error },
          'waiting times: the projection was not written',
        );
      }
    },
    async report(now, municipality) {
      await table;
      const rows = await db.all<Row>(
        municipality ? 'SELECT * FROM waiting_steps WHERE municipality = $1' : 'SELECT * FROM waiting_steps',
        municipality ? [municipality] : [],
      );
      return waitingTimes(rows.map(fromRow), now);
    },
    async size() {
      await table;
      const [row] = await db.all<{ n: number | string }>('SELECT COUNT(*) AS n FROM waiting_steps');
      return Number(row?.n ?? 0);
    },
    async replace(records) {
      await table.catch(() => undefined);
      // Made anew, so a rebuild also mends a table that was dropped (or left in an older shape).
      await db.exec('DROP TABLE IF EXISTS waiting_steps');
      await createTableIfMissing(db, TABLE);
      for (const record of records) await upsert(db, record);
    },
  };
}

/** A case's step records, with those of the fleksjob follow-up a concluded course continues as. */
export function recordsOf(view: ReportableCase): StepRecord[] {
  const followUp = followUpOf(view);
  return [...stepRecords(view), ...(followUp ? stepRecords(followUp) : [])];
}

async function upsert(db: Database, record: StepRecord): Promise<void> {
  await db.run(
    `INSERT INTO waiting_steps (case_id, kind, step, municipality, started_at, done_at, case_ended_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (case_id, kind, step) DO UPDATE SET municipality = $4, started_at = $5, done_at = $6, case_ended_at = $7`,
    [
      record.caseId,
      record.kind,
      record.step,
      record.municipality,
      record.startedAt,
      record.doneAt,
      record.caseEndedAt,
    ],
  );
}

function fromRow(row: Row): StepRecord {
  return {
    caseId: row.case_id,
    kind: row.kind,
    step: row.step,
    municipality: row.municipality,
    startedAt: row.started_at,
    doneAt: row.done_at,
    caseEndedAt: row.case_ended_at,
  };
}
