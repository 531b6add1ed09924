import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idOf, loggedInAccount } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

// A member taken off their grid (DELETE /api/personnel/:id; a term ending or the grid retired does the same to
// their scope) while a patrol is under way: they still finish it and upload what the phone recorded, nothing more.
let t: TestApp;
const cookies: Record<string, string> = {};
let village: number;
let spot: { lon: number; lat: number };

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ["office", "secadmin", "member", "dept"]) cookies[u] = await t.login(u);
  village = await idOf(t, "grids", "上湖村");
  // a department's officer who also serves as a village's grid member: that post is their only grid role
  cookies.ecomember = await loggedInAccount(t, cookies.secadmin, {
    username: "ecomember",
    role: "department_officer",
    departmentId: await idOf(t, "departments", "eco"),
  });
  // a member who stays on 上湖村 throughout
  const [colleague] = await t.query<{ username: string }>(
    sql`select u.username from grid_personnel p join users u on u.id = p.user_id
         where p.grid_id = ${village} and p.duty_role = 'member' and p.removed_at is null order by p.id limit 1`,
  );
  cookies.colleague = await t.login(colleague.username);
  [spot] = await t.query<typeof spot>(
    sql`select ST_X(p) as lon, ST_Y(p) as lat
          from (select ST_PointOnSurface(boundary) as p from grids where id = ${village}) x`,
  );
});
afterAll(() => t?.close());

const post = (user: string, url: string, payload: object) =>
  t.app.inject({ method: "POST", url, payload, headers: { cookie: cookies[user] } });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const points = (from: number, to: number) =>
  Array.from({ length: from - to + 1 }, (_, i) => ({
    t: minutesAgo(from - i),
    lon: spot.lon + (i + from) * 0.0001,
    lat: spot.lat,
  }));

/** Assigns `user` to 上湖村 as a member, starts a patrol there 30 minutes ago with a first batch, removes the post. */
async function patrolThenRemoved(user: string) {
  const userId = await idOf(t, "users", user);
  const assigned = await post("office", `/api/grids/${village}/personnel`, { userId, dutyRole: "member" });
  expect(assigned.statusCode, assigned.body).toBe(201);
  const started = await post(user, "/api/patrols", { gridId: village, startedAt: minutesAgo(30) });
  expect(started.statusCode, started.body).toBe(200);
  const patrolId = started.json().id as number;
  const first = await post(user, `/api/patrols/${patrolId}/track`, { points: points(29, 25) });
  expect(first.statusCode, first.body).toBe(200);
  const removed = await t.app.inject({
    method: "DELETE",
    url: `/api/personnel/${assigned.json().id}?version=${assigned.json().version}`,
    headers: { cookie: cookies.office },
  });
  expect(removed.statusCode, removed.body).toBe(200);
  return patrolId;
}

async function checkIn(user: string, patrolId: number) {
  const [object] = await t.query<{ id: number }>(
    sql`select id from supervised_objects where grid_id = ${village} and status = 'active' order by id limit 1`,
  );
  return post(user, `/api/patrols/${patrolId}/checkins`, {
    objectId: object.id,
    lon: spot.lon,
    lat: spot.lat,
  });
}

/** The phone's offline batch, recorded before the removal, arrives; then the patrol is finished. */
async function uploadAndFinish(user: string, patrolId: number) {
  const late = await post(user, `/api/patrols/${patrolId}/track`, { points: points(20, 10) });
  expect(late.statusCode, late.body).toBe(200);
  expect(late.json()).toMatchObject({ stored: 11, pointCount: 16 });
  const finished = await post(user, `/api/patrols/${patrolId}/finish`, {});
  expect(finished.statusCode, finished.body).toBe(200);
  expect(finished.json()).toMatchObject({ status: "finished", pointCount: 16 });
  const [row] = await t.query<{ status: string }>(sql`select status from patrols where id = ${patrolId}`);
  expect(row.status).toBe("finished");
}

describe("a patrol whose member loses the post", () => {
  it("is finished and tracked by a member still serving elsewhere, who can no longer check in there", async () => {
    const patrolId = await patrolThenRemoved("member");
    expect((await checkIn("member", patrolId)).statusCode).toBe(404);
    // a colleague still on the grid finds no such patrol to write to
    expect((await post("colleague", `/api/patrols/${patrolId}/finish`, {})).statusCode).toBe(404);
    expect(
      (await post("colleague", `/api/patrols/${patrolId}/track`, { points: points(9, 9) })).statusCode,
    ).toBe(404);
    await uploadAndFinish("member", patrolId);
  });

  it("is finished and tracked by one who no longer patrols at all; anyone else without the post is refused", async () => {
    const patrolId = await patrolThenRemoved("ecomember");
    expect((await checkIn("ecomember", patrolId)).statusCode).toBe(403);
    expect((await post("dept", `/api/patrols/${patrolId}/finish`, {})).statusCode).toBe(403);
    for (const other of ["office", "colleague"])
      expect((await post(other, `/api/patrols/${patrolId}/finish`, {})).statusCode, other).toBe(404);
    await uploadAndFinish("ecomember", patrolId);
    // a patrol that is not theirs: refused before anything is read, as before
    expect((await post("ecomember", "/api/patrols/999999/finish", {})).statusCode).toBe(403);
    expect((await post("ecomember", "/api/patrols/x1/track", { points: [] })).statusCode).toBe(403);
  });
});
