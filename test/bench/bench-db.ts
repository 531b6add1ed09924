import pg from "pg";
import { type Database, openPglite, openPostgres } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";

export interface BenchDatabase {
  database: Database;
  /** Connection string of the scratch database (PostgreSQL), for a server child process; null on PGlite. */
  url: string | null;
  drop(): Promise<void>;
}

/**
 * A private, freshly migrated database for a benchmark: never the configured one. On PostgreSQL a
 * scratch database on the same server as DATABASE_URL; otherwise in-memory PGlite.
 */
export async function openBenchDatabase(name: string, poolSize = 20): Promise<BenchDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const database = await openPglite();
    await migrate(database);
    return { database, url: null, drop: () => database.close() };
  }
  const dbName = `envgrid_bench_${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  const database = await openPostgres(url.toString(), poolSize);
  await migrate(database);
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target?: string;
  engine?: string;
  note?: string;
}

export function emit(figure: Figure): void {
  console.log(JSON.stringify(figure));
}
