import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { legMetres } from "../../server/domain/patrol/track-measure.ts";
import { WORKBOOK_ROW_LIMIT } from "../../server/spreadsheets/export-cap.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const u of ["member", "township", "office", "villagehead"]) cookies[u] = await t.login(u);
  // A member of another township's village (胜金村).
  const [other] = await t.query<{ username: string }>(
    sql`select u.username from grid_personnel p join users u on u.id = p.user_id join grids g on g.id = p.grid_id
         where g.name = '胜金村' and p.duty_role = 'member' and p.removed_at is null order by p.id limit 1`,
  );
  cookies.other = await t.login(other.username);
});
afterAll(() => t?.close());

const get = (user: string, url: string) =>
  t.app.inject({ method: "GET", url, headers: { cookie: cookies[user] } });
const post = (user: string, url: string, payload: unknown, key?: string) =>
  t.app.inject({
    method: "POST",
    url,
    payload: payload as object,
    headers: { cookie: cookies[user], ...(key ? { "idempotency-key": key } : {}) },
  });

/** A small JPEG carrying a GPS position in its EXIF, as a phone's camera writes it. */
function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#6a7" } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "42/1 57/1 0/1" } })
    .toBuffer();
}

async function objectInYaer() {
  const [o] = await t.query<{ id: number; lon: number; lat: number }>(
    sql`select o.id, ST_X(ST_PointOnSurface(o.location)) as lon, ST_Y(ST_PointOnSurface(o.location)) as lat
          from supervised_objects o join grids g on g.id = o.grid_id
         where g.name = '亚尔村' and o.status = 'active' and GeometryType(o.location) = 'POINT' order by o.id limit 1`,
  );
  return o;
}

describe("patrol plan", () => {
  it("gives the demo member of 亚尔村 due patrols on first start, only in 亚尔村", async () => {
    const r = await get("member", "/api/patrols/plan");
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { gridName: string; status: string; checklist: unknown[] }[];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.gridName))).toEqual(new Set(["亚尔村"]));
    expect(items.some((i) => i.status !== "done")).toBe(true);
    expect(items[0].checklist.length).toBeGreaterThan(0);
  });

  it("shows blind spots and the demo history in the ledger", async () => {
    const spots = (await get("township", "/api/patrols/blind-spots")).json().items;
    expect(spots.length).toBeGreaterThan(0);
    const ledger = (await get("township", "/api/patrols?pageSize=5")).json();
    expect(ledger.total).toBeGreaterThan(0);
    expect(ledger.items[0].distanceM).toBeGreaterThan(0);
    const activity = (await get("township", "/api/patrols/activity")).json().items;
    expect(activity[0].daysActive).toBeGreaterThan(0);
  });

  it("exports the ledger as XLSX", async () => {
    const r = await get("member", "/api/patrols/export.xlsx");
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("巡查台账");
    expect(sheet?.getRow(1).getCell(3).value).toBe("巡查人员");
    expect(sheet?.rowCount).toBeGreaterThan(1);
  });
});

/**
 * The patrol's distance equals its unflagged points measured again from scratch, and the JavaScript leg length
 * agrees with PostGIS's spheroid distance.
 */
async function expectKeptLegsAddUp(patrolId: number, distanceM: number) {
  const stored = await t.query<{ lon: number; lat: number; spheroid: number | null }>(
    sql`select lon, lat, ST_Distance(geography(ST_SetSRID(ST_MakePoint(lon, lat), 4326)),
                 geography(ST_SetSRID(ST_MakePoint(lag(lon) over w, lag(lat) over w), 4326))) as spheroid
          from patrol_track_points where patrol_id = ${patrolId} and flags = 0
        window w as (order by t) order by t`,
  );
  let whole = 0;
  for (let i = 1; i < stored.length; i++) {
    const leg = legMetres(stored[i - 1].lon, stored[i - 1].lat, stored[i].lon, stored[i].lat);
    expect(Math.abs(leg - (stored[i].spheroid as number))).toBeLessThan(leg * 1e-5);
    whole += leg;
  }
  expect(distanceM).toBe(Math.round(whole));
}

