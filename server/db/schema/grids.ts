import { integer, pgTable, serial, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { multiPolygon } from "./geometry.ts";

export const GRID_KINDS = [
  "district",
  "subdistrict",
  "town",
  "township",
  "farm",
  "zone",
  "village",
  "community",
] as const;
export type GridKind = (typeof GRID_KINDS)[number];

export const grids = pgTable("grids", {
  id: serial("id").primaryKey(),
  parentId: integer("parent_id"),
  level: smallint("level").notNull(),
  code: text("code").notNull(),
  name: text("name").notNull(),
  nameUg: text("name_ug"),
  /** English name (migration 0023); null: the web shows the Chinese name. */
  nameEn: text("name_en"),
  kind: text("kind").$type<GridKind>().notNull(),
  path: text("path").notNull(),
  boundary: multiPolygon("boundary"),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const departments = pgTable("departments", {
  id: serial("id").primaryKey(),
  code: text("code").notNull(),
  name: text("name").notNull(),
  nameUg: text("name_ug"),
  nameEn: text("name_en"),
  kind: text("kind").$type<"department" | "supervisory">().notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});
