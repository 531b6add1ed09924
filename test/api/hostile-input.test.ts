import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/domain/roles.ts";
import { tableChecksums } from "../../server/ops/table-checksums.ts";
import { DEMO_ACCOUNT, ROUTE_ACCESS } from "../support/authz-expectations.ts";
import { fileOpenCasesAcrossTownships, photo } from "../support/cases.ts";
import { recordFigure } from "../support/figures.ts";
import {
  bodyCases,
  type HostileCase,
  INJECTION_STRINGS,
  pathCases,
  queryCases,
} from "../support/hostile-inputs.ts";
import { formData, refusedUploads, type Sample, TRAVERSAL_NAMES } from "../support/hostile-uploads.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

interface Operation {
  key: string;
  method: string;
  path: string;
  "x-upload"?: { fileField: string };
  parameters?: { name: string; in: string; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
}

let t: TestApp;
let operations: Operation[];
const cookies = {} as Record<Role, string>;

// Uploads go four directories below a private root: a file name that climbed out of the storage directory
// would land inside the root, where the test looks for it.
const uploadRoot = fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-hostile-"));
const uploadDir = path.join(uploadRoot, "a", "b", "c", "uploads");

beforeAll(async () => {
  t = await startTestApp({ uploadDir });
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
  await fileOpenCasesAcrossTownships(t, cookies.district_office);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(uploadRoot, { recursive: true, force: true });
});

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
async function dataChecksum(options: { exceptAuditLog?: boolean } = {}): Promise<string> {
  const all = await tableChecksums(t.database.db);
  return JSON.stringify(
    all.filter((x) => x.table !== "sessions" && !(options.exceptAuditLog && x.table === "audit_log")),
  );
}

/**
 * Reads that record themselves in the audit log (taking the audit log out is audited): a well-formed request
 * to one of them adds its own audit row and changes nothing else.
 */
const AUDITED_READS: Record<string, string> = { "GET /api/audit/export.xlsx": "audit.export" };

async function lastAuditId(): Promise<number> {
  const [row] = await t.query<{ id: number }>(sql`select coalesce(max(id), 0)::int as id from audit_log`);
  return row.id;
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
    const before = await dataChecksum({ exceptAuditLog: true });
    const auditBefore = await lastAuditId();
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
    expect(await dataChecksum({ exceptAuditLog: true })).toBe(before);
    // the audit log is append-only (triggers): what may have been added is the audited reads' own rows
    const added = await t.query<{ action: string }>(
      sql`select distinct action from audit_log where id > ${auditBefore} order by action`,
    );
    expect(operations.map((o) => o.key)).toEqual(expect.arrayContaining(Object.keys(AUDITED_READS)));
    const allowed = new Set(Object.values(AUDITED_READS));
    expect(added.map((r) => r.action).filter((a) => !allowed.has(a))).toEqual([]);
  });

  it("refuses hostile uploads on every multipart route: no 5xx, nothing stored, nothing outside storage", async () => {
    const uploads = operations.filter((o) => o["x-upload"]);
    expect(uploads.map((o) => o.key).sort()).toEqual(
      expect.arrayContaining(["POST /api/cases/{id}/evidence", "POST /api/objects/import"]),
    );
    const missing = uploads.filter((o) => o.path.includes("{") && !UPLOAD_TARGETS[o.key]?.pathSql);
    expect(
      missing.map(
        (o) => `${o.key}: add UPLOAD_TARGETS["${o.key}"].pathSql, a record the caller may upload to`,
      ),
    ).toEqual([]);
    const maxBytes = Math.max(t.config.maxUploadBytes, 10 * 1024 * 1024);
    const before = await dataChecksum();
    const filesBefore = filesUnder(uploadRoot);
    let tried = 0;
    const serverErrors: string[] = [];
    const wrong: string[] = [];
    for (const op of uploads) {
      const url = await uploadUrl(op);
      const sample = await UPLOAD_TARGETS[op.key]?.sample?.();
      for (const c of refusedUploads(op["x-upload"]?.fileField ?? "file", maxBytes, sample)) {
        const r = await sendUpload(op, url, c.payload, c.contentType);
        tried++;
        const message: string | undefined = r.statusCode >= 400 ? r.json().message : undefined;
        if (r.statusCode >= 500) serverErrors.push(`${op.key} ${c.label} → ${r.statusCode}`);
        else if (r.statusCode < 400) wrong.push(`${op.key} ${c.label} → ${r.statusCode} (accepted)`);
        else if (!message || !/[\u4e00-\u9fff]/.test(message))
          wrong.push(`${op.key} ${c.label} → ${r.statusCode} without a Chinese message`);
        else if (c.expectStatus && r.statusCode !== c.expectStatus)
          wrong.push(`${op.key} ${c.label} → ${r.statusCode}, expected ${c.expectStatus}`);
      }
    }
    const changed = (await dataChecksum()) !== before;
    const newFiles = filesUnder(uploadRoot).filter((f) => !filesBefore.includes(f));
    recordFigure("hostile.multipart", {
      routes: uploads.length,
      inputs: tried,
      serverErrors: serverErrors.length,
      accepted: wrong.length,
      unintendedChanges: (changed ? 1 : 0) + newFiles.length,
    });
    expect(serverErrors).toEqual([]);
    expect(wrong).toEqual([]);
    expect(changed).toBe(false);
    expect(newFiles).toEqual([]);
  });

  it("keeps an acceptable file under a hostile name or a false type by its content, inside the storage directory", async () => {
    let tried = 0;
    let outside = 0;
    for (const op of operations.filter((o) => o["x-upload"])) {
      const sample = await UPLOAD_TARGETS[op.key]?.sample?.();
      if (!sample) continue;
      const url = await uploadUrl(op);
      const names = [...TRAVERSAL_NAMES, "photo.pdf", "photo.exe"];
      for (const filename of names) {
        const form = formData([
          {
            name: op["x-upload"]?.fileField ?? "file",
            filename,
            contentType: "application/pdf",
            data: sample.data,
          },
        ]);
        const r = await sendUpload(op, url, form.payload, form.contentType);
        tried++;
        expect(r.statusCode, `${op.key} ${filename}: ${r.body}`).toBeLessThan(300);
        // the type comes from the bytes, never from the name or the declared type
        if (r.json().mime !== undefined) expect(r.json().mime).toBe(sample.contentType);
      }
    }
    const [{ bad }] = await t.query<{ bad: number }>(
      sql`select count(*)::int as bad from case_evidence
           where storage_path !~ '^original/[0-9a-f]{2}/[0-9a-f]{64}\.[a-z]+$'
              or (public_path is not null and public_path !~ '^public/[0-9a-f]{2}/[0-9a-f]{64}\.[a-z]+$')`,
    );
    for (const file of filesUnder(uploadRoot)) if (!file.startsWith(`${uploadDir}${path.sep}`)) outside++;
    recordFigure("hostile.uploadNames", {
      inputs: tried,
      filesOutsideStorage: outside,
      badStoragePaths: bad,
    });
    expect(tried).toBeGreaterThan(0);
    expect(outside).toBe(0);
    expect(bad).toBe(0);
  });
});

