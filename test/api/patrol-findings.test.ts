import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseApi, multipartBody, photo, report } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

// A finding reported from the field app: a case that names its patrol and the object checked (docs/patrol.md).
let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-findings-"));
let ownPatrol: number;
let othersPatrol: number;
let object: { id: number; lng: number; lat: number };
let foreignObject: number;

const objectIn = (village: string) =>
  t.query<{ id: number; lng: number; lat: number }>(
    sql`select o.id, ST_X(ST_PointOnSurface(o.location)) as lng, ST_Y(ST_PointOnSurface(o.location)) as lat
          from supervised_objects o join grids g on g.id = o.grid_id
         where g.name = ${village} and o.status = 'active' order by o.id limit 1`,
  );

async function startPatrol(user: string): Promise<number> {
  const r = await api.post(user, "/api/patrols", {}, { "idempotency-key": `start-${user}-finding` });
  // 200 when the member already has an active patrol (it is answered instead of a second one)
  expect([200, 201], r.body).toContain(r.statusCode);
  return r.json().id;
}

beforeAll(async () => {
  t = await startTestApp({ uploadDir });
  api = caseApi(t, cookies);
  for (const u of ["member", "township"]) cookies[u] = await t.login(u);
  // A member of another township's village (胜金村): their patrol and objects are not the demo member's.
  const [other] = await t.query<{ username: string }>(
    sql`select u.username from grid_personnel p join users u on u.id = p.user_id join grids g on g.id = p.grid_id
         where g.name = '胜金村' and p.duty_role = 'member' and p.removed_at is null order by p.id limit 1`,
  );
  cookies.other = await t.login(other.username);
  [object] = await objectIn("亚尔村");
  foreignObject = (await objectIn("胜金村"))[0].id;
  ownPatrol = await startPatrol("member");
  othersPatrol = await startPatrol("other");
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

const finding = (over: Record<string, unknown> = {}) =>
  report(
    { patrolId: ownPatrol, objectId: object.id, ...over },
    { lng: object.lng + 0.0002, lat: object.lat },
  );

describe("a patrol finding becomes a case", () => {
  it("links the patrol and object, once per Idempotency-Key, with one photo however often it is resent", async () => {
    const key = "finding-case-0001";
    const first = await api.file("member", finding(), key);
    expect(first.statusCode, first.body).toBe(201);
    const created = (await api.get("member", `/api/cases/${first.json().id}`)).json();
    expect(created.source).toBe("patrol_finding");
    expect(created.patrol).toMatchObject({ id: ownPatrol });
    expect(created.object).toMatchObject({ id: object.id });

    // the phone lost the answer and sends again: the same case, not a second one
    const again = await api.file("member", finding(), key);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(created.id);
    const [{ n }] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from cases where patrol_id = ${ownPatrol} and object_id = ${object.id}`,
    );
    expect(n).toBe(1);

    // the photo taken offline follows with its own key; a resend stores nothing new
    const bytes = await photo();
    for (let i = 0; i < 2; i++) {
      const body = multipartBody({ bytes, filename: "finding.jpg", contentType: "image/jpeg" });
      const r = await t.app.inject({
        method: "POST",
        url: `/api/cases/${created.id}/evidence`,
        headers: { cookie: cookies.member, "idempotency-key": "finding-photo-0001", ...body.headers },
        payload: body.payload,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const [{ photos }] = await t.query<{ photos: number }>(
      sql`select count(*)::int as photos from case_evidence where case_id = ${created.id}`,
    );
    expect(photos).toBe(1);

    // the detail and the object's archive show where the case came from
    const detail = (await api.get("township", `/api/cases/${created.id}`)).json();
    expect(detail.patrol.memberName).toBeTruthy();
    expect(detail.object.name).toBeTruthy();
    const archive = (await api.get("township", `/api/objects/${object.id}/archive`)).json();
    expect(archive.archive.cases.map((c: { id: number }) => c.id)).toContain(created.id);
    expect(archive.archive.cases[0]).toMatchObject({ patrolId: ownPatrol, sourceName: "网格巡查发现" });
  });

  it("refuses someone else's patrol, an object outside the caller's grids, and a patrol on another source", async () => {
    const others = await api.file("member", finding({ patrolId: othersPatrol }));
    expect(others.statusCode).toBe(422);
    expect(others.json()).toMatchObject({
      error: "patrol_not_own",
      message: expect.stringContaining("巡查"),
    });

    const foreign = await api.file("member", finding({ objectId: foreignObject }));
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toMatchObject({ error: "object_out_of_scope" });

    const missing = await api.file("member", finding({ patrolId: 2147483000 }));
    expect(missing.statusCode).toBe(422);

    const wrongSource = await api.file("member", finding({ source: "public_report" }));
    expect(wrongSource.statusCode).toBe(422);
    expect(wrongSource.json().error).toBe("patrol_source_required");

    const [{ n }] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from cases where patrol_id = ${othersPatrol} or object_id = ${foreignObject}`,
    );
    expect(n).toBe(0);
  });

  it("accepts an object link alone (a report about an enterprise, no patrol)", async () => {
    const created = await api.fileAndRead("member", finding({ patrolId: undefined }));
    expect(created).toMatchObject({ patrol: null, object: { id: object.id } });
  });

  it("answers a resend with the first answer even when the object was retired in between", async () => {
    const [, second] = await t.query<{ id: number; lng: number; lat: number }>(
      sql`select o.id, ST_X(ST_PointOnSurface(o.location)) as lng, ST_Y(ST_PointOnSurface(o.location)) as lat
            from supervised_objects o join grids g on g.id = o.grid_id
           where g.name = '亚尔村' and o.status = 'active' order by o.id limit 2`,
    );
    const body = report(
      { objectId: second.id, title: "发送后对象注销" },
      { lng: second.lng + 0.0002, lat: second.lat },
    );
    const first = await api.file("member", body, "finding-retired-0001");
    expect(first.statusCode, first.body).toBe(201);
    await t.query(
      sql`update supervised_objects set status = 'retired', retired_at = now() where id = ${second.id}`,
    );
    try {
      // the phone lost the answer and resends: the case exists, so it is not refused
      const again = await api.file("member", body, "finding-retired-0001");
      expect(again.statusCode, again.body).toBe(201);
      expect(again.headers["idempotent-replayed"]).toBe("true");
      expect(again.json()).toEqual(first.json());
      // a new submission about the retired object is refused
      const fresh = await api.file("member", body, "finding-retired-0002");
      expect(fresh.statusCode).toBe(422);
      expect(fresh.json().error).toBe("object_out_of_scope");
    } finally {
      await t.query(
        sql`update supervised_objects set status = 'active', retired_at = null where id = ${second.id}`,
      );
    }
  });
});
