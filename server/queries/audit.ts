import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";

export interface AuditFilter {
  page: number;
  pageSize: number;
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export async function listAudit(db: Db, f: AuditFilter) {
  const conditions = [sql`true`];
  if (f.action) conditions.push(sql`a.action like ${`${f.action}%`}`);
  if (f.actor) conditions.push(sql`a.actor_name ilike ${`%${f.actor}%`}`);
  if (f.entityType) conditions.push(sql`a.entity_type = ${f.entityType}`);
  if (f.entityId) conditions.push(sql`a.entity_id = ${f.entityId}`);
  if (f.from) conditions.push(sql`a.at >= ${f.from}::timestamptz`);
  if (f.to) conditions.push(sql`a.at < ${f.to}::timestamptz`);
  const where = sql.join(conditions, sql` and `);
  const items = await rows(
    db,
    sql`select a.id::int as id, a.at, a.actor_id as "actorId", a.actor_name as "actorName", a.action,
               a.entity_type as "entityType", a.entity_id as "entityId", a.ip, a.before, a.after, a.hash
          from audit_log a where ${where}
         order by a.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  const [{ total }] = await rows<{ total: number }>(
    db,
    sql`select count(*)::int as total from audit_log a where ${where}`,
  );
  return { items, total };
}
