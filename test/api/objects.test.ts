import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usccCheckCharacter } from "../../server/domain/uscc.ts";
import { WORKBOOK_ROW_LIMIT } from "../../server/spreadsheets/export-cap.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const u of ["office", "township", "member", "dept", "supervisor", "auditor", "leader"])
    cookies[u] = await t.login(u);
});
afterAll(() => t?.close());

const get = (user: string, url: string) =>
  t.app.inject({ method: "GET", url, headers: { cookie: cookies[user] } });
const send = (user: string, method: "POST" | "PUT" | "PATCH", url: string, payload: unknown) =>
  t.app.inject({ method, url, payload: payload as object, headers: { cookie: cookies[user] } });

/** A valid code from a readable tag (letters the code never uses become look-alike digits). */
const uscc = (tag: string) => {
  const body = tag.replace(/[IOZSV]/g, (c) => ({ I: "1", O: "0", Z: "2", S: "5", V: "U" })[c] as string);
  const first17 = `91650402${body}`;
  return first17 + usccCheckCharacter(first17);
};

/** A point well inside the named village (PostGIS's point on surface). */
async function pointIn(village: string): Promise<[number, number]> {
  const [p] = await t.query<{ lon: number; lat: number }>(
    sql`select ST_X(ST_PointOnSurface(boundary)) as lon, ST_Y(ST_PointOnSurface(boundary)) as lat
          from grids where name = ${village} and level = 3`,
  );
  return [p.lon, p.lat];
}
const gridId = async (name: string) =>
  (await t.query<{ id: number }>(sql`select id from grids where name = ${name}`))[0].id;
const objectCount = async () =>
  (await t.query<{ n: number }>(sql`select count(*)::int as n from supervised_objects`))[0].n;

const enterprise = (name: string, at: [number, number], body: string) => ({
  type: "enterprise",
  name,
  location: { type: "Point", coordinates: at },
  uscc: uscc(body),
  category: "农副食品加工",
  pollutants: ["颗粒物"],
  keyUnit: false,
});

