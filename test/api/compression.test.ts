import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseApi, pointIn, report } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

// A stand-in build: an entry page and one hashed script, each with the .br and .gz siblings the web build writes.
const distDir = fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-dist-"));
const script = `console.log(${JSON.stringify("网格".repeat(2000))});\n`;
const page = `<!doctype html><html><body>${"<p>环境监管网格化管理平台</p>".repeat(100)}</body></html>`;
function writeBuilt(relative: string, text: string) {
  const file = path.join(distDir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text, { level: 9 }));
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
}
writeBuilt("index.html", page);
writeBuilt("assets/app-abc123.js", script);

let t: TestApp;
let office: string;
let member: string;
beforeAll(async () => {
  t = await startTestApp({ webDistDir: distDir });
  office = await t.login("office");
  member = await t.login("member");
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(distDir, { recursive: true, force: true });
});

const decoded = (encoding: string | undefined, body: Buffer) =>
  encoding === "br"
    ? zlib.brotliDecompressSync(body).toString()
    : encoding === "gzip"
      ? zlib.gunzipSync(body).toString()
      : body.toString();

describe("compressed responses", () => {
  it("sends the build's precompressed copy of a web file to a browser that accepts it", async () => {
    for (const [accept, expected] of [
      ["gzip, deflate", "gzip"],
      ["gzip, deflate, br", "br"],
    ]) {
      const r = await t.app.inject({ url: "/assets/app-abc123.js", headers: { "accept-encoding": accept } });
      expect(r.statusCode).toBe(200);
      expect(r.headers["content-encoding"]).toBe(expected);
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(r.headers["cache-control"]).toContain("immutable");
      expect(r.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 5);
      expect(decoded(expected, r.rawPayload)).toBe(script);
    }
    // the entry page at "/" (what the service worker precaches; its Accept is */*) and a client route's
    // fallback to it, compressed too
    const root = await t.app.inject({ url: "/", headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(root.statusCode).toBe(200);
    expect(root.headers["content-encoding"]).toBe("br");
    expect(root.headers["cache-control"]).toBe("no-cache");
    expect(decoded("br", root.rawPayload)).toBe(page);
    // a client route falls back to the entry page, compressed too
    const spa = await t.app.inject({
      url: "/cases/42",
      headers: { accept: "text/html", "accept-encoding": "gzip" },
    });
    expect(spa.statusCode).toBe(200);
    expect(spa.headers["content-encoding"]).toBe("gzip");
    expect(decoded("gzip", spa.rawPayload)).toBe(page);
  });

  it("sends everything as is to a client that does not ask for compression", async () => {
    const r = await t.app.inject({ url: "/assets/app-abc123.js" });
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(r.body).toBe(script);
    const grids = await t.app.inject({ url: "/api/grids", headers: { cookie: office } });
    expect(grids.headers["content-encoding"]).toBeUndefined();
    expect(grids.json().items.length).toBeGreaterThan(100);
  });

  it("compresses API answers of 1 KiB and more, and not the small ones", async () => {
    const plain = await t.app.inject({ url: "/api/grids", headers: { cookie: office } });
    const r = await t.app.inject({
      url: "/api/grids",
      headers: { cookie: office, "accept-encoding": "gzip" },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(r.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(decoded("gzip", r.rawPayload))).toEqual(plain.json());
    const small = await t.app.inject({
      url: "/api/me",
      headers: { cookie: office, "accept-encoding": "gzip" },
    });
    expect(small.statusCode).toBe(200);
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers["content-encoding"]).toBeUndefined();
  });

  // The longest identity the form allows answers 960 bytes, under the 1 KiB threshold; the route also refuses
  // compression outright (compress: false), so a longer field added later cannot change that.
  it("sends a revealed reporter identity uncompressed, the longest one included (decision 0008)", async () => {
    const api = caseApi(t, { member, office });
    const filed = await api.file(
      "member",
      report(
        {
          source: "dispute",
          title: "晾房粉尘纠纷",
          category: "industrial_air",
          disputeParties: [
            { name: "投".repeat(100), role: "诉".repeat(50) },
            { name: "亚尔村某砖厂", role: "被投诉方" },
          ],
          reporter: { name: "报".repeat(50), contact: "联".repeat(100) },
        },
        await pointIn(t, "亚尔村"),
      ),
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const r = await t.app.inject({
      method: "POST",
      url: `/api/cases/${filed.json().id}/reporter/reveal`,
      headers: { cookie: office, "accept-encoding": "gzip, br" },
      payload: { reason: "组织双方调解" },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.rawPayload.length).toBeGreaterThan(900);
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(r.json().complainant.name).toBe("投".repeat(100));
  });

  it("refuses a compressed request body instead of inflating it", async () => {
    const body = zlib.gzipSync(JSON.stringify({ username: "office", password: "x".repeat(10) }));
    const r = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      payload: body,
    });
    // read as the bytes they are: not JSON, so the usual 400 in Chinese and English
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ message: "请求格式不正确" });
  });
});
