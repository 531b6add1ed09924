import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../../server/db/client.ts";
import { databaseUrlFor, testEngine } from "./engine.ts";

export interface TestDatabase {
  database: Database;
  /** A connection string for CLI subprocesses (PostgreSQL only). */
  url: string | null;
  drop(): Promise<void>;
}

/** A private copy of the seeded template for one test file. */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testEngine() === "postgres") {
    const name = `envgrid_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
    const url = databaseUrlFor(name);
    const database = await openPostgres(url, 10);
    return {
      database,
      url,
      drop: async () => {
        await database.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dump = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
  const database = await openPglite({ loadDataDir: dump });
  return { database, url: null, drop: () => database.close() };
}
