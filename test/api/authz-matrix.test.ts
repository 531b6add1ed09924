import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/domain/roles.ts";
import { tableChecksums } from "../../server/ops/table-checksums.ts";
import { DEMO_ACCOUNT, ROUTE_ACCESS, SCOPED_ROUTES } from "../support/authz-expectations.ts";
import { type Row, SCOPED_WRITES, type ScopedWrite } from "../support/authz-scoped-writes.ts";
import { fileOpenCasesAcrossTownships, multipartBody, photo } from "../support/cases.ts";
import { recordFigure } from "../support/figures.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
let routes: { method: string; path: string; key: string }[];
const cookies = {} as Record<Role, string>;

beforeAll(async () => {
  t = await startTestApp();
  const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
  routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path, key: `${m.toUpperCase()} ${path}` })),
  );
  for (const role of ROLES) cookies[role] = await t.login(DEMO_ACCOUNT[role]);
  await fileOpenCasesAcrossTownships(t, cookies.district_office);
});
afterAll(() => t?.close());

/** Everything but sessions (idle tracking touches them on any authenticated call). */
async function dataChecksum(): Promise<string> {
  const all = await tableChecksums(t.database.db);
  return JSON.stringify(all.filter((x) => x.table !== "sessions"));
}

let png: Buffer | undefined;

/** One scoped write as its spec describes it, for the record in `row`. */
async function sendWrite(
  route: { method: string; path: string },
  spec: ScopedWrite,
  row: Row,
  cookie: string,
  idempotencyKey: string,
) {
  const request = spec.request(row);
  png ??= await photo("png");
  const upload = request.upload
    ? multipartBody({ bytes: png, filename: "现场.png", contentType: "image/png" })
    : undefined;
  return t.app.inject({
    method: route.method as "POST",
    url: route.path.replace(/\{[^}]+\}/, String(row.id)),
    query: request.query,
    headers: { cookie, "idempotency-key": idempotencyKey, ...upload?.headers },
    ...(upload
      ? { payload: upload.payload }
      : request.body !== undefined
        ? { payload: request.body as object }
        : {}),
  });
}

