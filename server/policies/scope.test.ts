import { describe, expect, it } from "vitest";
import type { RoleAssignment } from "./actor.ts";
import { scopeOf } from "./scope.ts";

const assignment = (over: Partial<RoleAssignment>): RoleAssignment => ({
  role: "grid_member",
  gridId: null,
  gridName: null,
  gridPath: null,
  departmentId: null,
  departmentName: null,
  ...over,
});

describe("scope of an actor", () => {
  it("follows a member's grid assignments, several villages included", () => {
    const scope = scopeOf([
      assignment({ gridId: 51, gridPath: "/1/7/51/" }),
      assignment({ gridId: 52, gridPath: "/1/7/52/" }),
    ]);
    expect(scope).toEqual({
      allGrids: false,
      gridPaths: ["/1/7/51/", "/1/7/52/"],
      gridIds: [51, 52],
      departmentIds: [],
    });
  });
  it("gives the district office and departments the whole district", () => {
    expect(scopeOf([assignment({ role: "district_office" })]).allGrids).toBe(true);
    const dept = scopeOf([assignment({ role: "department_officer", departmentId: 3 })]);
    expect(dept).toMatchObject({ allGrids: true, departmentIds: [3] });
  });
  it("gives the audit and system administrators no grid", () => {
    expect(scopeOf([assignment({ role: "audit_admin" })])).toMatchObject({ allGrids: false, gridPaths: [] });
    expect(scopeOf([assignment({ role: "sys_admin" })])).toMatchObject({ allGrids: false, gridPaths: [] });
  });
});
