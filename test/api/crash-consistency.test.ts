import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testEngine } from "../support/engine.ts";
import { recordFigure } from "../support/figures.ts";
import { loginCookie, type ServerProcess, spawnServer } from "../support/server-process.ts";
import { DEMO_PASSWORD } from "../support/test-app.ts";
import { openTestDatabase } from "../support/test-db.ts";

/**
 * Starts the real server, drives concurrent writes, kills it with SIGKILL mid-stream, restarts it on the
 * same data, and checks that every acknowledged write is there and the audit chain verifies.
 */
describe("crash consistency", () => {
  // Two full server starts on the embedded engine: slow on a busy machine, hence the longer limit.
  it("keeps every acknowledged write across a SIGKILL, and the audit chain verifies", {
    timeout: 240_000,
  }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "envgrid-crash-"));
    const testDb = testEngine() === "postgres" ? await openTestDatabase() : null;
    const env: Record<string, string> = testDb
      ? {
          DATABASE_URL: testDb.url as string,
          ENVGRID_LOGIN_RATE_LIMIT: "100000",
          ENVGRID_API_RATE_LIMIT: "1000000",
        }
      : {
          DATABASE_URL: "",
          ENVGRID_DATA_DIR: dir,
          ENVGRID_LOGIN_RATE_LIMIT: "100000",
          ENVGRID_API_RATE_LIMIT: "1000000",
        };
    let server: ServerProcess | null = await spawnServer(env);
    try {
      const cookie = await loginCookie(server.url, "secadmin", DEMO_PASSWORD);
      const acknowledged: string[] = [];
      let attempted = 0;
      let stop = false;
      const writer = async (worker: number) => {
        for (let i = 0; !stop; i++) {
          const username = `crash_${worker}_${i}`;
          attempted++;
          try {
            const response = await fetch(`${server?.url}/api/users`, {
              method: "POST",
              headers: { "content-type": "application/json", cookie },
              body: JSON.stringify({
                username,
                displayName: username,
                password: "Crash#2026x",
                role: "district_leader",
              }),
            });
            if (response.status === 201) acknowledged.push(username);
          } catch {
            return; // the server is gone
          }
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 50));
      await server.kill("SIGKILL");
      stop = true;
      await Promise.all(writers);

      server = await spawnServer(env);
      const admin = await loginCookie(server.url, "secadmin", DEMO_PASSWORD);
      const list = await (
        await fetch(`${server.url}/api/users?q=crash_&pageSize=200`, { headers: { cookie: admin } })
      ).json();
      const present = new Set((list.items as { username: string }[]).map((u) => u.username));
      const lost = acknowledged.filter((u) => !present.has(u));
      const auditor = await loginCookie(server.url, "auditor", DEMO_PASSWORD);
      const verdict = await (
        await fetch(`${server.url}/api/audit/verify`, { headers: { cookie: auditor } })
      ).json();
      recordFigure("crash.sigkill", {
        attempted,
        acknowledged: acknowledged.length,
        lost: lost.length,
        auditOk: verdict.ok,
      });
      expect(lost).toEqual([]);
      expect(verdict.ok).toBe(true);
    } finally {
      await server?.kill("SIGTERM");
      await testDb?.drop().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
