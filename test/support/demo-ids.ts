import { sql } from "drizzle-orm";
import type { TestApp } from "./test-app.ts";

/** Ids of the demo's grids by name, for the names asked for (each names one grid). */
export async function gridIdsByName(t: TestApp, names: readonly string[]): Promise<Record<string, number>> {
  const found = await t.query<{ id: number; name: string }>(
    sql`select id, name from grids where name in (${sql.join(
      names.map((n) => sql`${n}`),
      sql`, `,
    )})`,
  );
  return Object.fromEntries(found.map((g) => [g.name, g.id]));
}

/** Ids of every account by username. */
export async function userIdsByName(t: TestApp): Promise<Record<string, number>> {
  const found = await t.query<{ id: number; username: string }>(sql`select id, username from users`);
  return Object.fromEntries(found.map((u) => [u.username, u.id]));
}