/** A multipart/form-data body with one file part, as a browser sends it. */
function upload(fileName: string, content: Buffer | string, contentType = "application/octet-stream") {
  const boundary = "----envgridTestBoundary7MA4YWxkTrZu0gW";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
const importFile = (user: string, fileName: string, content: Buffer | string, type?: string) => {
  const body = upload(fileName, content, type);
  return t.app.inject({
    method: "POST",
    url: "/api/objects/import",
    payload: body.payload,
    headers: { ...body.headers, cookie: cookies[user] },
  });
};

describe("the register, scoped by the grid tree", () => {
  it("gives the district office the whole demo register, paginated, each item with its grid", async () => {
    const [{ n }] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from supervised_objects where status <> 'retired'`,
    );
    expect(n).toBeGreaterThan(250);
    const page = (await get("office", "/api/objects?pageSize=50")).json();
    expect(page.total).toBe(n);
    expect(page.items).toHaveLength(50);
    for (const item of page.items) {
      expect(item.gridId).toEqual(expect.any(Number));
      expect(item.gridName).toEqual(expect.any(String));
    }
    const ids = new Set(page.items.map((i: { id: number }) => i.id));
    const second = (await get("office", "/api/objects?pageSize=50&page=2")).json();
    expect(second.items.some((i: { id: number }) => ids.has(i.id))).toBe(false);
  });

  it("shows a village member only their village's objects", async () => {
    const [{ n }] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from supervised_objects o join grids g on g.id = o.grid_id
           where g.name = '亚尔村' and o.status <> 'retired'`,
    );
    expect(n).toBeGreaterThan(0);
    const list = (await get("member", "/api/objects?pageSize=200")).json();
    expect(list.total).toBe(n);
    expect(new Set(list.items.map((i: { gridName: string }) => i.gridName))).toEqual(new Set(["亚尔村"]));
  });

  it("shows a township officer the township's villages, and filters by a grid's subtree", async () => {
    const list = (await get("township", "/api/objects?pageSize=200")).json();
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.items.map((i: { parentGridName: string }) => i.parentGridName))).toEqual(
      new Set(["亚尔镇"]),
    );
    const yaer = await gridId("亚尔镇");
    const viaFilter = (await get("office", `/api/objects?gridId=${yaer}&pageSize=200`)).json();
    expect(viaFilter.total).toBe(list.total);
    // A filter outside the caller's scope finds nothing rather than widening it.
    const shengjin = await gridId("胜金乡");
    expect((await get("township", `/api/objects?gridId=${shengjin}`)).json().total).toBe(0);
  });

  it("answers 404 for an object out of scope, exactly as for one that does not exist", async () => {
    const [other] = await t.query<{ id: number }>(
      sql`select o.id from supervised_objects o join grids g on g.id = o.grid_id where g.name = '胜金村' limit 1`,
    );
    const outOfScope = await get("member", `/api/objects/${other.id}`);
    const missing = await get("member", "/api/objects/999999");
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.json()).toEqual(missing.json());
    expect(outOfScope.json().message).toBe("记录不存在或无权访问");
    expect((await get("member", `/api/objects/${other.id}/archive`)).statusCode).toBe(404);
    expect((await get("office", `/api/objects/${other.id}`)).statusCode).toBe(200);
    expect((await get("dept", `/api/objects/${other.id}`)).statusCode).toBe(200);
  });

  it("filters by type, key unit and search text (name or USCC)", async () => {
    const hazards = (await get("office", "/api/objects?type=hazard&pageSize=200")).json();
    expect(hazards.total).toBe(40);
    expect(
      hazards.items.every((i: { type: string; riskLevel: string }) => i.type === "hazard" && i.riskLevel),
    ).toBe(true);
    const keys = (await get("office", "/api/objects?type=enterprise&keyUnit=true&pageSize=200")).json();
    expect(keys.total).toBeGreaterThan(0);
    expect(keys.items.every((i: { keyUnit: boolean }) => i.keyUnit)).toBe(true);
    const one = keys.items[0];
    const byUscc = (await get("office", `/api/objects?q=${one.uscc.slice(4, 14).toLowerCase()}`)).json();
    expect(byUscc.items.map((i: { id: number }) => i.id)).toContain(one.id);
    const byName = (await get("office", `/api/objects?q=${encodeURIComponent(one.name)}`)).json();
    expect(byName.items.map((i: { id: number }) => i.id)).toContain(one.id);
    const wildcard = (await get("office", `/api/objects?q=${encodeURIComponent("%")}`)).json();
    expect(wildcard.total).toBe(0);
  });

  it("lets readers read and only the office and townships write; 三员 see nothing", async () => {
    for (const user of ["dept", "supervisor", "leader"])
      expect((await get(user, "/api/objects")).statusCode).toBe(200);
    expect((await get("auditor", "/api/objects")).statusCode).toBe(403);
    const at = await pointIn("亚尔村");
    const denied = await send(
      "member",
      "POST",
      "/api/objects",
      enterprise("网格员不能登记", at, "MA7AAAAA1"),
    );
    expect(denied.statusCode).toBe(403);
    expect((await get("member", "/api/objects/template.xlsx")).statusCode).toBe(403);
    // A township officer cannot touch another township's object: not found, as for reading it.
    const [other] = await t.query<{ id: number; version: number }>(
      sql`select o.id, o.version from supervised_objects o join grids g on g.id = o.grid_id
           where g.name = '胜金村' limit 1`,
    );
    const retire = await send("township", "POST", `/api/objects/${other.id}/retire`, {
      version: other.version,
      reason: "x",
    });
    expect(retire.statusCode).toBe(404);
    const edit = await send("township", "PUT", `/api/objects/${other.id}`, {
      name: "改名",
      location: { type: "Point", coordinates: at },
      version: other.version,
    });
    expect(edit.statusCode).toBe(404);
    expect(
      (await send("dept", "POST", `/api/objects/${other.id}/retire`, { version: 1, reason: "x" })).statusCode,
    ).toBe(403);
  });

  it("rejects bad query values with 400, never 500", async () => {
    for (const url of [
      "/api/objects?type=factory",
      "/api/objects?page=0",
      "/api/objects?pageSize=1000",
      "/api/objects?keyUnit=maybe",
      "/api/objects?gridId=abc",
      "/api/objects/abc",
      "/api/objects/0",
    ]) {
      const r = await get("office", url);
      expect(r.statusCode, url).toBe(400);
    }
  });
});

