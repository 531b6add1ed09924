import { migrateAndSeal } from "../server/bootstrap.ts";
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/client.ts";
import {
  finishGeneration,
  generateCases,
  generateGrids,
  generateObjects,
  generatePatrols,
  generatePeople,
  inspectTarget,
} from "../test/bench/data/generate.ts";
import { parseScale } from "../test/bench/data/scales.ts";

/**
 * `npm run bench:data -- --scale district|province|<factor> [--seed N] [--force]`: deterministic synthetic
 * data in the configured database (DATABASE_URL, else the PGlite data dir). Progress on stderr, a summary
 * line on stdout. Synthetic accounts get an unusable password.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const scale = parseScale(arg("scale"));
  if (!scale) {
    console.error(
      "用法 / usage: npm run bench:data -- --scale district|province|<0<factor≤10> [--seed N] [--force]",
    );
    return 2;
  }
  const seed = Number(arg("seed") ?? 42);
  const force = process.argv.includes("--force");
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrateAndSeal(database, config);
    const target = await inspectTarget(database.db);
    if (target.synthetic) {
      console.error(
        "数据库中已有合成数据；请使用新建的空数据库重新生成。\n" +
          "The database already holds synthetic data; regenerate into a new, empty database.",
      );
      return 1;
    }
    if (target.realData && !force) {
      console.error(
        "数据库中有非合成的网格或案件数据，拒绝写入（确需写入请加 --force）。\n" +
          "The database holds grids or cases that are not synthetic; refusing to write (add --force to insist).",
      );
      return 1;
    }
    // Anchored at midnight UTC: the same seed on the same day gives the same rows.
    const now = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
    const started = performance.now();
    process.stderr.write(
      `[bench:data] ${scale.name} into ${database.engine}: ${scale.side ** 2} level-3 grids, ` +
        `${scale.objects} objects, ${scale.cases} cases, ${scale.trackPoints} track points (seed ${seed})\n`,
    );
    await generateGrids(database.db, scale, seed);
    await generatePeople(database.db, "!synthetic-account-no-login");
    await generateObjects(database.db, scale.objects, seed);
    await generateCases(database.db, { first: 1, last: scale.cases }, now, seed);
    await generatePatrols(database.db, scale.trackPoints, now, seed);
    const summary = {
      scale: scale.name,
      engine: database.engine,
      seed,
      anchor: now.toISOString(),
      grids: scale.side ** 2,
      objects: scale.objects,
      cases: scale.cases,
      trackPoints: Math.ceil(scale.trackPoints / 100) * 100,
    };
    await finishGeneration(database, summary);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    console.log(JSON.stringify({ ...summary, seconds }));
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  },
);
