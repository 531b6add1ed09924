import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD, startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });

describe("login and sessions", () => {
  it("sets an httpOnly SameSite=Strict cookie with a fresh token each time, stored only hashed", async () => {
    const first = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "office", password: DEMO_PASSWORD },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().user.username).toBe("office");
    const cookie = first.cookies.find((c) => c.name === "envgrid_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
    expect(cookie?.path).toBe("/");
    const second = await t.login("office");
    expect(second).not.toBe(`envgrid_session=${cookie?.value}`);
    const stored = await t.query<{ token_hash: string }>(sql`select token_hash from sessions`);
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie?.value);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
  });

  it("marks the cookie Secure behind TLS", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "office", password: DEMO_PASSWORD },
      headers: { "x-forwarded-proto": "https" },
    });
    expect(response.cookies[0].secure ?? false).toBe(false); // no trustProxy: the header is not believed
    const secure = await startTestApp({ cookieSecure: true });
    const r2 = await secure.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "office", password: DEMO_PASSWORD },
    });
    expect(r2.cookies[0].secure).toBe(true);
    expect(r2.headers["strict-transport-security"]).toMatch(/max-age=/);
    await secure.close();
  });

  it("hashes passwords with argon2id", async () => {
    const [row] = await t.query<{ password_hash: string }>(
      sql`select password_hash from users where username = 'office'`,
    );
    expect(row.password_hash.startsWith("$argon2id$")).toBe(true);
  });

  it("refuses a wrong password with a Chinese message and the same answer for unknown users", async () => {
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "leader", password: "Wrong-pass-1" },
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nobody-here", password: "Wrong-pass-1" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: "invalid_credentials", message: "用户名或密码错误" });
    expect(unknown.json()).toEqual(wrong.json());
    // The counter went up, and is reset by a good login.
    const [before] = await t.query<{ n: number }>(
      sql`select failed_login_count as n from users where username = 'leader'`,
    );
    expect(before.n).toBe(1);
    await t.login("leader");
    const [after] = await t.query<{ n: number }>(
      sql`select failed_login_count as n from users where username = 'leader'`,
    );
    expect(after.n).toBe(0);
  });

  it("locks the account for 30 minutes after 5 failures, even against the right password", async () => {
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "gridhead", password: `Wrong-pass-${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "gridhead", password: "Wrong-pass-5" },
    });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error).toBe("account_locked");
    expect(fifth.json().message).toContain("账户已锁定");
    const right = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "gridhead", password: DEMO_PASSWORD },
    });
    expect(right.statusCode).toBe(423);
    const [row] = await t.query<{ minutes: number }>(
      sql`select round(extract(epoch from locked_until - now()) / 60)::int as minutes from users where username = 'gridhead'`,
    );
    expect(row.minutes).toBeGreaterThanOrEqual(29);
    expect(row.minutes).toBeLessThanOrEqual(30);
    const events = await t.query<{ action: string }>(
      sql`select action from audit_log where actor_name = 'gridhead' order by id`,
    );
    expect(events.map((e) => e.action)).toContain("auth.account_locked");
    // Once the lock has passed, the right password works again.
    await t.query(
      sql`update users set locked_until = now() - interval '1 second' where username = 'gridhead'`,
    );
    await t.login("gridhead");
  });

  it("ends the session server-side on logout", async () => {
    const cookie = await t.login("township");
    expect((await get("/api/me", cookie)).statusCode).toBe(200);
    const out = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const replay = await get("/api/me", cookie);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().message).toBe("会话已过期，请重新登录");
  });

  it("expires a session after 30 idle minutes and at the 12-hour absolute limit", async () => {
    const idle = await t.login("supervisor");
    await t.query(sql`update sessions set last_seen_at = now() - interval '31 minutes' where revoked_at is null
                      and user_id = (select id from users where username = 'supervisor')`);
    expect((await get("/api/me", idle)).statusCode).toBe(401);
    const [ended] = await t.query<{ revoked_reason: string }>(
      sql`select revoked_reason from sessions where user_id = (select id from users where username = 'supervisor')
          order by id desc limit 1`,
    );
    expect(ended.revoked_reason).toBe("idle_timeout");

    const busy = await t.login("supervisor");
    const me = (await get("/api/me", busy)).json();
    const hours = (new Date(me.session.absoluteExpiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    await t.query(sql`update sessions set absolute_expires_at = now() - interval '1 second' where revoked_at is null
                      and user_id = (select id from users where username = 'supervisor')`);
    expect((await get("/api/me", busy)).statusCode).toBe(401);
  });

  it("ends sessions already open when the absolute limit is lowered", async () => {
    const session = await t.login("supervisor");
    const sys = await t.login("sysadmin");
    const current = (await get("/api/settings", sys)).json();
    const put = (change: object) =>
      t.app.inject({ method: "PUT", url: "/api/settings", headers: { cookie: sys }, payload: change });
    // idle limit out of the way: only the absolute one can end the session in the hour moved below
    const lowered = await put({ ...current, sessionIdleMinutes: 120, sessionAbsoluteHours: 1 });
    expect(lowered.statusCode, lowered.body).toBe(200);
    const me = (await get("/api/me", session)).json();
    const hours = (new Date(me.session.absoluteExpiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeLessThanOrEqual(1);
    expect(hours).toBeGreaterThan(0.9);
    const [audit] = await t.query<{ after: { sessionsShortened: number } }>(
      sql`select after from audit_log where action = 'settings.update' order by id desc limit 1`,
    );
    expect(audit.after.sessionsShortened).toBeGreaterThan(0);

    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 61 * 60_000);
      const ended = await get("/api/me", session);
      expect(ended.statusCode).toBe(401);
    } finally {
      vi.useRealTimers();
    }
    const [row] = await t.query<{ revoked_reason: string }>(
      sql`select revoked_reason from sessions where user_id = (select id from users where username = 'supervisor')
          order by id desc limit 1`,
    );
    expect(row.revoked_reason).toBe("absolute_timeout");
    const restored = await put({ ...current, version: lowered.json().version });
    expect(restored.statusCode, restored.body).toBe(200);
  });

  it("answers 401 without a cookie and with a forged one", async () => {
    expect((await get("/api/me")).json().error).toBe("unauthenticated");
    expect((await get("/api/me", "envgrid_session=forged-token")).statusCode).toBe(401);
  });

  it("tells the web who is signed in without a 401: me, or null without a session or after it ended", async () => {
    for (const cookie of [undefined, "envgrid_session=forged-token"]) {
      const nobody = await get("/api/session", cookie);
      expect(nobody.statusCode).toBe(200);
      expect(nobody.json()).toEqual({ me: null });
    }
    const cookie = await t.login("depthead");
    const signedIn = await get("/api/session", cookie);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().me).toEqual((await get("/api/me", cookie)).json());

    // an ended session is closed and its cookie cleared, exactly as any other route does
    await t.query(sql`update sessions set last_seen_at = now() - interval '31 minutes' where revoked_at is null
                      and user_id = (select id from users where username = 'depthead')`);
    const expired = await get("/api/session", cookie);
    expect(expired.statusCode).toBe(200);
    expect(expired.json()).toEqual({ me: null });
    expect(expired.cookies.find((c) => c.name === "envgrid_session")?.value).toBe("");
    const [ended] = await t.query<{ revoked_reason: string }>(
      sql`select revoked_reason from sessions where user_id = (select id from users where username = 'depthead')
          order by id desc limit 1`,
    );
    expect(ended.revoked_reason).toBe("idle_timeout");
    expect((await get("/api/me", cookie)).json().error).toBe("session_expired");
  });

  it("validates the login body", async () => {
    const r = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "office" } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: "validation_failed", message: "请求参数不合法，请检查后重试" });
    const junk = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(junk.statusCode).toBe(400);
  });
});

describe("accounts (security administrator)", () => {
  it("enforces the password policy and creates a scoped account", async () => {
    const cookie = await t.login("secadmin");
    const [village] = await t.query<{ id: number }>(sql`select id from grids where name = '英买里村'`);
    const weak = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: {
        username: "newmember",
        displayName: "新网格员",
        password: "abcdefgh",
        role: "grid_member",
        gridId: village.id,
      },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toBe("weak_password");
    const created = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: {
        username: "newmember",
        displayName: "新网格员",
        password: "Field#2026x",
        role: "grid_member",
        gridId: village.id,
      },
    });
    expect(created.statusCode).toBe(201);
    const again = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: {
        username: "NewMember",
        displayName: "重复",
        password: "Field#2026x",
        role: "grid_member",
        gridId: village.id,
      },
    });
    expect(again.statusCode).toBe(409);
    const memberCookie = await t.login("newmember", "Field#2026x");
    const grids = (await get("/api/grids", memberCookie)).json();
    expect(grids.items.map((g: { name: string }) => g.name)).toEqual(["英买里村"]);
  });

  it("refuses a grid role without a grid", async () => {
    const cookie = await t.login("secadmin");
    const r = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: {
        username: "grid_member_missing_grid",
        displayName: "x",
        password: "Field#2026x",
        role: "grid_member",
      },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe("grid_required");
  });

  it("disabling a user ends all their sessions at once", async () => {
    const memberCookie = await t.login("member");
    const memberCookie2 = await t.login("member");
    const admin = await t.login("secadmin");
    const [member] = await t.query<{ id: number }>(sql`select id from users where username = 'member'`);
    const r = await t.app.inject({
      method: "POST",
      url: `/api/users/${member.id}/disable`,
      headers: { cookie: admin },
    });
    expect(r.statusCode).toBe(200);
    expect((await get("/api/me", memberCookie)).statusCode).toBe(401);
    expect((await get("/api/me", memberCookie2)).statusCode).toBe(401);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "member", password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    await t.app.inject({ method: "POST", url: `/api/users/${member.id}/enable`, headers: { cookie: admin } });
    await t.login("member");
  });
});

describe("三员 separation", () => {
  const cases: [string, string, string, number][] = [
    ["sysadmin", "GET", "/api/audit", 403],
    ["sysadmin", "GET", "/api/users", 403],
    ["sysadmin", "GET", "/api/settings", 200],
    ["secadmin", "GET", "/api/audit", 403],
    ["secadmin", "GET", "/api/settings", 403],
    ["secadmin", "GET", "/api/users", 200],
    ["auditor", "GET", "/api/users", 403],
    ["auditor", "GET", "/api/settings", 403],
    ["auditor", "GET", "/api/audit", 200],
    ["auditor", "GET", "/api/grids", 403],
    ["office", "GET", "/api/audit", 403],
    ["office", "GET", "/api/users", 403],
  ];
  it.each(cases)("%s %s %s → %i", async (username, method, url, status) => {
    const cookie = await t.login(username);
    const r = await t.app.inject({ method: method as "GET", url, headers: { cookie } });
    expect(r.statusCode).toBe(status);
  });

  it("the auditor cannot change settings and the system administrator can, with a version check", async () => {
    const auditor = await t.login("auditor");
    const sys = await t.login("sysadmin");
    const current = (await get("/api/settings", sys)).json();
    const change = { ...current, tileAttribution: "天地图" };
    const denied = await t.app.inject({
      method: "PUT",
      url: "/api/settings",
      headers: { cookie: auditor },
      payload: change,
    });
    expect(denied.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: "PUT",
      url: "/api/settings",
      headers: { cookie: sys },
      payload: change,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(current.version + 1);
    const stale = await t.app.inject({
      method: "PUT",
      url: "/api/settings",
      headers: { cookie: sys },
      payload: change,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe("stale_version");
  });
});

describe("rate limits", () => {
  it("answers 429 in Chinese once a client exceeds the login rate", async () => {
    const limited = await startTestApp({ loginRateLimitPerMinute: 3 });
    try {
      const attempt = () =>
        limited.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username: "x", password: "y" },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const refused = await attempt();
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ error: "rate_limited", message: "请求过于频繁，请稍后再试" });
    } finally {
      await limited.close();
    }
  });
});
