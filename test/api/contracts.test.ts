import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridIdsByName } from "../support/demo-ids.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
let grid: Record<string, number>;
const year = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format());
let shengjinHead = "";

beforeAll(async () => {
  t = await startTestApp();
  [{ username: shengjinHead }] = await t.query<{ username: string }>(
    sql`select u.username from grid_personnel p join users u on u.id = p.user_id join grids g on g.id = p.grid_id
         where g.name = '胜金村' and p.duty_role = 'head'`,
  );
  for (const u of [
    "office",
    "township",
    "member",
    "gridhead",
    "villagehead",
    "supervisor",
    "dept",
    shengjinHead,
  ])
    cookies[u] = await t.login(u);
  grid = await gridIdsByName(t, ["高昌区", "亚尔镇", "亚尔村", "上湖村", "胜金村", "艾丁湖乡"]);
});
afterAll(() => t?.close());

type Method = "GET" | "POST" | "PUT" | "DELETE";
const call = (who: string, method: Method, url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: cookies[who] },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

interface Summary {
  id: number;
  status: string;
  revision: number;
  version: number;
  lowerGridName: string;
  lowerGridLevel: number;
  upperGridName: string;
  signerName: string | null;
  signerUserId: number | null;
}

const contractOf = async (who: string, gridName: string, status?: string) => {
  const list = (
    await call(who, "GET", `/api/contracts?year=${year}&pageSize=200${status ? `&status=${status}` : ""}`)
  ).json().items as Summary[];
  const found = list.find((c) => c.lowerGridName === gridName);
  if (!found) throw new Error(`${who} sees no ${status ?? ""} contract of ${gridName}`);
  return found;
};
const counts = () =>
  t.query<{ status: string; n: number }>(
    sql`select status, count(*)::int as n from responsibility_contracts group by status order by status`,
  );

describe("the year's contracts", () => {
  it("exist for every level pair, most signed, some not, one revised after signing", async () => {
    const rows = await t.query<{ lowerLevel: number; upperLevel: number; n: number }>(
      sql`select l.level as "lowerLevel", u.level as "upperLevel", count(distinct c.lower_grid_id)::int as n
            from responsibility_contracts c join grids l on l.id = c.lower_grid_id join grids u on u.id = c.upper_grid_id
           where c.year = ${year} group by 1, 2 order by 1`,
    );
    expect(rows).toEqual([
      { lowerLevel: 2, upperLevel: 1, n: 14 },
      { lowerLevel: 3, upperLevel: 2, n: 92 },
    ]);
    const byStatus = Object.fromEntries((await counts()).map((c) => [c.status, c.n]));
    expect(byStatus.signed).toBeGreaterThan(50);
    expect(byStatus.draft).toBeGreaterThan(10);
    const revised = await t.query<{ revision: number; status: string }>(
      sql`select c.revision, c.status from responsibility_contracts c join grids g on g.id = c.lower_grid_id
           where g.name = '上湖村' order by c.revision`,
    );
    expect(revised).toEqual([
      { revision: 1, status: "signed" },
      { revision: 2, status: "draft" },
    ]);
  });

  it("names the lower grid's head as the one to sign: the township head for a township, the village head for a village", async () => {
    const township = await contractOf("office", "亚尔镇");
    expect(township).toMatchObject({ upperGridName: "高昌区", signerName: "亚尔镇网格长 买买提" });
    const village = await contractOf("township", "亚尔村");
    expect(village.upperGridName).toBe("亚尔镇");
    const [head] = await t.query<{ id: number }>(sql`select id from users where username = 'villagehead'`);
    expect(village.signerUserId).toBe(head.id);
    const detail = (await call("villagehead", "GET", `/api/contracts/${village.id}`)).json();
    expect(detail.body).toContain("甲方：亚尔镇（二级网格）");
    expect(detail.body).toContain("乙方：亚尔村（三级网格）");
    expect(detail.body).toContain("重点排污单位：每周巡查1次");
    expect(detail.body).toContain("一票否决");
    expect(detail.policies.sign).toBe(true);
    // The township officer drafts and chases, but does not sign: no contract.sign.
    const officer = await call("township", "POST", `/api/contracts/${village.id}/sign`, {
      version: village.version,
      confirm: true,
    });
    expect(officer.statusCode).toBe(403);
  });
});

