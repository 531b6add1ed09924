import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { type Database, rows } from "./client.ts";

const ALREADY_APPLIED = "envgrid_migration_already_applied";
const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** Applies pending SQL migrations in file-name order, each in its own transaction; idempotent. */
export async function migrate(database: Database): Promise<string[]> {
  await database.execScript(
    "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const done = new Set(
    (await rows<{ name: string }>(database.db, sql`select name from schema_migrations`)).map((r) => r.name),
  );
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const body = fs.readFileSync(path.join(MIGRATIONS_DIR, file), "utf8");
    const quoted = file.replaceAll("'", "''");
    // Several app instances may start together on PostgreSQL: the advisory lock lets one migrate; the
    // others find the migration recorded once they get the lock and step aside.
    const script = `BEGIN; SELECT pg_advisory_xact_lock(727001);
      DO $$ BEGIN IF EXISTS (SELECT 1 FROM schema_migrations WHERE name = '${quoted}') THEN
        RAISE EXCEPTION '${ALREADY_APPLIED}'; END IF; END $$;
      ${body}
      ;INSERT INTO schema_migrations (name) VALUES ('${quoted}'); COMMIT;`;
    try {
      await database.execScript(script);
      applied.push(file);
    } catch (error) {
      if (!String((error as Error).message).includes(ALREADY_APPLIED)) throw error;
    }
  }
  return applied;
}
