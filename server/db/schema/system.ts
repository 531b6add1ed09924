import { bigint, bigserial, integer, jsonb, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";

export const systemSettings = pgTable("system_settings", {
  id: integer("id").primaryKey(),
  tileUrl: text("tile_url").notNull(),
  tileAttribution: text("tile_attribution").notNull(),
  sessionIdleMinutes: integer("session_idle_minutes").notNull(),
  sessionAbsoluteHours: integer("session_absolute_hours").notNull(),
  version: integer("version").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** chain, seq, prev_hash and hash are filled by the database trigger; the app only inserts content. */
export const auditLog = pgTable("audit_log", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  chain: smallint("chain"),
  seq: bigint("seq", { mode: "number" }),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  actorId: integer("actor_id"),
  actorName: text("actor_name"),
  action: text("action").notNull(),
  entityType: text("entity_type").notNull(),
  entityId: text("entity_id"),
  ip: text("ip"),
  before: jsonb("before"),
  after: jsonb("after"),
  prevHash: text("prev_hash"),
  hash: text("hash"),
});
