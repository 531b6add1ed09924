import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, NetworkError, request } from "./client";

// A real HTTP server behind Node's fetch. The browser resolves the client's paths against the page; here the
// page's origin is the test server's.
const seen: { path: string; key: string | undefined }[] = [];
/** How the server treats the next requests, in order: answer, drop the connection, or fail. */
let script: ("answer" | "drop" | "fail500" | "refuse422")[] = [];
let server: Server;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", key: req.headers["idempotency-key"] as string | undefined });
    req.resume();
    req.on("end", () => {
      const step = script.shift() ?? "answer";
      if (step === "drop") return req.socket.destroy();
      const status = { answer: 201, fail500: 500, refuse422: 422 }[step];
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(status === 201 ? { id: seen.length } : { error: step, message: "失败" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  globalThis.fetch = (input, init) => realFetch(`${base}${input}`, init);
});
afterAll(() => {
  globalThis.fetch = realFetch;
  server?.close();
});
beforeEach(() => {
  seen.length = 0;
  script = [];
});

const keys = () => seen.map((s) => s.key);

describe("a write's Idempotency-Key", () => {
  it("goes again with a retry after the answer was lost, and is new once the server answered", async () => {
    script = ["drop"];
    await expect(request("POST", "/api/duty-lines", { dutyText: "a" })).rejects.toBeInstanceOf(NetworkError);
    await request("POST", "/api/duty-lines", { dutyText: "a" });
    await request("POST", "/api/duty-lines", { dutyText: "a" });
    const [lost, retry, next] = keys();
    expect(lost).toMatch(/^[0-9a-f]{32}$/);
    expect(retry).toBe(lost);
    expect(next).not.toBe(lost);
  });

  it("is shared by a double tap, both sent before either answer", async () => {
    await Promise.all([
      request("POST", "/api/patrol-rules", { frequency: "weekly" }),
      request("POST", "/api/patrol-rules", { frequency: "weekly" }),
    ]);
    expect(new Set(keys()).size).toBe(1);
  });

  it("differs for another body, another path or another method", async () => {
    await Promise.all([
      request("POST", "/api/duty-lines", { dutyText: "a" }),
      request("POST", "/api/duty-lines", { dutyText: "b" }),
      request("POST", "/api/patrol-rules", { dutyText: "a" }),
      request("PUT", "/api/duty-lines", { dutyText: "a" }),
    ]);
    expect(new Set(keys()).size).toBe(4);
  });

  it("is kept after a 5xx (nothing was written) and renewed after a 4xx (the server answered)", async () => {
    script = ["fail500", "answer", "refuse422", "answer"];
    await expect(request("POST", "/api/objects", { n: 1 })).rejects.toBeInstanceOf(ApiError);
    await request("POST", "/api/objects", { n: 1 });
    expect(keys()[1]).toBe(keys()[0]);
    await expect(request("POST", "/api/objects", { n: 2 })).rejects.toMatchObject({ status: 422 });
    await request("POST", "/api/objects", { n: 2 });
    expect(keys()[3]).not.toBe(keys()[2]);
  });

  it("goes again with an upload of the same file after a lost answer, and differs for another file", async () => {
    const form = (name: string, text: string) => {
      const f = new FormData();
      f.append("note", "现场");
      f.append("file", new File([text], name, { type: "image/png", lastModified: 1 }));
      return f;
    };
    script = ["drop"];
    await expect(request("POST", "/api/cases/7/evidence", form("a.png", "aaa"))).rejects.toBeInstanceOf(
      NetworkError,
    );
    await request("POST", "/api/cases/7/evidence", form("a.png", "aaa"));
    await request("POST", "/api/cases/7/evidence", form("b.png", "bbbb"));
    expect(keys()[1]).toBe(keys()[0]);
    expect(keys()[2]).not.toBe(keys()[0]);
  });

  it("is new for a resend more than ten minutes later: that is another submission", async () => {
    script = ["drop"];
    await expect(request("POST", "/api/duty-lines", { dutyText: "late" })).rejects.toBeInstanceOf(
      NetworkError,
    );
    const later = Date.now() + 11 * 60_000;
    const clock = vi.spyOn(Date, "now").mockReturnValue(later);
    try {
      await request("POST", "/api/duty-lines", { dutyText: "late" });
    } finally {
      clock.mockRestore();
    }
    expect(keys()[1]).not.toBe(keys()[0]);
  });

  it("is the caller's own when given, and absent on reads", async () => {
    await request("POST", "/api/cases", { title: "x" }, { idempotencyKey: "form-key-0001" });
    await request("GET", "/api/cases");
    expect(keys()).toEqual(["form-key-0001", undefined]);
  });
});
