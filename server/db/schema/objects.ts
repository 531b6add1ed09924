import {
  boolean,
  customType,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { EmissionFigure, ObjectGeometry, ObjectType } from "../../domain/supervised-object.ts";

/**
 * A geometry column holding a Point, Polygon or MultiPolygon (SRID 4326). Like the grid boundary, it is
 * written through ST_GeomFromGeoJSON and read through ST_AsGeoJSON in SQL, never selected raw.
 */
const objectGeometry = customType<{ data: ObjectGeometry; driverData: string }>({
  dataType() {
    return "geometry(Geometry, 4326)";
  },
});

/** Mirror of migration 0004; queries and commands use SQL, this documents the columns for Drizzle. */
export const supervisedObjects = pgTable("supervised_objects", {
  id: serial("id").primaryKey(),
  type: text("type").$type<ObjectType>().notNull(),
  name: text("name").notNull(),
  address: text("address"),
  contactName: text("contact_name"),
  contactPhone: text("contact_phone"),
  category: text("category"),
  status: text("status").$type<"active" | "suspended" | "retired">().notNull(),
  location: objectGeometry("location").notNull(),
  gridId: integer("grid_id"),
  uscc: text("uscc"),
  permitNumber: text("permit_number"),
  pollutants: text("pollutants").array().notNull(),
  keyUnit: boolean("key_unit").notNull(),
  emissions: jsonb("emissions").$type<EmissionFigure[]>().notNull(),
  waterZoneLevel: smallint("water_zone_level"),
  riskLevel: text("risk_level"),
  eiaStatus: text("eia_status"),
  remediationStatus: text("remediation_status"),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  retiredReason: text("retired_reason"),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
