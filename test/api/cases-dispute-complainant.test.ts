import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/app.ts";
import { migrateAndSeal } from "../../server/bootstrap.ts";
import { rotateReporterKey } from "../../server/commands/reporter-key-rotator.ts";
import { backupDatabase } from "../../server/ops/backup.ts";
import { parseReporterKeys } from "../../server/security/reporter-crypto.ts";
import { caseApi, type Point, pointIn, report } from "../support/cases.ts";
import { testEngine } from "../support/engine.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { allText } from "../support/workbook.ts";

// names and a role no demo record uses
const COMPLAINANT = "吐尔逊·纠纷测试投诉人";
const ROLE = "投诉方（三组葡萄晾房户主）";
const RESPONDENT = "亚尔村纠纷测试砖厂";
const LEGACY = "热合曼·旧版纠纷投诉人";

let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};
let yaer: Point;
let disputeId: number;
let trackingNo: string;

/** Every column of the case row as text (text, jsonb, everything), for a name in clear. */
async function rowHolds(id: number, needle: string): Promise<boolean> {
  const [row] = await t.query<{ holds: boolean }>(
    sql`select c::text like ${`%${needle}%`} as holds from cases c where c.id = ${id}`,
  );
  return row.holds;
}

/** The bytes a backup of this engine holds: PGlite's data directory dump, or pg_dump's archive as SQL. */
async function backupBytes(): Promise<Buffer> {
  if (testEngine() === "pglite") {
    const dump = await t.database.pglite?.dumpDataDir("gzip");
    if (!dump) throw new Error("no PGlite dump");
    return gunzipSync(Buffer.from(await dump.arrayBuffer()));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-dispute-"));
  try {
    const file = path.join(dir, "backup.bin");
    await backupDatabase({ ...t.config, databaseUrl: t.url }, file);
    const script = spawnSync("pg_restore", ["--file=-", file], { maxBuffer: 1 << 30 });
    expect(script.status, String(script.stderr)).toBe(0);
    return script.stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ["office", "leader", "township", "gridhead", "member", "supervisor"])
    cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
  yaer = await pointIn(t, "亚尔村");
  // a villager phones the grid member about the brickworks' dust; they give a number, the form names them
  const r = await api.file(
    "member",
    report(
      {
        source: "dispute",
        title: "砖厂粉尘落到农户晾房",
        category: "industrial_air",
        disputeParties: [
          { name: COMPLAINANT, role: ROLE },
          { name: RESPONDENT, role: "被投诉方" },
        ],
        reporter: { contact: "13900002222" },
      },
      yaer,
    ),
  );
  expect(r.statusCode, r.body).toBe(201);
  disputeId = r.json().id;
  trackingNo = r.json().trackingNo;
});
afterAll(() => t?.close());

