import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseApi, type Point, pointIn, report } from "../support/cases.ts";
import { testEngine } from "../support/engine.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
let api: ReturnType<typeof caseApi>;
let base: string;
const cookies: Record<string, string> = {};
let yaer: Point;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ["office", "township", "gridhead", "member"]) cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
  yaer = await pointIn(t, "亚尔村");
  // real HTTP on a real port: on PostgreSQL the two requests run in parallel on two pool connections
  base = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => t?.close());

function post(user: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: { cookie: cookies[user], "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe(`two people acting on the same version (${testEngine()})`, () => {
  it("lets exactly one win: one 200, one 409, one transition recorded", async () => {
    const rounds = 8;
    for (let i = 0; i < rounds; i++) {
      const c = (await api.file("member", report({ title: `并发测试${i}` }, yaer))).json();
      // the township officer accepts while the grid head rejects, both from version 1
      const [a, b] = await Promise.all([
        post("township", `/api/cases/${c.id}/transitions`, { action: "accept", version: 1 }),
        post("gridhead", `/api/cases/${c.id}/transitions`, {
          action: "reject",
          version: 1,
          reason: "重复上报",
        }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses, `round ${i}`).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect((await loser.json()).error).toBe("stale_version");
      const [row] = await t.query<{ version: number; stage: string; transitions: number; audits: number }>(
        sql`select version, stage,
                   (select count(*)::int from case_events e where e.case_id = c.id and e.kind = 'transition') as transitions,
                   (select count(*)::int from audit_log a where a.entity_type = 'case' and a.entity_id = c.id::text
                      and a.action in ('case.accept', 'case.reject')) as audits
              from cases c where c.id = ${c.id}`,
      );
      expect(row.version).toBe(2);
      expect(row.transitions).toBe(1);
      expect(row.audits).toBe(1);
      expect(row.stage).toBe(a.status === 200 ? "accepted" : "rejected");
    }
  });

  it("creates one case for one Idempotency-Key even when the submissions race", async () => {
    const body = report({ title: "并发幂等测试" }, yaer);
    const responses = await Promise.all(
      [0, 1, 2].map(() => post("member", "/api/cases", body, { "idempotency-key": "race-key-000001" })),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(2);
    const [{ n }] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from cases where title = '并发幂等测试'`,
    );
    expect(n).toBe(1);
  });
});