/**
 * Where each upload route gets a real target the caller may upload to (so the upload reaches the file checks),
 * and a file it accepts.
 */
const UPLOAD_TARGETS: Record<string, { pathSql?: string; sample?: () => Promise<Sample> }> = {
  "POST /api/cases/{id}/evidence": {
    pathSql:
      "select c.id from cases c join grids g on g.id = c.grid_id where g.name = '亚尔村' and c.stage = 'reported' order by c.id limit 1",
    sample: async () => ({ filename: "现场.png", contentType: "image/png", data: await photo("png") }),
  },
  "POST /api/objects/import": {},
};

async function uploadUrl(op: Operation): Promise<string> {
  const target = UPLOAD_TARGETS[op.key];
  if (!target?.pathSql) return op.path;
  const [row] = await t.query<{ id: number }>(sql.raw(target.pathSql));
  return op.path.replace(/\{[^}]+\}/, String(row.id));
}

function sendUpload(op: Operation, url: string, payload: Buffer, contentType: string) {
  const cookie = cookieFor(op.key);
  return t.app.inject({
    method: op.method as "POST",
    url,
    headers: {
      ...(cookie ? { cookie } : {}),
      "content-type": contentType,
      "idempotency-key": `hostile-upload-${Math.random()}`,
    },
    payload,
  });
}

function filesUnder(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
