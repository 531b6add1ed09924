import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../server/audit/verify-chain.ts";
import { loadConfig } from "../../server/config.ts";
import { openPglite } from "../../server/db/client.ts";
import { testEngine } from "../support/engine.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

/** Edits the log the way an insider with database access would: triggers off, change, triggers on. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.query(sql`alter table audit_log disable trigger audit_log_no_update`);
  await t.query(statement);
  await t.query(sql`alter table audit_log enable trigger audit_log_no_update`);
}

describe("audit log", () => {
  it("records every write with who, what, when, where and before/after in the same transaction", async () => {
    const cookie = await t.login("sysadmin");
    const current = (await t.app.inject({ method: "GET", url: "/api/settings", headers: { cookie } })).json();
    await t.app.inject({
      method: "PUT",
      url: "/api/settings",
      headers: { cookie, "x-forwarded-for": "10.1.2.3" },
      payload: { ...current, sessionIdleMinutes: 20 },
    });
    const [event] = await t.query<{
      actor_name: string;
      action: string;
      ip: string;
      before: { sessionIdleMinutes: number };
      after: { sessionIdleMinutes: number };
      at: Date;
    }>(sql`select * from audit_log where action = 'settings.update' order by id desc limit 1`);
    expect(event).toMatchObject({ actor_name: "sysadmin", action: "settings.update", ip: "127.0.0.1" });
    expect(event.before.sessionIdleMinutes).toBe(30);
    expect(event.after.sessionIdleMinutes).toBe(20);
    expect(Math.abs(new Date(event.at).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    for (const statement of [
      sql`update audit_log set action = 'x' where id = 1`,
      sql`delete from audit_log where id = 1`,
      sql`truncate audit_log`,
    ]) {
      const error = await t.query(statement).then(
        () => null,
        (e: Error & { cause?: Error }) => e,
      );
      // drizzle wraps the driver's error; the database's own message is in the cause.
      expect(`${error?.message} ${error?.cause?.message}`).toMatch(/append-only/);
    }
    const [row] = await t.query<{ action: string }>(sql`select action from audit_log where id = 1`);
    expect(row.action).not.toBe("x");
  });

  it("chains concurrent writers over several chains without losing a link", async () => {
    await Promise.all(Array.from({ length: 12 }, () => t.login("office")));
    const verdict = await verifyAuditChain(t.database.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.checked).toBeGreaterThan(100);
    const [seqs] = await t.query<{ ok: boolean }>(
      sql`select bool_and(n = maxseq) as ok from (select chain, count(*) as n, max(seq) as maxseq from audit_log group by chain) c`,
    );
    expect(seqs.ok).toBe(true);
  });

  it("lets the auditor read and verify it through the API", async () => {
    const cookie = await t.login("auditor");
    const list = (
      await t.app.inject({
        method: "GET",
        url: "/api/audit?action=auth.login&pageSize=5",
        headers: { cookie },
      })
    ).json();
    expect(list.items).toHaveLength(5);
    expect(list.total).toBeGreaterThan(5);
    const verdict = (
      await t.app.inject({ method: "GET", url: "/api/audit/verify", headers: { cookie } })
    ).json();
    expect(verdict.ok).toBe(true);
  });

  it("detects a row edited behind the application's back, and names it", async () => {
    const [target] = await t.query<{ id: number }>(
      sql`select id::int as id from audit_log where action = 'user.create' order by id limit 1 offset 3`,
    );
    await tamper(sql`update audit_log set after = '{"username":"intruder"}' where id = ${target.id}`);
    const verdict = await verifyAuditChain(t.database.db);
    expect(verdict).toMatchObject({ ok: false, firstBadId: target.id, reason: "hash_mismatch" });
  });
});

describe("npm run verify-audit", () => {
  const run = (env: Record<string, string>) =>
    spawnSync("npx", ["tsx", "server/main.ts", "verify-audit"], {
      env: { ...process.env, ...env },
      encoding: "utf8",
      timeout: 120_000,
    });

  // Two CLI runs, each starting the embedded engine: slow on a busy machine, hence the longer limit.
  it("exits 0 on an intact log and 1 naming the first bad row after a deletion", {
    timeout: 240_000,
  }, async () => {
    let env: Record<string, string>;
    let close = async () => {};
    let database: Awaited<ReturnType<typeof openPglite>> | null = null;
    if (testEngine() === "postgres") {
      const fresh = await startTestApp();
      env = { DATABASE_URL: fresh.url as string };
      close = () => fresh.close();
      database = fresh.database as never;
    } else {
      // The CLI opens a PGlite data directory, so the test works on one on disk.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-audit-"));
      const { prepareDatabase } = await import("../../server/bootstrap.ts");
      const prepared = await prepareDatabase({ ...loadConfig({}), dataDir: dir });
      await prepared.database.close();
      env = { ENVGRID_DATA_DIR: dir, DATABASE_URL: "" };
      close = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
    const intact = run(env);
    expect(intact.status, intact.stderr).toBe(0);
    expect(JSON.parse(intact.stdout.trim().split("\n").at(-1) as string).ok).toBe(true);

    const db = database ?? (await openPglite({ dataDir: env.ENVGRID_DATA_DIR }));
    const [victim] = (
      (await db.db.execute(
        sql`select id::int as id from audit_log order by chain, seq offset 5 limit 1`,
      )) as unknown as {
        rows: { id: number }[];
      }
    ).rows;
    const [next] = (
      (await db.db.execute(
        sql`select b.id::int as id from audit_log a join audit_log b on b.chain = a.chain and b.seq = a.seq + 1 where a.id = ${victim.id}`,
      )) as unknown as { rows: { id: number }[] }
    ).rows;
    await db.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.db.execute(sql`delete from audit_log where id = ${victim.id}`);
    await db.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    if (!database) await db.close();

    const broken = run(env);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`audit chain broken at row ${next.id}`);
    await close();
  });
});

describe("audit retention", () => {
  it("prunes rows older than the retention period and the chains still verify from their anchors", async () => {
    const fresh = await startTestApp();
    try {
      // Old rows, as if written 400 days ago (the trigger chains them like any other).
      for (let i = 0; i < 6; i++) {
        await fresh.query(
          sql`insert into audit_log (at, actor_name, action, entity_type) values (now() - interval '400 days', 'old', 'test.old', 'test')`,
        );
      }
      await fresh.login("office");
      const { pruneAuditLog } = await import("../../server/commands/audit-pruner.ts");
      await expect(pruneAuditLog(fresh.database.db, 30)).rejects.toThrow(/180/);
      const deleted = await pruneAuditLog(fresh.database.db, 180);
      expect(deleted).toBeGreaterThanOrEqual(6);
      const [left] = await fresh.query<{ n: number }>(
        sql`select count(*)::int as n from audit_log where action = 'test.old'`,
      );
      expect(left.n).toBe(0);
      const anchors = await fresh.query<{ chain: number }>(sql`select chain from audit_anchors`);
      expect(anchors.length).toBeGreaterThan(0);
      expect((await verifyAuditChain(fresh.database.db)).ok).toBe(true);
      const [event] = await fresh.query<{ after: { deleted: number } }>(
        sql`select after from audit_log where action = 'audit.prune'`,
      );
      expect(event.after.deleted).toBe(deleted);
      // Outside audit_prune, deleting is still refused, and the database refuses a short retention itself.
      const refused = await fresh.query(sql`delete from audit_log where action = 'auth.login'`).then(
        () => null,
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message}`,
      );
      expect(refused).toMatch(/append-only/);
      const tooShort = await fresh.query(sql`select audit_prune(interval '10 days')`).then(
        () => null,
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message}`,
      );
      expect(tooShort).toMatch(/180 days/);
    } finally {
      await fresh.close();
    }
  });
});

describe("audit retention, a chain pruned to nothing", () => {
  // Regression: when pruning deleted every row of a chain, the chain trigger restarted it at seq 1 from the zero
  // hash while the anchor said it continued after the pruned seq ('sequence_gap'); migration 0013 resumes at the anchor.
  it("keeps verifying when new rows land in a chain that pruning emptied", async () => {
    const fresh = await startTestApp();
    try {
      const [old] = await fresh.query<{ chain: number }>(
        sql`insert into audit_log (at, actor_name, action, entity_type)
            values (now() - interval '400 days', 'old', 'test.old', 'test') returning chain`,
      );
      // the old row is the newest of its chain, so pruning empties the chain
      const { pruneAuditLog } = await import("../../server/commands/audit-pruner.ts");
      await pruneAuditLog(fresh.database.db, 180);
      let landed = false;
      for (let i = 0; i < 64 && !landed; i++) {
        const [row] = await fresh.query<{ chain: number }>(
          sql`insert into audit_log (actor_name, action, entity_type) values ('new', 'test.new', 'test') returning chain`,
        );
        landed = row.chain === old.chain;
      }
      expect(landed).toBe(true);
      expect(await verifyAuditChain(fresh.database.db)).toMatchObject({ ok: true });
    } finally {
      await fresh.close();
    }
  });
});
