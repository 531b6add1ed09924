import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../server/audit/verify-chain.ts";
import { prepareDatabase } from "../../server/bootstrap.ts";
import { loadConfig } from "../../server/config.ts";
import { openPglite, openPostgres } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { backupDatabase, restoreDatabase } from "../../server/ops/backup.ts";
import { type TableChecksum, tableChecksums } from "../../server/ops/table-checksums.ts";
import { databaseUrlFor, testEngine } from "../support/engine.ts";
import { recordFigure } from "../support/figures.ts";
import { startTestApp } from "../support/test-app.ts";

const base = loadConfig({});

describe("backup and restore drill", () => {
  // Starts the embedded engine three times: slow on a busy machine, hence the longer limit.
  it("restores every table row for row, and the audit chain verifies", { timeout: 240_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-drill-"));
    const file = path.join(dir, "backup.bin");
    try {
      if (testEngine() === "postgres") {
        const source = await startTestApp();
        await source.login("office"); // a few writes beyond the seed
        const before = await tableChecksums(source.database.db);
        const backup = await backupDatabase({ ...base, databaseUrl: source.url }, file);
        const name = `envgrid_restore_${process.pid}_${Date.now()}`;
        const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${name}`);
        try {
          const restore = await restoreDatabase({ ...base, databaseUrl: databaseUrlFor(name) }, file);
          const restored = await openPostgres(databaseUrlFor(name), 2);
          const after = await tableChecksums(restored.db);
          const auditOk = (await verifyAuditChain(restored.db)).ok;
          recordFigure("backup.drill", {
            tables: before.length,
            mismatches: mismatchedTables(before, after),
            auditOk,
            backupMs: backup.ms,
            bytes: backup.bytes,
            restoreMs: restore.ms,
          });
          expect(after).toEqual(before);
          expect(auditOk).toBe(true);
          expect(await migrate(restored)).toEqual([]);
          await restored.close();
        } finally {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.end();
          await source.close();
        }
      } else {
        const sourceDir = path.join(dir, "source");
        const prepared = await prepareDatabase({ ...base, dataDir: sourceDir });
        const before = await tableChecksums(prepared.database.db);
        await prepared.database.close();
        const backup = await backupDatabase({ ...base, dataDir: sourceDir }, file);
        const targetDir = path.join(dir, "target");
        await expect(restoreDatabase({ ...base, dataDir: sourceDir }, file)).rejects.toThrow(/not empty/);
        const restore = await restoreDatabase({ ...base, dataDir: targetDir }, file);
        const restored = await openPglite({ dataDir: targetDir });
        const after = await tableChecksums(restored.db);
        const auditOk = (await verifyAuditChain(restored.db)).ok;
        await restored.close();
        recordFigure("backup.drill", {
          tables: before.length,
          mismatches: mismatchedTables(before, after),
          auditOk,
          backupMs: backup.ms,
          bytes: backup.bytes,
          restoreMs: restore.ms,
        });
        expect(after).toEqual(before);
        expect(auditOk).toBe(true);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Tables whose row count or digest differ between source and restore, or that exist on one side only. */
function mismatchedTables(before: TableChecksum[], after: TableChecksum[]): number {
  const restored = new Map(after.map((x) => [x.table, JSON.stringify(x)]));
  const names = new Set([...before, ...after].map((x) => x.table));
  const source = new Map(before.map((x) => [x.table, JSON.stringify(x)]));
  return [...names].filter((name) => source.get(name) !== restored.get(name)).length;
}
