import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/domain/roles.ts";
import { tableChecksums } from "../../server/ops/table-checksums.ts";
import { DEMO_ACCOUNT, ROUTE_ACCESS } from "../support/authz-expectations.ts";
import { recordFigure } from "../support/figures.ts";
import {
  bodyCases,
  type HostileCase,
  INJECTION_STRINGS,
  pathCases,
  queryCases,
} from "../support/hostile-inputs.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

interface Operation {
  key: string;
  method: string;
  path: string;
  parameters?: { name: string; in: string; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
}

let t: TestApp;
let operations: Operation[];
const cookies = {} as Record<Role, string>;

beforeAll(async () => {
  t = await startTestApp();
  const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
  operations = Object.entries(
    doc.paths as Record<string, Record<string, Omit<Operation, "key" | "method" | "path">>>,
  ).flatMap(([path, ops]) =>
    Object.entries(ops).map(([m, op]) => ({
      ...op,
      method: m.toUpperCase(),
      path,
      key: `${m.toUpperCase()} ${path}`,
    })),
  );
  for (const role of ROLES) cookies[role] = await t.login(DEMO_ACCOUNT[role]);
});
afterAll(() => t?.close());

/** A caller who passes the permission check, so the input reaches validation. */
function cookieFor(key: string): string | undefined {
  const access = ROUTE_ACCESS[key];
  if (access === "public") return undefined;
  return cookies[access === "any" ? "district_office" : access[0]];
}

function send(op: Operation, c: HostileCase) {
  const url = op.path.replace(/\{[^}]+\}/g, c.pathValue ?? "1");
  const cookie = cookieFor(op.key);
  const headers: Record<string, string> = {
    ...(cookie ? { cookie } : {}),
    "idempotency-key": `hostile-${Math.random()}`,
  };
  if (c.contentType) headers["content-type"] = c.contentType;
  return t.app.inject({
    method: op.method as "POST",
    url,
    query: c.query,
    headers,
    ...(c.rawBody !== undefined
      ? { payload: c.rawBody }
      : c.body !== undefined
        ? { payload: c.body as object }
        : {}),
  });
}

/** Everything but sessions (idle tracking touches them on any authenticated call). */
async function dataChecksum(): Promise<string> {
  const all = await tableChecksums(t.database.db);
  return JSON.stringify(all.filter((x) => x.table !== "sessions"));
}

describe("hostile input", () => {
  it("refuses every malformed input with a clear 4xx, never a 5xx, and changes nothing", async () => {
    const before = await dataChecksum();
    let tried = 0;
    const serverErrors: string[] = [];
    const unclear: string[] = [];
    for (const op of operations.filter((o) => !o.key.includes("logout"))) {
      const jsonSchema = op.requestBody?.content?.["application/json"]?.schema;
      const cases = [
        ...(jsonSchema ? bodyCases(jsonSchema) : []),
        ...queryCases((op.parameters ?? []) as never),
        ...pathCases(op.path),
      ];
      for (const c of cases) {
        const r = await send(op, c);
        tried++;
        if (r.statusCode >= 500) serverErrors.push(`${op.key} ${c.label} → ${r.statusCode}`);
        else if (r.statusCode < 400) unclear.push(`${op.key} ${c.label} → ${r.statusCode} (accepted)`);
        else if (!r.json().message) unclear.push(`${op.key} ${c.label} → ${r.statusCode} without a message`);
      }
    }
    const after = await dataChecksum();
    recordFigure("hostile.malformed", {
      inputs: tried,
      serverErrors: serverErrors.length,
      accepted: unclear.length,
      unintendedChanges: before === after ? 0 : 1,
    });
    expect(serverErrors).toEqual([]);
    expect(unclear).toEqual([]);
    expect(after).toBe(before);
  });

  it("treats injection strings in query values as plain text: no 5xx, no change", async () => {
    const before = await dataChecksum();
    let tried = 0;
    const serverErrors: string[] = [];
    for (const op of operations.filter((o) => o.method === "GET")) {
      for (const p of (op.parameters ?? []).filter((x) => x.in === "query" && x.schema.type === "string")) {
        for (const value of INJECTION_STRINGS) {
          const r = await send(op, { label: "", query: { [p.name]: value } });
          tried++;
          if (r.statusCode >= 500) serverErrors.push(`${op.key} ${p.name}=${value} → ${r.statusCode}`);
        }
      }
    }
    recordFigure("hostile.injection", { inputs: tried, serverErrors: serverErrors.length });
    expect(serverErrors).toEqual([]);
    expect(await dataChecksum()).toBe(before);
  });
});
