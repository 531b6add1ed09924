import { DISTRICT_WIDE_ROLES } from "../domain/roles.ts";
import type { Actor, Scope } from "./actor.ts";

/**
 * Whose department work a caller may count (GET /api/dashboard/departments). District-wide roles: every
 * department's, everywhere. A department's staff: their own departments' work on any case (a department acts
 * across the district; its scope says "all grids" for that reason, which must not open the other departments'
 * figures). A township officer: every department's work, on the cases of their grids only.
 */
export interface DepartmentKpiReach {
  everything: boolean;
  /** Departments whose work counts wherever the case lies. */
  ownDepartmentIds: number[];
  /** Grids whose cases count for every department; null: none. */
  grids: Scope | null;
}

export function departmentKpiReach(actor: Pick<Actor, "roles" | "scope">): DepartmentKpiReach {
  if (actor.roles.some((r) => DISTRICT_WIDE_ROLES.includes(r.role)))
    return { everything: true, ownDepartmentIds: [], grids: null };
  const { scope } = actor;
  return {
    everything: false,
    ownDepartmentIds: scope.departmentIds,
    grids: !scope.allGrids && scope.gridPaths.length > 0 ? scope : null,
  };
}
