import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInvalidBoundaries } from "../../server/queries/grid-boundary-check.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ["office", "township", "member", "gridhead", "dept", "supervisor"])
    cookies[u] = await t.login(u);
  for (const name of ["高昌区", "亚尔镇", "胜金乡", "亚尔村", "胜金村", "英买里村"])
    ids[name] = await idOf(name);
});
afterAll(() => t?.close());

async function idOf(name: string): Promise<number> {
  const [row] = await t.query<{ id: number }>(
    sql`select id from grids where name = ${name} order by id limit 1`,
  );
  return row.id;
}

const call = (user: string, method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user] },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** A square polygon of `size` degrees with its south-west corner at (lon, lat). */
const square = (lon: number, lat: number, size: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});

/** A bow-tie: its edges cross at (lon + size/2, lat + size/2). */
const bowTie = (lon: number, lat: number, size: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat + size],
      [lon + size, lat],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});

async function gridRow(id: number) {
  const [row] = await t.query<{
    path: string;
    level: number;
    version: number;
    name: string;
    parentId: number;
    retiredAt: string | null;
    wkt: string | null;
  }>(
    sql`select path, level, version, name, parent_id as "parentId", retired_at as "retiredAt",
               ST_AsText(boundary) as wkt from grids where id = ${id}`,
  );
  return row;
}

