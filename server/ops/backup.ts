import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config.ts";
import { openPglite } from "../db/client.ts";

/**
 * Backups of either engine. PostgreSQL: pg_dump's custom format, restored with pg_restore. PGlite: a
 * gzipped dump of the data directory, taken while no server holds it open (one process per directory).
 */
export async function backupDatabase(
  config: Config,
  outFile: string,
): Promise<{ bytes: number; ms: number }> {
  const started = Date.now();
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  if (config.databaseUrl) {
    run("pg_dump", ["--format=custom", "--no-owner", "--file", outFile, "--dbname", config.databaseUrl]);
  } else {
    assertNotRunning(config.dataDir);
    const database = await openPglite({ dataDir: config.dataDir });
    try {
      const dump = await database.pglite?.dumpDataDir("gzip");
      if (!dump) throw new Error("PGlite could not dump its data directory");
      fs.writeFileSync(outFile, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await database.close();
    }
  }
  return { bytes: fs.statSync(outFile).size, ms: Date.now() - started };
}

/** Restores into an empty target: a database with no tables, or a data directory that does not exist yet. */
export async function restoreDatabase(config: Config, inFile: string): Promise<{ ms: number }> {
  const started = Date.now();
  if (!fs.existsSync(inFile)) throw new Error(`backup file not found: ${inFile}`);
  if (config.databaseUrl) {
    run("pg_restore", [
      "--no-owner",
      "--exit-on-error",
      "--single-transaction",
      "--dbname",
      config.databaseUrl,
      inFile,
    ]);
  } else {
    if (fs.existsSync(config.dataDir) && fs.readdirSync(config.dataDir).length > 0) {
      throw new Error(
        `${config.dataDir} is not empty: restore into a new ENVGRID_DATA_DIR, then swap directories`,
      );
    }
    const dump = new Blob([fs.readFileSync(inFile)]);
    const database = await openPglite({ dataDir: config.dataDir, loadDataDir: dump });
    await database.close();
  }
  return { ms: Date.now() - started };
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.trim()}`);
}

export const PID_FILE = "envgrid.pid";

/** The embedded engine allows one process per data directory; the server leaves its pid there. */
function assertNotRunning(dataDir: string): void {
  const pidFile = path.join(dataDir, PID_FILE);
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale pid file from a crash
  }
  throw new Error(
    `the server (pid ${pid}) has ${dataDir} open: stop it before a backup of the embedded database`,
  );
}
