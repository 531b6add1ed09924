import { minimalCover } from "../domain/grid-path.ts";
import { DEPARTMENT_SCOPED_ROLES, DISTRICT_WIDE_ROLES, GRID_SCOPED_ROLES } from "../domain/roles.ts";
import type { RoleAssignment, Scope } from "./actor.ts";

/**
 * Derives the caller's reach from their role assignments. District-wide roles and departments see every
 * grid (departments act across the district on their matters); grid roles see their subtrees only; the
 * security administrator sees grids to assign accounts to them. Everyone else sees no grid.
 */
export function scopeOf(assignments: readonly RoleAssignment[]): Scope {
  let allGrids = false;
  const paths: string[] = [];
  const departmentIds = new Set<number>();
  for (const a of assignments) {
    if (DISTRICT_WIDE_ROLES.includes(a.role) || a.role === "sec_admin") allGrids = true;
    if (DEPARTMENT_SCOPED_ROLES.includes(a.role) && a.departmentId !== null) {
      allGrids = true;
      departmentIds.add(a.departmentId);
    }
    if (GRID_SCOPED_ROLES.includes(a.role) && a.gridPath) paths.push(a.gridPath);
  }
  const gridPaths = allGrids ? [] : minimalCover(paths);
  const gridIds = gridPaths.map((p) => Number(p.split("/").at(-2)));
  return { allGrids, gridPaths, gridIds, departmentIds: [...departmentIds] };
}
