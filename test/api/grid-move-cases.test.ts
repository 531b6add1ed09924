import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DistrictKpis } from "../../api-types/dashboard.ts";
import { migrate } from "../../server/db/migrate.ts";
import { runDeadlineSweep } from "../../server/jobs/deadline-sweep.ts";
import { caseApi, createAccount, idOf } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

// A village moved to another township (区划调整) takes its cases along: who may read them, the case's township
// and the township KPIs follow the grid tree, not where the village used to be.
let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};
let yaer: number;
let shengjin: number;
let village: { id: number; name: string; version: number; cases: number; open: number };
let caseId: number;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ["office", "township", "secadmin"]) cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
  yaer = await idOf(t, "grids", "亚尔镇");
  shengjin = await idOf(t, "grids", "胜金乡");
  await createAccount(t, cookies.secadmin, {
    username: "shengjin",
    role: "township_officer",
    gridId: shengjin,
  });
  cookies.shengjin = await t.login("shengjin", "Test@12345x");
  // the 亚尔镇 village with the most cases, other than 亚尔村 (the demo accounts' own)
  [village] = await t.query<typeof village>(
    sql`select g.id, g.name, g.version, count(*)::int as cases,
               (count(*) filter (where c.deadline_due_at is not null))::int as open
          from grids g join cases c on c.grid_id = g.id
         where g.parent_id = ${yaer} and g.name <> '亚尔村'
         group by g.id order by count(*) desc, g.id limit 1`,
  );
  [{ id: caseId }] = await t.query<{ id: number }>(
    sql`select id from cases where grid_id = ${village.id} order by id limit 1`,
  );
});
afterAll(() => t?.close());

const townshipRow = async (id: number) => {
  const r = await api.get("office", "/api/dashboard/kpis?from=2024-01-01&to=2030-12-31");
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as DistrictKpis).townships.find((x) => x.id === id);
};
const listed = async (user: string) => {
  const r = await api.get(user, `/api/cases?gridId=${village.id}&pageSize=100`);
  return r.statusCode === 200 ? (r.json().total as number) : r.statusCode;
};

describe("moving a village to another township", () => {
  it("moves its cases with it", async () => {
    expect(village.cases).toBeGreaterThan(0);
    expect((await api.get("township", `/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await api.get("shengjin", `/api/cases/${caseId}`)).statusCode).toBe(404);
    const before = { yaer: await townshipRow(yaer), shengjin: await townshipRow(shengjin) };

    const moved = await api.post("office", `/api/grids/${village.id}/move`, {
      parentId: shengjin,
      version: village.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ moved: 1, casesMoved: village.cases });

    // reach follows the tree: the new township's officer reads the village's cases, the old one's no longer
    expect((await api.get("township", `/api/cases/${caseId}`)).statusCode).toBe(404);
    const detail = await api.get("shengjin", `/api/cases/${caseId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().townshipName).toBe("胜金乡");
    expect(await listed("shengjin")).toBe(village.cases);

    // no case is left with a path its grid no longer has
    const [{ stale }] = await t.query<{ stale: number }>(
      sql`select count(*)::int as stale from cases c join grids g on g.id = c.grid_id where c.grid_path <> g.path`,
    );
    expect(stale).toBe(0);

    // the township figures of the district dashboard move by the village's cases
    const after = { yaer: await townshipRow(yaer), shengjin: await townshipRow(shengjin) };
    expect(after.yaer?.open).toBe((before.yaer?.open ?? 0) - village.open);
    expect(after.shengjin?.open).toBe((before.shengjin?.open ?? 0) + village.open);
    expect((after.yaer?.reported ?? 0) + (after.shengjin?.reported ?? 0)).toBe(
      (before.yaer?.reported ?? 0) + (before.shengjin?.reported ?? 0),
    );
    expect(after.shengjin?.reported).toBeGreaterThan(before.shengjin?.reported ?? 0);

    const [audit] = await t.query<{ after: { casesMoved: number } }>(
      sql`select after from audit_log where action = 'grid.move' and entity_id = ${String(village.id)}`,
    );
    expect(audit.after.casesMoved).toBe(village.cases);
  });

  it("repairs cases left behind by a move made before the fix (migration 0025)", async () => {
    // as an earlier release left them: the village's cases still under 亚尔镇's path
    const [{ path }] = await t.query<{ path: string }>(sql`select path from grids where id = ${village.id}`);
    await t.query(sql`update cases set grid_path = ${`/${path.split("/")[1]}/${yaer}/${village.id}/`}
                       where grid_id = ${village.id}`);
    expect((await api.get("township", `/api/cases/${caseId}`)).statusCode).toBe(200);
    const migration = "0025_case_paths_follow_grid_moves.sql";
    await t.query(sql`delete from schema_migrations where name = ${migration}`);
    await t.query(sql`drop index grid_versions_valid_to`);
    expect(await migrate(t.database)).toEqual([migration]);
    expect((await api.get("township", `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await api.get("shengjin", `/api/cases/${caseId}`)).statusCode).toBe(200);
    expect(await listed("shengjin")).toBe(village.cases);
  });

  it("brings a case filed while the village moved under its new path at the next sweep", async () => {
    // the race: intake read the old path, the move committed first and could not see the new case
    const [{ path }] = await t.query<{ path: string }>(sql`select path from grids where id = ${village.id}`);
    const [old] = await t.query<{ path: string }>(
      sql`select path from grid_versions where grid_id = ${village.id} and path <> ${path}
           order by version desc limit 1`,
    );
    await t.query(sql`update cases set grid_path = ${old.path} where id = ${caseId}`);
    expect((await api.get("shengjin", `/api/cases/${caseId}`)).statusCode).toBe(404);

    const swept = await runDeadlineSweep(t.database.db, new Date());
    expect(swept?.casesReattached).toBe(1);
    expect((await api.get("shengjin", `/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await runDeadlineSweep(t.database.db, new Date()))?.casesReattached).toBe(0);
  });
});
