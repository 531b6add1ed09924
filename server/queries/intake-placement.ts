import { sql } from "drizzle-orm";
import { groupStakeholders, type StakeholderRow, stakeholderRowsSql } from "../commands/case-notifier.ts";
import { type Db, preparedRows } from "../db/client.ts";
import type { RoutedDepartment, RoutedGrid } from "../domain/cases/case-routing.ts";
import {
  type DutyLineDepartment,
  departmentsOfLines,
  dutyLineDepartmentsSql,
} from "./competent-departments.ts";
import { ancestorNamesJson } from "./grid-ancestry.ts";
import { deepestGridIdAt } from "./grid-placement.ts";
import { CALENDAR_REVISION_SQL } from "./work-calendar.ts";

export interface IntakePlacement {
  grid: RoutedGrid & { path: string };
  /** The duty list's departments, or the category's defaults where the list has no line for it. */
  departments: RoutedDepartment[];
  stakeholders: ReturnType<typeof groupStakeholders>;
  calendarRevision: string;
}

/**
 * Everything intake reads before it writes, in one round trip: the deepest grid at the point (with its
 * ancestors' names), the duty list's departments for the category there (else the category's defaults by
 * code), the grid staff and district office who may have to act, and the work calendar's revision. Null
 * outside every grid. Each part is the same SQL the separate queries run (`competentDepartments`,
 * `caseStakeholders`), so routing cannot drift between intake and the rest. The outer alias is one no part
 * uses: a part joining `grids g` once shadowed it and matched every grid's lines and staff.
 */
export async function placeIntake(
  tx: Db,
  point: { lng: number; lat: number },
  categoryCode: string,
  defaultCodes: readonly string[],
): Promise<IntakePlacement | null> {
  const here = sql`ST_SetSRID(ST_MakePoint(${point.lng}::float8, ${point.lat}::float8), 4326)`;
  const [row] = await preparedRows<
    RoutedGrid & {
      path: string;
      lines: DutyLineDepartment[];
      defaults: RoutedDepartment[];
      stakeholders: StakeholderRow[];
      calendarRevision: string;
    }
  >(
    tx,
    sql`select placed.id, placed.name, placed.level, placed.path,
               ${ancestorNamesJson({ id: sql`placed.id`, path: sql`placed.path` })} as "ancestorNames",
               -- json_agg over a sorted subquery keeps its order (PostgreSQL documents this use)
               coalesce((select json_agg(l) from (${dutyLineDepartmentsSql(sql`placed.path`, categoryCode)}) l),
                        '[]'::json) as lines,
               coalesce((select json_agg(json_build_object('id', d.id, 'code', d.code, 'name', d.name))
                           from departments d
                          where d.kind = 'department'
                            and d.code = any(string_to_array(${defaultCodes.join(",")}, ','))), '[]'::json) as defaults,
               coalesce((select json_agg(s) from (${stakeholderRowsSql(sql`placed.path`, [])}) s), '[]'::json) as stakeholders,
               ${CALENDAR_REVISION_SQL} as "calendarRevision"
          from grids placed
         where placed.id = ${deepestGridIdAt(here)}`,
  );
  if (!row) return null;
  const departments =
    departmentsOfLines(row.lines) ??
    defaultCodes.map((c) => row.defaults.find((d) => d.code === c)).filter((d): d is RoutedDepartment => !!d);
  return {
    grid: { id: row.id, name: row.name, level: row.level, path: row.path, ancestorNames: row.ancestorNames },
    departments,
    stakeholders: groupStakeholders(row.stakeholders),
    calendarRevision: row.calendarRevision,
  };
}
