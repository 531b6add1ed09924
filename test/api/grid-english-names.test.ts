import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../server/db/migrate.ts";
import { GAOCHANG_DISTRICT } from "../../server/db/seed/gaochang-names.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
let yarTown: number;

/** The demo's English names by grid code (server/db/seed/gaochang-names.ts): district, 14 townships, 92 villages. */
const ENGLISH = new Map<string, string>([
  [GAOCHANG_DISTRICT.code, GAOCHANG_DISTRICT.nameEn],
  ...GAOCHANG_DISTRICT.children.flatMap((township) => [
    [township.code, township.nameEn] as const,
    ...township.children.map((village) => [village.code, village.nameEn] as const),
  ]),
]);

beforeAll(async () => {
  t = await startTestApp();
  for (const user of ["office", "township", "member"]) cookies[user] = await t.login(user);
  [{ id: yarTown }] = await t.query<{ id: number }>(sql`select id from grids where code = '650402102'`);
});
afterAll(() => t?.close());

const call = (user: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload ? { payload } : {}) });

const get = async (user: string, url: string) => {
  const response = await call(user, "GET", url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

/** A new village under 亚尔镇, created by the district office. */
async function createVillage(code: string, extra: object = {}) {
  const response = await call("office", "POST", "/api/grids", {
    parentId: yarTown,
    code,
    name: "测试英文名村",
    kind: "village",
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; version: number; nameEn: string | null };
}

describe("grid names in English", () => {
  it("answers every demo grid's English name in the grid list, a grid's details and its 五定", async () => {
    const { items } = await get("office", "/api/grids");
    expect(items).toHaveLength(107);
    expect(new Map(items.map((g: { code: string; nameEn: string }) => [g.code, g.nameEn]))).toEqual(ENGLISH);
    expect(await get("office", `/api/grids/${yarTown}`)).toMatchObject({
      name: "亚尔镇",
      nameEn: "Yar Town",
    });
    expect((await get("office", `/api/grids/${yarTown}/wuding`)).grid).toMatchObject({
      name: "亚尔镇",
      nameUg: "يار بازىرى",
      nameEn: "Yar Town",
    });
  });

  it("names the caller's ancestors in English in /api/me", async () => {
    const me = await get("member", "/api/me");
    expect(me.ancestors.map((a: { name: string; nameEn: string }) => [a.name, a.nameEn])).toEqual([
      ["高昌区", "Gaochang District"],
      ["亚尔镇", "Yar Town"],
    ]);
  });

  it("lets an administrator set, change and clear the English name: audited, each state kept in the history", async () => {
    const created = await createVillage("T-EN-1", { nameEn: "Test Village" });
    expect(created.nameEn).toBe("Test Village");

    const renamed = await call("office", "PATCH", `/api/grids/${created.id}`, {
      version: 1,
      nameEn: "Renamed Village",
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "测试英文名村", nameEn: "Renamed Village", version: 2 });
    const [event] = await t.query<{ before: { nameEn: string }; after: { nameEn: string } }>(
      sql`select before, after from audit_log where action = 'grid.update' and entity_id = ${String(created.id)}`,
    );
    expect(event.before.nameEn).toBe("Test Village");
    expect(event.after.nameEn).toBe("Renamed Village");
    const [create] = await t.query<{ after: { nameEn: string } }>(
      sql`select after from audit_log where action = 'grid.create' and entity_id = ${String(created.id)}`,
    );
    expect(create.after.nameEn).toBe("Test Village");

    const cleared = await call("office", "PATCH", `/api/grids/${created.id}`, { version: 2, nameEn: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().nameEn).toBeNull();
    const history = (await get("office", `/api/grids/${created.id}/history`)).items;
    expect(history.map((h: { version: number; nameEn: string | null }) => [h.version, h.nameEn])).toEqual([
      [3, null],
      [2, "Renamed Village"],
      [1, "Test Village"],
    ]);
  });

  it("lets a township officer name a village of their township in English", async () => {
    const [village] = await t.query<{ id: number; version: number }>(
      sql`select id, version from grids where code = '650402102200'`,
    );
    const response = await call("township", "PATCH", `/api/grids/${village.id}`, {
      version: village.version,
      nameEn: "Yéngimehelle Village",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await get("township", `/api/grids/${village.id}`)).nameEn).toBe("Yéngimehelle Village");
  });

  it("refuses a blank, too long or non-text English name with 400 in Chinese and English, writing nothing", async () => {
    const village = await createVillage("T-EN-2", { nameEn: "Kept Village" });
    for (const nameEn of ["", "   ", "x".repeat(129), 42]) {
      const response = await call("office", "PATCH", `/api/grids/${village.id}`, { version: 1, nameEn });
      expect(response.statusCode, JSON.stringify(nameEn)).toBe(400);
      expect(response.json()).toMatchObject({
        error: "validation_failed",
        message: "请求参数不合法，请检查后重试",
        messageEn: expect.stringContaining("nameEn"),
      });
    }
    const blank = await call("office", "POST", "/api/grids", {
      parentId: yarTown,
      code: "T-EN-3",
      name: "空英文名村",
      kind: "village",
      nameEn: " ",
    });
    expect(blank.statusCode).toBe(400);
    const [row] = await t.query<{ nameEn: string; version: number; n: number }>(
      sql`select name_en as "nameEn", version, (select count(*)::int from grids where code = 'T-EN-3') as n
            from grids where id = ${village.id}`,
    );
    expect(row).toEqual({ nameEn: "Kept Village", version: 1, n: 0 });
    // 128 characters is the most, and fine
    const longest = `${"Ü".repeat(120)} Village`;
    const ok = await call("office", "PATCH", `/api/grids/${village.id}`, { version: 1, nameEn: longest });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("carries the English name through the GeoJSON export and import", async () => {
    const exported = JSON.parse((await call("office", "GET", `/api/grids/export?rootId=${yarTown}`)).body);
    const yar = exported.features.find(
      (f: { properties: { code: string } }) => f.properties.code === "650402102",
    );
    expect(yar.properties).toMatchObject({ name: "亚尔镇", nameEn: "Yar Town" });

    const feature = (nameEn: string) => ({
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { code: "650402102211", nameEn }, geometry: null }],
    });
    const imported = await call("office", "POST", "/api/grids/import", {
      geojson: feature("Xinchengximen Village (west gate)"),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ updated: 1 });
    const [row] = await t.query<{ nameEn: string }>(
      sql`select name_en as "nameEn" from grids where code = '650402102211'`,
    );
    expect(row.nameEn).toBe("Xinchengximen Village (west gate)");

    const tooLong = await call("office", "POST", "/api/grids/import", { geojson: feature("x".repeat(129)) });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().details).toEqual([
      expect.objectContaining({ field: "nameEn", message: expect.stringContaining("不超过 128 个字符") }),
    ]);
  });

  it("names the grids of a database seeded before migration 0023, matched by code and Chinese name", async () => {
    // the demo as seeded before 0023, with one village renamed locally since
    await t.query(sql`alter table grids drop column name_en`);
    await t.query(sql`alter table grid_versions drop column name_en`);
    await t.query(sql`update grids set name = '英买里新村' where code = '650402102200'`);
    await t.query(sql`delete from schema_migrations where name = '0023_grid_english_names.sql'`);
    expect(await migrate(t.database)).toEqual(["0023_grid_english_names.sql"]);

    const names = new Map(
      (
        await t.query<{ code: string; nameEn: string | null }>(
          sql`select code, name_en as "nameEn" from grids`,
        )
      ).map((g) => [g.code, g.nameEn]),
    );
    expect(names.get("650402102200")).toBeNull();
    expect(names.get("650402102")).toBe("Yar Town");
    for (const [code, nameEn] of ENGLISH)
      if (code !== "650402102200") expect(names.get(code), code).toBe(nameEn);
    // grids the demo does not know (created by the tests above) stay without one
    expect(names.get("T-EN-1")).toBeNull();

    // the history trigger keeps the English name from now on
    const [{ version }] = await t.query<{ version: number }>(
      sql`select version from grids where id = ${yarTown}`,
    );
    const edit = await call("office", "PATCH", `/api/grids/${yarTown}`, {
      version,
      nameEn: "Yar Town (new)",
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const [old] = await t.query<{ nameEn: string }>(
      sql`select name_en as "nameEn" from grid_versions where grid_id = ${yarTown} and version = ${version}`,
    );
    expect(old.nameEn).toBe("Yar Town");
  });
});