async function create(user: string, body: Record<string, unknown>) {
  const r = await call(user, "POST", "/api/grids", {
    kind: "village",
    boundary: square(89.1, 42.8, 0.01),
    ...body,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: number; path: string; level: number; version: number };
}

const countOf = async (query: ReturnType<typeof sql>) => (await t.query<{ n: number }>(query))[0].n;

describe("grid administration", () => {
  it("creates a grid under its parent, placing it in the tree and the audit log", async () => {
    const parent = await gridRow(ids.亚尔镇);
    const created = await create("office", { parentId: ids.亚尔镇, code: "T-NEW-1", name: "测试新村" });
    expect(created).toMatchObject({ level: 3, path: `${parent.path}${created.id}/`, version: 1 });
    expect((created as unknown as { areaKm2: number }).areaKm2).toBeGreaterThan(0.5);
    const events = await countOf(
      sql`select count(*)::int as n from audit_log where action = 'grid.create' and entity_id = ${String(created.id)}`,
    );
    expect(events).toBe(1);
    const duplicate = await call("office", "POST", "/api/grids", {
      parentId: ids.亚尔镇,
      code: "T-NEW-1",
      name: "重复",
      kind: "village",
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      error: "grid_code_taken",
      message: "网格编码 T-NEW-1 已被使用",
    });
  });

  it("edits name and boundary, keeping the previous state with its boundary in grid_versions", async () => {
    const g = await create("office", { parentId: ids.亚尔镇, code: "T-EDIT", name: "改前" });
    const before = await gridRow(g.id);
    const r = await call("office", "PATCH", `/api/grids/${g.id}`, {
      version: 1,
      name: "改后",
      boundary: square(89.2, 42.8, 0.02),
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ name: "改后", version: 2 });
    const [old] = await t.query<{ name: string; version: number; wkt: string }>(
      sql`select name, version, ST_AsText(boundary) as wkt from grid_versions where grid_id = ${g.id}`,
    );
    expect(old).toEqual({ name: "改前", version: 1, wkt: before.wkt });
    const history = (await call("office", "GET", `/api/grids/${g.id}/history`)).json().items;
    expect(history.map((h: { version: number; name: string }) => [h.version, h.name])).toEqual([
      [2, "改后"],
      [1, "改前"],
    ]);
    expect(history[1].boundary.type).toBe("MultiPolygon");
    expect(history[0].areaKm2).toBeGreaterThan(history[1].areaKm2 * 3.9);
    const [event] = await t.query<{
      before: { name: string };
      after: { name: string; boundaryChanged: boolean };
    }>(sql`select before, after from audit_log where action = 'grid.update' and entity_id = ${String(g.id)}`);
    expect(event.before.name).toBe("改前");
    expect(event.after).toMatchObject({ name: "改后", boundaryChanged: true });
  });

  it("refuses a stale version with 409 and overwrites nothing", async () => {
    const g = await create("office", { parentId: ids.亚尔镇, code: "T-STALE", name: "原名" });
    expect(
      (await call("office", "PATCH", `/api/grids/${g.id}`, { version: 1, name: "第一次" })).statusCode,
    ).toBe(200);
    const stale = await call("office", "PATCH", `/api/grids/${g.id}`, { version: 1, name: "第二次" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: "stale_version", message: "数据已被他人修改，请刷新后重试" });
    expect((await gridRow(g.id)).name).toBe("第一次");
    for (const [url, body] of [
      [`/api/grids/${g.id}/move`, { parentId: ids.胜金乡, version: 1 }],
      [`/api/grids/${g.id}/retire`, { version: 1 }],
    ] as const) {
      const r = await call("office", "POST", url, body);
      expect(r.statusCode, url).toBe(409);
      expect(r.json().error).toBe("stale_version");
    }
    expect(await gridRow(g.id)).toMatchObject({ version: 2, retiredAt: null, parentId: ids.亚尔镇 });
  });

  it("refuses a self-intersecting bow-tie with where and why, and saves nothing", async () => {
    const g = await create("office", { parentId: ids.亚尔镇, code: "T-BOWTIE", name: "蝴蝶结" });
    const before = await gridRow(g.id);
    const versionsBefore = await countOf(sql`select count(*)::int as n from grid_versions`);
    const r = await call("office", "PATCH", `/api/grids/${g.id}`, {
      version: 1,
      boundary: bowTie(89.3, 42.8, 0.02),
    });
    expect(r.statusCode).toBe(422);
    const body = r.json();
    expect(body.error).toBe("invalid_geometry");
    expect(body.message).toBe("边界多边形无效：自相交（边界线相互交叉，例如“8”字形）（位置 89.31 42.81）");
    expect(body.details).toHaveLength(1);
    expect(body.details[0]).toMatchObject({ geosReason: "Self-intersection" });
    expect(body.details[0].location[0]).toBeCloseTo(89.31, 9);
    expect(body.details[0].location[1]).toBeCloseTo(42.81, 9);
    expect(await gridRow(g.id)).toEqual(before);
    expect(await countOf(sql`select count(*)::int as n from grid_versions`)).toBe(versionsBefore);

    const created = await call("office", "POST", "/api/grids", {
      parentId: ids.亚尔镇,
      code: "T-BOWTIE-NEW",
      name: "蝴蝶结二",
      kind: "village",
      boundary: bowTie(89.3, 42.8, 0.02),
    });
    expect(created.statusCode).toBe(422);
    expect(await countOf(sql`select count(*)::int as n from grids where code = 'T-BOWTIE-NEW'`)).toBe(0);
  });

  it("refuses out-of-range coordinates, non-polygons and malformed GeoJSON with a reason, never a 500", async () => {
    const g = await create("office", { parentId: ids.亚尔镇, code: "T-BAD", name: "坏边界" });
    const cases: [unknown, string][] = [
      [square(179.99, 42, 0.1), "坐标超出范围"],
      [square(89, 89.95, 0.1), "坐标超出范围"],
      [{ type: "Point", coordinates: [89, 42] }, "只接受 Polygon 或 MultiPolygon"],
      [
        {
          type: "LineString",
          coordinates: [
            [89, 42],
            [89.1, 42.1],
          ],
        },
        "只接受 Polygon 或 MultiPolygon",
      ],
      [{ type: "Polygon", coordinates: "89,42" }, "缺少坐标数组"],
      [{ type: "Polygon", coordinates: [] }, "多边形没有坐标"],
      [
        {
          type: "Polygon",
          coordinates: [
            [
              [89, 42],
              [89.1, 42],
              [89.1, 42.1],
            ],
          ],
        },
        "坐标点不足",
      ],
      [
        {
          type: "Polygon",
          coordinates: [
            [
              [89, 42],
              [89.1, 42],
              [89.1, 42.1],
              [89, 42.1],
            ],
          ],
        },
        "环未闭合",
      ],
      [
        {
          type: "Polygon",
          coordinates: [
            [
              [89, 42],
              ["89.1", 42],
              [89.1, 42.1],
              [89, 42],
            ],
          ],
        },
        "坐标格式不正确",
      ],
      [
        {
          type: "Polygon",
          coordinates: [
            [
              [89, 42],
              [null, 42],
              [89.1, 42.1],
              [89, 42],
            ],
          ],
        },
        "坐标格式不正确",
      ],
      [{ coordinates: [] }, "不是有效的 GeoJSON 几何对象"],
      ["POLYGON((89 42, 89.1 42, 89.1 42.1, 89 42))", "不是有效的 GeoJSON 几何对象"],
      [
        {
          type: "Polygon",
          coordinates: [
            [
              [89, 42],
              [89, 42],
              [89, 42],
              [89, 42],
            ],
          ],
        },
        "有效坐标点不足（环退化为线或点）",
      ],
      [
        {
          type: "Polygon",
          coordinates: [square(89, 42, 0.1).coordinates[0], square(89.5, 42.5, 0.01).coordinates[0]],
        },
        "内环（洞）位于外环之外",
      ],
      [
        {
          type: "MultiPolygon",
          coordinates: [square(89, 42, 0.1).coordinates, square(89.05, 42.05, 0.1).coordinates],
        },
        "自相交",
      ],
    ];
    for (const [boundary, reason] of cases) {
      const r = await call("office", "PATCH", `/api/grids/${g.id}`, { version: 1, boundary });
      expect(r.statusCode, JSON.stringify(boundary)).toBe(422);
      expect(r.json().error).toBe("invalid_geometry");
      expect(r.json().message, JSON.stringify(boundary)).toContain(reason);
    }
    expect((await gridRow(g.id)).version).toBe(1);
    // Not even valid JSON, or not the right fields: the schema answers 400.
    const broken = await t.app.inject({
      method: "PATCH",
      url: `/api/grids/${g.id}`,
      headers: { cookie: cookies.office, "content-type": "application/json" },
      payload: '{"version": 1, "boundary": {"type": "Polygon", "coordinates": [[[89',
    });
    expect(broken.statusCode).toBe(400);
    for (const body of [
      { version: 1 },
      { version: "x", name: "a" },
      { version: 1, kind: "city" },
      { version: 1, code: "含 空格" },
    ]) {
      const r = await call("office", "PATCH", `/api/grids/${g.id}`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it("checks every shape that passed the structure check in PostGIS, and lets a database failure be one", async () => {
    // Edge values the structure check lets through: the smallest subnormal, the largest double, -0.
    const edge = {
      type: "MultiPolygon" as const,
      coordinates: [
        [
          [
            [5e-324, -0],
            [180, -90],
            [179.999999999999, 90],
            [5e-324, -0],
          ],
        ],
        square(-10, 10, 1).coordinates,
      ],
    };
    const degenerate = {
      type: "Polygon" as const,
      coordinates: [
        [
          [0, 0],
          [0, 0],
          [0, 0],
          [0, 0],
        ],
      ],
    };
    const found = await findInvalidBoundaries(t.database.db, [edge, degenerate]);
    expect([...found.keys()]).toEqual([1]);
    expect(found.get(1)?.reason).toBe("有效坐标点不足（环退化为线或点）");
    // Inside a transaction the database has already refused: the error propagates (a 5xx for the caller),
    // where it used to be reported as every boundary being unparseable.
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1/0`).catch(() => undefined);
        return findInvalidBoundaries(tx, [degenerate]);
      }),
    ).rejects.toThrow();
  });

  it("moves a grid with its whole subtree: paths and levels rewritten, old places kept in history", async () => {
    const a = await create("office", { parentId: ids.亚尔镇, code: "T-MOVE-A", name: "移动甲" });
    const b = await create("office", { parentId: a.id, code: "T-MOVE-B", name: "移动乙", kind: "zone" });
    const c = await create("office", { parentId: b.id, code: "T-MOVE-C", name: "移动丙", kind: "zone" });
    expect([a.level, b.level, c.level]).toEqual([3, 4, 5]);
    const target = await gridRow(ids.胜金村);

    const r = await call("office", "POST", `/api/grids/${a.id}/move`, { parentId: ids.胜金村, version: 1 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ moved: 3, parentId: ids.胜金村, level: 4, version: 2 });
    expect(await gridRow(a.id)).toMatchObject({ path: `${target.path}${a.id}/`, level: 4, version: 2 });
    expect(await gridRow(b.id)).toMatchObject({
      path: `${target.path}${a.id}/${b.id}/`,
      level: 5,
      parentId: a.id,
    });
    expect(await gridRow(c.id)).toMatchObject({ path: `${target.path}${a.id}/${b.id}/${c.id}/`, level: 6 });
    const [oldC] = await t.query<{ path: string; level: number }>(
      sql`select path, level from grid_versions where grid_id = ${c.id} order by version desc limit 1`,
    );
    expect(oldC).toEqual({ path: c.path, level: 5 });
    // Nothing outside the subtree moved, and no path is left pointing at the old place.
    expect(await countOf(sql`select count(*)::int as n from grids where path like ${`${a.path}%`}`)).toBe(0);

    const intoOwn = await call("office", "POST", `/api/grids/${a.id}/move`, { parentId: c.id, version: 2 });
    expect(intoOwn.statusCode).toBe(400);
    expect(intoOwn.json().error).toBe("move_into_own_subtree");

    // And back up two levels: a district-level child of the district.
    const up = await call("office", "POST", `/api/grids/${b.id}/move`, { parentId: ids.高昌区, version: 2 });
    expect(up.statusCode, up.body).toBe(200);
    expect(await gridRow(c.id)).toMatchObject({ path: `/${ids.高昌区}/${b.id}/${c.id}/`, level: 3 });
    const audit = await countOf(sql`select count(*)::int as n from audit_log where action = 'grid.move'`);
    expect(audit).toBe(2);
  });

  it("retires a grid, keeping it and its history; a grid with live children cannot retire", async () => {
    const parent = await create("office", { parentId: ids.亚尔镇, code: "T-RET-P", name: "撤销父" });
    const child = await create("office", {
      parentId: parent.id,
      code: "T-RET-C",
      name: "撤销子",
      kind: "zone",
    });
    const blocked = await call("office", "POST", `/api/grids/${parent.id}/retire`, { version: 1 });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ error: "grid_has_children", details: { liveChildren: 1 } });
    expect(blocked.json().message).toContain("1 个未撤销的下级网格");

    const retiredChild = await call("office", "POST", `/api/grids/${child.id}/retire`, {
      version: 1,
      reason: "区划调整",
    });
    expect(retiredChild.statusCode, retiredChild.body).toBe(200);
    expect(retiredChild.json().retiredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const retiredParent = await call("office", "POST", `/api/grids/${parent.id}/retire`, { version: 1 });
    expect(retiredParent.statusCode, retiredParent.body).toBe(200);

    expect((await gridRow(parent.id)).retiredAt).not.toBeNull();
    const history = (await call("office", "GET", `/api/grids/${parent.id}/history`)).json().items;
    expect(
      history.map((h: { version: number; retiredAt: string | null }) => [h.version, h.retiredAt === null]),
    ).toEqual([
      [2, false],
      [1, true],
    ]);
    const live = (await call("office", "GET", "/api/grids")).json().items.map((g: { id: number }) => g.id);
    expect(live).not.toContain(parent.id);
    const all = (await call("office", "GET", "/api/grids?includeRetired=true")).json().items;
    expect(all.find((g: { id: number }) => g.id === parent.id)?.retiredAt).toBeTruthy();
    // Retired is final for edits, and the database itself refuses to delete a grid.
    const edit = await call("office", "PATCH", `/api/grids/${parent.id}`, { version: 2, name: "复活" });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toBe("grid_retired");
    await expect(t.query(sql`delete from grids where id = ${parent.id}`)).rejects.toThrow();
    const [reason] = await t.query<{ reason: string }>(
      sql`select after->>'reason' as reason from audit_log where action = 'grid.retire' and entity_id = ${String(child.id)}`,
    );
    expect(reason.reason).toBe("区划调整");
  });

  it("lets a township officer manage the villages of their township only", async () => {
    const own = await call("township", "PATCH", `/api/grids/${ids.英买里村}`, {
      version: 1,
      name: "英买里村（新）",
    });
    expect(own.statusCode, own.body).toBe(200);
    const created = await call("township", "POST", "/api/grids", {
      parentId: ids.亚尔镇,
      code: "T-TOWNSHIP-NEW",
      name: "乡镇新建",
      kind: "village",
    });
    expect(created.statusCode, created.body).toBe(201);

    const other = await call("township", "PATCH", `/api/grids/${ids.胜金村}`, { version: 1, name: "越权" });
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toBe("记录不存在或无权访问");
    const under = await call("township", "POST", "/api/grids", {
      parentId: ids.胜金乡,
      code: "T-TOWNSHIP-OTHER",
      name: "越权新建",
      kind: "village",
    });
    expect(under.statusCode).toBe(404);
    const moveOut = await call("township", "POST", `/api/grids/${created.json().id}/move`, {
      parentId: ids.胜金乡,
      version: 1,
    });
    expect(moveOut.statusCode).toBe(404);
    const itself = await call("township", "PATCH", `/api/grids/${ids.亚尔镇}`, { version: 1, name: "自改" });
    expect(itself.statusCode).toBe(403);
    expect(itself.json().error).toBe("grid_managed_above");
    expect((await gridRow(ids.胜金村)).name).toBe("胜金村");
    expect((await gridRow(ids.亚尔镇)).name).toBe("亚尔镇");
  });

  it("gives members, grid heads, departments and supervisors no grid administration at all (403)", async () => {
    for (const user of ["member", "gridhead", "dept", "supervisor"]) {
      const edit = await call(user, "PATCH", `/api/grids/${ids.亚尔村}`, { version: 1, name: "越权" });
      expect(edit.statusCode, user).toBe(403);
      const imp = await call(user, "POST", "/api/grids/import", {
        geojson: { type: "FeatureCollection", features: [] },
      });
      expect(imp.statusCode, user).toBe(403);
      const retire = await call(user, "POST", `/api/grids/${ids.亚尔村}/retire`, { version: 1 });
      expect(retire.statusCode, user).toBe(403);
    }
    expect((await gridRow(ids.亚尔村)).name).toBe("亚尔村");
    const me = (await call("township", "GET", "/api/me")).json();
    expect(me.permissions).toContain("grid.manage");
    expect((await call("member", "GET", "/api/me")).json().permissions).not.toContain("grid.manage");
  });
});

describe("GeoJSON import and export", () => {
  const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
    type: "Feature",
    properties,
    geometry,
  });
  const collection = (...features: unknown[]) => ({ type: "FeatureCollection", features });

  it("updates grids matched by code and creates the others under the given parent, in one go", async () => {
    const [village] = await t.query<{ code: string; version: number }>(
      sql`select code, version from grids where id = ${ids.亚尔村}`,
    );
    const r = await call("office", "POST", "/api/grids/import", {
      parentId: ids.亚尔镇,
      geojson: collection(
        feature({ code: village.code }, square(89.15, 42.9, 0.01)),
        feature({ code: "T-IMP-1", name: "导入新村", kind: "village" }, square(89.16, 42.9, 0.01)),
        feature(
          { code: "T-IMP-2", name: "导入片区", kind: "zone", parentCode: "T-IMP-1" },
          {
            type: "MultiPolygon",
            coordinates: [square(89.16, 42.9, 0.005).coordinates],
          },
        ),
      ),
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ created: 2, updated: 1, unchanged: 0 });
    const [imp1, imp2] = await t.query<{ path: string; level: number }>(
      sql`select path, level from grids where code in ('T-IMP-1', 'T-IMP-2') order by code`,
    );
    expect(imp1.level).toBe(3);
    expect(imp2).toMatchObject({ level: 4 });
    expect(imp2.path.startsWith(imp1.path)).toBe(true);
    expect((await gridRow(ids.亚尔村)).version).toBe(village.version + 1);
    const [areaKm2] = await t.query<{ a: number }>(
      sql`select ST_Area(boundary::geography) / 1e6 as a from grids where id = ${ids.亚尔村}`,
    );
    expect(areaKm2.a).toBeCloseTo(0.907, 2);
  });

  it("imports all or nothing: one bow-tie refuses the file, with feature, reason and place", async () => {
    const before = await gridRow(ids.亚尔村);
    const gridsBefore = await countOf(sql`select count(*)::int as n from grids`);
    const r = await call("office", "POST", "/api/grids/import", {
      parentId: ids.亚尔镇,
      geojson: collection(
        feature({ code: "T-AON-1", name: "好的", kind: "village" }, square(89.17, 42.9, 0.01)),
        feature(
          {
            code: (await t.query<{ code: string }>(sql`select code from grids where id = ${ids.亚尔村}`))[0]
              .code,
          },
          square(89.1, 42.9, 0.02),
        ),
        feature({ code: "T-AON-3", name: "坏的", kind: "village" }, bowTie(89.2, 42.9, 0.02)),
      ),
    });
    expect(r.statusCode).toBe(422);
    const body = r.json();
    expect(body.error).toBe("invalid_geometry");
    expect(body.message).toBe(
      "导入被拒绝，未保存任何内容：第 3 个要素（编码 T-AON-3）：边界多边形无效：自相交（边界线相互交叉，例如“8”字形）（位置 89.21 42.91）",
    );
    expect(body.details).toHaveLength(1);
    expect(body.details[0]).toMatchObject({
      feature: 3,
      code: "T-AON-3",
      field: "geometry",
      geosReason: "Self-intersection",
    });
    expect(body.details[0].location[0]).toBeCloseTo(89.21, 9);
    expect(await countOf(sql`select count(*)::int as n from grids`)).toBe(gridsBefore);
    expect(await gridRow(ids.亚尔村)).toEqual(before);
  });

  it("lists every problem of a bad file in Chinese, feature by feature", async () => {
    const r = await call("township", "POST", "/api/grids/import", {
      geojson: collection(
        feature({ name: "无编码" }, square(89.1, 42.9, 0.01)),
        feature({ code: "T-P-2", name: "无类型" }, square(89.1, 42.9, 0.01)),
        feature({ code: "T-P-3", name: "越界", kind: "village" }, square(200, 42.9, 0.01)),
        feature({ code: "T-P-4", name: "点", kind: "village" }, { type: "Point", coordinates: [89, 42] }),
        feature({ code: "T-P-3", name: "重复", kind: "village" }, square(89.1, 42.9, 0.01)),
        feature(
          {
            code: (await t.query<{ code: string }>(sql`select code from grids where id = ${ids.胜金村}`))[0]
              .code,
          },
          square(89.1, 42.9, 0.01),
        ),
        { type: "Polygon", coordinates: [] },
        feature({ code: "T-P-8", name: "孤儿", kind: "village", parentCode: "NO-SUCH" }, null),
      ),
    });
    expect(r.statusCode).toBe(422);
    const body = r.json();
    expect(body.error).toBe("import_rejected");
    expect(body.message).toMatch(/^导入被拒绝，未保存任何内容：第 1 个要素：缺少网格编码.*；共 9 个问题$/);
    const byFeature: Record<number, string> = {};
    for (const d of body.details as { feature: number; message: string }[])
      byFeature[d.feature] = [byFeature[d.feature], d.message].filter(Boolean).join("\n");
    expect(Object.keys(byFeature).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(byFeature[2]).toContain("新建网格须填写类型");
    expect(byFeature[2]).toContain("新建网格须指定上级");
    expect(byFeature[3]).toBe(
      "第 3 个要素（编码 T-P-3）：边界多边形无效：坐标超出范围（经度须在 -180～180，纬度须在 -90～90）（位置 200 42.9）",
    );
    expect(byFeature[4]).toContain("几何类型为 Point，只接受 Polygon 或 MultiPolygon");
    expect(byFeature[5]).toContain("编码与第 3 个要素重复");
    expect(byFeature[6]).toContain("该编码已被其他网格使用，或您无权访问该网格");
    expect(byFeature[7]).toContain("不是 GeoJSON 要素");
    expect(byFeature[8]).toContain("上级编码 NO-SUCH 不存在");
    expect(await countOf(sql`select count(*)::int as n from grids where code like 'T-P-%'`)).toBe(0);
  });

  it("refuses a document that is not a FeatureCollection with 422, and a broken body with 400", async () => {
    for (const geojson of [
      "abc",
      42,
      null,
      [],
      { type: "Topology" },
      { type: "FeatureCollection" },
      collection(),
    ]) {
      const r = await call("office", "POST", "/api/grids/import", { geojson });
      expect(r.statusCode, JSON.stringify(geojson)).toBe(422);
      expect(r.json().error).toBe("invalid_geojson");
      expect(r.json().message).toMatch(/^导入失败：/);
    }
    const broken = await t.app.inject({
      method: "POST",
      url: "/api/grids/import",
      headers: { cookie: cookies.office, "content-type": "application/json" },
      payload: '{"geojson": {"type": "FeatureCollection", "features": [',
    });
    expect(broken.statusCode).toBe(400);
  });

  it("exports the scope's grids as GeoJSON that imports back unchanged", async () => {
    const r = await call("township", "GET", `/api/grids/export`);
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toContain("application/geo+json");
    expect(r.headers["content-disposition"]).toMatch(/^attachment; filename="grids-\d{8}\.geojson"$/);
    const doc = JSON.parse(r.body);
    const names = doc.features.map((f: { properties: { name: string } }) => f.properties.name);
    expect(names[0]).toBe("亚尔镇");
    expect(names).not.toContain("胜金村");
    expect(doc.features[1].properties).toMatchObject({
      parentCode: doc.features[0].properties.code,
      level: 3,
    });
    // The township itself is the district's to change, but unchanged features need no permission.
    const back = await call("township", "POST", "/api/grids/import", { geojson: doc });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ created: 0, updated: 0, unchanged: doc.features.length });

    const member = JSON.parse((await call("member", "GET", "/api/grids/export")).body);
    expect(member.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual([
      "亚尔村",
    ]);
    const outOfScope = await call("township", "GET", `/api/grids/export?rootId=${ids.胜金乡}`);
    expect(outOfScope.statusCode).toBe(404);
    const district = JSON.parse((await call("office", "GET", "/api/grids/export")).body);
    expect(district.features.length).toBeGreaterThanOrEqual(107);
  });
});
