import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseApi, type Point, pointIn, report } from "../support/cases.ts";
import { testEngine } from "../support/engine.ts";
import { recordFigure } from "../support/figures.ts";
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

/** The audit rows about one case written after row `afterId`: action and who. */
async function auditOf(caseId: number, afterId = 0) {
  return t.query<{ id: number; action: string; actor: string | null }>(
    sql`select id::int as id, action, actor_name as actor from audit_log
         where entity_type = 'case' and entity_id = ${String(caseId)} and id > ${afterId} order by id`,
  );
}

// Four clients act on the same version at once: the two people who may accept or reject a new report each
// send both actions.
const RACERS = [
  { user: "township", body: { action: "accept" } },
  { user: "gridhead", body: { action: "reject", reason: "重复上报" } },
  { user: "gridhead", body: { action: "accept" } },
  { user: "township", body: { action: "reject", reason: "不属于环境问题" } },
];

describe(`N people acting on the same version (${testEngine()})`, () => {
  it("lets exactly one win: one 200, the rest 409, one transition and exactly the winner's audit event", async () => {
    const rounds = 8;
    let auditMismatches = 0;
    let winners = 0;
    let losers = 0;
    for (let i = 0; i < rounds; i++) {
      const c = (await api.file("member", report({ title: `并发测试${i}` }, yaer))).json();
      const created = await auditOf(c.id);
      const responses = await Promise.all(
        RACERS.map((r) => post(r.user, `/api/cases/${c.id}/transitions`, { ...r.body, version: 1 })),
      );
      const statuses = responses.map((r) => r.status);
      winners += statuses.filter((s) => s === 200).length;
      losers += statuses.filter((s) => s === 409).length;
      expect(
        statuses.filter((s) => s === 200),
        `round ${i}: ${statuses}`,
      ).toHaveLength(1);
      expect(
        statuses.filter((s) => s === 409),
        `round ${i}: ${statuses}`,
      ).toHaveLength(RACERS.length - 1);
      for (const loser of responses.filter((r) => r.status === 409))
        expect((await loser.json()).error).toBe("stale_version");
      const winner = RACERS[statuses.indexOf(200)];
      const [row] = await t.query<{ version: number; stage: string; transitions: number }>(
        sql`select version, stage,
                   (select count(*)::int from case_events e where e.case_id = c.id and e.kind = 'transition') as transitions
              from cases c where c.id = ${c.id}`,
      );
      expect(row.version).toBe(2);
      expect(row.transitions).toBe(1);
      expect(row.stage).toBe(winner.body.action === "accept" ? "accepted" : "rejected");
      // The audit log gained exactly one event, the winner's: same action, same person; none for a loser.
      const lastBefore = Math.max(0, ...created.map((a) => a.id));
      const added = (await auditOf(c.id, lastBefore)).map(({ action, actor }) => ({ action, actor }));
      const expected = [{ action: `case.${winner.body.action}`, actor: winner.user }];
      if (JSON.stringify(added) !== JSON.stringify(expected)) auditMismatches++;
      expect(added, `round ${i}`).toEqual(expected);
    }
    recordFigure("concurrency.transitions", {
      rounds,
      clients: RACERS.length,
      winners,
      losers,
      auditMismatches,
    });
  });

  it("creates one case and one case.create audit event for one Idempotency-Key even when the submissions race", async () => {
    const body = report({ title: "并发幂等测试" }, yaer);
    const responses = await Promise.all(
      [0, 1, 2, 3].map(() => post("member", "/api/cases", body, { "idempotency-key": "race-key-000001" })),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(3);
    const [{ n }] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from cases where title = '并发幂等测试'`,
    );
    expect(n).toBe(1);
    const creations = (await auditOf(bodies[0].id)).filter((a) => a.action === "case.create");
    expect(creations).toHaveLength(1);
    recordFigure("concurrency.idempotency", {
      replays: responses.length,
      records: n,
      createAuditRows: creations.length,
      auditMismatches: creations.length === 1 ? 0 : 1,
    });
  });
});
