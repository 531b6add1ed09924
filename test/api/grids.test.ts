import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const u of ["office", "township", "member", "dept", "supervisor", "auditor"])
    cookies[u] = await t.login(u);
});
afterAll(() => t?.close());

const get = (user: string, url: string) =>
  t.app.inject({ method: "GET", url, headers: { cookie: cookies[user] } });

describe("the Gaochang grid", () => {
  it("has 1 district, 14 level-2 units and 92 level-3 villages/communities, each inside its parent", async () => {
    const counts = await t.query<{ level: number; n: number }>(
      sql`select level, count(*)::int as n from grids group by level order by level`,
    );
    expect(counts).toEqual([
      { level: 1, n: 1 },
      { level: 2, n: 14 },
      { level: 3, n: 92 },
    ]);
    const outside = await t.query<{ n: number }>(
      sql`select count(*)::int as n from grids c join grids p on p.id = c.parent_id
           where not ST_Covers(ST_Buffer(p.boundary, 1e-9), c.boundary)`,
    );
    expect(outside[0].n).toBe(0);
    const invalid = await t.query<{ n: number }>(
      sql`select count(*)::int as n from grids where not ST_IsValid(boundary)`,
    );
    expect(invalid[0].n).toBe(0);
  });

  it("shows the district office every grid", async () => {
    const all = (await get("office", "/api/grids")).json();
    expect(all.total).toBe(107);
    const villages = (await get("office", "/api/grids?level=3")).json();
    expect(villages.total).toBe(92);
    expect(villages.items.every((g: { level: number }) => g.level === 3)).toBe(true);
  });

  it("shows a township officer only the township's subtree", async () => {
    const items = (await get("township", "/api/grids")).json().items as { name: string; level: number }[];
    expect(items[0]).toMatchObject({ name: "亚尔镇", level: 2 });
    expect(items.filter((g) => g.level === 3)).toHaveLength(18);
    expect(items.some((g) => g.name === "胜金村")).toBe(false);
  });

  it("shows a village member their own village only, and its ancestors' names in /api/me", async () => {
    const items = (await get("member", "/api/grids")).json().items;
    expect(items).toHaveLength(1);
    expect(items[0].name).toBe("亚尔村");
    const me = (await get("member", "/api/me")).json();
    expect(me.ancestors.map((a: { name: string }) => a.name)).toEqual(["高昌区", "亚尔镇"]);
    // with their Uyghur names, which the grid map's breadcrumb shows a Uyghur reader
    const uyghur = await t.query<{ name: string; nameUg: string | null }>(
      sql`select name, name_ug as "nameUg" from grids where name in ('高昌区', '亚尔镇') order by level`,
    );
    expect(uyghur.every((g) => g.nameUg)).toBe(true);
    expect(me.ancestors.map((a: { name: string; nameUg: string | null }) => a.nameUg)).toEqual(
      uyghur.map((g) => g.nameUg),
    );
    expect(me.scope).toMatchObject({ allGrids: false, gridIds: [items[0].id] });
    const features = JSON.parse((await get("member", "/api/grids/geojson")).body).features;
    expect(features).toHaveLength(1);
  });

  it("answers 404 for a grid out of scope, exactly as for one that does not exist", async () => {
    const [other] = await t.query<{ id: number }>(sql`select id from grids where name = '胜金村'`);
    const [township] = await t.query<{ id: number }>(sql`select id from grids where name = '亚尔镇'`);
    const outOfScope = await get("member", `/api/grids/${other.id}`);
    const missing = await get("member", "/api/grids/999999");
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.json()).toEqual(missing.json());
    expect(outOfScope.json().message).toBe("记录不存在或无权访问");
    expect((await get("member", `/api/grids/${township.id}`)).statusCode).toBe(404);
    expect((await get("township", `/api/grids/${other.id}`)).statusCode).toBe(404);
    expect((await get("office", `/api/grids/${other.id}`)).statusCode).toBe(200);
  });

  it("returns one grid with its boundary as GeoJSON and its area", async () => {
    const [own] = await t.query<{ id: number }>(sql`select id from grids where name = '亚尔村'`);
    const grid = (await get("member", `/api/grids/${own.id}`)).json();
    expect(grid).toMatchObject({ name: "亚尔村", level: 3, kind: "village", parentName: "亚尔镇" });
    expect(grid.boundary.type).toBe("MultiPolygon");
    expect(grid.areaKm2).toBeGreaterThan(1);
  });

  it("gives departments and supervisors the whole district, and the auditor no grid at all", async () => {
    expect((await get("dept", "/api/grids?level=3")).json().total).toBe(92);
    expect((await get("supervisor", "/api/grids?level=3")).json().total).toBe(92);
    expect((await get("auditor", "/api/grids")).statusCode).toBe(403);
  });

  it("draws the district as GeoJSON features with ids and levels", async () => {
    const response = await get("office", "/api/grids/geojson?level=3");
    expect(response.headers["content-type"]).toContain("application/geo+json");
    const doc = JSON.parse(response.body);
    expect(doc.type).toBe("FeatureCollection");
    expect(doc.features).toHaveLength(92);
    expect(doc.features[0].properties).toHaveProperty("id");
    expect(doc.features[0].geometry.type).toBe("MultiPolygon");
  });

  it("rejects bad query and path values with 400, never 500", async () => {
    for (const url of [
      "/api/grids?level=abc",
      "/api/grids?level=0",
      "/api/grids/abc",
      "/api/grids/-1",
      "/api/grids/99999999999",
    ]) {
      const r = await get("office", url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error).toBe("validation_failed");
    }
  });
});
