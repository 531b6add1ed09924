import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, preparedRows, rows } from "../../server/db/client.ts";
import { testEngine } from "../support/engine.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-db.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.drop());

describe("preparedRows", () => {
  it("answers like rows, timestamps as Dates, on either engine", async () => {
    const query = (n: number) =>
      sql`select ${n}::int as n, '2026-11-29T08:00:00Z'::timestamptz as at from grids where level = 1`;
    const [first] = await preparedRows<{ n: number; at: Date }>(t.database.db, query(1));
    const [second] = await preparedRows<{ n: number; at: Date }>(t.database.db, query(2));
    expect([first.n, second.n]).toEqual([1, 2]);
    expect(second.at).toBeInstanceOf(Date);
    expect(second.at.toISOString()).toBe("2026-11-29T08:00:00.000Z");
    expect(second).toEqual((await rows<{ n: number; at: Date }>(t.database.db, query(2)))[0]);
  });

  it.runIf(testEngine() === "postgres")(
    "prepares each statement text once per connection under its own name (PostgreSQL)",
    async () => {
      // One connection, so the session's prepared statements are the pool's.
      const single = await openPostgres(t.url as string, 1);
      try {
        const named = () =>
          rows<{ name: string; statement: string }>(
            single.db,
            sql`select name, statement from pg_prepared_statements where name like 'envgrid_%'`,
          );
        for (const n of [1, 2, 3]) await preparedRows(single.db, sql`select ${n}::int + 1 as m`);
        await preparedRows(single.db, sql`select ${4}::int + 2 as m`);
        const statements = await named();
        expect(statements.filter((s) => s.statement.includes("+ 1 as m"))).toHaveLength(1);
        expect(statements.filter((s) => s.statement.includes("+ 2 as m"))).toHaveLength(1);
        expect(new Set(statements.map((s) => s.name)).size).toBe(statements.length);
      } finally {
        await single.close();
      }
    },
  );
});
