import { execFileSync } from "node:child_process";

/** Browser tests need the production web build; build it when missing or stale. */
export function setup(): void {
  execFileSync("node", ["scripts/ensure-web-build.mjs"], { stdio: "inherit" });
}