describe("placement in the grid", () => {
  it("places a new object in the village containing its point and records the creation", async () => {
    const at = await pointIn("胜金村");
    const response = await send(
      "office",
      "POST",
      "/api/objects",
      enterprise("吐鲁番测试甲厂", at, "MA7TEST01"),
    );
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created.gridName).toBe("胜金村");
    const detail = (await get("office", `/api/objects/${created.id}`)).json();
    expect(detail).toMatchObject({ gridId: await gridId("胜金村"), parentGridName: "胜金乡", version: 1 });
    expect(detail.policies).toEqual({ update: true, retire: true });
    const archive = (await get("office", `/api/objects/${created.id}/archive`)).json();
    expect(archive.archive).toEqual({ patrols: [], cases: [], documents: [] });
    expect(archive.history.map((h: { action: string }) => h.action)).toEqual(["object.create"]);
    expect(archive.history[0].actorName).toBe("office");
  });

  it("places a polygon in the village holding most of it", async () => {
    const [pair] = await t.query<{ a: string; b: string; lon: number; lat: number }>(
      sql`select a.name as a, b.name as b,
                 ST_X(ST_PointOnSurface(ST_Intersection(a.boundary, b.boundary))) as lon,
                 ST_Y(ST_PointOnSurface(ST_Intersection(a.boundary, b.boundary))) as lat
            from grids a join grids b on a.id < b.id and a.level = 3 and b.level = 3
           where ST_Intersects(a.boundary, b.boundary) and GeometryType(ST_Intersection(a.boundary, b.boundary)) like '%LINESTRING'
           order by a.id, b.id limit 1`,
    );
    // A square around a point of the shared border, shifted off it so that one side holds more of it.
    const square = (dx: number) => {
      const [x, y, h] = [pair.lon + dx, pair.lat + dx, 0.004];
      return {
        type: "Polygon",
        coordinates: [
          [
            [x - h, y - h],
            [x + h, y - h],
            [x + h, y + h],
            [x - h, y + h],
            [x - h, y - h],
          ],
        ],
      };
    };
    const placedFor = async (dx: number) => {
      const location = square(dx);
      const [expected] = await t.query<{ name: string }>(
        sql`select g.name from grids g where g.level = 3 and g.name in (${pair.a}, ${pair.b})
             order by ST_Area(ST_Intersection(g.boundary, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(location)}), 4326))) desc
             limit 1`,
      );
      const r = await send("office", "POST", "/api/objects", {
        type: "ecological_area",
        name: `跨界湿地${dx}`,
        location,
        category: "湿地",
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().gridName).toBe(expected.name);
      return r.json().gridName as string;
    };
    for (const dx of [0.003, -0.003]) expect([pair.a, pair.b]).toContain(await placedFor(dx));
  });

  it("refuses a point outside every grid, and a township officer's point outside the township, with 422", async () => {
    const outside = await send(
      "office",
      "POST",
      "/api/objects",
      enterprise("境外厂", [100, 30], "MA7OUT001"),
    );
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({
      error: "invalid_object",
      message: "该位置不在任何网格范围内，请核对经纬度",
      details: { errors: [{ field: "location" }] },
    });
    const elsewhere = await send(
      "township",
      "POST",
      "/api/objects",
      enterprise("跨乡登记厂", await pointIn("胜金村"), "MA7OUT002"),
    );
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().message).toContain("不在您负责的网格范围内");
    const own = await send(
      "township",
      "POST",
      "/api/objects",
      enterprise("本乡登记厂", await pointIn("亚尔村"), "MA7OWN001"),
    );
    expect(own.statusCode, own.body).toBe(201);
  });

  it("re-places objects when a boundary changes in SQL, by whoever, and shows the move in the archive", async () => {
    const [cx, cy] = await pointIn("亚尔村");
    const at: [number, number] = [cx + 0.01, cy + 0.01];
    const created = (
      await send("office", "POST", "/api/objects", enterprise("边界调整测试厂", at, "MA7MOVE01"))
    ).json();
    expect(created.gridName).toBe("亚尔村");
    const [neighbour] = await t.query<{ id: number; name: string }>(
      sql`select b.id, b.name from grids a join grids b on b.level = 3 and b.id <> a.id and ST_Touches(a.boundary, b.boundary)
           where a.name = '亚尔村' order by b.id limit 1`,
    );
    const spot = sql`ST_Buffer(ST_SetSRID(ST_MakePoint(${at[0]}, ${at[1]}), 4326), 0.002)`;
    // The neighbour takes a small patch around the object; 亚尔村 gives it up. Plain SQL, no app code.
    await t.query(
      sql`update grids set boundary = ST_Multi(ST_Union(boundary, ${spot})) where id = ${neighbour.id}`,
    );
    await t.query(
      sql`update grids set boundary = ST_Multi(ST_Difference(boundary, ${spot})) where name = '亚尔村'`,
    );
    const moved = (await get("office", `/api/objects/${created.id}`)).json();
    expect(moved.gridName).toBe(neighbour.name);
    expect((await get("member", `/api/objects/${created.id}`)).statusCode).toBe(404);
    const history = (await get("office", `/api/objects/${created.id}/archive`)).json().history;
    const replace = history.find((h: { action: string }) => h.action === "object.replace");
    expect(replace).toMatchObject({ actorName: "system", after: { gridName: neighbour.name } });

    // The neighbour retires: its objects fall to the deepest live grid still holding them (the township).
    await t.query(sql`update grids set retired_at = now() where id = ${neighbour.id}`);
    const fallen = (await get("office", `/api/objects/${created.id}`)).json();
    expect(fallen.gridName).not.toBe(neighbour.name);
    await t.query(sql`update grids set retired_at = null where id = ${neighbour.id}`);
    expect((await get("office", `/api/objects/${created.id}`)).json().gridName).toBe(neighbour.name);

    // Cut the patch out of every grid: the object is flagged as unplaced, visible district-wide only.
    await t.query(
      sql`update grids set boundary = ST_Multi(ST_Difference(boundary, ${spot})) where ST_Intersects(boundary, ${spot})`,
    );
    const unplaced = (await get("office", "/api/objects?unplaced=true")).json();
    expect(unplaced.items.map((i: { id: number }) => i.id)).toContain(created.id);
    expect(unplaced.items.every((i: { gridId: number | null }) => i.gridId === null)).toBe(true);
    expect((await get("township", `/api/objects/${created.id}`)).statusCode).toBe(404);
  });
  it("re-places objects when the grid administration API changes a boundary", async () => {
    const [cx, cy] = await pointIn("胜金村");
    const at: [number, number] = [cx + 0.005, cy - 0.005];
    const created = (
      await send("office", "POST", "/api/objects", enterprise("网格编辑联动测试厂", at, "MA7GR1D01"))
    ).json();
    expect(created.gridName).toBe("胜金村");
    const [grid] = await t.query<{ id: number; version: number; boundary: string }>(
      sql`select id, version,
                 ST_AsGeoJSON(ST_Multi(ST_Difference(boundary,
                   ST_Buffer(ST_SetSRID(ST_MakePoint(${at[0]}, ${at[1]}), 4326), 0.003, 'quad_segs=2'))), 6) as boundary
            from grids where name = '胜金村'`,
    );
    const patched = await send("office", "PATCH", `/api/grids/${grid.id}`, {
      version: grid.version,
      boundary: JSON.parse(grid.boundary),
    });
    expect(patched.statusCode, patched.body).toBe(200);
    // The hole belongs to no village now: the object falls to the deepest grid still holding it, the township.
    const moved = (await get("office", `/api/objects/${created.id}`)).json();
    expect(moved.gridName).toBe("胜金乡");
    const history = (await get("office", `/api/objects/${created.id}/archive`)).json().history;
    expect(history[0]).toMatchObject({
      action: "object.replace",
      before: { gridName: "胜金村" },
      after: { gridName: "胜金乡", cause: { gridId: grid.id } },
    });
  });
});

