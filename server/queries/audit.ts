import { type SQL, sql } from "drizzle-orm";
import type { AuditEntry } from "../../api-types/audit.ts";
import { type Db, rows } from "../db/client.ts";
import { withinDateRange } from "./sql-time.ts";

export interface AuditFilter {
  /** An action code (`auth.login`, exact), or a group ending in a dot (`case.`: every case action). */
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

// `_` and `%` in a code are literal characters, not LIKE wildcards (`auth.login_` must not match `auth.loginX`).
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function auditWhere(f: AuditFilter): SQL {
  const conditions = [sql`true`];
  if (f.action)
    conditions.push(
      f.action.endsWith(".")
        ? sql`a.action like ${`${likeLiteral(f.action)}%`}`
        : sql`a.action = ${f.action}`,
    );
  if (f.actor) conditions.push(sql`a.actor_name ilike ${`%${likeLiteral(f.actor)}%`}`);
  if (f.entityType) conditions.push(sql`a.entity_type = ${f.entityType}`);
  if (f.entityId) conditions.push(sql`a.entity_id = ${f.entityId}`);
  // from/to are read as the case list and the patrol ledger read them: Beijing days, both ends included
  conditions.push(...withinDateRange(sql`a.at`, f));
  return sql.join(conditions, sql` and `);
}

const auditColumns = sql`a.id::int as id, a.at, a.actor_id as "actorId", a.actor_name as "actorName", a.action,
  a.entity_type as "entityType", a.entity_id as "entityId", a.ip, a.before, a.after, a.hash`;

export async function listAudit(db: Db, f: AuditFilter & { page: number; pageSize: number }) {
  const where = auditWhere(f);
  const items = await rows<AuditEntry>(
    db,
    sql`select ${auditColumns} from audit_log a where ${where}
         order by a.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  return { items, total: await countAudit(db, f) };
}

export async function countAudit(db: Db, f: AuditFilter): Promise<number> {
  const [{ total }] = await rows<{ total: number }>(
    db,
    sql`select count(*)::int as total from audit_log a where ${auditWhere(f)}`,
  );
  return total;
}

/** The rows an export writes, newest first as on screen; the caller has checked the count against its cap. */
export async function auditForExport(db: Db, f: AuditFilter, limit: number): Promise<AuditEntry[]> {
  const items = await rows<AuditEntry>(
    db,
    sql`select ${auditColumns} from audit_log a where ${auditWhere(f)} order by a.id desc limit ${limit}`,
  );
  return items.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}
