import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "../policies/actor.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";

/**
 * SQL condition keeping a KPI rollup's township column to the level-2 units in the scope; township 0 (cases
 * on the root grid) only for district-wide callers. The rollups key by township (case_kpi_township).
 */
export function townshipWithinScope(scope: Scope, column: string): SQL {
  if (scope.allGrids) return sql`true`;
  return sql`${sql.raw(column)} in (select g.id from grids g where g.level = 2 and ${gridWithinScope(sql`g.path`, scope)})`;
}