describe(`a dispute's complainant (${testEngine()})`, () => {
  it("is stored only encrypted, bound to the case, under the row's key; the party complained about in clear", async () => {
    expect(await rowHolds(disputeId, COMPLAINANT)).toBe(false);
    expect(await rowHolds(disputeId, "三组葡萄晾房户主")).toBe(false);
    expect(await rowHolds(disputeId, RESPONDENT)).toBe(true); // the search finds what is in clear
    const [row] = await t.query<{ enc: string; parties: unknown; keyId: string }>(
      sql`select dispute_complainant_enc as enc, dispute_parties as parties, reporter_key_id as "keyId"
            from cases where id = ${disputeId}`,
    );
    expect(row.enc.split(".").slice(0, 2)).toEqual(["v1", t.config.reporterKeys.current.id]);
    expect(row.keyId).toBe(t.config.reporterKeys.current.id);
    expect(row.parties).toEqual([{ name: RESPONDENT, role: "被投诉方" }]);
    // nor anywhere else a request could have put it
    const [{ n }] = await t.query<{ n: number }>(
      sql`select (select count(*) from audit_log a where a::text like ${`%${COMPLAINANT}%`})
               + (select count(*) from case_events e where e::text like ${`%${COMPLAINANT}%`})
               + (select count(*) from notifications x where x::text like ${`%${COMPLAINANT}%`})
               + (select count(*) from idempotency_keys k where k::text like ${`%${COMPLAINANT}%`})::int as n`,
    );
    expect(Number(n)).toBe(0);
  });

  it("is not in a backup of the database", async () => {
    const bytes = await backupBytes();
    expect(bytes.includes(Buffer.from(RESPONDENT))).toBe(true);
    expect(bytes.includes(Buffer.from(COMPLAINANT))).toBe(false);
    expect(bytes.includes(Buffer.from("三组葡萄晾房户主"))).toBe(false);
  });

  it("shows （保密） to every role that may not reveal a reporter, which cannot reveal it either", async () => {
    for (const user of ["member", "gridhead", "leader", "supervisor"]) {
      const detail = await api.get(user, `/api/cases/${disputeId}`);
      expect(detail.statusCode, user).toBe(200);
      expect(detail.body, user).not.toContain("吐尔逊");
      expect(detail.body, user).not.toContain("三组");
      expect(detail.json().disputeParties, user).toEqual([
        { name: "（保密）", role: "投诉方" },
        { name: RESPONDENT, role: "被投诉方" },
      ]);
      const reveal = await api.post(user, `/api/cases/${disputeId}/reporter/reveal`, { reason: "想看看" });
      expect(reveal.statusCode, user).toBe(403);
    }
  });

  it("is masked to the township and the office, and revealed to them with the reporter, audited", async () => {
    for (const user of ["township", "office"]) {
      const detail = (await api.get(user, `/api/cases/${disputeId}`)).json();
      expect(detail.disputeParties).toEqual([
        { name: "吐**********", role: ROLE },
        { name: RESPONDENT, role: "被投诉方" },
      ]);
      expect(detail.reporter.canReveal).toBe(true);
    }
    const reveal = await api.post("township", `/api/cases/${disputeId}/reporter/reveal`, {
      reason: "组织双方调解",
    });
    expect(reveal.statusCode, reveal.body).toBe(200);
    expect(reveal.headers["cache-control"]).toBe("no-store");
    expect(reveal.json()).toEqual({
      name: null,
      contact: "13900002222",
      complainant: { name: COMPLAINANT, role: ROLE },
    });
    const audits = await t.query<{ actorName: string; after: unknown }>(
      sql`select actor_name as "actorName", after from audit_log
           where action = 'case.reporter_reveal' and entity_id = ${String(disputeId)}`,
    );
    expect(audits).toEqual([
      {
        actorName: "township",
        after: { trackingNo, reason: "组织双方调解", fields: ["contact", "complainant"] },
      },
    ]);
  });

  it("is not in the case export", async () => {
    const r = await api.get(
      "office",
      `/api/cases/export.xlsx?q=${encodeURIComponent("砖厂粉尘落到农户晾房")}`,
    );
    expect(r.statusCode, r.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const text = allText(wb);
    expect(text).toContain(trackingNo);
    expect(text).not.toContain("吐尔逊");
    expect(text).not.toContain("三组葡萄晾房户主");
  });

  it("is never filed with a case that is not a dispute", async () => {
    const r = await api.file(
      "member",
      report({ disputeParties: [{ name: COMPLAINANT }, { name: RESPONDENT }] }, yaer),
    );
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().error).toBe("dispute_parties_unexpected");
  });

  it("is encrypted in the demo data: no dispute keeps a complainant in clear", async () => {
    const [demo] = await t.query<{ disputes: number; sealed: number; clear: number }>(
      sql`select count(*)::int as disputes, count(dispute_complainant_enc)::int as sealed,
                 count(*) filter (where c::text like '%周边村民%')::int as clear
            from cases c where source = 'dispute'`,
    );
    expect(demo.disputes).toBeGreaterThan(0);
    expect(demo).toEqual({ disputes: demo.disputes, sealed: demo.disputes, clear: 0 });
  });

  it("of a dispute filed before migration 0017 is encrypted after the migrations run", async () => {
    // as such a row was: every party in clear, and no key when the reporter stayed anonymous
    const [old] = await t.query<{ id: number }>(
      sql`select id from cases where source = 'dispute' and reporter_name_enc is null
            and grid_path like '/1/7/%' order by id limit 1`,
    );
    await t.query(
      sql`update cases set dispute_complainant_enc = null, reporter_key_id = null,
             dispute_parties = ${JSON.stringify([
               { name: LEGACY, role: "投诉方" },
               { name: "旧版被投诉企业", role: "被投诉方" },
             ])}::jsonb
           where id = ${old.id}`,
    );
    expect(await rowHolds(old.id, LEGACY)).toBe(true);
    expect(await migrateAndSeal(t.database, t.config)).toEqual({ applied: [], sealed: 1 });
    expect(await rowHolds(old.id, LEGACY)).toBe(false);
    const [row] = await t.query<{ keyId: string; parties: unknown }>(
      sql`select reporter_key_id as "keyId", dispute_parties as parties from cases where id = ${old.id}`,
    );
    expect(row).toEqual({
      keyId: t.config.reporterKeys.current.id,
      parties: [{ name: "旧版被投诉企业", role: "被投诉方" }],
    });
    const [seal] = await t.query<{ after: { caseIds: number[] } }>(
      sql`select after from audit_log where action = 'case.dispute_complainant_seal'`,
    );
    expect(seal.after.caseIds).toEqual([old.id]);
    expect((await api.get("leader", `/api/cases/${old.id}`)).json().disputeParties[0].name).toBe("（保密）");
    const reveal = await api.post("office", `/api/cases/${old.id}/reporter/reveal`, { reason: "核对旧案" });
    expect(reveal.json().complainant).toEqual({ name: LEGACY, role: "投诉方" });
    // nothing left to do the next time
    expect(await migrateAndSeal(t.database, t.config)).toEqual({ applied: [], sealed: 0 });
  });

  it("stays readable after a key rotation, re-encrypted under the new key", async () => {
    const oldKey = t.config.reporterKeys.current.key.toString("base64");
    const newKey = randomBytes(32).toString("base64");
    const during = { ...t.config, reporterKeys: parseReporterKeys(newKey, oldKey, { production: true }) };
    expect((await rotateReporterKey(t.database.db, during)).remaining).toBe(0);
    const after = { ...t.config, reporterKeys: parseReporterKeys(newKey, undefined, { production: true }) };
    const [row] = await t.query<{ enc: string }>(
      sql`select dispute_complainant_enc as enc from cases where id = ${disputeId}`,
    );
    expect(row.enc.split(".")[1]).toBe(after.reporterKeys.current.id);
    const rotated = await buildApp({ config: after, database: t.database });
    await rotated.ready();
    try {
      const reveal = await rotated.inject({
        method: "POST",
        url: `/api/cases/${disputeId}/reporter/reveal`,
        headers: { cookie: cookies.office },
        payload: { reason: "密钥轮换后核对" },
      });
      expect(reveal.json().complainant).toEqual({ name: COMPLAINANT, role: ROLE });
      const detail = await rotated.inject({
        method: "GET",
        url: `/api/cases/${disputeId}`,
        headers: { cookie: cookies.office },
      });
      expect(detail.json().disputeParties[0].name).toBe("吐**********");
    } finally {
      await rotated.close();
    }
  });
});
