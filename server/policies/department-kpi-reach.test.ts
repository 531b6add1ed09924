import { describe, expect, it } from "vitest";
import type { RoleAssignment } from "./actor.ts";
import { departmentKpiReach } from "./department-kpi-reach.ts";
import { scopeOf } from "./scope.ts";

// only the fields scopeOf and departmentKpiReach read
const reach = (...roles: Partial<RoleAssignment>[]) => {
  const assignments = roles as RoleAssignment[];
  return departmentKpiReach({ roles: assignments, scope: scopeOf(assignments) });
};

describe("whose department work a caller counts", () => {
  it("district-wide roles: everything", () => {
    expect(reach({ role: "supervisor" })).toEqual({ everything: true, ownDepartmentIds: [], grids: null });
  });
  it("department staff: their own department, though their grid scope is the whole district", () => {
    const dept: Partial<RoleAssignment> = { role: "department_officer", departmentId: 3 };
    expect(scopeOf([dept as RoleAssignment]).allGrids).toBe(true);
    expect(reach(dept)).toEqual({ everything: false, ownDepartmentIds: [3], grids: null });
  });
  it("a township officer: every department, on their grids' cases", () => {
    const r = reach({ role: "township_officer", gridId: 7, gridPath: "/1/7/" });
    expect(r).toMatchObject({ everything: false, ownDepartmentIds: [] });
    expect(r.grids?.gridPaths).toEqual(["/1/7/"]);
  });
});
