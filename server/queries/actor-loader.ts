import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rows } from "../db/client.ts";
import { sessions, users } from "../db/schema/index.ts";
import { permissionsOf, type Role } from "../domain/roles.ts";
import type { Actor, RoleAssignment } from "../policies/actor.ts";
import { scopeOf } from "../policies/scope.ts";

export async function loadRoleAssignments(db: Db, userId: number): Promise<RoleAssignment[]> {
  return rows<RoleAssignment>(
    db,
    sql`select ur.role, ur.grid_id as "gridId", g.name as "gridName", g.path as "gridPath",
               ur.department_id as "departmentId", d.name as "departmentName"
          from user_roles ur
          left join grids g on g.id = ur.grid_id
          left join departments d on d.id = ur.department_id
         where ur.user_id = ${userId}
         order by ur.id`,
  );
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