describe("editing and retiring", () => {
  let id: number;
  beforeAll(async () => {
    const r = await send(
      "office",
      "POST",
      "/api/objects",
      enterprise("吐鲁番编辑测试厂", await pointIn("亚尔村"), "MA7EDIT01"),
    );
    id = r.json().id;
  });

  it("updates with the version seen, records the changed fields, and answers 409 to a stale version", async () => {
    const before = (await get("office", `/api/objects/${id}`)).json();
    const body = {
      name: "吐鲁番编辑测试厂（更名）",
      location: before.location,
      uscc: before.uscc,
      keyUnit: true,
      pollutants: ["颗粒物", "二氧化硫"],
      emissions: [{ pollutant: "二氧化硫", amount: 3.2, unit: "t/a", year: 2025, disclosed: true }],
      category: before.category,
      version: before.version,
    };
    const ok = await send("township", "PUT", `/api/objects/${id}`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      version: 2,
      changed: expect.arrayContaining(["name", "keyUnit", "emissions"]),
    });
    const stale = await send("office", "PUT", `/api/objects/${id}`, { ...body, name: "又改了" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe("数据已被他人修改，请刷新后重试");
    expect((await get("office", `/api/objects/${id}`)).json().name).toBe("吐鲁番编辑测试厂（更名）");
    const history = (await get("office", `/api/objects/${id}/archive`)).json().history;
    expect(history[0]).toMatchObject({
      action: "object.update",
      actorName: "township",
      before: { name: "吐鲁番编辑测试厂", keyUnit: false },
      after: { name: "吐鲁番编辑测试厂（更名）", keyUnit: true },
    });
    expect(Object.keys(history[0].after)).not.toContain("address");
  });

  it("refuses a wrong check digit with the field and a Chinese message, writing nothing", async () => {
    const current = (await get("office", `/api/objects/${id}`)).json();
    const bad = current.uscc.slice(0, 17) + (current.uscc[17] === "1" ? "2" : "1");
    const r = await send("office", "PUT", `/api/objects/${id}`, {
      name: current.name,
      location: current.location,
      uscc: bad,
      version: current.version,
    });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({
      message: "统一社会信用代码校验位不正确，请核对",
      details: { errors: [{ field: "uscc", message: "统一社会信用代码校验位不正确，请核对" }] },
    });
    expect((await get("office", `/api/objects/${id}`)).json().version).toBe(current.version);
  });

  it("refuses a second record of the same enterprise site", async () => {
    const current = (await get("office", `/api/objects/${id}`)).json();
    const again = await send("office", "POST", "/api/objects", {
      ...enterprise("同一企业重复登记", await pointIn("亚尔村"), "MA7DUP001"),
      uscc: current.uscc,
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().details.errors[0].field).toBe("uscc");
    // Another site of the same company, with its own permit number, is a separate object.
    const site2 = await send("office", "POST", "/api/objects", {
      ...enterprise("同一企业第二厂址", await pointIn("亚尔村"), "MA7DUP002"),
      uscc: current.uscc,
      permitNumber: `${current.uscc}002P`,
    });
    expect(site2.statusCode, site2.body).toBe(201);
  });

  it("retires with a reason: off the live list, archive kept, no more edits", async () => {
    const current = (await get("office", `/api/objects/${id}`)).json();
    const r = await send("office", "POST", `/api/objects/${id}/retire`, {
      version: current.version,
      reason: "企业已关停",
    });
    expect(r.statusCode, r.body).toBe(200);
    const live = (await get("office", `/api/objects?q=${encodeURIComponent("编辑测试厂")}`)).json();
    expect(live.items.map((i: { id: number }) => i.id)).not.toContain(id);
    const retired = (
      await get("office", `/api/objects?status=retired&q=${encodeURIComponent("编辑测试厂")}`)
    ).json();
    expect(retired.items.map((i: { id: number }) => i.id)).toContain(id);
    const detail = (await get("office", `/api/objects/${id}`)).json();
    expect(detail).toMatchObject({
      status: "retired",
      retiredReason: "企业已关停",
      policies: { update: false },
    });
    const again = await send("office", "POST", `/api/objects/${id}/retire`, {
      version: detail.version,
      reason: "再次",
    });
    expect(again.statusCode).toBe(409);
    const edit = await send("office", "PUT", `/api/objects/${id}`, {
      name: "x",
      location: detail.location,
      uscc: detail.uscc,
      version: detail.version,
    });
    expect(edit.statusCode).toBe(409);
  });

  it("validates bodies: bad geometry → 422 with the reason, unknown fields → 400", async () => {
    const bowtie = {
      type: "Polygon",
      coordinates: [
        [
          [89, 42.9],
          [89.01, 42.91],
          [89.01, 42.9],
          [89, 42.91],
          [89, 42.9],
        ],
      ],
    };
    const selfIntersecting = await send("office", "POST", "/api/objects", {
      type: "ecological_area",
      name: "自相交",
      location: bowtie,
    });
    expect(selfIntersecting.statusCode).toBe(422);
    expect(selfIntersecting.json().message).toContain("范围多边形无效");
    const unclosed = await send("office", "POST", "/api/objects", {
      type: "water_source",
      name: "未闭合",
      waterZoneLevel: 1,
      location: {
        type: "Polygon",
        coordinates: [
          [
            [89, 42.9],
            [89.01, 42.9],
            [89.01, 42.91],
            [89, 42.91],
          ],
        ],
      },
    });
    expect(unclosed.statusCode).toBe(422);
    expect(unclosed.json().details.errors[0]).toMatchObject({ field: "location" });
    const extra = await send("office", "POST", "/api/objects", {
      ...enterprise("多余字段", [89, 42.9], "MA7X00001"),
      gridId: 1,
    });
    expect(extra.statusCode).toBe(400);
    const nan = await send("office", "POST", "/api/objects", {
      type: "hazard",
      name: "坐标错误",
      riskLevel: "major",
      location: { type: "Point", coordinates: [200, 95] },
    });
    expect(nan.statusCode).toBe(422);
  });
});

const CSV_HEADER =
  "类型,名称,地址,经度,纬度,统一社会信用代码,重点排污单位,风险等级,环评状态,保护区级别,范围（WKT或GeoJSON）";

async function csvRows(): Promise<string[]> {
  const [x, y] = await pointIn("亚尔村");
  const [u, v] = await pointIn("胜金村");
  const ring = `"POLYGON((${u} ${v}, ${u + 0.004} ${v}, ${u + 0.004} ${v + 0.004}, ${u} ${v + 0.004}, ${u} ${v}))"`;
  return [
    `排污企业,导入甲厂,亚尔村,${x},${y},${uscc("MA7IMP001")},是,,,,`,
    `环境安全隐患,导入乙隐患,,${x},${y},,,较大,,,`,
    `建设项目,导入丙项目,"亚尔村, 三组",${u},${v},,,,未批先建,,`,
    `饮用水源地,导入丁水源一级区,,,,,,,,一级,${ring}`,
  ];
}

describe("import: all or nothing", () => {
  it("refuses a file with one bad row among good ones, naming the row and column, importing nothing", async () => {
    const good = await csvRows();
    const badUscc = `排污企业,导入坏厂,,89.1,42.9,${uscc("MA7IMP009").slice(0, 17)}${uscc("MA7IMP009")[17] === "0" ? "1" : "0"},否,,,,`;
    const csv = [CSV_HEADER, good[0], good[1], badUscc, "", good[2], "工厂,导入错类型,,89.1,42.9,,,,,,"].join(
      "\r\n",
    );
    const before = await objectCount();
    const r = await importFile("office", "objects.csv", csv, "text/csv");
    expect(r.statusCode).toBe(422);
    const body = r.json();
    expect(body.error).toBe("import_rejected");
    expect(body.message).toContain("2 行存在问题");
    expect(body.errors).toEqual([
      { row: 4, field: "统一社会信用代码", message: "统一社会信用代码校验位不正确，请核对" },
      { row: 7, field: "类型", message: expect.stringContaining("类型“工厂”不正确") },
    ]);
    expect(await objectCount()).toBe(before);
  });

  it("reports rows placed outside every grid or outside the importer's township", async () => {
    const good = await csvRows();
    const outside = `排污企业,导入境外厂,,100,30,${uscc("MA7IMP002")},否,,,,`;
    const before = await objectCount();
    const r = await importFile("township", "objects.csv", [CSV_HEADER, good[0], outside, good[2]].join("\n"));
    expect(r.statusCode).toBe(422);
    expect(r.json().errors).toEqual([
      { row: 3, field: "经度", message: "该位置不在任何网格范围内，请核对经纬度" },
      { row: 4, field: "经度", message: expect.stringContaining("不在您负责的网格范围内") },
    ]);
    expect(await objectCount()).toBe(before);
  });

  it("imports a good UTF-8 CSV (with BOM) in one go, each object placed and audited", async () => {
    const rows = await csvRows();
    const before = await objectCount();
    const r = await importFile(
      "office",
      "登记表.csv",
      `\uFEFF${[CSV_HEADER, ...rows].join("\r\n")}\r\n`,
      "text/csv",
    );
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().created).toBe(4);
    expect(await objectCount()).toBe(before + 4);
    const placed = await t.query<{ name: string; grid: string }>(
      sql`select o.name, g.name as grid from supervised_objects o join grids g on g.id = o.grid_id
           where o.name like '导入%' order by o.name`,
    );
    expect(placed).toEqual([
      { name: "导入丁水源一级区", grid: "胜金村" },
      { name: "导入丙项目", grid: "胜金村" },
      { name: "导入乙隐患", grid: "亚尔村" },
      { name: "导入甲厂", grid: "亚尔村" },
    ]);
    const audit = await t.query<{ action: string; n: number }>(
      sql`select action, count(*)::int as n from audit_log where action like 'object.import%' group by action order by action`,
    );
    expect(audit).toEqual([
      { action: "object.import", n: 4 },
      { action: "object.import_file", n: 1 },
    ]);
    // The same file again: every enterprise row is now a duplicate, so nothing is imported.
    const again = await importFile("office", "登记表.csv", [CSV_HEADER, ...rows].join("\n"));
    expect(again.statusCode).toBe(422);
    expect(again.json().errors).toEqual([
      { row: 2, field: "统一社会信用代码", message: expect.stringContaining("已登记") },
    ]);
  });

  it("imports a good XLSX, reading the first sheet with the 类型/名称 header", async () => {
    const [x, y] = await pointIn("亚尔村");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("说明").addRow(["这一页不是数据"]);
    const sheet = workbook.addWorksheet("数据");
    sheet.addRow(["类型", "名称", "经度", "纬度", "统一社会信用代码", "主要污染物", "排放数据", "整治状态"]);
    sheet.addRow([
      "排污企业",
      "XLSX导入厂",
      x,
      y,
      uscc("MA7XLS001"),
      "颗粒物、二氧化硫",
      "二氧化硫:1.5 t/a:2025:公开",
      "",
    ]);
    sheet.addRow([
      "农村环境整治点",
      { richText: [{ text: "XLSX导入" }, { text: "整治点" }] },
      x,
      y,
      "",
      "",
      "",
      "整治中",
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const r = await importFile("office", "register.xlsx", buffer);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ created: 2, byGrid: [{ gridName: "亚尔村", count: 2 }] });
    const [row] = await t.query<{ emissions: unknown; pollutants: string[] }>(
      sql`select emissions, pollutants from supervised_objects where name = 'XLSX导入厂'`,
    );
    expect(row.pollutants).toEqual(["颗粒物", "二氧化硫"]);
    expect(row.emissions).toEqual([
      { pollutant: "二氧化硫", amount: 1.5, unit: "t/a", year: 2025, disclosed: true },
    ]);
    expect((await t.query(sql`select 1 from supervised_objects where name = 'XLSX导入整治点'`)).length).toBe(
      1,
    );
  });

  it("gives a template whose example rows are skipped, and refuses files by content, not by name", async () => {
    const template = await get("office", "/api/objects/template.xlsx");
    expect(template.statusCode).toBe(200);
    expect(template.headers["content-type"]).toContain("spreadsheetml");
    expect(template.headers["content-disposition"]).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer);
    const header = (workbook.worksheets[0].getRow(1).values as string[]).filter(Boolean);
    expect(header.slice(0, 3)).toEqual(["类型", "名称", "地址"]);
    expect(header).toContain("统一社会信用代码");
    expect(workbook.worksheets[0].getRow(2).getCell(2).value).toMatch(/^【示例】/);
    const asIs = await importFile("office", "template.xlsx", template.rawPayload);
    expect(asIs.statusCode).toBe(422);
    expect(asIs.json().errors[0].message).toBe("文件中没有可导入的数据行");

    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
    const fake = await importFile("office", "objects.xlsx", png, XLSX);
    expect(fake.statusCode).toBe(422);
    expect(fake.json().message).toContain("不是 XLSX 或 CSV");
    const brokenZip = await importFile(
      "office",
      "objects.xlsx",
      Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200, 7)]),
      XLSX,
    );
    expect(brokenZip.statusCode).toBe(422);
    expect(brokenZip.json().error).toBe("invalid_xlsx");
    const gbk = Buffer.from([0xc0, 0xe0, 0xd0, 0xcd, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a]); // 类型,名称 in GBK
    const notUtf8 = await importFile("office", "objects.csv", gbk, "text/csv");
    expect(notUtf8.statusCode).toBe(422);
    expect(notUtf8.json().message).toContain("UTF-8");
    const xls = await importFile("office", "old.xls", Buffer.from("d0cf11e0a1b11ae1000000000000", "hex"));
    expect(xls.json().error).toBe("legacy_xls");
  });

  it("answers 4xx, never 500, to oversize, empty, missing and non-multipart uploads", async () => {
    const before = await objectCount();
    const huge = await importFile("office", "big.csv", Buffer.alloc(10 * 1024 * 1024 + 10, 0x41), "text/csv");
    expect(huge.statusCode).toBe(413);
    expect(huge.json().message).toContain("10 MB");
    const empty = await importFile("office", "empty.csv", "");
    expect(empty.statusCode).toBe(422);
    const json = await send("office", "POST", "/api/objects/import", { rows: [] });
    expect(json.statusCode).toBe(415);
    const boundary = "----x";
    const noFile = await t.app.inject({
      method: "POST",
      url: "/api/objects/import",
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, cookie: cookies.office },
    });
    expect(noFile.statusCode).toBe(400);
    const member = await importFile("member", "objects.csv", CSV_HEADER);
    expect(member.statusCode).toBe(403);
    expect(await objectCount()).toBe(before);
  });
});