describe("generation", () => {
  it("is idempotent: a second run with nothing changed writes nothing", async () => {
    const before = await counts();
    for (let i = 0; i < 2; i++) {
      const response = await call("office", "POST", "/api/contracts/generate", { year });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        created: [],
        redrafted: [],
        revised: [],
        withdrawn: [],
        unchanged: 106,
      });
    }
    expect(await counts()).toEqual(before);
  });

  it("drafts a new year once, and only the pairs the actor reaches", async () => {
    const township = await call("township", "POST", "/api/contracts/generate", { year: 2030 });
    expect(township.statusCode, township.body).toBe(200);
    expect(township.json().created).toHaveLength(18);
    const office = (await call("office", "POST", "/api/contracts/generate", { year: 2030 })).json();
    expect(office.created).toHaveLength(106 - 18);
    expect(office.unchanged).toBe(18);
    const again = (await call("office", "POST", "/api/contracts/generate", { year: 2030 })).json();
    expect(again).toMatchObject({ created: [], unchanged: 106 });
  });

  it("refuses a township drafting above itself or elsewhere, and bad years", async () => {
    expect(
      (await call("township", "POST", "/api/contracts/generate", { year, upperGridId: grid.高昌区 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call("township", "POST", "/api/contracts/generate", { year, upperGridId: grid.艾丁湖乡 }))
        .statusCode,
    ).toBe(404);
    for (const who of ["member", "villagehead", "supervisor"])
      expect((await call(who, "POST", "/api/contracts/generate", { year })).statusCode, who).toBe(403);
    for (const body of [{ year: 1999 }, { year: "this" }, {}, { year, extra: 1 }]) {
      const response = await call("office", "POST", "/api/contracts/generate", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

describe("unsigned contracts, listed for the level above", () => {
  it("shows the district office the unsigned township contracts only", async () => {
    const items = (await call("office", "GET", `/api/contracts/awaiting?year=${year}`)).json()
      .items as Summary[];
    expect(items.map((c) => c.lowerGridName).sort()).toEqual(["亚尔镇", "原种场", "艾丁湖乡"].sort());
    expect(items.every((c) => c.status === "draft" && c.lowerGridLevel === 2)).toBe(true);
  });

  it("shows a township officer and its head the unsigned village contracts of their township only", async () => {
    for (const who of ["township", "gridhead"]) {
      const items = (await call(who, "GET", `/api/contracts/awaiting?year=${year}`)).json()
        .items as Summary[];
      expect(items.length, who).toBeGreaterThan(0);
      expect(items.every((c) => c.upperGridName === "亚尔镇" && c.status === "draft")).toBe(true);
      expect(items.map((c) => c.lowerGridName)).toContain("亚尔村");
      expect(items.map((c) => c.lowerGridName)).toContain("上湖村");
    }
  });

  it("shows a village nothing below it, and its own contract in the list", async () => {
    expect((await call("villagehead", "GET", `/api/contracts/awaiting?year=${year}`)).json().items).toEqual(
      [],
    );
    const mine = (await call("villagehead", "GET", `/api/contracts?year=${year}`)).json();
    expect(mine.items.map((c: Summary) => c.lowerGridName)).toEqual(["亚尔村"]);
    const toSign = (await call("villagehead", "GET", `/api/contracts?mine=true&year=${year}`)).json();
    expect(toSign.total).toBe(1);
    expect((await call("dept", "GET", "/api/contracts")).statusCode).toBe(403);
  });
});

describe("signing", () => {
  it("freezes the text, keeps its SHA-256, and refuses a second signature", async () => {
    const contract = await contractOf("villagehead", "亚尔村");
    const before = (await call("villagehead", "GET", `/api/contracts/${contract.id}`)).json();
    expect(before).toMatchObject({ status: "draft", bodySha256: null, hashVerified: null });

    const stale = await call("villagehead", "POST", `/api/contracts/${contract.id}/sign`, {
      version: contract.version + 5,
      confirm: true,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe("stale_version");
    const unconfirmed = await call("villagehead", "POST", `/api/contracts/${contract.id}/sign`, {
      version: contract.version,
      confirm: false,
    });
    expect(unconfirmed.statusCode).toBe(400);

    const signed = await call("villagehead", "POST", `/api/contracts/${contract.id}/sign`, {
      version: contract.version,
      confirm: true,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const expected = createHash("sha256").update(before.body, "utf8").digest("hex");
    expect(signed.json().bodySha256).toBe(expected);

    const after = (await call("township", "GET", `/api/contracts/${contract.id}`)).json();
    expect(after).toMatchObject({
      status: "signed",
      bodySha256: expected,
      hashVerified: true,
      signedByName: before.signerName,
      body: before.body,
      policies: { sign: false },
    });
    expect(new Date(after.signedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const again = await call("villagehead", "POST", `/api/contracts/${contract.id}/sign`, {
      version: after.version,
      confirm: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe("conflict");

    const [audit] = await t.query<{ actor: string; after: { bodySha256: string } }>(
      sql`select actor_name as actor, after from audit_log where action = 'contract.sign' and entity_id = ${String(contract.id)}`,
    );
    expect(audit).toMatchObject({ actor: "villagehead", after: { bodySha256: expected } });

    // The database itself refuses to change or delete a signed text.
    await expect(
      t.query(sql`update responsibility_contracts set body = body || '（改）' where id = ${contract.id}`),
    ).rejects.toThrow();
    await expect(
      t.query(sql`delete from responsibility_contracts where id = ${contract.id}`),
    ).rejects.toThrow();
    const awaiting = (await call("township", "GET", `/api/contracts/awaiting?year=${year}`)).json()
      .items as Summary[];
    expect(awaiting.map((c) => c.lowerGridName)).not.toContain("亚尔村");
  });

  it("answers 403 to a head signing a contract in their reach that is not theirs, 404 out of reach", async () => {
    const contract = await contractOf("township", "上湖村", "unsigned");
    const byTownshipHead = await call("gridhead", "POST", `/api/contracts/${contract.id}/sign`, {
      version: contract.version,
      confirm: true,
    });
    expect(byTownshipHead.statusCode).toBe(403);
    expect(byTownshipHead.json().error).toBe("not_signer");
    const byOtherVillage = await call(shengjinHead, "POST", `/api/contracts/${contract.id}/sign`, {
      version: contract.version,
      confirm: true,
    });
    expect(byOtherVillage.statusCode).toBe(404);
    expect((await call(shengjinHead, "GET", `/api/contracts/${contract.id}`)).statusCode).toBe(404);
    expect(
      (await call("villagehead", "POST", "/api/contracts/999999/sign", { version: 1, confirm: true }))
        .statusCode,
    ).toBe(404);
  });

  it("turns a change of the 五定 after signing into a new revision; signing it supersedes the old, which is kept", async () => {
    const signed = await contractOf("villagehead", "亚尔村", "signed");
    const signedBody = (await call("villagehead", "GET", `/api/contracts/${signed.id}`)).json();
    const rule = await call("township", "POST", "/api/reward-penalty-rules", {
      gridId: grid.亚尔村,
      kind: "reward",
      ruleText: "辖区内无露天焚烧",
      points: 1.5,
      veto: false,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const generated = (await call("township", "POST", "/api/contracts/generate", { year })).json();
    expect(generated.revised).toHaveLength(1);
    const draft = (await call("villagehead", "GET", `/api/contracts/${generated.revised[0]}`)).json();
    expect(draft).toMatchObject({ status: "draft", revision: 2, supersedesId: signed.id });
    expect(draft.body).toContain("辖区内无露天焚烧，加1.5分。");
    // Still in force until the new revision is signed; regenerating changes nothing more.
    expect((await call("villagehead", "GET", `/api/contracts/${signed.id}`)).json().status).toBe("signed");
    expect((await call("township", "POST", "/api/contracts/generate", { year })).json().revised).toEqual([]);

    const signing = await call("villagehead", "POST", `/api/contracts/${draft.id}/sign`, {
      version: draft.version,
      confirm: true,
    });
    expect(signing.statusCode, signing.body).toBe(200);
    const old = (await call("villagehead", "GET", `/api/contracts/${signed.id}`)).json();
    expect(old).toMatchObject({ status: "superseded", body: signedBody.body, hashVerified: true });
    expect(old.revisions.map((r: { revision: number; status: string }) => [r.revision, r.status])).toEqual([
      [1, "superseded"],
      [2, "signed"],
    ]);
    const current = (await call("villagehead", "GET", `/api/contracts?year=${year}`)).json().items;
    expect(current.map((c: Summary) => c.revision)).toEqual([2]);
  });

  it("withdraws a pending revision when the 五定 returns to what was signed", async () => {
    const signed = await contractOf("township", "上湖村", "signed");
    const [rule] = await t.query<{ id: number; version: number }>(
      sql`select r.id, r.version from reward_penalty_rules r join grids g on g.id = r.grid_id where g.name = '上湖村'`,
    );
    const retired = await call(
      "township",
      "DELETE",
      `/api/reward-penalty-rules/${rule.id}?version=${rule.version}`,
    );
    expect(retired.statusCode, retired.body).toBe(200);
    const generated = (await call("township", "POST", "/api/contracts/generate", { year })).json();
    expect(generated.withdrawn).toHaveLength(1);
    const revisions = (await call("township", "GET", `/api/contracts/${signed.id}`)).json().revisions;
    expect(revisions.map((r: { status: string }) => r.status)).toEqual(["signed"]);
  });

  it("asks for a new draft when the head changed before signing", async () => {
    const contract = await contractOf("office", "艾丁湖乡", "unsigned");
    const [head] = await t.query<{ id: number; version: number; username: string }>(
      sql`select p.id, p.version, u.username from grid_personnel p join users u on u.id = p.user_id
           where p.grid_id = ${grid.艾丁湖乡} and p.duty_role = 'head' and p.removed_at is null`,
    );
    cookies[head.username] = await t.login(head.username);
    expect(
      (await call("office", "DELETE", `/api/personnel/${head.id}?version=${head.version}`)).statusCode,
    ).toBe(200);
    const refused = await call(head.username, "POST", `/api/contracts/${contract.id}/sign`, {
      version: contract.version,
      confirm: true,
    });
    // Taken off the grid, their account role no longer reaches it either (定人员 decides).
    expect(refused.statusCode).toBeOneOf([403, 404]);
    const redrafted = (await call("office", "POST", "/api/contracts/generate", { year })).json();
    expect(redrafted.redrafted).toContain(contract.id);
    const detail = (await call("office", "GET", `/api/contracts/${contract.id}`)).json();
    expect(detail.signerUserId).toBeNull();
    expect(detail.body).toContain("乙方责任人（网格长）：（待确定）");
  });
});
