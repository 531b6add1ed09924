import { type SQL, sql } from "drizzle-orm";

/** Today in the district's time zone: a term that ends "on 31 December" ends at midnight Beijing time. */
export const TODAY_SHANGHAI = sql`(now() at time zone 'Asia/Shanghai')::date`;

/**
 * SQL condition: a grid_personnel row (by its alias) is in force today — not removed, started, not ended.
 * Scope, the 五定 card and contract signing all use this one definition.
 */
export function assignmentInForce(alias: string): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.removed_at is null and ${a}.starts_on <= ${TODAY_SHANGHAI}
              and (${a}.ends_on is null or ${a}.ends_on >= ${TODAY_SHANGHAI}))`;
}

/** The 定人员 duty a grid role stands for. */
const dutyOf = (role: SQL) => sql`(case ${role} when 'grid_head' then 'head' else 'member' end)`;

/**
 * SQL condition: a user_roles row (by its alias) still counts. An account's grid member or head role on a grid
 * yields to 定人员 once the person has been on that grid's personnel list in that duty: taken off, or their
 * term over, with no assignment of it in force, the account role no longer reaches the grid (otherwise
 * removing someone from a grid would leave their home grid's cases open to them). Other roles always count.
 */
export function accountRoleInForce(alias: string): SQL {
  const r = sql.raw(alias);
  return sql`(${r}.role not in ('grid_member', 'grid_head')
              or coalesce((select bool_or(${assignmentInForce("p")}) from grid_personnel p
                            where p.user_id = ${r}.user_id and p.grid_id = ${r}.grid_id
                              and p.duty_role = ${dutyOf(sql`${r}.role`)}), true))`;
}

/**
 * Who holds a grid member's or head's duty on the given grids (an int[] expression) today, as rows of
 * (user_id, role, grid_id): account roles that still count, and assignments in force. The case machine's
 * stakeholders, the re-check candidates and the re-check assignee check all read this one definition, as
 * the caller's own scope does (actor-loader.ts).
 */
export function gridDutyHolders(gridIds: SQL): SQL {
  return sql`select ur.user_id, ur.role, ur.grid_id from user_roles ur
              where ur.role in ('grid_member', 'grid_head') and ur.grid_id = any(${gridIds})
                and ${accountRoleInForce("ur")}
             union
             select p.user_id, case p.duty_role when 'head' then 'grid_head' else 'grid_member' end, p.grid_id
               from grid_personnel p
              where p.grid_id = any(${gridIds}) and ${assignmentInForce("p")}`;
}
