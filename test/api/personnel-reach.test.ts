import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseApi, createAccount, idOf, pointIn, report } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

// 定人员 decides who serves a grid: taken off a grid (or past their term), a member or head no longer reads or
// acts on its cases, home grid included; put on a grid, they are told about its cases and may re-check them.
let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};
let yaerVillage: number;
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-personnel-reach-"));

beforeAll(async () => {
  t = await startTestApp({ uploadDir });
  for (const u of ["office", "township", "member", "villagehead", "dept", "secadmin"])
    cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
  yaerVillage = await idOf(t, "grids", "亚尔村");
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

/** The user's assignment of that duty on 亚尔村, in force. */
async function assignmentOf(username: string, dutyRole: "member" | "head") {
  const [row] = await t.query<{ id: number; version: number }>(
    sql`select p.id, p.version from grid_personnel p join users u on u.id = p.user_id
         where u.username = ${username} and p.grid_id = ${yaerVillage} and p.duty_role = ${dutyRole}
           and p.removed_at is null`,
  );
  return row;
}
const remove = async (a: { id: number; version: number }) => {
  const removed = await t.app.inject({
    method: "DELETE",
    url: `/api/personnel/${a.id}?version=${a.version}`,
    headers: { cookie: cookies.office },
  });
  expect(removed.statusCode, removed.body).toBe(200);
};
/** A case of 亚尔村 the user did not file, at the stage given. */
async function villageCase(stage: string, notFiledBy: string) {
  const [row] = await t.query<{ id: number }>(
    sql`select c.id from cases c where c.grid_id = ${yaerVillage} and c.stage = ${stage}
           and c.created_by is distinct from (select id from users where username = ${notFiledBy})
         order by c.id limit 1`,
  );
  return row.id;
}

describe("taken off a grid", () => {
  it("a member no longer reads its cases, home grid included", async () => {
    const id = await villageCase("closed", "member");
    expect((await api.get("member", `/api/cases/${id}`)).statusCode).toBe(200);
    expect((await api.get("member", "/api/me")).json().scope.gridIds).toContain(yaerVillage);

    await remove(await assignmentOf("member", "member"));

    // no role left at all: refused outright
    expect((await api.get("member", `/api/cases/${id}`)).statusCode).toBeOneOf([403, 404]);
    expect((await api.get("member", "/api/me")).json().scope.gridIds).not.toContain(yaerVillage);
  });

  it("a head can no longer act on its cases", async () => {
    const id = await villageCase("reported", "villagehead");
    const before = (await api.get("villagehead", `/api/cases/${id}`)).json();
    expect(before.allowedActions).toContain("reject");

    await remove(await assignmentOf("villagehead", "head"));

    expect((await api.get("villagehead", `/api/cases/${id}`)).statusCode).toBeOneOf([403, 404]);
    const rejected = await api.act("villagehead", id, { action: "reject", reason: "不属于环保问题" });
    expect(rejected.statusCode).toBeOneOf([403, 404]);
    expect((await api.get("office", `/api/cases/${id}`)).json().stage).toBe("reported");
  });
});

describe("put on a grid through 定人员 only", () => {
  let visitorId: number;
  const filedInVillage = async () => {
    const filed = await api.file("township", report({}, await pointIn(t, "亚尔村")));
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id as number;
    await api.step("township", id, { action: "accept" });
    await api.step("township", id, { action: "register" });
    return id;
  };

  beforeAll(async () => {
    // an account of 胜金村, assigned to 亚尔村 as a member as well
    visitorId = await createAccount(t, cookies.secadmin, {
      username: "visitor",
      role: "grid_member",
      gridId: await idOf(t, "grids", "胜金村"),
    });
    cookies.visitor = await t.login("visitor", "Test@12345x");
    const assigned = await api.post("office", `/api/grids/${yaerVillage}/personnel`, {
      userId: visitorId,
      dutyRole: "member",
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
  });

  it("is told when the village must act on a case", async () => {
    const id = await filedInVillage();
    await api.step("township", id, { action: "handle_locally" });
    expect((await api.get("visitor", `/api/cases/${id}`)).json().allowedActions).toContain("arrive_on_site");
    const [{ told }] = await t.query<{ told: number }>(
      sql`select count(*)::int as told from notifications where user_id = ${visitorId} and case_id = ${id}`,
    );
    expect(told).toBeGreaterThan(0);
  });

  it("is offered for the re-check and may be sent to it; a removed member is not", async () => {
    const id = await filedInVillage();
    await api.step("township", id, { action: "transfer", departmentId: await idOf(t, "departments", "eco") });
    await api.step("dept", id, { action: "accept_transfer" });
    const d = await api.handledWithFeedback(id);
    const offered = d.verifierCandidates.map((c: { id: number }) => c.id);
    expect(offered).toContain(visitorId);
    expect(offered).not.toContain(await idOf(t, "users", "member"));

    const refused = await api.act("township", id, {
      action: "request_verification",
      assigneeId: await idOf(t, "users", "member"),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toBe("invalid_assignee");
    const sent = await api.step("township", id, { action: "request_verification", assigneeId: visitorId });
    expect(sent.stage).toBe("verifying");
  });
});
