import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Department } from "../../api-types/departments.ts";
import { migrate } from "../../server/db/migrate.ts";
import { DEPARTMENTS } from "../../server/db/seed/departments.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await startTestApp();
  cookie = await t.login("township");
});
afterAll(() => t?.close());

const get = async (url: string) => {
  const response = await t.app.inject({ method: "GET", url, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const byCode = (items: Department[]) => new Map(items.map((d) => [d.code, d]));

describe("department names in Uyghur and English", () => {
  it("gives every demo department and supervisory body its Uyghur and English name", async () => {
    const items: Department[] = (await get("/api/departments")).items;
    expect(
      items.map(({ code, name, nameUg, nameEn, kind }) => ({ code, name, nameUg, nameEn, kind })),
    ).toEqual(DEPARTMENTS);
    expect(byCode(items).get("eco")).toMatchObject({
      name: "市生态环境局高昌区分局",
      nameUg: "تۇرپان شەھەرلىك ئېكولوگىيە-مۇھىت ئىدارىسى قاراھوجا رايونلۇق شۆبە ئىدارىسى",
      nameEn: "Gaochang Branch, Turpan Municipal Ecology and Environment Bureau",
    });
  });

  it("sends the names with the case dictionary's departments too", async () => {
    const meta: { departments: Department[] } = await get("/api/case-meta");
    expect(meta.departments).toHaveLength(19);
    expect(byCode(meta.departments).get("water")).toEqual({
      id: expect.any(Number),
      code: "water",
      name: "区水利局",
      nameUg: "رايونلۇق سۇ ئىشلىرى ئىدارىسى",
      nameEn: "District Water Resources Bureau",
    });
  });

  it("refuses an empty or blank translation: no name is NULL, never ''", async () => {
    await expect(t.query(sql`update departments set name_ug = '  ' where code = 'eco'`)).rejects.toThrow();
    await expect(t.query(sql`update departments set name_en = '' where code = 'eco'`)).rejects.toThrow();
  });

  it("names the departments of a database seeded before the migration, matched by the Chinese name", async () => {
    // the demo as seeded before 0019, with one department renamed locally since
    await t.query(sql`alter table departments drop column name_ug, drop column name_en`);
    await t.query(sql`update departments set name = '区水利和水务局' where code = 'water'`);
    await t.query(sql`delete from schema_migrations where name = '0019_department_names.sql'`);
    expect(await migrate(t.database)).toEqual(["0019_department_names.sql"]);

    const items = byCode((await get("/api/departments")).items);
    expect(items.get("water")).toMatchObject({ name: "区水利和水务局", nameUg: null, nameEn: null });
    for (const d of DEPARTMENTS.filter((d) => d.code !== "water"))
      expect(items.get(d.code)).toMatchObject({ nameUg: d.nameUg, nameEn: d.nameEn });
  });
});
