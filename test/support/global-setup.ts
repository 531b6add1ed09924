import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../../server/config.ts";
import { openPglite, openPostgres } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { seedDemo } from "../../server/db/seed/demo.ts";
import { ensureSettings } from "../../server/db/settings-init.ts";
import { databaseUrlFor } from "./engine.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

const config = loadConfig({});

/**
 * Builds one migrated, demo-seeded database per run; every test file then starts from a copy of it
 * (a PGlite data-dir dump, or a PostgreSQL database created from a template), never from scratch.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The project's `env` reaches the test workers, not this main-process hook: read it from the project.
  if (project.config.env?.ENVGRID_TEST_ENGINE === "postgres") {
    const name = `envgrid_tmpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const database = await openPostgres(databaseUrlFor(name), 2);
    await migrate(database);
    await ensureSettings(database.db, config);
    await seedDemo(database.db, { password: config.demoPassword, uploadDir: config.uploadDir });
    await database.close();
    project.provide("postgresTemplate", name);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const file = path.join(os.tmpdir(), `envgrid-template-${process.pid}-${Date.now()}.tar.gz`);
  const database = await openPglite();
  await migrate(database);
  await ensureSettings(database.db, config);
  await seedDemo(database.db, { password: config.demoPassword, uploadDir: config.uploadDir });
  const dump = await database.pglite?.dumpDataDir("gzip");
  if (!dump) throw new Error("PGlite dump failed");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("pgliteTemplate", file);
  return async () => fs.rmSync(file, { force: true });
}
