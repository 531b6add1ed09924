import type { Permission, Role } from "../domain/roles.ts";

export interface RoleAssignment {
  role: Role;
  gridId: number | null;
  gridName: string | null;
  gridPath: string | null;
  departmentId: number | null;
  departmentName: string | null;
}

/** What a caller may reach: a set of grid subtrees (or all) and a set of departments. */
export interface Scope {
  allGrids: boolean;
  /** Subtree roots as materialized paths, minimal (no path lies below another). */
  gridPaths: string[];
  gridIds: number[];
  departmentIds: number[];
}

/** The authenticated caller, resolved once per request by the auth plugin. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: RoleAssignment[];
  permissions: Permission[];
  scope: Scope;
  sessionId: number;
}
