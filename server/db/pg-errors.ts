/** The fields PostgreSQL's error carries, as either driver reports them (drizzle wraps it in `cause`). */
type PgErrorFields = { code?: string; constraint?: string; message?: string };

function pgError(error: unknown): PgErrorFields {
  const e = error as (PgErrorFields & { cause?: PgErrorFields }) | null | undefined;
  return e?.cause?.code ? e.cause : (e ?? {});
}

/**
 * PostgreSQL's unique violation (23505); with `constraint`, only a violation of that index, so a retry or a
 * friendly message for one clash does not swallow another.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  if (e.code !== "23505") return false;
  return constraint === undefined || e.constraint === constraint || !!e.message?.includes(`"${constraint}"`);
}
