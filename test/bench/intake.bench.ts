import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { type Database, preparedRows, rows } from "../../server/db/client.ts";
import { MATTER_CATEGORIES } from "../../server/domain/cases/matter-categories.ts";
import { dutyLineDepartmentsSql } from "../../server/queries/competent-departments.ts";
import { deepestGridIdAt } from "../../server/queries/grid-placement.ts";
import { NewCaseBody } from "../../server/routes/cases/schema.ts";
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

export type BareInsert = (body: ReturnType<typeof intakeBody>) => Promise<{ id: number }>;

/** The baseline's work: the same kind of case row with one INSERT (into the first village's grid). */
export async function bareInsert(database: Database, memberId: number): Promise<BareInsert> {
  const [grid] = await rows<{ id: number; path: string }>(
    database.db,
    sql`select id, path from grids where level = 3 and retired_at is null order by id limit 1`,
  );
  return async (body) => {
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
  };
}

/**
 * The floor's work: the least an intake with the issue's pipeline must do, in one prepared statement: routing
 * by location (the deepest grid) and by category (the duty list's departments there), the case, its audit
 * row, the Idempotency-Key; no stakeholders, notifications, case history, deadline or answer. In the app it
 * also gets intake's body validation (the schema of POST /api/cases).
 */
function floorInsert(database: Database, memberId: number) {
  return async (request: { body: unknown }) => {
    const body = request.body as ReturnType<typeof intakeBody>;
    const here = sql`ST_SetSRID(ST_MakePoint(${body.location.lng}::float8, ${body.location.lat}::float8), 4326)`;
    const [row] = await preparedRows<{ id: number }>(
      database.db,
      sql`with placed as (select id, path from grids where id = ${deepestGridIdAt(here)}),
          routed as (
            select coalesce(jsonb_agg(l.id) filter (where l.id is not null), '[]'::jsonb) as departments
              from placed, lateral (${dutyLineDepartmentsSql(sql`placed.path`, body.category)}) l),
          c as (
            insert into cases (tracking_no, source, title, description, category, priority, supervision_level,
              location, grid_id, grid_path, routing, reporter_official, stage, reported_at, stage_entered_at,
              reporter_reply_required, created_by, deadline_due_at)
            select ${`FLOOR${randomUUID()}`}, ${body.source}, ${body.title}, ${body.description}, ${body.category},
              'normal', 'periodic', ${here}, placed.id, placed.path,
              jsonb_build_object('departmentIds', routed.departments), true, 'reported', now(), now(), false,
              ${memberId}, now() + interval '1 day'
              from placed, routed
            returning id),
          a as (
            insert into audit_log (actor_id, actor_name, action, entity_type, entity_id, after)
            select ${memberId}, 'member', 'case.create', 'case', c.id::text, ${JSON.stringify(body)}::jsonb from c),
          k as (
            insert into idempotency_keys (user_id, scope, key, request_hash)
            values (${memberId}, 'floor', ${randomUUID()}, ${randomUUID()}))
          select id from c`,
    );
    return { id: row.id };
  };
}

/**
 * The baseline: a bare Fastify route in the same process on the same database pool that stores the same
 * kind of row with one INSERT (no session, validation, routing, idempotency, notifications or audit).
 * Beside it, the floor (`/floor/cases`, see `floorInsert`) without the app's hooks.
 */
async function listenBareRoute(
  database: Database,
  memberId: number,
  insert: BareInsert,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify();
  app.post("/bare/cases", (request) => insert(request.body as ReturnType<typeof intakeBody>));
  app.post("/floor/cases", floorInsert(database, memberId));
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url, close: () => app.close() };
}

const ROUNDS = 3;

