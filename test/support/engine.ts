export type TestEngine = "pglite" | "postgres";

export function testEngine(): TestEngine {
  return process.env.ENVGRID_TEST_ENGINE === "postgres" ? "postgres" : "pglite";
}

/** A connection string for a database on the same server as DATABASE_URL. */
export function databaseUrlFor(name: string): string {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set");
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
