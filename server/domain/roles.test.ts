import { describe, expect, it } from "vitest";
import { permissionsOf, roleCombinationError } from "./roles.ts";

describe("roles and 三员 separation", () => {
  it("gives each of the three administrators only their own permission", () => {
    expect(permissionsOf(["sys_admin"])).toEqual(["settings.manage"]);
    expect(permissionsOf(["audit_admin"])).toEqual(["audit.read"]);
    expect(permissionsOf(["sec_admin"])).toContain("user.manage");
    expect(permissionsOf(["sec_admin"])).not.toContain("audit.read");
    expect(permissionsOf(["sec_admin"])).not.toContain("settings.manage");
  });
  it("gives no business role an administrator permission", () => {
    const business = permissionsOf(["district_office", "district_leader", "supervisor", "grid_head"]);
    expect(business).not.toContain("audit.read");
    expect(business).not.toContain("user.manage");
    expect(business).not.toContain("settings.manage");
  });
  it("refuses two administrator roles, or one with a business role, on one account", () => {
    expect(roleCombinationError(["sys_admin", "audit_admin"])).toBe("separated_admin_roles");
    expect(roleCombinationError(["sec_admin", "district_office"])).toBe("admin_with_business_role");
    expect(roleCombinationError(["sys_admin"])).toBeNull();
    expect(roleCombinationError(["grid_head", "grid_member"])).toBeNull();
  });
});

describe("the register of supervised objects", () => {
  it("is kept by the district office and townships, read by the other business roles, closed to 三员 and the public", () => {
    for (const role of ["district_office", "township_officer"] as const)
      expect(permissionsOf([role])).toEqual(expect.arrayContaining(["object.read", "object.manage"]));
    for (const role of [
      "grid_member",
      "grid_head",
      "district_leader",
      "department_officer",
      "supervisor",
    ] as const) {
      expect(permissionsOf([role])).toContain("object.read");
      expect(permissionsOf([role])).not.toContain("object.manage");
    }
    for (const role of ["public", "sys_admin", "sec_admin", "audit_admin"] as const)
      expect(permissionsOf([role]).filter((p) => p.startsWith("object."))).toEqual([]);
  });
});