export async function intakeBench(quick: boolean): Promise<void> {
  const { database, drop } = await openSeededDatabase("intake");
  const [member] = await rows<{ id: number }>(
    database.db,
    sql`select id from users where username = 'member'`,
  );
  const insert = await bareInsert(database, member.id);
  // The bare route's INSERT and the floor behind the app's hooks (session lookup, cookies, security headers,
  // rate limit, body parsing): what every write of the app pays before its own work, and the least an intake
  // with the issue's pipeline could cost in the app. Between the floor in the app and intake: the rest of
  // intake's work (validation, duty list, deadline, notifications, history, duplicates, the receipt).
  const { app, url } = await listenApp(database, (app) => {
    const permission = { config: { permission: "case.report" as const } };
    app.post("/api/bench/bare-cases", permission, (request) =>
      insert(request.body as ReturnType<typeof intakeBody>),
    );
    app.post(
      "/api/bench/floor-cases",
      { ...permission, schema: { body: NewCaseBody } },
      floorInsert(database, member.id),
    );
  });
  try {
    const bare = await listenBareRoute(database, member.id, insert);
    const points = await pointsInGrids(database, 5);
    const cookie = await loginCookie(url, "member");
    const connections = 10;
    const amount = quick ? 200 : 3000;
    // The routes one after the other on the same database, in rounds; each figure is a route's best round,
    // so a neighbour's burst during one route's run does not decide a ratio.
    const drive = (target: string, path: string, warm: boolean, headers: Record<string, string> = {}) =>
      load({
        url: target,
        path,
        connections,
        amount: warm ? 100 : amount,
        headers,
        idempotencyKeys: true,
        body: (n, client) => intakeBody(n * connections + client, points),
      });
    const run = async (warm: boolean): Promise<LoadResult[]> => [
      await drive(bare.url, "/bare/cases", warm),
      await drive(url, "/api/cases", warm, { cookie }),
      await drive(bare.url, "/floor/cases", warm),
      await drive(url, "/api/bench/bare-cases", warm, { cookie }),
      await drive(url, "/api/bench/floor-cases", warm, { cookie }),
    ];
    await run(true); // JIT, plan caches, pool connections
    const rounds: LoadResult[][] = [];
    for (let round = 0; round < (quick ? 1 : ROUNDS); round++) rounds.push(await run(false));
    const [bareResult, intake, floor, inApp, floorInApp] = rounds[0].map((_, route) =>
      rounds
        .map((r) => r[route])
        .reduce((best, r) => (r.requestsPerSecond > best.requestsPerSecond ? r : best)),
    );
    await bare.close();
    emit({
      name: "intake.cases_per_second",
      value: Math.round(intake.requestsPerSecond),
      unit: "requests/s",
      baseline: Math.round(bareResult.requestsPerSecond),
      ratio: round2(intake.requestsPerSecond / bareResult.requestsPerSecond),
      target: "ratio >= 0.5",
      engine: database.engine,
      note: `POST /api/cases (session, validation, routing by location + duty list, Idempotency-Key, notifications, audit, a receipt + possible duplicates in the answer), ${intake.requests} requests over ${connections} connections, best of ${rounds.length} rounds, p50 ${intake.p50Ms} ms p99 ${intake.p99Ms} ms; baseline: bare Fastify route, one INSERT into cases, p50 ${bareResult.p50Ms} ms`,
    });
    emit({
      name: "intake.floor_cases_per_second",
      value: Math.round(floor.requestsPerSecond),
      unit: "requests/s",
      baseline: Math.round(bareResult.requestsPerSecond),
      ratio: round2(floor.requestsPerSecond / bareResult.requestsPerSecond),
      target: "report: bounds the intake ratio",
      engine: database.engine,
      note: `the least an intake must do, in one statement: routing by location and by category (duty list), the case, its audit row (hash-chained by trigger), the Idempotency-Key; no session, validation, notifications, history or answer; p50 ${floor.p50Ms} ms`,
    });
    emit({
      name: "intake.bare_in_app_cases_per_second",
      value: Math.round(inApp.requestsPerSecond),
      unit: "requests/s",
      baseline: Math.round(bareResult.requestsPerSecond),
      ratio: round2(inApp.requestsPerSecond / bareResult.requestsPerSecond),
      target: "report: what the app's hooks cost every write",
      engine: database.engine,
      note: `the bare route's one INSERT as an app route (session lookup, cookies, security headers, rate limit, body parsing); p50 ${inApp.p50Ms} ms`,
    });
    emit({
      name: "intake.floor_in_app_cases_per_second",
      value: Math.round(floorInApp.requestsPerSecond),
      unit: "requests/s",
      baseline: Math.round(bareResult.requestsPerSecond),
      ratio: round2(floorInApp.requestsPerSecond / bareResult.requestsPerSecond),
      target: "report: the most an intake with the issue's pipeline could reach in the app",
      engine: database.engine,
      note: `the floor's one statement as an app route (the hooks above) with intake's body validation; p50 ${floorInApp.p50Ms} ms`,
    });
  } finally {
    await app.close();
    await drop();
  }
}
