import fs from "node:fs";
import path from "node:path";
import { buildApp } from "./app.ts";
import { verifyAuditChain } from "./audit/verify-chain.ts";
import { migrateAndSeal, prepareDatabase } from "./bootstrap.ts";
import { rotateReporterKey } from "./commands/reporter-key-rotator.ts";
import { DEFAULT_DEMO_PASSWORD, loadConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { hasAnyGrid, seedDemo } from "./db/seed/demo.ts";
import { DEMO_USERS } from "./db/seed/demo-users.ts";
import { ensureSettings } from "./db/settings-init.ts";
import { scheduleAuditRetention } from "./jobs/audit-retention.ts";
import { scheduleDeadlineSweep } from "./jobs/deadline-sweep.ts";
import { backupDatabase, PID_FILE, restoreDatabase } from "./ops/backup.ts";

const USAGE = `usage: tsx server/main.ts <command>
  start          run the web app and API (migrates first; seeds the demo into an empty embedded database)
  migrate        apply pending migrations (and encrypt what they left in clear, with ENVGRID_REPORTER_KEY)
  seed --demo    load the Gaochang demo data into an empty database
  verify-audit   check the audit log's hash chains; exit 1 naming the first bad row
  rotate-reporter-key  re-encrypt reporters' identities under ENVGRID_REPORTER_KEY (old keys in ENVGRID_REPORTER_OLD_KEYS)
  backup FILE    back up the database (pg_dump, or the embedded data directory while the server is stopped)
  restore FILE   restore a backup into an empty database or a new ENVGRID_DATA_DIR`;

const log = (line: string) => console.log(`[envgrid] ${line}`);

async function start(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  log(
    config.databaseUrl
      ? "database: PostgreSQL (DATABASE_URL)"
      : `database: embedded PGlite in ${config.dataDir}`,
  );
  const { database, seeded } = await prepareDatabase(config, log);
  const app = await buildApp({ config, database, logger: true });
  const stopRetention = scheduleAuditRetention(database.db, config.auditRetentionDays, log);
  const stopSweep = scheduleDeadlineSweep(database.db, config.deadlineSweepMinutes, log);
  if (config.reporterKeys.demo)
    log(
      "WARNING: ENVGRID_REPORTER_KEY is not set; reporters' names and contacts are encrypted with the fixed DEMO key. " +
        "Set a key (openssl rand -base64 32) before real use — see docs/security.md",
    );
  if (database.engine === "pglite")
    fs.writeFileSync(path.join(config.dataDir, PID_FILE), String(process.pid));
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace("0.0.0.0", "localhost").replace("[::]", "localhost");
  log(`ready in ${Date.now() - started} ms`);
  log(`web app:  ${url}/`);
  log(`API docs: ${url}/api/docs`);
  if (database.engine === "pglite" || seeded) {
    const usingDefault = config.demoPassword === DEFAULT_DEMO_PASSWORD;
    log(`demo logins: ${DEMO_USERS.map((u) => u.username).join(", ")}`);
    log(`demo password: ${usingDefault ? DEFAULT_DEMO_PASSWORD : "(from ENVGRID_DEMO_PASSWORD)"}`);
  }
  const stop = async () => {
    stopRetention();
    stopSweep();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function withDatabase<T>(
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(loadConfig());
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case "start":
      await start();
      return -1;
    case "migrate":
      return withDatabase(async (database) => {
        const { applied, sealed } = await migrateAndSeal(database, loadConfig());
        log(applied.length ? `applied: ${applied.join(", ")}` : "nothing to apply");
        if (sealed > 0) log(`dispute complainants encrypted: ${sealed}`);
        return 0;
      });
    case "seed":
      if (!args.includes("--demo")) {
        console.error("seed needs --demo (the Gaochang demo data)");
        return 2;
      }
      return withDatabase(async (database) => {
        const config = loadConfig();
        await migrateAndSeal(database, config);
        await ensureSettings(database.db, config);
        if (await hasAnyGrid(database.db)) {
          console.error("the database already has grids: demo data is loaded into an empty database only");
          return 1;
        }
        const counts = await seedDemo(database.db, {
          password: config.demoPassword,
          uploadDir: config.uploadDir,
        });
        log(`seeded ${counts.grids} grids, ${counts.users} demo users and ${counts.cases} cases`);
        return 0;
      });
    case "verify-audit":
      return withDatabase(async (database) => {
        const verdict = await verifyAuditChain(database.db);
        console.log(JSON.stringify(verdict));
        if (!verdict.ok) console.error(`audit chain broken at row ${verdict.firstBadId} (${verdict.reason})`);
        return verdict.ok ? 0 : 1;
      });
    case "rotate-reporter-key":
      return withDatabase(async (database) => {
        const result = await rotateReporterKey(database.db, loadConfig());
        log(`reporter key ${loadConfig().reporterKeys.current.id}: ${JSON.stringify(result)}`);
        return result.remaining === 0 ? 0 : 1;
      });
    case "backup":
    case "restore": {
      const file = args.find((a) => !a.startsWith("-"));
      if (!file) {
        console.error(`${command} needs a file name`);
        return 2;
      }
      const config = loadConfig();
      const result =
        command === "backup" ? await backupDatabase(config, file) : await restoreDatabase(config, file);
      log(`${command} ${file}: ${JSON.stringify(result)}`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
