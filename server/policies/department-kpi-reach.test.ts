import { describe, expect, it } from "vitest";
import type { Role } from "../domain/roles.ts";
import type { RoleAssignment } from "./actor.ts";
import { departmentKpiReach } from "./department-kpi-reach.ts";
import { scopeOf } from "./scope.ts";

const assignment = (role: Role, over: Partial<RoleAssignment> = {}): RoleAssignment => ({
  role,
  gridId: null,
  gridName: null,
  gridPath: null,
  departmentId: null,
  departmentName: null,
  ...over,
});
const reach = (...roles: RoleAssignment[]) => departmentKpiReach({ roles, scope: scopeOf(roles) });

describe("whose department work a caller counts", () => {
  it("district-wide roles: everything", () => {
    expect(reach(assignment("supervisor"))).toEqual({ everything: true, ownDepartmentIds: [], grids: null });
  });
  it("department staff: their own department, though their grid scope is the whole district", () => {
    const dept = assignment("department_officer", { departmentId: 3 });
    expect(scopeOf([dept]).allGrids).toBe(true);
    expect(reach(dept)).toEqual({ everything: false, ownDepartmentIds: [3], grids: null });
  });
  it("a township officer: every department, on their grids' cases", () => {
    const r = reach(assignment("township_officer", { gridId: 7, gridPath: "/1/7/" }));
    expect(r).toMatchObject({ everything: false, ownDepartmentIds: [] });
    expect(r.grids?.gridPaths).toEqual(["/1/7/"]);
  });
});
