import type { Db } from "./client.ts";
import { systemSettings } from "./schema/index.ts";

/** Creates the single settings row from the environment's initial values; later changes go through the UI. */
export async function ensureSettings(
  db: Db,
  initial: {
    tileUrl: string;
    tileAttribution: string;
    sessionIdleMinutes: number;
    sessionAbsoluteHours: number;
  },
): Promise<void> {
  await db
    .insert(systemSettings)
    .values({ id: 1, version: 1, ...initial })
    .onConflictDoNothing();
}
