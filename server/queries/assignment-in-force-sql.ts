import { type SQL, sql } from "drizzle-orm";

/** Today in the district's time zone: a term that ends "on 31 December" ends at midnight Beijing time. */
export const TODAY_SHANGHAI = sql`(now() at time zone 'Asia/Shanghai')::date`;

/**
 * SQL condition: a grid_personnel row (by its alias) is in force today — not removed, started, not ended.
 * Scope, the 五定 card and contract signing all use this one definition.
 */
export function assignmentInForce(alias: string): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.removed_at is null and ${a}.starts_on <= ${TODAY_SHANGHAI}
              and (${a}.ends_on is null or ${a}.ends_on >= ${TODAY_SHANGHAI}))`;
}
