import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { FIGURES_FILE, type Figure, summarizeFigures } from "../test/support/figures.ts";

/**
 * `npm run verify:trust`: runs the trust suites listed in test/trust-suites.txt (authorization matrix with
 * out-of-scope reads and writes, hostile input and uploads, sessions and 三员, audit chain, concurrency and
 * idempotency, crash consistency, backup drill) on fresh databases — PGlite, and PostgreSQL when DATABASE_URL
 * is set — and prints one JSON object with their figures. Exits non-zero if any suite fails or a figure that
 * must be zero is not.
 */
const SUITES = fs
  .readFileSync(new URL("../test/trust-suites.txt", import.meta.url), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));

fs.rmSync(FIGURES_FILE, { force: true });
const projects = ["api-pglite", ...(process.env.DATABASE_URL ? ["api-postgres"] : [])];
const started = Date.now();
const run = spawnSync(
  "npx",
  ["vitest", "run", ...projects.flatMap((p) => ["--project", p]), ...SUITES, "--reporter=dot"],
  { stdio: ["ignore", "inherit", "inherit"] },
);
const figures: Figure[] = fs.existsSync(FIGURES_FILE)
  ? fs
      .readFileSync(FIGURES_FILE, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line))
  : [];
const summary = summarizeFigures(figures, projects.length);
const ok = run.status === 0 && summary.ok;
console.log(
  JSON.stringify({
    ok,
    engines: projects.map((p) => p.replace(/^api-/, "")),
    seconds: Math.round((Date.now() - started) / 1000),
    ...summary.totals,
    byEngine: summary.byEngine,
  }),
);
process.exit(ok ? 0 : 1);