describe("a patrol in the field", () => {
  let patrolId: number;

  it("starts once per Idempotency-Key", async () => {
    const startedAt = new Date(Date.now() - 3_600_000).toISOString();
    const a = await post("member", "/api/patrols", { startedAt }, "start-0001");
    const b = await post("member", "/api/patrols", { startedAt }, "start-0001");
    expect(a.statusCode).toBe(200);
    expect(b.json()).toEqual(a.json());
    expect(b.headers["idempotent-replayed"]).toBe("true");
    patrolId = a.json().id;
    const [{ n }] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from patrols where id = ${patrolId}`,
    );
    expect(n).toBe(1);
    // The same key with another start is refused, and starts nothing.
    const reused = await post(
      "member",
      "/api/patrols",
      { startedAt: new Date().toISOString() },
      "start-0001",
    );
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error).toBe("idempotency_key_reused");
    // The same key from another account is that account's own key.
    const c = await post("villagehead", "/api/patrols", {}, "start-0001");
    expect(c.json().id).not.toBe(patrolId);
  });

  it("ingests tracks idempotently whatever the batch order, and flags implausible points", async () => {
    const o = await objectInYaer();
    const t0 = Date.now() - 50 * 60_000;
    const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
    const p = (min: number, dLat: number, accuracy = 10) => ({
      t: at(min),
      lon: o.lon,
      lat: o.lat + dLat,
      accuracy,
    });
    const batch1 = [p(0, 0), p(1, 0.001), p(2, 0.002)];
    const batch2 = [p(3, 0.003), p(4, 0.5) /* 55 km in a minute */, p(5, 0.004, 300)];
    const batch3 = [p(7, 0.006), p(6, 0.005) /* time backwards in the batch */];
    const url = `/api/patrols/${patrolId}/track`;
    const r2 = await post("member", url, { points: batch2 });
    expect(r2.json()).toMatchObject({ received: 3, stored: 3 });
    const r1 = await post("member", url, { points: batch1 });
    expect(r1.json()).toMatchObject({ stored: 3, duplicates: 0 });
    const again = await post("member", url, { points: [...batch2, ...batch1] });
    expect(again.json()).toMatchObject({ received: 6, stored: 0, duplicates: 6, pointCount: 6 });
    await post("member", url, { points: batch3 });
    const detail = (await get("member", `/api/patrols/${patrolId}`)).json();
    const flags = Object.fromEntries(detail.track.map((x: { t: string; flags: string[] }) => [x.t, x.flags]));
    expect(flags[at(4)]).toContain("speed");
    expect(flags[at(5)]).toContain("accuracy");
    expect(flags[at(6)]).toContain("timeBackwards");
    expect(flags[at(1)]).toEqual([]);
    expect(detail.track.map((x: { t: string }) => x.t)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map(at));
    // Distance over the plausible points only: about 111 m per 0.001° of latitude.
    expect(detail.distanceM).toBeGreaterThan(500);
    expect(detail.distanceM).toBeLessThan(1000);
    // The legs kept batch by batch add up to the walk measured again from scratch.
    await expectKeptLegsAddUp(patrolId, detail.distanceM);
  });

  it("measures a batch that continues the track from the kept tail, as a whole re-measure would", async () => {
    const o = await objectInYaer();
    const t0 = Date.now() - 50 * 60_000;
    const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
    const url = `/api/patrols/${patrolId}/track`;
    // Later than every stored point: a jump, and the point after it is as fast coming back (both flagged).
    const r = await post("member", url, {
      points: [
        { t: at(8), lon: o.lon, lat: o.lat + 0.007 },
        { t: at(9), lon: o.lon, lat: o.lat + 0.04 },
        { t: at(10), lon: o.lon + 0.001, lat: o.lat + 0.009 },
      ],
    });
    expect(r.json()).toMatchObject({ received: 3, stored: 3, flagged: 2, pointCount: 11 });
    const detail = (await get("member", `/api/patrols/${patrolId}`)).json();
    expect(detail.track.find((x: { t: string }) => x.t === at(9)).flags).toEqual(["speed"]);
    await expectKeptLegsAddUp(patrolId, r.json().distanceM);
    expect(detail.distanceM).toBe(r.json().distanceM);
    // A point written behind the kept tail's back (no command does): the batch still stores once, exactly.
    await t.query(
      sql`insert into patrol_track_points (patrol_id, t, lon, lat, flags)
          values (${patrolId}, ${at(11)}, ${o.lon + 0.001}, ${o.lat + 0.0095}, 0)`,
    );
    const late = await post("member", url, {
      points: [
        { t: at(11), lon: o.lon + 0.001, lat: o.lat + 0.0095 },
        { t: at(12), lon: o.lon + 0.001, lat: o.lat + 0.01 },
      ],
    });
    expect(late.json()).toMatchObject({ received: 2, stored: 1, duplicates: 1, flagged: 0, pointCount: 13 });
    await expectKeptLegsAddUp(patrolId, late.json().distanceM);
  });

  it("refuses points from the future and malformed batches without storing anything", async () => {
    const url = `/api/patrols/${patrolId}/track`;
    const future = await post("member", url, {
      points: [{ t: new Date(Date.now() + 3_600_000).toISOString(), lon: 89, lat: 42 }],
    });
    expect(future.statusCode).toBe(422);
    expect((await post("member", url, { points: [{ t: "yesterday", lon: 89, lat: 42 }] })).statusCode).toBe(
      400,
    );
    expect(
      (await post("member", url, { points: [{ t: new Date().toISOString(), lon: 200, lat: 42 }] }))
        .statusCode,
    ).toBe(400);
    // RFC 3339 allows a leap second, which no JavaScript date can hold: a 400, not a 500 further on.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const leap = await post("member", url, { points: [{ t: `${yesterday}T23:59:60Z`, lon: 89, lat: 42 }] });
    expect(leap.statusCode, leap.body).toBe(400);
    expect(leap.json().message).toMatch(/\p{Script=Han}/u);
  });

  it("refuses a check-in too far away, with the distance in metres", async () => {
    const o = await objectInYaer();
    const r = await post("member", `/api/patrols/${patrolId}/checkins`, {
      objectId: o.id,
      lon: o.lon,
      lat: o.lat + 0.005, // ≈ 556 m north
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toBe("checkin_too_far");
    expect(r.json().message).toMatch(/距离该监管对象 5\d\d 米/);
    expect(r.json().details.distanceM).toBeGreaterThan(540);
    expect(r.json().details.radiusM).toBe(200);
  });

  it("checks in nearby once per Idempotency-Key, with checklist answers and a photo", async () => {
    const o = await objectInYaer();
    const [{ type }] = await t.query<{ type: string }>(
      sql`select type from supervised_objects where id = ${o.id}`,
    );
    const plan = (await get("member", "/api/patrols/plan")).json().items as {
      objectId: number;
      checklist: { key: string }[];
    }[];
    const checklist = plan.find((i) => i.objectId === o.id)?.checklist ?? [];
    const answers = Object.fromEntries(checklist.map((i) => [i.key, "ok"]));
    const body = {
      objectId: o.id,
      lon: o.lon + 0.0005, // ≈ 40 m east
      lat: o.lat,
      accuracy: 12,
      answers,
      finding: "排放口有异味",
      photo: `data:image/jpeg;base64,${(await photoWithGps()).toString("base64")}`,
    };
    // bytes that only claim to be a photo are refused before anything is stored
    const fake = await post(
      "member",
      `/api/patrols/${patrolId}/checkins`,
      { ...body, photo: `data:image/png;base64,${Buffer.from("fake png").toString("base64")}` },
      "checkin-fake",
    );
    expect(fake.statusCode).toBe(422);
    expect(fake.json()).toMatchObject({ error: "undecodable_image", message: "图片文件已损坏，无法识别" });
    const a = await post("member", `/api/patrols/${patrolId}/checkins`, body, "checkin-0001");
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().distanceM).toBeGreaterThan(30);
    expect(a.json().hasPhoto).toBe(true);
    const b = await post("member", `/api/patrols/${patrolId}/checkins`, body, "checkin-0001");
    expect(b.json()).toEqual(a.json());
    const [{ n }] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from patrol_checkins where patrol_id = ${patrolId}`,
    );
    expect(n).toBe(1);
    expect(type).toBeTruthy();
    // the township sees the photo, upright and without the phone's EXIF (GPS, device); another village does not
    const photoUrl = `/api/patrols/${patrolId}/checkins/${a.json().id}/photo`;
    const photo = await get("township", photoUrl);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/jpeg");
    const meta = await sharp(photo.rawPayload).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 64, height: 48 });
    expect(meta.exif).toBeUndefined();
    expect((await get("other", photoUrl)).statusCode).toBe(404);
    // a photo stored before check-ins were cleaned on arrival, EXIF and all, is cleaned on the way out
    await t.query(sql`update patrol_checkins set photo = ${await photoWithGps()} where id = ${a.json().id}`);
    const legacy = await get("township", photoUrl);
    expect(legacy.statusCode).toBe(200);
    expect((await sharp(legacy.rawPayload).metadata()).exif).toBeUndefined();
    expect(
      (await get("township", `/api/patrols/${patrolId}/checkins/${a.json().id + 1000}/photo`)).statusCode,
    ).toBe(404);
    const wrong = await post("member", `/api/patrols/${patrolId}/checkins`, {
      ...body,
      answers: { bogus: "ok" },
    });
    expect(wrong.statusCode).toBe(400);
    // The plan now counts the visit; the object's archive lists it.
    const item = (await get("member", "/api/patrols/plan"))
      .json()
      .items.find((i: { objectId: number }) => i.objectId === o.id);
    expect(item.done).toBeGreaterThan(0);
    const archive = (await get("member", `/api/objects/${o.id}/archive`)).json();
    expect(archive.archive.patrols[0].patrolId).toBe(patrolId);
  });

  it("finishes once, and keeps the patrol out of other villages' reach", async () => {
    const f1 = await post("member", `/api/patrols/${patrolId}/finish`, {}, "finish-0001");
    expect(f1.statusCode).toBe(200);
    expect(f1.json().pointCount).toBe(13);
    // Finishing measures the whole patrol again: the same distance as kept batch by batch.
    await expectKeptLegsAddUp(patrolId, f1.json().distanceM);
    // the same patrol however its id is spelled: the same key's scope, so the first answer
    const resent = await post("member", `/api/patrols/0${patrolId}/finish`, {}, "finish-0001");
    expect(resent.headers["idempotent-replayed"]).toBe("true");
    expect(resent.json()).toEqual(f1.json());
    const f2 = await post("member", `/api/patrols/${patrolId}/finish`, {});
    expect(f2.statusCode).toBe(200);
    expect(f2.json().finishedAt).toBe(f1.json().finishedAt);
    expect((await get("other", `/api/patrols/${patrolId}`)).statusCode).toBe(404);
    expect(
      (
        await post("other", `/api/patrols/${patrolId}/track`, {
          points: [{ t: new Date().toISOString(), lon: 89, lat: 42 }],
        })
      ).statusCode,
    ).toBe(404);
    const o = await objectInYaer();
    const own = await post("other", "/api/patrols", {}, "other-start");
    expect(own.statusCode).toBe(200);
    const foreign = await post("other", `/api/patrols/${own.json().id}/checkins`, {
      objectId: o.id,
      lon: o.lon,
      lat: o.lat,
    });
    expect(foreign.statusCode).toBe(404);
    const ledger = (await get("other", "/api/patrols?pageSize=200")).json();
    expect(ledger.items.some((p: { id: number }) => p.id === patrolId)).toBe(false);
    expect((await get("township", `/api/patrols/${patrolId}`)).statusCode).toBe(200);
  });
});

