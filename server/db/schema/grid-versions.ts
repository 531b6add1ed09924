import { bigserial, integer, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { multiPolygon } from "./geometry.ts";
import type { GridKind } from "./grids.ts";

/** Superseded states of a grid, written by the `grid_versions_record` trigger (migration 0002); read-only here. */
export const gridVersions = pgTable("grid_versions", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  gridId: integer("grid_id").notNull(),
  version: integer("version").notNull(),
  parentId: integer("parent_id"),
  level: smallint("level").notNull(),
  code: text("code").notNull(),
  name: text("name").notNull(),
  nameUg: text("name_ug"),
  nameEn: text("name_en"),
  kind: text("kind").$type<GridKind>().notNull(),
  path: text("path").notNull(),
  boundary: multiPolygon("boundary"),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
  validTo: timestamp("valid_to", { withTimezone: true }).notNull().defaultNow(),
});
