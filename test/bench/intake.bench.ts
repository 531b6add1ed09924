import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { type Database, rows } from "../../server/db/client.ts";
import { MATTER_CATEGORIES } from "../../server/domain/cases/matter-categories.ts";
import {
  type LoadResult,
  listenApp,
  load,
  loginCookie,
  openSeededDatabase,
  pointsInGrids,
  round2,
} from "./bench-app.ts";
import { emit } from "./bench-db.ts";

type Point = { lng: number; lat: number };

/** What a grid member files from the field: varied categories and locations all over the district. */
export function intakeBody(i: number, points: Point[]) {
  return {
    source: "patrol_finding",
    title: `巡查发现问题 ${i}`,
    description: "巡查发现某砖厂烟囱持续排放黑烟，周边有明显异味。",
    category: MATTER_CATEGORIES[i % MATTER_CATEGORIES.length].code,
    location: points[(i * 7919) % points.length],
  };
}

/**
 * The baseline: a bare Fastify route in the same process on the same database pool that stores the same
 * kind of row with one INSERT (no session, validation, routing, idempotency, notifications or audit).
 */
async function listenBareRoute(
  database: Database,
  memberId: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const [grid] = await rows<{ id: number; path: string }>(
    database.db,
    sql`select id, path from grids where level = 3 and retired_at is null order by id limit 1`,
  );
  const app = Fastify();
  app.post("/bare/cases", async (request) => {
    const body = request.body as ReturnType<typeof intakeBody>;
    const [row] = await rows<{ id: number }>(
      database.db,
      sql`insert into cases (tracking_no, source, title, description, category, priority, supervision_level,
            location, grid_id, grid_path, routing, reporter_official, stage, reported_at, stage_entered_at,
            reporter_reply_required, created_by, deadline_due_at)
          values (${`BARE${randomUUID()}`}, ${body.source}, ${body.title}, ${body.description}, ${body.category},
            'normal', 'periodic', ST_SetSRID(ST_MakePoint(${body.location.lng}::float8, ${body.location.lat}::float8), 4326),
            ${grid.id}, ${grid.path}, '{}'::jsonb, true, 'reported', now(), now(), false, ${memberId}, now() + interval '1 day')
          returning id`,
    );
    return { id: row.id };
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url, close: () => app.close() };
}

export async function intakeBench(quick: boolean): Promise<void> {
  const { database, drop } = await openSeededDatabase("intake");
  const { app, url } = await listenApp(database);
  try {
    const [member] = await rows<{ id: number }>(
      database.db,
      sql`select id from users where username = 'member'`,
    );
    const bare = await listenBareRoute(database, member.id);
    const points = await pointsInGrids(database, 5);
    const cookie = await loginCookie(url, "member");
    const connections = 10;
    const amount = quick ? 200 : 3000;
    const run = (warm: boolean): Promise<[LoadResult, LoadResult]> =>
      Promise.resolve()
        .then(() =>
          load({
            url: bare.url,
            path: "/bare/cases",
            connections,
            amount: warm ? 100 : amount,
            headers: {},
            body: (i) => intakeBody(i, points),
          }),
        )
        .then(async (bareResult) => [
          bareResult,
          await load({
            url,
            path: "/api/cases",
            connections,
            amount: warm ? 100 : amount,
            headers: { cookie },
            extraHeaders: () => ({ "idempotency-key": randomUUID() }),
            body: (i) => intakeBody(i, points),
          }),
        ]);
    await run(true); // JIT, plan caches, pool connections
    const [bareResult, intake] = await run(false);
    await bare.close();
    emit({
      name: "intake.cases_per_second",
      value: Math.round(intake.requestsPerSecond),
      unit: "requests/s",
      baseline: Math.round(bareResult.requestsPerSecond),
      ratio: round2(intake.requestsPerSecond / bareResult.requestsPerSecond),
      target: "ratio >= 0.5",
      engine: database.engine,
      note: `POST /api/cases (session, validation, routing by location + duty list, Idempotency-Key, notifications, audit, detail + duplicates in the answer), ${intake.requests} requests over ${connections} connections, p50 ${intake.p50Ms} ms p99 ${intake.p99Ms} ms; baseline: bare Fastify route, one INSERT into cases, p50 ${bareResult.p50Ms} ms`,
    });
  } finally {
    await app.close();
    await drop();
  }
}
