import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { buildApp } from "../../server/app.ts";
import { type Config, loadConfig } from "../../server/config.ts";
import { type Database, rows } from "../../server/db/client.ts";
import { seedDemo } from "../../server/db/seed/demo.ts";
import { ensureSettings } from "../../server/db/settings-init.ts";
import type { App } from "../../server/routes/types.ts";
import { type BenchDatabase, openBenchDatabase } from "./bench-db.ts";

/** The app's settings for a load test: the per-client rate limits would otherwise answer 429 to the load. */
export function benchConfig(): Config {
  return {
    ...loadConfig({}),
    webDistDir: "/nonexistent",
    loginRateLimitPerMinute: 100_000,
    apiRateLimitPerMinute: 10_000_000,
  };
}

/**
 * A private scratch database with the Gaochang demo seed (real grids, duty lines, members), so routing does
 * real work: on the server of DATABASE_URL when set, else in-memory PGlite. Never the configured database.
 */
export async function openSeededDatabase(name: string, poolSize = 10): Promise<BenchDatabase> {
  const config = benchConfig();
  const scratch = await openBenchDatabase(name, poolSize);
  await ensureSettings(scratch.database.db, config);
  await seedDemo(scratch.database.db, { password: config.demoPassword, uploadDir: config.uploadDir });
  return scratch;
}

/**
 * The real app on a listening port (same plugins, auth, validation as production), logging off. `extra` adds
 * benchmark-only routes before it listens (they pass through the same hooks as the app's own).
 */
export async function listenApp(
  database: Database,
  extra: (app: App) => void = () => {},
): Promise<{ app: App; url: string }> {
  const app = await buildApp({ config: benchConfig(), database });
  extra(app);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url: address };
}

export async function loginCookie(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: benchConfig().demoPassword }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0];
}

/**
 * Deterministic points inside live level-3 grids (a few per grid), so intake routes all over the district;
 * `member` narrows them to the grids where that account is a grid member (where they patrol and file).
 */
export async function pointsInGrids(
  database: Database,
  perGrid: number,
  member?: string,
): Promise<{ lng: number; lat: number }[]> {
  const whose = member
    ? sql`and g.id in (select ur.grid_id from user_roles ur join users u on u.id = ur.user_id
                        where u.username = ${member} and ur.role = 'grid_member')`
    : sql``;
  return rows<{ lng: number; lat: number }>(
    database.db,
    sql`select ST_X(p.geom) as lng, ST_Y(p.geom) as lat
          from grids g, ST_Dump(ST_GeneratePoints(g.boundary, ${perGrid}, 42)) p
         where g.level = 3 and g.retired_at is null and g.boundary is not null ${whose}
         order by g.id, p.path`,
  );
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  seconds: number;
}

/**
 * Drives one route with `connections` autocannon clients of one connection each, in parallel, from a child
 * process (`load-worker.mjs`): client c sends its requests in order (a phone's track batches must not overtake
 * each other), and `body(n, c)` makes its n-th. Paths and bodies are built before the clock starts, as a load
 * generator does; `idempotencyKeys` gives every request a fresh Idempotency-Key. A run that got error
 * answers is an error: a benchmark of 4xx answers would measure nothing.
 */
export async function load(options: {
  url: string;
  path: string | ((n: number, client: number) => string);
  connections: number;
  amount: number;
  headers: Record<string, string>;
  body: (n: number, client: number) => unknown;
  idempotencyKeys?: boolean;
}): Promise<LoadResult> {
  const { connections } = options;
  const perClient = (c: number) =>
    Math.floor(options.amount / connections) + (c < options.amount % connections ? 1 : 0);
  const clients = Array.from({ length: connections }, (_, c) =>
    Array.from({ length: perClient(c) }, (_, n) => ({
      path: typeof options.path === "function" ? options.path(n, c) : options.path,
      body: JSON.stringify(options.body(n, c)),
    })),
  );
  const generator = fork(fileURLToPath(new URL("./load-worker.mjs", import.meta.url)), [], {
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const run = await new Promise<Omit<LoadResult, "requestsPerSecond"> & { firstFailure: string }>(
    (resolve, reject) => {
      generator.once("message", (message) => resolve(message as Parameters<typeof resolve>[0]));
      generator.once("error", reject);
      generator.once("exit", (code) => reject(new Error(`load generator exited with ${code}`)));
      generator.send({
        url: options.url,
        headers: options.headers,
        idempotencyKeys: options.idempotencyKeys ?? false,
        clients,
      });
    },
  );
  if (run.non2xx > 0 || run.errors > 0)
    throw new Error(
      `load on ${typeof options.path === "string" ? options.path : "route"}: ${run.non2xx} non-2xx, ${run.errors} errors; first: ${run.firstFailure}`,
    );
  const { firstFailure: _none, ...result } = run;
  return { ...result, requestsPerSecond: run.requests / run.seconds };
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
