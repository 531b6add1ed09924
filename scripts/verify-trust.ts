import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { FIGURES_FILE } from "../test/support/figures.ts";

/**
 * `npm run verify:trust`: runs the trust suites (authorization matrix, hostile input, sessions and 三员, audit chain, crash
 * consistency, backup drill) on fresh databases — PGlite, and PostgreSQL when DATABASE_URL is set — and prints
 * one JSON object with their figures. Exits non-zero if any suite fails.
 */
const SUITES = [
  "test/api/authz-matrix.test.ts",
  "test/api/hostile-input.test.ts",
  "test/api/auth.test.ts",
  "test/api/audit.test.ts",
  "test/api/crash-consistency.test.ts",
  "test/api/backup-drill.test.ts",
];

fs.rmSync(FIGURES_FILE, { force: true });
const projects = ["api-pglite", ...(process.env.DATABASE_URL ? ["api-postgres"] : [])];
const run = spawnSync(
  "npx",
  ["vitest", "run", ...projects.flatMap((p) => ["--project", p]), ...SUITES, "--reporter=dot"],
  { stdio: ["ignore", "inherit", "inherit"] },
);
const figures = fs.existsSync(FIGURES_FILE)
  ? fs
      .readFileSync(FIGURES_FILE, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line))
  : [];
console.log(JSON.stringify({ ok: run.status === 0, engines: projects, figures }));
process.exit(run.status ?? 1);
