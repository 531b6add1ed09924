import type { Db } from "../db/client.ts";
import type { Actor } from "../policies/actor.ts";

/** What every write needs: the database (or the open transaction), who acts, and from where. */
export interface CommandContext {
  db: Db;
  actor: Actor | null;
  ip: string | null;
}
