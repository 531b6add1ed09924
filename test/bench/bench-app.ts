import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
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
  await seedDemo(scratch.database.db, { password: config.demoPassword });
  return scratch;
}

/** The real app on a listening port (same plugins, auth, validation as production), logging off. */
export async function listenApp(database: Database): Promise<{ app: App; url: string }> {
  const app = await buildApp({ config: benchConfig(), database });
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

/** Deterministic points inside the level-3 grids (a few per grid), so intake routes all over the district. */
export async function pointsInGrids(
  database: Database,
  perGrid: number,
): Promise<{ lng: number; lat: number }[]> {
  return rows<{ lng: number; lat: number }>(
    database.db,
    sql`select ST_X(p.geom) as lng, ST_Y(p.geom) as lat
          from grids g, ST_Dump(ST_GeneratePoints(g.boundary, ${perGrid}, 42)) p
         where g.level = 3 and g.retired_at is null and g.boundary is not null
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
 * Drives one route with autocannon; `build(i)` makes the i-th request (unique keys, varied bodies). A run
 * that got error answers is an error: a benchmark of 4xx answers would measure nothing.
 */
export async function load(options: {
  url: string;
  path: string | ((i: number, client: number) => string);
  connections: number;
  amount: number;
  headers: Record<string, string>;
  body: (i: number, client: number) => unknown;
  extraHeaders?: (i: number) => Record<string, string>;
}): Promise<LoadResult> {
  let counter = 0;
  const started = performance.now();
  let firstFailure = "";
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    amount: options.amount,
    timeout: 60,
    requests: [
      {
        method: "POST",
        setupRequest: (request, context) => {
          const i = counter++;
          context.client ??= i % options.connections;
          const client = context.client as number;
          return {
            ...request,
            path: typeof options.path === "function" ? options.path(i, client) : options.path,
            headers: {
              ...options.headers,
              "content-type": "application/json",
              ...(options.extraHeaders?.(i) ?? {}),
            },
            body: JSON.stringify(options.body(i, client)),
          };
        },
        onResponse: (status: number, body: string) => {
          if (status >= 300 && !firstFailure) firstFailure = `${status} ${body.slice(-400)}`;
        },
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(
      `load on ${typeof options.path === "string" ? options.path : "route"}: ${result.non2xx} non-2xx, ${result.errors} errors; first: ${firstFailure}`,
    );
  const requests = result.requests.total;
  return {
    requestsPerSecond: requests / seconds,
    requests,
    non2xx: result.non2xx,
    errors: result.errors,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    seconds,
  };
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
