import type { RoleCode } from "../../api/types";

/** Roles that act inside one grid subtree: the new user must be placed in a grid. */
export const gridRoles: ReadonlySet<RoleCode> = new Set(["grid_member", "grid_head", "township_officer"]);

/** Roles that act for one department. */
export const departmentRoles: ReadonlySet<RoleCode> = new Set(["department_officer", "department_head"]);
