import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rows } from "../db/client.ts";
import { sessions, users } from "../db/schema/index.ts";
import { permissionsOf, type Role } from "../domain/roles.ts";
import type { Actor, RoleAssignment } from "../policies/actor.ts";
import { scopeOf } from "../policies/scope.ts";
import { assignmentInForce } from "./assignment-in-force-sql.ts";

/**
 * The account's roles, plus one grid role per personnel assignment in force (定人员): a grid's head acts as
 * its `grid_head`, a member as its `grid_member`. So a person's scope follows their assignments — assigned to
 * a second village, they see it; taken off, they no longer do. An assignment that repeats an account role
 * is not listed twice.
 */
export async function loadRoleAssignments(db: Db, userId: number): Promise<RoleAssignment[]> {
  const accountRoles = await rows<RoleAssignment>(
    db,
    sql`select ur.role, ur.grid_id as "gridId", g.name as "gridName", g.path as "gridPath",
               ur.department_id as "departmentId", d.name as "departmentName"
          from user_roles ur
          left join grids g on g.id = ur.grid_id
          left join departments d on d.id = ur.department_id
         where ur.user_id = ${userId}
         order by ur.id`,
  );
  const assignments = await rows<RoleAssignment>(
    db,
    sql`select distinct case p.duty_role when 'head' then 'grid_head' else 'grid_member' end as role,
               p.grid_id as "gridId", g.name as "gridName", g.path as "gridPath",
               null::int as "departmentId", null::text as "departmentName"
          from grid_personnel p join grids g on g.id = p.grid_id
         where p.user_id = ${userId} and g.retired_at is null and ${assignmentInForce("p")}
         order by "gridPath", role`,
  );
  const held = new Set(accountRoles.map((r) => `${r.role}/${r.gridId}`));
  return [...accountRoles, ...assignments.filter((a) => !held.has(`${a.role}/${a.gridId}`))];
}

export async function loadActor(db: Db, userId: number, sessionId: number): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  const roles = await loadRoleAssignments(db, userId);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    permissions: permissionsOf(roles.map((r) => r.role as Role)),
    scope: scopeOf(roles),
    sessionId,
  };
}

export async function findLiveSessionByTokenHash(db: Db, tokenHash: string) {
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
  return session ?? null;
}
