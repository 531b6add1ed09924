// Runs before `npm start`: rebuilds the web app when web/dist is missing or older than its sources.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const builtIndex = path.join(root, "web", "dist", "index.html");
// The web app also imports shared API types and a few server/domain constants (audit actions, case sources).
const sources = [
  path.join(root, "web", "src"),
  path.join(root, "api-types"),
  path.join(root, "server", "domain"),
  path.join(root, "web", "index.html"),
  path.join(root, "web", "vite.config.ts"),
];

function newestUnder(entry) {
  const stat = statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestUnder(path.join(entry, child)));
  return newest;
}

const builtAt = statSync(builtIndex, { throwIfNoEntry: false })?.mtimeMs ?? null;
const sourcesAt = Math.max(...sources.map(newestUnder));

if (builtAt !== null && builtAt >= sourcesAt) {
  console.log("[envgrid] web build is up to date");
  process.exit(0);
}

console.log(
  builtAt === null ? "[envgrid] building the web app…" : "[envgrid] web sources changed, rebuilding…",
);
const build = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts"], {
  cwd: root,
  stdio: "inherit",
  // A production bundle whatever the caller's NODE_ENV (vitest sets "test", which would build React's dev copy).
  env: { ...process.env, NODE_ENV: "production" },
  shell: process.platform === "win32",
});
if (build.status !== 0) {
  console.error("[envgrid] web build failed");
  process.exit(build.status ?? 1);
}