describe("export", () => {
  it("exports the filtered, scoped list as a valid XLSX that reads back through the import", async () => {
    const r = await get("office", "/api/objects/export.xlsx?type=hazard");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).filter(Boolean);
    expect(header[0]).toBe("类型");
    expect(header).toContain("所属网格");
    const listed = (await get("office", "/api/objects?type=hazard&pageSize=200")).json();
    expect(sheet.actualRowCount - 1).toBe(listed.total);
    const typeColumn = header.indexOf("类型") + 1;
    for (let row = 2; row <= sheet.actualRowCount; row++)
      expect(sheet.getRow(row).getCell(typeColumn).value).toBe("环境安全隐患");

    const own = await get("member", "/api/objects/export.xlsx");
    const mine = new ExcelJS.Workbook();
    await mine.xlsx.load(own.rawPayload as unknown as ExcelJS.Buffer);
    const gridColumn = header.indexOf("所属网格") + 1;
    const memberSheet = mine.worksheets[0];
    const memberTotal = (await get("member", "/api/objects?pageSize=200")).json().total;
    expect(memberSheet.actualRowCount - 1).toBe(memberTotal);
    for (let row = 2; row <= memberSheet.actualRowCount; row++)
      expect(memberSheet.getRow(row).getCell(gridColumn).value).toBe("亚尔村");
  });

  it("draws the scope's objects as GeoJSON points for the map", async () => {
    const r = await get("member", "/api/objects/geojson");
    const doc = JSON.parse(r.body);
    expect(doc.type).toBe("FeatureCollection");
    expect(doc.features.length).toBe((await get("member", "/api/objects?pageSize=200")).json().total);
    expect(doc.features.every((f: { geometry: { type: string } }) => f.geometry.type === "Point")).toBe(true);
  });

  it("refuses an export over one workbook's limit instead of cutting it short, and writes nothing", async () => {
    await t.query(
      sql`insert into supervised_objects (type, name, risk_level, location)
          select 'hazard', '批量隐患' || g, 'general', ST_SetSRID(ST_MakePoint(89.17, 42.93), 4326)
            from generate_series(1, ${WORKBOOK_ROW_LIMIT + 1}) g`,
    );
    try {
      const r = await get("office", "/api/objects/export.xlsx");
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ error: "export_too_large", details: { records: "objects" } });
      expect(r.json().message).toMatch(/监管对象共 .* 个，超过单次导出上限 50,000 个/);
      // narrowed below the limit, the export works
      expect((await get("office", "/api/objects/export.xlsx?type=enterprise")).statusCode).toBe(200);
    } finally {
      await t.query(sql`delete from supervised_objects where name like '批量隐患%'`);
    }
  });
});