/** A path with every parameter filled by an id that exists nowhere, so allowed calls change nothing. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, "999999");

const call = (method: string, url: string, cookie?: string) =>
  t.app.inject({
    method: method as "GET",
    url,
    headers: cookie ? { cookie } : {},
    ...(method === "GET" ? {} : { payload: {} }),
  });

describe("authorization matrix", () => {
  it("lists every API route in the written-down expectations, and nothing that is not a route", () => {
    const known = new Set(routes.map((r) => r.key));
    expect(routes.map((r) => r.key).filter((k) => !(k in ROUTE_ACCESS))).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((k) => !known.has(k))).toEqual([]);
  });

  it("lets exactly the expected roles call each route", async () => {
    const leaks: string[] = [];
    const wrongDenials: string[] = [];
    let checked = 0;
    // Logout last: it ends the session the other calls use.
    const ordered = [...routes].sort(
      (a, b) => Number(a.key.includes("logout")) - Number(b.key.includes("logout")),
    );
    for (const route of ordered) {
      const access = ROUTE_ACCESS[route.key];
      const anonymous = await call(route.method, concrete(route.path));
      checked++;
      if (access !== "public" && anonymous.statusCode !== 401)
        leaks.push(`anonymous ${route.key} → ${anonymous.statusCode}`);
      if (access === "public") continue;
      for (const role of ROLES) {
        const allowed = access === "any" || access.includes(role);
        const response = await call(route.method, concrete(route.path), cookies[role]);
        checked++;
        const denied = response.statusCode === 403;
        if (!allowed && !denied) leaks.push(`${role} ${route.key} → ${response.statusCode}`);
        if (allowed && (denied || response.statusCode === 401)) wrongDenials.push(`${role} ${route.key}`);
        expect(response.statusCode, `${role} ${route.key}`).toBeLessThan(500);
      }
    }
    recordFigure("authz.matrix", {
      routes: routes.length,
      roles: ROLES.length,
      checked,
      leaks: leaks.length,
    });
    expect(leaks).toEqual([]);
    expect(wrongDenials).toEqual([]);
  });

  it("answers 404 for records outside the caller's jurisdiction, and serves those inside", async () => {
    const leaks: string[] = [];
    let checked = 0;
    // The matrix above logged every account out; start with fresh sessions.
    for (const role of ROLES) cookies[role] = await t.login(DEMO_ACCOUNT[role]);
    for (const scoped of SCOPED_ROUTES) {
      const [method, path] = scoped.route.split(" ");
      const fixtures: Record<string, Record<string, number>> = {};
      for (const [name, query] of Object.entries(scoped.fixtures)) {
        const [row] = await t.query<Record<string, number>>(sql.raw(query));
        expect(row, `${scoped.route} ${name}: the demo data has no such record`).toBeDefined();
        fixtures[name] = row;
      }
      const pathOf = (name: string) =>
        path.replace(/\{([^}]+)\}/g, (_, column) => String(fixtures[name][column]));
      for (const [role, reach] of Object.entries(scoped.reach) as [
        Role,
        { inScope: string[]; outOfScope: string[] },
      ][]) {
        for (const name of reach.inScope) {
          const r = await call(method, pathOf(name), cookies[role]);
          checked++;
          expect(r.statusCode, `${role} ${scoped.route} ${name}`).toBe(200);
        }
        for (const name of reach.outOfScope) {
          const r = await call(method, pathOf(name), cookies[role]);
          checked++;
          if (r.statusCode !== 404) leaks.push(`${role} ${scoped.route} ${name} → ${r.statusCode}`);
        }
      }
    }
    recordFigure("authz.scope", { scopedRoutes: SCOPED_ROUTES.length, checked, leaks: leaks.length });
    expect(leaks).toEqual([]);
  });

  it("refuses writes to records outside the caller's jurisdiction (403/404) and changes nothing", async () => {
    const missing: string[] = [];
    const leaks: string[] = [];
    let tried = 0;
    let districtWide = 0;
    let changes = 0;
    for (const role of ROLES) cookies[role] = await t.login(DEMO_ACCOUNT[role]);
    const writes = routes.filter((r) => r.method !== "GET" && r.path.includes("{"));
    const controls: { route: (typeof routes)[number]; spec: ScopedWrite; row: Row }[] = [];
    for (const route of writes) {
      const spec = SCOPED_WRITES[route.key];
      if (!spec) {
        missing.push(`${route.key}: add an entry to SCOPED_WRITES (test/support/authz-scoped-writes.ts)`);
        continue;
      }
      const access = ROUTE_ACCESS[route.key];
      const allowed = access === "any" ? ROLES : access === "public" ? [] : access;
      const rowsByFixture: Record<string, Row> = {};
      for (const [name, query] of Object.entries(spec.fixtures)) {
        const [row] = await t.query<Row>(sql.raw(query));
        if (!row) missing.push(`${route.key}: fixture ${name} finds no record in the demo data`);
        else rowsByFixture[name] = row;
      }
      const before = await dataChecksum();
      for (const role of allowed) {
        const reach = spec.outOfScope[role];
        if (!reach) {
          missing.push(
            `${route.key}: add outOfScope.${role} (fixtures out of its reach, or districtWide: why)`,
          );
          continue;
        }
        if (!Array.isArray(reach)) {
          districtWide++;
          continue;
        }
        for (const name of reach) {
          const row = rowsByFixture[name];
          if (!row) continue;
          const r = await sendWrite(route, spec, row, cookies[role], `scoped-write-${tried}`);
          tried++;
          if (r.statusCode !== 403 && r.statusCode !== 404)
            leaks.push(`${role} ${route.key} ${name} → ${r.statusCode} ${r.body.slice(0, 160)}`);
        }
      }
      if ((await dataChecksum()) !== before) {
        changes++;
        leaks.push(`${route.key}: the database changed`);
      }
      if (spec.control && rowsByFixture[spec.control.fixture])
        controls.push({ route, spec, row: rowsByFixture[spec.control.fixture] });
    }
    // Last, as they may change data: the same requests by a role that reaches the record get past the scope.
    const badControls: string[] = [];
    for (const { route, spec, row } of controls) {
      const role = spec.control?.role as Role;
      const r = await sendWrite(route, spec, row, cookies[role], `scoped-control-${route.key}`);
      if ([401, 403, 404].includes(r.statusCode) || r.statusCode >= 500)
        badControls.push(
          `${role} ${route.key} ${spec.control?.fixture} → ${r.statusCode} ${r.body.slice(0, 160)}`,
        );
    }
    recordFigure("authz.scopedWrites", {
      routes: writes.length,
      writesTried: tried,
      districtWideSkips: districtWide,
      inScopeControls: controls.length,
      badControls: badControls.length,
      changesSeen: changes,
      leaks: leaks.length,
    });
    expect(missing).toEqual([]);
    expect(leaks).toEqual([]);
    expect(badControls).toEqual([]);
    expect(tried).toBeGreaterThan(50);
  });
});
