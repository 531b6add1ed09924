import { randomBytes, randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/app.ts";
import { rotateReporterKey } from "../../server/commands/reporter-key-rotator.ts";
import { parseReporterKeys } from "../../server/security/reporter-crypto.ts";
import { caseApi, idOf, type Point, pointIn, report } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

const NAME = "阿不都热依木·测试举报人"; // a name no demo record uses
const CONTACT = "13700001111";
const MASKED_CONTACT = "137****1111";

let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};
let yaer: Point;
let caseId: number;
let trackingNo: string;
/** The first report and its Idempotency-Key, for a resend from a phone's outbox after a key rotation. */
const filed: { body: unknown; key: string } = { body: null, key: randomUUID() };
const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

/** Nothing the caller receives may carry the reporter's identity, masked or clear. */
function expectNoReporter(body: string, label: string) {
  expect(body, label).not.toContain(NAME);
  expect(body, label).not.toContain(CONTACT);
  expect(body, label).not.toContain(MASKED_CONTACT);
  expect(body, label).not.toContain("阿***********");
}

beforeAll(async () => {
  t = await startTestApp({}, { logStream });
  for (const u of ["office", "leader", "township", "gridhead", "member", "dept", "depthead", "supervisor"])
    cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
  yaer = await pointIn(t, "亚尔村");
  // a villager phones the member, who files it for them
  filed.body = report(
    {
      source: "public_report",
      title: "养殖场粪污直排水渠",
      category: "livestock_pollution",
      reporter: { name: NAME, contact: CONTACT },
    },
    yaer,
  );
  const r = await api.file("member", filed.body, filed.key);
  expect(r.statusCode, r.body).toBe(201);
  caseId = r.json().id;
  trackingNo = r.json().trackingNo;
  expectNoReporter(r.body, "the filer's own response");
  // accepted with a key, as the web sends it: the answer shows the masked reporter, the stored record must not
  const accepted = await api.post(
    "township",
    `/api/cases/${caseId}/transitions`,
    { action: "accept", version: 1 },
    { "idempotency-key": "reporter-accept-0001" },
  );
  expect(accepted.statusCode, accepted.body).toBe(200);
  expect(accepted.json().reporter.maskedContact).toBe(MASKED_CONTACT);
  await api.step("township", caseId, { action: "register" });
  await api.step("township", caseId, {
    action: "transfer",
    departmentId: await idOf(t, "departments", "eco"),
  });
});
afterAll(() => t?.close());

