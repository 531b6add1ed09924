import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { systemSettings } from "../db/schema/index.ts";

export type Settings = typeof systemSettings.$inferSelect;

const CACHE_MS = 5_000;
let cached: { at: number; value: Settings; db: Db } | null = null;

/** Settings are read on every authenticated request; a few seconds of staleness across instances is fine. */
export async function getSettings(db: Db, fresh = false): Promise<Settings> {
  if (!fresh && cached && cached.db === db && Date.now() - cached.at < CACHE_MS) return cached.value;
  const [value] = await db.select().from(systemSettings).where(eq(systemSettings.id, 1));
  if (!value) throw new Error("system_settings row missing: run migrations and seed");
  cached = { at: Date.now(), value, db };
  return value;
}

export function forgetCachedSettings(): void {
  cached = null;
}
