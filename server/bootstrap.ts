import { sealDisputeComplainants } from "./commands/dispute-complainant-sealer.ts";
import type { Config } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import { hasAnyGrid, seedDemo } from "./db/seed/demo.ts";
import { ensureSettings } from "./db/settings-init.ts";

/**
 * Applies pending migrations, then the data changes that need the reporter key, which SQL cannot make: rows a
 * migration left in clear are encrypted before anything reads them (migration 0017's dispute complainants).
 */
export async function migrateAndSeal(
  database: Database,
  config: Pick<Config, "reporterKeys">,
): Promise<{ applied: string[]; sealed: number }> {
  const applied = await migrate(database);
  const { sealed } = await sealDisputeComplainants(database, config);
  return { applied, sealed };
}

/** Opens the configured database, migrates it, and seeds the demo on a first start of the embedded engine. */
export async function prepareDatabase(
  config: Config,
  log: (line: string) => void = () => {},
): Promise<{ database: Database; seeded: boolean }> {
  const database = await openDatabase(config);
  const { applied, sealed } = await migrateAndSeal(database, config);
  if (applied.length > 0) log(`migrations applied: ${applied.join(", ")}`);
  if (sealed > 0) log(`dispute complainants encrypted: ${sealed}`);
  await ensureSettings(database.db, config);
  let seeded = false;
  // Demo data only ever lands unasked in an empty embedded database, never in PostgreSQL.
  if (database.engine === "pglite" && config.autoSeedDemo && !(await hasAnyGrid(database.db))) {
    const started = Date.now();
    const counts = await seedDemo(database.db, {
      password: config.demoPassword,
      uploadDir: config.uploadDir,
    });
    log(
      `demo data seeded: ${counts.grids} grids, ${counts.users} users, ${counts.cases} cases in ${Date.now() - started} ms`,
    );
    seeded = true;
  }
  return { database, seeded };
}
