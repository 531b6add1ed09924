import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  caseApi,
  createAccount,
  idOf,
  multipartBody,
  type Point,
  photo,
  pointIn,
  report,
  uploadPhoto,
} from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

const MAX = 300 * 1024;
const GPS_IFD_POINTER = Buffer.from([0x25, 0x88]); // tag 0x8825 in a little-endian TIFF header

let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};
let yaer: Point;
let caseId: number;
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-evidence-"));

async function upload(
  user: string,
  id: number,
  bytes: Buffer,
  filename: string,
  contentType: string,
  fields = {},
) {
  const body = multipartBody({ bytes, filename, contentType }, fields);
  return t.app.inject({
    method: "POST",
    url: `/api/cases/${id}/evidence`,
    headers: { cookie: cookies[user], ...body.headers },
    payload: body.payload,
  });
}

/** A phone photo as it leaves the camera: GPS position, device and owner in its EXIF. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#6a5" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "EnvCam", Model: "X1", Artist: "Reporter Owner" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "42/1 57/1 1234/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "89/1 11/1 4321/100",
      },
    })
    .toBuffer();
}

beforeAll(async () => {
  t = await startTestApp({ uploadDir, maxUploadBytes: MAX });
  for (const u of ["office", "township", "member", "dept", "supervisor", "secadmin", "resident"])
    cookies[u] = await t.login(u);
  await createAccount(t, cookies.secadmin, {
    username: "member2",
    role: "grid_member",
    gridId: await idOf(t, "grids", "胜金村"),
  });
  cookies.member2 = await t.login("member2", "Test@12345x");
  api = caseApi(t, cookies);
  yaer = await pointIn(t, "亚尔村");
  const r = await api.file("member", report({ title: "污水横流" }, yaer));
  caseId = r.json().id;
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

describe("evidence upload", () => {
  it("accepts a photo, keeps its SHA-256, stores it outside the web root, and records it on the timeline", async () => {
    const bytes = await photo("png");
    const r = await upload("member", caseId, bytes, "现场.png", "image/png", { note: "排污口" });
    expect(r.statusCode, r.body).toBe(201);
    const sha = createHash("sha256").update(bytes).digest("hex");
    expect(r.json()).toMatchObject({ mime: "image/png", sizeBytes: bytes.length, sha256: sha });
    const [row] = await t.query<{ storagePath: string; note: string }>(
      sql`select storage_path as "storagePath", note from case_evidence where id = ${r.json().id}`,
    );
    expect(row.note).toBe("排污口");
    const stored = path.join(uploadDir, row.storagePath);
    expect(fs.readFileSync(stored).equals(bytes)).toBe(true);
    expect(path.resolve(stored).startsWith(path.resolve("web"))).toBe(false);
    const detail = (await api.get("township", `/api/cases/${caseId}`)).json();
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toContain("evidence_added");
    expect(detail.evidence.find((e: { id: number }) => e.id === r.json().id)).toMatchObject({
      sha256: sha,
      note: "排污口",
    });
  });

  it("names a resident's upload by kind, for the reader's language, keeping 举报人 on record", async () => {
    const filed = await api.file(
      "resident",
      report({ source: "public_report", title: "河边倾倒垃圾" }, yaer),
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id;
    const own = await uploadPhoto(t, cookies.resident, id);
    const staff = await uploadPhoto(t, cookies.member, id);
    const [member] = await t.query<{ id: number; displayName: string }>(
      sql`select id, display_name as "displayName" from users where username = 'member'`,
    );
    const { evidence } = (await api.get("township", `/api/cases/${id}`)).json();
    const byId = (evidenceId: number) => evidence.find((e: { id: number }) => e.id === evidenceId);
    expect(byId(own)).toMatchObject({ uploadedBy: null, uploadedByName: "举报人", uploaderKind: "reporter" });
    expect(byId(staff)).toMatchObject({
      uploadedBy: member.id,
      uploadedByName: member.displayName,
      uploaderKind: null,
    });
  });

  it("judges the type by content: a .jpg that is really text is refused with 415, and nothing is stored", async () => {
    const before = await t.query<{ n: number }>(sql`select count(*)::int as n from case_evidence`);
    const fake = await upload(
      "member",
      caseId,
      Buffer.from("this is not a photo at all\n".repeat(20)),
      "photo.jpg",
      "image/jpeg",
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().message).toContain("仅接受 JPEG、PNG、WebP 照片和 PDF");
    const svg = await upload(
      "member",
      caseId,
      Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
      "x.png",
      "image/png",
    );
    expect(svg.statusCode).toBe(415);
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    const corrupt = await upload("member", caseId, broken, "broken.jpg", "image/jpeg");
    expect(corrupt.statusCode).toBe(422);
    expect(corrupt.json().error).toBe("undecodable_image");
    const after = await t.query<{ n: number }>(sql`select count(*)::int as n from case_evidence`);
    expect(after[0].n).toBe(before[0].n);
  });

  it("refuses a file over the limit with 413 and a Chinese message", async () => {
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(MAX + 10, 0x20)]);
    const r = await upload("member", caseId, big, "big.pdf", "application/pdf");
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({ error: "payload_too_large" });
    expect(r.json().message).toContain("文件超过");
  });

  it("accepts a PDF and serves it sandboxed, only through its case's scope", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    const r = await upload("township", caseId, pdf, "整改通知书.pdf", "application/pdf");
    expect(r.statusCode, r.body).toBe(201);
    const served = await api.get("office", `/api/evidence/${r.json().id}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("application/pdf");
    expect(served.headers["content-security-policy"]).toContain("sandbox");
    expect(served.rawPayload.equals(pdf)).toBe(true);
    const outside = await api.get("member2", `/api/evidence/${r.json().id}`);
    expect(outside.statusCode).toBe(404);
    expect((await api.get("member2", "/api/evidence/999999")).json()).toEqual(outside.json());
    // no multipart, no file field, or an overseer: refused
    expect((await api.post("member", `/api/cases/${caseId}/evidence`, { file: "x" })).statusCode).toBe(415);
    expect((await upload("supervisor", caseId, pdf, "a.pdf", "application/pdf")).statusCode).toBe(403);
    expect((await upload("member2", caseId, pdf, "a.pdf", "application/pdf")).statusCode).toBe(404);
  });
});

describe("photo metadata", () => {
  it("keeps the original as uploaded, but gives everyone else a copy without EXIF or GPS", async () => {
    const original = await photoWithGps();
    const exif = (await sharp(original).metadata()).exif as Buffer;
    expect(exif.includes(GPS_IFD_POINTER)).toBe(true);
    expect(exif.toString("latin1")).toContain("Reporter Owner");

    const id = await uploadPhoto(t, cookies.member, caseId, original, "IMG_0001.jpg");
    // the department (and any role that may not know the reporter) gets the clean copy, whatever it asks for
    const forDept = await api.get("office", `/api/evidence/${id}?variant=public`);
    const deptView = await t.app.inject({
      method: "GET",
      url: `/api/evidence/${id}?variant=original`,
      headers: { cookie: cookies.supervisor },
    });
    for (const served of [forDept, deptView]) {
      expect(served.statusCode).toBe(200);
      expect(served.headers["x-evidence-variant"]).toBe("public");
      const meta = await sharp(served.rawPayload).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.width).toBe(64);
      expect(served.rawPayload.includes(Buffer.from("Reporter Owner"))).toBe(false);
      expect(served.rawPayload.includes(Buffer.from("EnvCam"))).toBe(false);
    }
    // the uploader and the roles allowed to know the reporter may open the original
    for (const user of ["member", "township"]) {
      const served = await api.get(user, `/api/evidence/${id}`);
      expect(served.headers["x-evidence-variant"]).toBe("original");
      expect(served.rawPayload.equals(original)).toBe(true);
    }
    const [row] = await t.query<{ publicPath: string }>(
      sql`select public_path as "publicPath" from case_evidence where id = ${id}`,
    );
    const clean = fs.readFileSync(path.join(uploadDir, row.publicPath));
    expect((await sharp(clean).metadata()).exif).toBeUndefined();
    expect(clean.includes(GPS_IFD_POINTER)).toBe(false);
  });

  it("refuses new files on a closed case", async () => {
    const c = (await api.file("member", report({ title: "已驳回案件" }, yaer))).json();
    await api.step("township", c.id, { action: "reject", reason: "非环境问题" });
    const r = await upload("member", c.id, await photo(), "x.jpg", "image/jpeg");
    expect(r.statusCode).toBe(409);
  });
});
