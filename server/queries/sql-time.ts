import { type SQL, sql } from "drizzle-orm";

/**
 * A timestamptz as ISO 8601 in UTC ('2026-03-01T08:00:00.000000Z'). Raw queries otherwise return PostgreSQL's
 * text form ('2026-03-01 08:00:00+00'), which is not what the API promises on the wire.
 */
export function isoUtc(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
