import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { preparedRows, rows } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { permissionsOf, type Role } from "../domain/roles.ts";
import type { Actor, RoleAssignment } from "../policies/actor.ts";
import { scopeOf } from "../policies/scope.ts";
import { accountRoleInForce, assignmentInForce } from "./assignment-in-force-sql.ts";

/**
 * An account role (user_roles `ur`, its grid `g`) reaches nothing through a retired grid, and a grid member's or
 * head's yields to 定人员 (accountRoleInForce).
 */
const accountRoleCounts = sql`(ur.grid_id is null or g.retired_at is null) and ${accountRoleInForce("ur")}`;

/**
 * The account's roles, plus one grid role per personnel assignment in force (定人员): a grid's head acts as
 * its `grid_head`, a member as its `grid_member`. So a person's scope follows their assignments — assigned to
 * a second village, they see it; taken off, they no longer do, home village included. An assignment that
 * repeats an account role is not listed twice.
 */
export async function loadRoleAssignments(db: Db, userId: number): Promise<RoleAssignment[]> {
  const accountRoles = await rows<RoleAssignment>(
    db,
    sql`select ur.role, ur.grid_id as "gridId", g.name as "gridName", g.path as "gridPath",
               ur.department_id as "departmentId", d.name as "departmentName"
          from user_roles ur
          left join grids g on g.id = ur.grid_id
          left join departments d on d.id = ur.department_id
         where ur.user_id = ${userId} and ${accountRoleCounts}
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

/** The session fields the auth hook needs to judge it. */
export interface LiveSession {
  id: number;
  userId: number;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
  revokedAt: Date | null;
}

/**
 * One round trip for the auth hook on every API call: the live session by its token hash, its user unless
 * disabled, and the same role assignments as `loadRoleAssignments` (account roles by id, then the distinct
 * grid roles of assignments in force by path and role). `actor` is null when the account is disabled or gone.
 */
export async function loadSessionActor(
  db: Db,
  tokenHash: string,
): Promise<{ session: LiveSession; actor: Actor | null } | null> {
  const [row] = await preparedRows<
    LiveSession & {
      username: string | null;
      displayName: string | null;
      accountRoles: RoleAssignment[] | null;
      assignments: RoleAssignment[] | null;
    }
  >(
    db,
    sql`select s.id, s.user_id as "userId", s.last_seen_at as "lastSeenAt",
               s.absolute_expires_at as "absoluteExpiresAt", s.revoked_at as "revokedAt",
               u.username, u.display_name as "displayName",
               case when u.id is not null then coalesce((
                 select json_agg(json_build_object('role', ur.role, 'gridId', ur.grid_id, 'gridName', g.name,
                          'gridPath', g.path, 'departmentId', ur.department_id, 'departmentName', d.name)
                          order by ur.id)
                   from user_roles ur
                   left join grids g on g.id = ur.grid_id
                   left join departments d on d.id = ur.department_id
                  where ur.user_id = s.user_id and ${accountRoleCounts}), '[]'::json) end as "accountRoles",
               case when u.id is not null then coalesce((
                 select json_agg(json_build_object('role', a.role, 'gridId', a."gridId", 'gridName', a."gridName",
                          'gridPath', a."gridPath", 'departmentId', null, 'departmentName', null)
                          order by a."gridPath", a.role)
                   from (select distinct case p.duty_role when 'head' then 'grid_head' else 'grid_member' end as role,
                                p.grid_id as "gridId", g.name as "gridName", g.path as "gridPath"
                           from grid_personnel p join grids g on g.id = p.grid_id
                          where p.user_id = s.user_id and g.retired_at is null and ${assignmentInForce("p")}) a
                 ), '[]'::json) end as "assignments"
          from sessions s
          left join users u on u.id = s.user_id and u.disabled_at is null
         where s.token_hash = ${tokenHash} and s.revoked_at is null`,
  );
  if (!row) return null;
  const session: LiveSession = {
    id: row.id,
    userId: row.userId,
    lastSeenAt: row.lastSeenAt,
    absoluteExpiresAt: row.absoluteExpiresAt,
    revokedAt: row.revokedAt,
  };
  if (row.username === null || row.accountRoles === null || row.assignments === null)
    return { session, actor: null };
  const accountRoles = row.accountRoles;
  const held = new Set(accountRoles.map((r) => `${r.role}/${r.gridId}`));
  const roles = [...accountRoles, ...row.assignments.filter((a) => !held.has(`${a.role}/${a.gridId}`))];
  return {
    session,
    actor: {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName as string,
      roles,
      permissions: permissionsOf(roles.map((r) => r.role as Role)),
      scope: scopeOf(roles),
      sessionId: row.id,
    },
  };
}
