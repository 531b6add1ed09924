/**
 * Supervised objects (监管对象): what server/queries/objects.ts and server/routes/objects answer, and the list
 * filters they take, as web/src/api/objects.ts uses them. Type-only and import-free, so both the server and
 * the web project can use it (docs/decisions/0006). The unions are those of server/domain/supervised-object.ts
 * and the CHECKs of migration 0004.
 */

export type ObjectType =
  | "enterprise"
  | "water_source"
  | "hazard"
  | "construction_project"
  | "ecological_area"
  | "rural_site";
export type ObjectStatus = "active" | "suspended" | "retired";

export interface PointGeometry {
  type: "Point";
  coordinates: number[];
}
export interface PolygonGeometry {
  type: "Polygon";
  coordinates: number[][][];
}
export interface MultiPolygonGeometry {
  type: "MultiPolygon";
  coordinates: number[][][][];
}
/** GeoJSON, WGS84 longitude and latitude. */
export type ObjectGeometry = PointGeometry | PolygonGeometry | MultiPolygonGeometry;

/** One emission figure (e.g. 二氧化硫 12.5 t/a in 2025) and whether it may be published. */
export interface EmissionFigure {
  pollutant: string;
  amount: number;
  unit: string;
  year: number | null;
  disclosed: boolean;
}

/** The filters of the list, the map layer and the export (query parameters). */
export interface ObjectFilter {
  type?: ObjectType;
  /** Objects placed in this grid or anywhere below it. */
  gridId?: number;
  /** Name, address, USCC or permit number contains this. */
  q?: string;
  keyUnit?: boolean;
  /** Default: the live register (active and suspended); "retired" or "all" on request. */
  status?: ObjectStatus | "all";
  /** Only objects a boundary change left outside every grid. */
  unplaced?: boolean;
}

export interface ObjectSummary {
  id: number;
  type: ObjectType;
  name: string;
  address: string | null;
  category: string | null;
  status: ObjectStatus;
  gridId: number | null;
  gridName: string | null;
  /** The name of the grid above the object's grid (the township, on the demo). */
  parentGridName: string | null;
  uscc: string | null;
  permitNumber: string | null;
  keyUnit: boolean;
  waterZoneLevel: 1 | 2 | null;
  riskLevel: "major" | "large" | "general" | null;
  eiaStatus: "approved" | "pending" | "not_submitted" | "built_before_approval" | null;
  remediationStatus: "planned" | "in_progress" | "completed" | null;
  geometryType: ObjectGeometry["type"];
  /** A point on the object (its location, or a point inside its polygon), for markers. */
  lon: number;
  lat: number;
  version: number;
  updatedAt: string;
}

export interface ObjectDetail extends ObjectSummary {
  contactName: string | null;
  contactPhone: string | null;
  pollutants: string[];
  emissions: EmissionFigure[];
  location: ObjectGeometry;
  areaKm2: number | null;
  retiredAt: string | null;
  retiredReason: string | null;
  createdAt: string;
}

/** GET /api/objects/:id and the archive's `object`: the detail and the buttons the caller may see. */
export interface ObjectDetailWithPolicies extends ObjectDetail {
  policies: { update: boolean; retire: boolean };
}
