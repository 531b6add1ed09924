import {
  boolean,
  date,
  integer,
  numeric,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

// Mirrors of migration 0003 (五定 and responsibility contracts); the commands and queries use SQL directly.

export const gridPersonnel = pgTable("grid_personnel", {
  id: serial("id").primaryKey(),
  gridId: integer("grid_id").notNull(),
  userId: integer("user_id").notNull(),
  dutyRole: text("duty_role").$type<"head" | "member">().notNull(),
  phone: text("phone"),
  startsOn: date("starts_on").notNull(),
  endsOn: date("ends_on"),
  removedAt: timestamp("removed_at", { withTimezone: true }),
  removedBy: integer("removed_by"),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const dutyLines = pgTable("duty_lines", {
  id: serial("id").primaryKey(),
  gridLevel: smallint("grid_level"),
  gridId: integer("grid_id"),
  matterCategory: text("matter_category"),
  departmentId: integer("department_id"),
  responsibility: text("responsibility").$type<"lead" | "assist">().notNull(),
  dutyText: text("duty_text").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const patrolRules = pgTable("patrol_rules", {
  id: serial("id").primaryKey(),
  gridLevel: smallint("grid_level"),
  gridId: integer("grid_id"),
  objectType: text("object_type"),
  objectFlag: text("object_flag"),
  frequency: text("frequency").$type<"daily" | "weekly" | "monthly" | "quarterly">().notNull(),
  timesPerPeriod: smallint("times_per_period").notNull(),
  description: text("description").notNull().default(""),
  sortOrder: integer("sort_order").notNull().default(0),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const rewardPenaltyRules = pgTable("reward_penalty_rules", {
  id: serial("id").primaryKey(),
  gridLevel: smallint("grid_level"),
  gridId: integer("grid_id"),
  kind: text("kind").$type<"reward" | "penalty">().notNull(),
  ruleText: text("rule_text").notNull(),
  points: numeric("points", { precision: 6, scale: 1 }),
  veto: boolean("veto").notNull().default(false),
  sortOrder: integer("sort_order").notNull().default(0),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const gridDisclosure = pgTable("grid_disclosure", {
  gridId: integer("grid_id").primaryKey(),
  headName: boolean("head_name").notNull().default(true),
  headPhone: boolean("head_phone").notNull().default(true),
  memberNames: boolean("member_names").notNull().default(true),
  memberPhones: boolean("member_phones").notNull().default(false),
  duties: boolean("duties").notNull().default(true),
  tasks: boolean("tasks").notNull().default(true),
  rules: boolean("rules").notNull().default(true),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const responsibilityContracts = pgTable("responsibility_contracts", {
  id: serial("id").primaryKey(),
  year: smallint("year").notNull(),
  upperGridId: integer("upper_grid_id").notNull(),
  lowerGridId: integer("lower_grid_id").notNull(),
  revision: smallint("revision").notNull(),
  supersedesId: integer("supersedes_id"),
  status: text("status").$type<"draft" | "signed" | "superseded">().notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  partyA: text("party_a").notNull(),
  partyB: text("party_b").notNull(),
  signerUserId: integer("signer_user_id"),
  signedBy: integer("signed_by"),
  signedByName: text("signed_by_name"),
  signedAt: timestamp("signed_at", { withTimezone: true }),
  signedIp: text("signed_ip"),
  bodySha256: text("body_sha256"),
  supersededAt: timestamp("superseded_at", { withTimezone: true }),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
