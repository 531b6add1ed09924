import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** A drizzle handle on either engine; transactions share the type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Engine = "pglite" | "postgres";

export interface Database {
  engine: Engine;
  db: Db;
  /** Runs a script of several statements (migrations) on one connection; no parameters. */
  execScript(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /** Embedded engine only: the underlying PGlite instance (backups, dumps). */
  pglite?: PGlite;
}

type RawResult = { rows: Record<string, unknown>[]; fields?: { name: string; dataTypeID: number }[] };

/**
 * Executes raw SQL and returns its rows; both drivers answer with `{ rows, fields }`. Drizzle's node-postgres
 * driver hands timestamptz columns back as PostgreSQL text while PGlite gives Dates: both become Dates here,
 * so the API speaks ISO 8601 UTC on either engine.
 */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>((await db.execute(query)) as unknown as RawResult);
}

const dialect = new PgDialect();
/** Statement names by text; bounded so that a call site whose text varies without end cannot leak. */
const statementNames = new Map<string, string>();
const MAX_PREPARED_TEXTS = 256;

/**
 * `rows` as a named prepared statement, for the statements every request runs (the session lookup, intake,
 * track ingest). PostgreSQL parses it once per pooled connection and, after five runs, keeps the generic
 * plan when it is no worse than the custom ones, so the planner (0.3–0.9 ms for these statements) stops
 * running. The name comes from the text, so a changed text is a new statement; past MAX_PREPARED_TEXTS
 * distinct texts a statement runs unnamed. PGlite ignores the name.
 */
export async function preparedRows<T>(db: Db, query: SQL): Promise<T[]> {
  const built = dialect.sqlToQuery(query);
  let name = statementNames.get(built.sql);
  if (name === undefined && statementNames.size < MAX_PREPARED_TEXTS) {
    name = `envgrid_${statementNames.size + 1}`;
    statementNames.set(built.sql, name);
  }
  const result = await db._.session.prepareQuery(built, undefined, name, false).execute();
  return rowsOf<T>(result as unknown as RawResult);
}

function rowsOf<T>(result: RawResult): T[] {
  const timestamps = (result.fields ?? []).filter((f) => f.dataTypeID === TIMESTAMPTZ_OID).map((f) => f.name);
  if (timestamps.length > 0) {
    for (const row of result.rows) {
      for (const name of timestamps) {
        const value = row[name];
        if (typeof value === "string") row[name] = new Date(value);
      }
    }
  }
  return result.rows as T[];
}

const TIMESTAMPTZ_OID = 1184;

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { postgis },
  });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    engine: "pglite",
    db,
    pglite: client,
    execScript: async (sqlText) => {
      try {
        await client.exec(sqlText);
      } catch (error) {
        // A failed script may leave its explicit transaction open on the only connection.
        await client.exec("ROLLBACK").catch(() => {});
        throw error;
      }
    },
    close: () => client.close(),
  };
}

export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  await pool.query("select 1");
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    engine: "postgres",
    db,
    execScript: async (sqlText) => {
      const client = await pool.connect();
      try {
        await client.query(sqlText);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function openDatabase(config: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite({ dataDir: config.dataDir });
}
