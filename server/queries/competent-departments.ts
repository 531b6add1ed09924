import { type SQL, sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import type { RoutedDepartment } from "../domain/cases/case-routing.ts";
import { pathGridIds } from "./grid-ancestry.ts";

/**
 * The competent departments for a matter category at a grid, read from the live duty list (定职责): lines
 * for the whole level and lines attached to the grid or one of its ancestors; lead before assist, then in
 * the list's order. `null` when the duty list has no line for the category at all, so the caller falls
 * back to the category's built-in defaults; an empty list when the lines name no department (属地 leads).
 */
export async function competentDepartments(
  db: Db,
  gridPath: string,
  categoryCode: string,
): Promise<RoutedDepartment[] | null> {
  return departmentsOfLines(
    await rows<DutyLineDepartment>(db, dutyLineDepartmentsSql(sql`${gridPath}`, categoryCode)),
  );
}

export type DutyLineDepartment = { id: number | null; code: string | null; name: string | null };

/** The duty lines' departments for a category at a grid path (an SQL expression), in routing order. */
export function dutyLineDepartmentsSql(gridPath: SQL, categoryCode: string): SQL {
  return sql`select d.id, d.code, d.name
          from duty_lines dl
          left join departments d on d.id = dl.department_id
         where dl.retired_at is null and dl.matter_category = ${categoryCode}
           and (dl.grid_level is not null or dl.grid_id = any(${pathGridIds(gridPath)}))
         order by (dl.responsibility = 'lead') desc, dl.sort_order, dl.id`;
}

/** `null` without any line; otherwise each named department once, in the lines' order. */
export function departmentsOfLines(lines: readonly DutyLineDepartment[]): RoutedDepartment[] | null {
  if (lines.length === 0) return null;
  const seen = new Set<number>();
  const departments: RoutedDepartment[] = [];
  for (const line of lines) {
    if (line.id === null || seen.has(line.id)) continue;
    seen.add(line.id);
    departments.push({ id: line.id, code: line.code as string, name: line.name as string });
  }
  return departments;
}
