import type { sql } from "drizzle-orm";
import { expect } from "vitest";
import { buildApp } from "../../server/app.ts";
import { type Config, loadConfig } from "../../server/config.ts";
import { rows } from "../../server/db/client.ts";
import type { App } from "../../server/routes/types.ts";
import { openTestDatabase, type TestDatabase } from "./test-db.ts";

export const DEMO_PASSWORD = loadConfig({}).demoPassword;

export interface TestApp extends TestDatabase {
  app: App;
  config: Config;
  /** Logs in and returns the Cookie header to send. */
  login(username: string, password?: string): Promise<string>;
  /** Rows of a SQL query, to look behind the API. */
  query<T>(text: ReturnType<typeof sql>): Promise<T[]>;
  close(): Promise<void>;
}

export async function startTestApp(
  overrides: Partial<Config> = {},
  options: { clock?: () => Date; logStream?: NodeJS.WritableStream } = {},
): Promise<TestApp> {
  const testDb = await openTestDatabase();
  // Tests log in far more often than a person; the rate limit itself has its own test.
  const config: Config = {
    ...loadConfig({}),
    webDistDir: "/nonexistent",
    loginRateLimitPerMinute: 10_000,
    apiRateLimitPerMinute: 10_000_000,
    ...overrides,
  };
  const app = await buildApp({
    config,
    database: testDb.database,
    clock: options.clock,
    logger: options.logStream !== undefined,
    logStream: options.logStream,
  });
  await app.ready();
  return {
    ...testDb,
    app,
    config,
    async login(username, password = DEMO_PASSWORD) {
      const response = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password },
      });
      expect(response.statusCode, response.body).toBe(200);
      const cookie = response.cookies.find((c) => c.name === "envgrid_session");
      if (!cookie) throw new Error("no session cookie");
      return `envgrid_session=${cookie.value}`;
    },
    query: (text) => rows(testDb.database.db, text),
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}
