import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { multiPolygon, point } from "@turf/helpers";
import { spawnServer } from "../support/server-process.ts";
import { benchConfig, load, loginCookie, openSeededDatabase, round2 } from "./bench-app.ts";
import { emit } from "./bench-db.ts";
import { intakeBody } from "./intake.bench.ts";
import { mulberry32 } from "./synthetic-grid.ts";

/** Deterministic points inside the demo's villages, from the seed file (the server owns the database). */
function villagePoints(perVillage: number): { lng: number; lat: number }[] {
  const file = JSON.parse(fs.readFileSync("server/db/seed/gaochang-grids.geojson", "utf8")) as {
    features: { properties: { level: number }; geometry: { coordinates: number[][][][] } }[];
  };
  const random = mulberry32(11);
  const points: { lng: number; lat: number }[] = [];
  for (const f of file.features.filter((x) => x.properties.level === 3)) {
    const shape = multiPolygon(f.geometry.coordinates as [number, number][][][]);
    const all = f.geometry.coordinates.flat(2);
    const [minX, maxX] = [Math.min(...all.map((c) => c[0])), Math.max(...all.map((c) => c[0]))];
    const [minY, maxY] = [Math.min(...all.map((c) => c[1])), Math.max(...all.map((c) => c[1]))];
    for (let found = 0, tries = 0; found < perVillage && tries < 1000; tries++) {
      const p = [minX + random() * (maxX - minX), minY + random() * (maxY - minY)];
      if (booleanPointInPolygon(point(p), shape)) {
        points.push({ lng: p[0], lat: p[1] });
        found++;
      }
    }
  }
  return points;
}

/** VmRSS and VmHWM (peak) of a process, in MB. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function memoryBench(quick: boolean): Promise<void> {
  const postgres = !!process.env.DATABASE_URL;
  const seeded = postgres ? await openSeededDatabase("memory", 2) : null;
  const dataDir = postgres ? null : fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-bench-memory-"));
  const config = benchConfig();
  // The real server as `npm start` runs it, its own process so /proc/<pid> is the server itself.
  const server = await spawnServer(
    {
      ENVGRID_API_RATE_LIMIT: String(config.apiRateLimitPerMinute),
      ENVGRID_LOGIN_RATE_LIMIT: String(config.loginRateLimitPerMinute),
      LOG_LEVEL: "warn",
      ...(seeded?.url
        ? { DATABASE_URL: seeded.url }
        : { DATABASE_URL: "", ENVGRID_DATA_DIR: dataDir as string }),
    },
    180_000,
  );
  const pid = server.child.pid as number;
  try {
    const points = villagePoints(5);
    const cookie = await loginCookie(server.url, "member");
    const intake = (amount: number, offset: number) =>
      load({
        url: server.url,
        path: "/api/cases",
        connections: 10,
        amount,
        headers: { cookie },
        idempotencyKeys: true,
        body: (n, client) => intakeBody(offset + n * 10 + client, points),
      });
    // Warm first: code compiled and caches filled are the working set, not a leak.
    await intake(100, 0);
    await pause(quick ? 1000 : 5000);
    const idleBefore = memoryOf(pid).rss;
    let peak = idleBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, memoryOf(pid).rss);
    }, 50);
    const run = await intake(quick ? 300 : 5000, 100);
    clearInterval(sampler);
    peak = Math.max(peak, memoryOf(pid).hwm);
    // V8 gives memory back to the system once the process has been idle for a while (its memory reducer,
    // seen here between 15 and 30 s after the load): a leak would not come back down, a grown heap does.
    const settle = quick ? 2 : 30;
    await pause(settle * 1000);
    const idleAfter = memoryOf(pid).rss;
    const engine = postgres ? "postgres" : "pglite";
    emit({
      name: "memory.peak_rss_during_intake",
      value: Math.round(peak),
      unit: "MB",
      baseline: 400,
      ratio: round2(peak / 400),
      target: postgres ? "value <= 400 MB (ratio <= 1)" : "report",
      engine,
      note: `server process VmHWM during ${run.requests} POST /api/cases over 10 connections (${Math.round(run.requestsPerSecond)} requests/s)${postgres ? "" : "; PGlite runs the database inside the server process, so its memory is counted here"}`,
    });
    emit({
      name: "memory.idle_rss_after_intake",
      value: Math.round(idleAfter),
      unit: "MB",
      baseline: Math.round(idleBefore),
      ratio: round2(idleAfter / idleBefore),
      target: postgres ? "ratio <= 1.2" : "report",
      engine,
      note: `VmRSS idle after a warm-up of 100 requests (baseline) and ${settle} s after the load (value); no forced GC`,
    });
  } finally {
    await server.kill("SIGTERM");
    await seeded?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
