import { type SQL, sql } from "drizzle-orm";
import type { CaseActor } from "../domain/cases/case-actions.ts";
import {
  DEPARTMENT_SCOPED_ROLES,
  DISTRICT_WIDE_ROLES,
  GRID_SCOPED_ROLES,
  type Role,
} from "../domain/roles.ts";
import type { Actor } from "./actor.ts";

/** Enough of an actor to decide about cases: a logged-in caller, or a user loaded to be notified. */
export type CaseActorSource = Pick<Actor, "userId" | "roles">;

const rolesOf = (actor: CaseActorSource): Role[] => actor.roles.map((r) => r.role as Role);

/** Grid subtrees the actor holds a grid role in (a department's district-wide map scope does not count). */
function gridRolePaths(actor: CaseActorSource): string[] {
  return actor.roles
    .filter((r) => GRID_SCOPED_ROLES.includes(r.role as Role) && r.gridPath)
    .map((r) => r.gridPath as string);
}

export function departmentIdsOf(actor: CaseActorSource): number[] {
  return actor.roles
    .filter((r) => DEPARTMENT_SCOPED_ROLES.includes(r.role as Role) && r.departmentId !== null)
    .map((r) => r.departmentId as number);
}

export function seesAllCases(actor: CaseActorSource): boolean {
  return rolesOf(actor).some((r) => DISTRICT_WIDE_ROLES.includes(r));
}

/**
 * Which cases the actor may read, as a condition on `cases c`: district-wide roles (office, leaders,
 * supervisors) all; grid roles their subtree's; departments the cases they were ever assigned or took part in;
 * anyone the cases they filed. The 三员 administrators and residents read none through this API.
 */
export function caseVisibleTo(actor: CaseActorSource): SQL {
  if (seesAllCases(actor)) return sql`true`;
  const conditions: SQL[] = [sql`c.created_by = ${actor.userId}`];
  for (const path of gridRolePaths(actor)) conditions.push(sql`c.grid_path LIKE ${`${path}%`}`);
  const departments = departmentIdsOf(actor);
  if (departments.length > 0)
    conditions.push(sql`c.involved_department_ids && string_to_array(${departments.join(",")}, ',')::int[]`);
  return sql`(${sql.join(conditions, sql` OR `)})`;
}

/** The scope facts the case machine decides on, for this actor and this case. */
export function caseActorFacts(
  actor: CaseActorSource,
  c: { gridPath: string; assignedDepartmentId: number | null },
): CaseActor {
  return {
    userId: String(actor.userId),
    roles: rolesOf(actor),
    inCaseGrid: gridRolePaths(actor).some((p) => c.gridPath.startsWith(p)),
    isAssignedDepartment:
      c.assignedDepartmentId !== null && departmentIdsOf(actor).includes(c.assignedDepartmentId),
    isDistrict: seesAllCases(actor),
  };
}

/**
 * Who may see that a reporter exists in masked form and reveal them (each reveal audited): the district
 * office, and the township officers of the case's grid — the unit that accepts reports. Never departments,
 * grid members, grid heads, supervisors or leaders.
 */
export function mayRevealReporter(actor: CaseActorSource, c: { gridPath: string }): boolean {
  return actor.roles.some(
    (r) =>
      r.role === "district_office" ||
      (r.role === "township_officer" && r.gridPath !== null && c.gridPath.startsWith(r.gridPath)),
  );
}

/** Whether the actor may open the original of an evidence file (EXIF intact); others get the clean copy. */
export function maySeeOriginalEvidence(
  actor: CaseActorSource,
  c: { gridPath: string },
  evidence: { uploadedBy: number | null },
): boolean {
  return evidence.uploadedBy === actor.userId || mayRevealReporter(actor, c);
}
