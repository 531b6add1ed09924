import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import type { RoleAssignment } from "../policies/actor.ts";

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  disabled: boolean;
  lockedUntil: Date | null;
  roles: Omit<RoleAssignment, "gridPath">[];
}

/** Account list for the security administrator, searchable by username or display name. */
export async function listUsers(db: Db, filter: { q?: string; page: number; pageSize: number }) {
  const search = filter.q
    ? sql`(u.username ilike ${`%${filter.q}%`} or u.display_name ilike ${`%${filter.q}%`})`
    : sql`true`;
  const items = await rows<UserRow>(
    db,
    sql`select u.id, u.username, u.display_name as "displayName", u.phone, (u.disabled_at is not null) as disabled,
               u.locked_until as "lockedUntil",
               coalesce((select json_agg(json_build_object('role', ur.role, 'gridId', ur.grid_id, 'gridName', g.name,
                          'departmentId', ur.department_id, 'departmentName', d.name) order by ur.id)
                   from user_roles ur left join grids g on g.id = ur.grid_id
                   left join departments d on d.id = ur.department_id where ur.user_id = u.id), '[]'::json) as roles
          from users u where ${search}
         order by u.id limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`,
  );
  const [{ total }] = await rows<{ total: number }>(
    db,
    sql`select count(*)::int as total from users u where ${search}`,
  );
  return { items, total };
}