describe("reporter protection", () => {
  it("stores name and contact only as AES-256-GCM ciphertexts bound to the case, under a named key", async () => {
    const [row] = await t.query<{ nameEnc: string; contactEnc: string; keyId: string; plain: number }>(
      sql`select reporter_name_enc as "nameEnc", reporter_contact_enc as "contactEnc", reporter_key_id as "keyId",
                 (select count(*)::int from cases c2 where c2.id = cases.id
                   and (c2::text like ${`%${CONTACT}%`} or c2::text like ${`%${NAME}%`})) as plain
            from cases where id = ${caseId}`,
    );
    expect(row.nameEnc).toMatch(/^v1\.[0-9a-f]{12}\./);
    expect(row.contactEnc.split(".")[1]).toBe(t.config.reporterKeys.current.id);
    expect(row.keyId).toBe(t.config.reporterKeys.current.id);
    expect(row.plain).toBe(0);
  });

  it("never shows it to the department, grid members, grid heads, leaders or supervisors — not even masked", async () => {
    for (const user of ["dept", "depthead", "member", "gridhead", "leader", "supervisor"]) {
      const detail = await api.get(user, `/api/cases/${caseId}`);
      expect(detail.statusCode, user).toBe(200);
      expectNoReporter(detail.body, `${user} detail`);
      expect(detail.json().reporter, user).toEqual({ kind: "confidential", canReveal: false });
      expectNoReporter((await api.get(user, "/api/cases?pageSize=200")).body, `${user} list`);
      expectNoReporter(
        (await api.get(user, "/api/notifications?pageSize=200")).body,
        `${user} notifications`,
      );
      const reveal = await api.post(user, `/api/cases/${caseId}/reporter/reveal`, { reason: "想看看" });
      expect(reveal.statusCode, user).toBe(403);
      expectNoReporter(reveal.body, `${user} reveal`);
    }
  });

  it("keeps a dispute's complainant as confidential as a reporter: masked to those who may reveal, hidden from the rest", async () => {
    const complainant = "买买提·纠纷投诉人";
    const r = await api.file(
      "member",
      report(
        {
          source: "dispute",
          title: "砖厂粉尘落到农户葡萄晾房",
          category: "industrial_air",
          disputeParties: [
            { name: complainant, role: "投诉方" },
            { name: "亚尔村红星砖厂", role: "被投诉方" },
          ],
          reporter: { name: complainant },
        },
        yaer,
      ),
    );
    expect(r.statusCode, r.body).toBe(201);
    for (const user of ["member", "gridhead", "leader", "supervisor"]) {
      const detail = await api.get(user, `/api/cases/${r.json().id}`);
      expect(detail.body, user).not.toContain("买买提");
      expect(detail.json().disputeParties, user).toEqual([
        { name: "（保密）", role: "投诉方" },
        { name: "亚尔村红星砖厂", role: "被投诉方" },
      ]);
    }
    for (const user of ["township", "office"]) {
      const detail = await api.get(user, `/api/cases/${r.json().id}`);
      expect(detail.body, user).not.toContain(complainant);
      expect(detail.json().disputeParties[0].name, user).toMatch(/^买\*+$/);
      expect(detail.json().disputeParties[1].name, user).toBe("亚尔村红星砖厂");
    }
  });

  it("shows the accepting township and the district office a masked form, and reveals it on request, audited", async () => {
    for (const user of ["township", "office"]) {
      const detail = (await api.get(user, `/api/cases/${caseId}`)).json();
      expect(detail.reporter).toEqual({
        kind: "confidential",
        canReveal: true,
        maskedName: "阿***********",
        maskedContact: MASKED_CONTACT,
      });
      expect(JSON.stringify(detail)).not.toContain(CONTACT);
      expectNoReporter((await api.get(user, "/api/cases?pageSize=200")).body, `${user} list`);
    }
    expect((await api.post("township", `/api/cases/${caseId}/reporter/reveal`, {})).statusCode).toBe(400);
    const reveal = await api.post("township", `/api/cases/${caseId}/reporter/reveal`, {
      reason: "电话回访举报人",
    });
    expect(reveal.statusCode).toBe(200);
    expect(reveal.json()).toEqual({ name: NAME, contact: CONTACT, complainant: null });
    expect(reveal.headers["cache-control"]).toBe("no-store");
    const audits = await t.query<{
      actorName: string;
      after: { reason: string; fields: string[]; trackingNo: string };
    }>(
      sql`select actor_name as "actorName", after from audit_log where action = 'case.reporter_reveal' and entity_id = ${String(caseId)}`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorName: "township",
      after: { reason: "电话回访举报人", fields: ["name", "contact"], trackingNo },
    });
  });

  it("keeps it out of the audit trail, the timeline, notifications, stored responses, the public page and the log", async () => {
    const leaks = await t.query<{ source: string; n: number }>(
      sql`select 'audit' as source, count(*)::int as n from audit_log a where a::text like ${`%${CONTACT}%`} or a::text like ${`%${NAME}%`}
          union all select 'events', count(*)::int from case_events e where e::text like ${`%${CONTACT}%`} or e::text like ${`%${NAME}%`}
          union all select 'notifications', count(*)::int from notifications n where n::text like ${`%${CONTACT}%`} or n::text like ${`%${NAME}%`}
          union all select 'idempotency', count(*)::int from idempotency_keys k where k::text like ${`%${CONTACT}%`} or k::text like ${`%${NAME}%`}
                     or k::text like ${`%${MASKED_CONTACT}%`} or k::text like '%阿***%'`,
    );
    expect(leaks).toEqual([
      { source: "audit", n: 0 },
      { source: "events", n: 0 },
      { source: "notifications", n: 0 },
      { source: "idempotency", n: 0 },
    ]);
    const progress = await t.app.inject({ method: "GET", url: `/api/public/cases/${trackingNo}` });
    expect(progress.statusCode).toBe(200);
    expectNoReporter(progress.body, "public page");
    const log = logLines.join("");
    expect(log.length).toBeGreaterThan(1000); // the requests above were logged…
    expect(log).not.toContain(CONTACT); // …without the identity
    expect(log).not.toContain(NAME);
  });

  it("rotates to a new key: rows re-encrypted, still revealed, the old key no longer needed", async () => {
    const oldKey = t.config.reporterKeys.current.key.toString("base64");
    const newKey = randomBytes(32).toString("base64");
    const during = { ...t.config, reporterKeys: parseReporterKeys(newKey, oldKey, { production: true }) };
    const result = await rotateReporterKey(t.database.db, during);
    expect(result.remaining).toBe(0);
    expect(result.reencrypted).toBeGreaterThanOrEqual(1);
    // a report sent before the rotation and resent from a phone's outbox during it gets its first answer
    const duringApp = await buildApp({ config: during, database: t.database });
    await duringApp.ready();
    try {
      const resend = await duringApp.inject({
        method: "POST",
        url: "/api/cases",
        headers: { cookie: cookies.member, "idempotency-key": filed.key },
        payload: filed.body as object,
      });
      expect(resend.statusCode, resend.body).toBe(201);
      expect(resend.json().id).toBe(caseId);
    } finally {
      await duringApp.close();
    }
    const after = { ...t.config, reporterKeys: parseReporterKeys(newKey, undefined, { production: true }) };
    const [row] = await t.query<{ keyId: string }>(
      sql`select reporter_key_id as "keyId" from cases where id = ${caseId}`,
    );
    expect(row.keyId).toBe(after.reporterKeys.current.id);
    const rotated = await buildApp({ config: after, database: t.database });
    await rotated.ready();
    try {
      const r = await rotated.inject({
        method: "POST",
        url: `/api/cases/${caseId}/reporter/reveal`,
        headers: { cookie: cookies.office },
        payload: { reason: "密钥轮换后核对" },
      });
      expect(r.json()).toEqual({ name: NAME, contact: CONTACT, complainant: null });
    } finally {
      await rotated.close();
    }
  });
});
