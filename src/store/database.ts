import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Pool } from 'pg';

/**
 * The product's own small database, beside Temporal's: SQLite in the data folder for the embedded
 * default, PostgreSQL (the database a cluster already runs) when RF_DATABASE_URL names one. It holds
 * what must survive a crash outside a case's history — which mail went out. SQL is written once with
 * PostgreSQL's `$1` placeholders; for SQLite they become `?1`.
 */
export interface Database {
  readonly kind: 'sqlite' | 'postgres';
  /** Statements without parameters (schema). */
  exec(sql: string): Promise<void>;
  /** A change; the number of rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  all<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** Where it is, for logs: never a password. */
  describe(): string;
}

/**
 * CREATE TABLE IF NOT EXISTS, safe when several processes start at once: on PostgreSQL two such
 * statements can race and one fail on the catalog's unique index (23505) or find the table just made
 * (42P07), although the table then exists — either is success.
 */
export async function createTableIfMissing(db: Database, sql: string): Promise<void> {
  try {
    await db.exec(sql);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P07') throw error;
  }
}

export interface DatabaseOptions {
  /** `postgres://user:password@host:port/database` */
  url?: string;
  /** The SQLite file when no URL is given. */
  sqlitePath: string;
}

export function openDatabase(options: DatabaseOptions): Database {
  return options.url ? openPostgres(options.url) : openSqlite(options.sqlitePath);
}

function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  // Several processes (workers, the API) share the file: readers never block the writer.
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // `$1`, `$2` become positional `?`, with the values in the order the placeholders appear.
  const bind = (text: string, params: unknown[]): [string, unknown[]] => {
    const order: number[] = [];
    const sql = text.replace(/\$(\d+)/g, (_match, n: string) => {
      order.push(Number(n) - 1);
      return '?';
    });
    return [sql, order.map((index) => params[index])];
  };
  return {
    kind: 'sqlite',
    async exec(text) {
      db.exec(text);
    },
    async run(text, params = []) {
      const [sql, values] = bind(text, params);
      return db.prepare(sql).run(...values).changes;
    },
    async all<T>(text: string, params: unknown[] = []) {
      const [sql, values] = bind(text, params);
      return db.prepare(sql).all(...values) as T[];
    },
    async close() {
      db.close();
    },
    describe: () => `sqlite:${path}`,
  };
}

function openPostgres(url: string): Database {
  const pool = new Pool({ connectionString: url, max: 4 });
  const parsed = new URL(url);
  return {
    kind: 'postgres',
    async exec(text) {
      await pool.query(text);
    },
    async run(text, params = []) {
      return (await pool.query(text, params)).rowCount ?? 0;
    },
    async all<T extends Record<string, unknown>>(text: string, params: unknown[] = []) {
      return (await pool.query<T>(text, params)).rows;
    },
    async close() {
      await pool.end();
    },
    describe: () => `postgres://${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
  };
}
