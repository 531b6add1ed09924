import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { TestApp } from "./test-app.ts";

export interface Point {
  lng: number;
  lat: number;
}

/** A point inside the named grid (PostGIS's point on surface, so it is inside even for odd shapes). */
export async function pointIn(t: TestApp, gridName: string): Promise<Point> {
  const [p] = await t.query<Point>(
    sql`select ST_X(ST_PointOnSurface(boundary)) as lng, ST_Y(ST_PointOnSurface(boundary)) as lat
          from grids where name = ${gridName} order by level desc limit 1`,
  );
  if (!p) throw new Error(`no grid ${gridName}`);
  return p;
}

/** A point about `meters` east of another one. */
export function east(p: Point, meters: number): Point {
  return { lng: p.lng + meters / (111_320 * Math.cos((p.lat * Math.PI) / 180)), lat: p.lat };
}

export async function idOf(
  t: TestApp,
  table: "grids" | "departments" | "users",
  where: string,
): Promise<number> {
  const column = table === "users" ? "username" : table === "departments" ? "code" : "name";
  const [row] = await t.query<{ id: number }>(
    sql`select id from ${sql.raw(table)} where ${sql.raw(column)} = ${where} order by id limit 1`,
  );
  if (!row) throw new Error(`no ${table} ${where}`);
  return row.id;
}

export function report(over: Record<string, unknown> = {}, at?: Point) {
  return {
    source: "patrol_finding",
    title: "企业烟囱冒黑烟",
    description: "巡查发现某砖厂烟囱持续排放黑烟，周边有明显异味。",
    category: "industrial_air",
    ...(at ? { location: at } : {}),
    ...over,
  };
}

export function caseApi(t: TestApp, cookies: Record<string, string>) {
  return {
    file: (user: string, body: unknown, key: string = randomUUID()) =>
      t.app.inject({
        method: "POST",
        url: "/api/cases",
        headers: { cookie: cookies[user], "idempotency-key": key },
        payload: body as object,
      }),
    get: (user: string, url: string) =>
      t.app.inject({ method: "GET", url, headers: { cookie: cookies[user] } }),
    /** Files a report and reads the case as the filer then sees it (the 201 answer is only a receipt). */
    async fileAndRead(user: string, body: unknown) {
      const filed = await this.file(user, body);
      expect(filed.statusCode, filed.body).toBe(201);
      const detail = await this.get(user, `/api/cases/${filed.json().id}`);
      expect(detail.statusCode, detail.body).toBe(200);
      return detail.json();
    },
    post: (user: string, url: string, body: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: "POST",
        url,
        headers: { cookie: cookies[user], ...headers },
        payload: body as object,
      }),
    /** Fires a transition with the case's current version, as the client would after loading it. */
    async act(user: string, id: number, body: Record<string, unknown>) {
      const current = await t.app.inject({
        method: "GET",
        url: `/api/cases/${id}`,
        headers: { cookie: cookies.office },
      });
      const version = current.json().version;
      return t.app.inject({
        method: "POST",
        url: `/api/cases/${id}/transitions`,
        headers: { cookie: cookies[user] },
        payload: { version, ...body },
      });
    },
    /** Like act, but the transition must succeed; returns the detail. */
    async step(user: string, id: number, body: Record<string, unknown>) {
      const r = await this.act(user, id, body);
      expect(r.statusCode, `${body.action} by ${user}: ${r.body}`).toBe(200);
      return r.json();
    },
    /**
     * The department (demo `dept`) records its handling with a photo and its feedback, and the township officer
     * (demo `township`) gives whatever feedback the case still asks for; returns the detail at feedback_given.
     */
    async handledWithFeedback(id: number) {
      await this.step("dept", id, {
        action: "record_handling",
        result: "rectification_order",
        summary: "已下达责令改正决定书",
        evidenceIds: [await uploadPhoto(t, cookies.dept, id)],
      });
      await this.step("dept", id, { action: "give_feedback", summary: "企业已整改" });
      let d = (await this.get("township", `/api/cases/${id}`)).json();
      if (d.allowedActions.includes("reply_to_reporter"))
        d = await this.step("township", id, { action: "reply_to_reporter", summary: "已责令整改" });
      if (d.allowedActions.includes("inform_lower_grid"))
        d = await this.step("township", id, { action: "inform_lower_grid" });
      expect(d.stage).toBe("feedback_given");
      return d;
    },
  };
}

/** Creates an account through the security administrator's API. */
export async function createAccount(
  t: TestApp,
  secadminCookie: string,
  account: { username: string; role: string; gridId?: number; departmentId?: number; phone?: string },
): Promise<number> {
  const r = await t.app.inject({
    method: "POST",
    url: "/api/users",
    headers: { cookie: secadminCookie },
    payload: { displayName: account.username, password: "Test@12345x", ...account },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

/** A new account (createAccount) and its session cookie. */
export async function loggedInAccount(
  t: TestApp,
  secadminCookie: string,
  account: Parameters<typeof createAccount>[2],
): Promise<string> {
  await createAccount(t, secadminCookie, account);
  return t.login(account.username, "Test@12345x");
}

/** A multipart/form-data body with optional text fields and one file, for app.inject. */
export function multipartBody(
  file: { bytes: Buffer; filename: string; contentType: string },
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----envgrid${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** A small real photo (JPEG by default), so evidence checks that decode images pass. */
export async function photo(format: "jpeg" | "png" | "webp" = "jpeg", color = "#3a7"): Promise<Buffer> {
  const sharp = (await import("sharp")).default;
  return sharp({ create: { width: 32, height: 24, channels: 3, background: color } })
    .toFormat(format)
    .toBuffer();
}

export async function uploadPhoto(
  t: TestApp,
  cookie: string,
  caseId: number,
  bytes?: Buffer,
  filename = "photo.jpg",
): Promise<number> {
  const body = multipartBody({ bytes: bytes ?? (await photo()), filename, contentType: "image/jpeg" });
  const r = await t.app.inject({
    method: "POST",
    url: `/api/cases/${caseId}/evidence`,
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

/**
 * New reports (stage `reported`, no department yet, a confidential reporter) in 亚尔村, in another village of
 * 亚尔镇 and in a village of 胜金乡, filed by the district office as 重要, so the office is alerted and has a
 * notification of its own: the scoped-write sweeps need such records in and out of each caller's reach, and
 * the demo's cases and notifications are whatever the day and hour they were seeded left them.
 */
export async function fileOpenCasesAcrossTownships(t: TestApp, officeCookie: string): Promise<void> {
  const villages = await t.query<{ name: string }>(
    sql`select name from grids where name = '亚尔村'
        union all (select v.name from grids v join grids p on p.id = v.parent_id
                    where p.name = '亚尔镇' and v.name <> '亚尔村' and v.retired_at is null order by v.id limit 1)
        union all (select v.name from grids v join grids p on p.id = v.parent_id
                    where p.name = '胜金乡' and v.retired_at is null order by v.id limit 1)`,
  );
  for (const { name } of villages) {
    const filed = await t.app.inject({
      method: "POST",
      url: "/api/cases",
      headers: { cookie: officeCookie, "idempotency-key": randomUUID() },
      // 重要: the district office is alerted too, so it has a notification of its own whatever the day's demo
      payload: report(
        {
          source: "public_report",
          priority: "important",
          title: `${name}群众来电反映异味`,
          reporter: { name: "测试来电人" },
        },
        await pointIn(t, name),
      ),
    });
    expect(filed.statusCode, filed.body).toBe(201);
  }
}
