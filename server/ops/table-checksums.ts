import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";

export interface TableChecksum {
  table: string;
  rows: number;
  md5: string;
}

/** Row count and an order-independent digest of every application table: what a restore must reproduce. */
export async function tableChecksums(db: Db): Promise<TableChecksum[]> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'spatial_ref_sys'
         order by tablename`,
  );
  const result: TableChecksum[] = [];
  for (const { name } of tables) {
    const [row] = await rows<{ n: number; md5: string | null }>(
      db,
      sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5
            from ${sql.identifier(name)} t`,
    );
    result.push({ table: name, rows: row.n, md5: row.md5 ?? "" });
  }
  return result;
}
