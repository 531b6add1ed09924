import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "./actor.ts";

/** SQL condition restricting a grid path column to the scope; every grid read goes through it. */
export function gridWithinScope(pathColumn: SQL | string, scope: Scope): SQL {
  const column = typeof pathColumn === "string" ? sql.raw(pathColumn) : pathColumn;
  if (scope.allGrids) return sql`true`;
  if (scope.gridPaths.length === 0) return sql`false`;
  const prefixes = scope.gridPaths.map((p) => sql`${column} LIKE ${`${p}%`}`);
  return sql`(${sql.join(prefixes, sql` OR `)})`;
}