describe("keys stored before migration 0016 (the patrol table)", () => {
  it("still answer a phone's resend with the first answer, whatever its body", async () => {
    // The table as migration 0007 made it, holding a start and a finish answered before the upgrade.
    const started = (await post("villagehead", "/api/patrols", {})).json();
    const finished = (await post("villagehead", `/api/patrols/${started.id}/finish`, {})).json();
    const [{ id: userId }] = await t.query<{ id: number }>(
      sql`select id from users where username = 'villagehead'`,
    );
    await t.query(sql`create table patrol_idempotency (user_id integer not null references users(id),
      key text not null, operation text not null, response jsonb not null,
      created_at timestamptz not null default now(), primary key (user_id, key))`);
    await t.query(sql`insert into patrol_idempotency (user_id, key, operation, response) values
      (${userId}, 'old-start', 'patrol.start', ${JSON.stringify(started)}::jsonb),
      (${userId}, 'old-finish', 'patrol.finish', ${JSON.stringify(finished)}::jsonb)`);
    const migration = readFileSync(
      new URL("../../server/db/migrations/0016_patrol_keys_in_idempotency_keys.sql", import.meta.url),
      "utf8",
    );
    for (const statement of migration.split(/;\s*$/m).filter((s) => s.replace(/--.*$/gm, "").trim()))
      await t.query(sql.raw(statement));

    const patrols = async () =>
      (
        await t.query<{ n: number }>(sql`select count(*)::int as n from patrols where member_id = ${userId}`)
      )[0].n;
    const before = await patrols();
    const start = await post("villagehead", "/api/patrols", { note: "重发" }, "old-start");
    expect(start.statusCode).toBe(200);
    expect(start.headers["idempotent-replayed"]).toBe("true");
    expect(start.json()).toEqual(started);
    const finish = await post("villagehead", `/api/patrols/${started.id}/finish`, {}, "old-finish");
    expect(finish.headers["idempotent-replayed"]).toBe("true");
    expect(finish.json()).toEqual(finished);
    expect(await patrols()).toBe(before);
    const [{ n }] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from pg_tables where tablename = 'patrol_idempotency'`,
    );
    expect(n).toBe(0);
  });
});

describe("ledger export limit", () => {
  it("refuses more patrols than one workbook holds instead of cutting the ledger short", async () => {
    await t.query(
      sql`insert into patrols (member_id, grid_id, started_at, finished_at, status, note)
          select p.member_id, p.grid_id, p.started_at, p.finished_at, 'finished', '批量巡查'
            from (select * from patrols where status = 'finished' order by id limit 1) p,
                 generate_series(1, ${WORKBOOK_ROW_LIMIT + 1})`,
    );
    try {
      const r = await get("office", "/api/patrols/export.xlsx");
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ error: "export_too_large", details: { records: "patrols" } });
      expect(r.json().message).toMatch(/巡查记录共 .* 条，超过单次导出上限 50,000 条/);
      // the list still pages
      expect((await get("office", "/api/patrols?pageSize=1")).json().total).toBeGreaterThan(
        WORKBOOK_ROW_LIMIT,
      );
    } finally {
      await t.query(sql`delete from patrols where note = '批量巡查'`);
    }
  });
});
