import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASE_STAGES } from "../../server/domain/cases/case-state.ts";
import { PUBLIC_PROGRESS } from "../../server/domain/cases/public-progress.ts";
import { caseApi, type Point, pointIn, report } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

// GET /api/public/cases/:trackingNo, what the public tracking page (/track) shows: no login, no person.
const NAME = "热娜古丽·进度查询测试"; // a name no demo record uses
const CONTACT = "13922223333";

let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};
let yaer: Point;
let trackingNo: string;

const progressOf = (no: string, remoteAddress = "198.51.100.7") =>
  t.app.inject({ method: "GET", url: `/api/public/cases/${encodeURIComponent(no)}`, remoteAddress });

beforeAll(async () => {
  t = await startTestApp();
  cookies.resident = await t.login("resident");
  api = caseApi(t, cookies);
  yaer = await pointIn(t, "亚尔村");
  const r = await api.file(
    "resident",
    report(
      {
        source: "public_report",
        title: "渠边堆放垃圾焚烧",
        description: "亚尔村渠边每晚焚烧垃圾，浓烟很大。",
        category: "open_burning",
        address: "亚尔村三组渠边",
        reporter: { name: NAME, contact: CONTACT },
      },
      yaer,
    ),
  );
  expect(r.statusCode, r.body).toBe(201);
  trackingNo = r.json().trackingNo;
});
afterAll(async () => {
  await t?.close();
});

describe("public progress of a report", () => {
  it("answers the progress in plain words and dates, nothing about the report's content or people", async () => {
    const r = await progressOf(trackingNo);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(Object.keys(body).sort()).toEqual([
      "category",
      "categoryName",
      "closedAt",
      "progress",
      "repliedAt",
      "reportedAt",
      "result",
      "trackingNo",
    ]);
    expect(body).toMatchObject({ trackingNo, progress: "已收到，待受理", repliedAt: null, closedAt: null });
    // the code lets the page name the category in the visitor's language; the Chinese name stays for others
    expect(body).toMatchObject({ category: "open_burning", categoryName: "城区露天焚烧" });
    expect(new Date(body.reportedAt).toISOString()).toBe(body.reportedAt);
    for (const secret of [NAME, CONTACT, "渠边堆放垃圾焚烧", "浓烟很大", "亚尔村", "群众 艾力"])
      expect(r.body).not.toContain(secret);
  });

  it("has a text for every stage, and none is an internal code or a staff stage name", () => {
    for (const stage of CASE_STAGES) {
      expect(PUBLIC_PROGRESS[stage], stage).toMatch(/^[\u4e00-\u9fff，]+$/);
    }
  });

  it("documents its answer as a closed object in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
    const ok =
      doc.paths["/api/public/cases/{trackingNo}"].get.responses["200"].content["application/json"].schema;
    expect(ok.additionalProperties).toBe(false);
    expect(Object.keys(ok.properties).sort()).toEqual([
      "category",
      "categoryName",
      "closedAt",
      "progress",
      "repliedAt",
      "reportedAt",
      "result",
      "trackingNo",
    ]);
    expect(ok.properties.progress.enum).toContain("已收到，待受理");
  });

  it("tells a malformed number (400) from an unknown one (404), in Chinese", async () => {
    const malformed = await progressOf("GC2026-113");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBe("validation_failed");
    const unknown = await progressOf("GC20200101AAAAAA");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("limits one address to 30 look-ups a minute, politely, in Chinese", async () => {
    const address = "203.0.113.50";
    const answers: number[] = [];
    for (let i = 0; i < 30; i++) answers.push((await progressOf(trackingNo, address)).statusCode);
    expect(answers.every((s) => s === 200)).toBe(true);
    const limited = await progressOf(trackingNo, address);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: "rate_limited", message: "请求过于频繁，请稍后再试" });
    // another visitor is not held back by the first
    expect((await progressOf(trackingNo, "203.0.113.51")).statusCode).toBe(200);
  });
});
