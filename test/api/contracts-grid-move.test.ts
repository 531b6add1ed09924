import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idOf, loggedInAccount } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

// A village moved to another township (区划调整) while its contract for the year is still a draft: the draft
// names the old township as party A, so it must not be signed; the new township drafts it afresh.
let t: TestApp;
const cookies: Record<string, string> = {};
let yaer: number;
let shengjin: number;
let village: number;
const year = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format());

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ["office", "villagehead", "secadmin"]) cookies[u] = await t.login(u);
  yaer = await idOf(t, "grids", "亚尔镇");
  shengjin = await idOf(t, "grids", "胜金乡");
  village = await idOf(t, "grids", "亚尔村");
  cookies.shengjin = await loggedInAccount(t, cookies.secadmin, {
    username: "shengjin",
    role: "township_officer",
    gridId: shengjin,
  });
});
afterAll(() => t?.close());

const call = (who: string, method: "GET" | "POST", url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload ? { payload } : {}) });

interface Summary {
  id: number;
  lowerGridName: string;
  upperGridName: string;
}
const awaiting = async (who: string) =>
  ((await call(who, "GET", `/api/contracts/awaiting?year=${year}`)).json().items as Summary[]).map(
    (c) => c.lowerGridName,
  );

describe("a draft contract of a village moved to another township", () => {
  it("cannot be signed naming the old township; the new township drafts it again and that one is signed", async () => {
    const [draft] = await t.query<{ id: number; upperGridId: number }>(
      sql`select id, upper_grid_id as "upperGridId" from responsibility_contracts
           where lower_grid_id = ${village} and year = ${year} and status = 'draft'`,
    );
    expect(draft.upperGridId).toBe(yaer);
    expect((await call("villagehead", "GET", `/api/contracts/${draft.id}`)).json().policies.sign).toBe(true);

    const [{ version }] = await t.query<{ version: number }>(
      sql`select version from grids where id = ${village}`,
    );
    const moved = await call("office", "POST", `/api/grids/${village}/move`, { parentId: shengjin, version });
    expect(moved.statusCode, moved.body).toBe(200);

    const stale = (await call("villagehead", "GET", `/api/contracts/${draft.id}`)).json();
    expect(stale).toMatchObject({ status: "draft", upperGridName: "亚尔镇", policies: { sign: false } });
    expect(stale.body).toContain("甲方：亚尔镇（二级网格）");
    const mine = (await call("villagehead", "GET", `/api/contracts?mine=true&year=${year}`)).json();
    expect(mine.total).toBe(0);
    const refused = await call("villagehead", "POST", `/api/contracts/${draft.id}/sign`, {
      version: stale.version,
      confirm: true,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: "contract_parent_changed",
      message: "网格已调整上级，请由新的上级重新生成责任状",
    });
    const [unsigned] = await t.query<{ status: string }>(
      sql`select status from responsibility_contracts where id = ${draft.id}`,
    );
    expect(unsigned.status).toBe("draft");
    expect(await awaiting("shengjin")).not.toContain("亚尔村");

    // The new township generates: the draft now names it as party A and waits on it.
    const generated = await call("shengjin", "POST", "/api/contracts/generate", {
      year,
      upperGridId: shengjin,
    });
    expect(generated.statusCode, generated.body).toBe(200);
    expect(generated.json().redrafted).toEqual([draft.id]);
    const fresh = (await call("villagehead", "GET", `/api/contracts/${draft.id}`)).json();
    expect(fresh).toMatchObject({ status: "draft", upperGridName: "胜金乡", policies: { sign: true } });
    expect(fresh.body).toContain("甲方：胜金乡（二级网格）");
    expect(fresh.body).not.toContain("亚尔镇");
    expect(await awaiting("shengjin")).toContain("亚尔村");
    const [audit] = await t.query<{ before: { upperGridId: number }; after: { upperGridId: number } }>(
      sql`select before, after from audit_log where action = 'contract.redraft' and entity_id = ${String(draft.id)}
           order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ before: { upperGridId: yaer }, after: { upperGridId: shengjin } });

    const signed = await call("villagehead", "POST", `/api/contracts/${draft.id}/sign`, {
      version: fresh.version,
      confirm: true,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const [row] = await t.query<{ upperGridId: number; status: string }>(
      sql`select upper_grid_id as "upperGridId", status from responsibility_contracts where id = ${draft.id}`,
    );
    expect(row).toEqual({ upperGridId: shengjin, status: "signed" });
  });
});
