export type RoleCode =
  | "grid_member"
  | "grid_head"
  | "township_officer"
  | "district_office"
  | "district_leader"
  | "department_officer"
  | "department_head"
  | "supervisor"
  | "public"
  | "sys_admin"
  | "sec_admin"
  | "audit_admin";

import type { GridKind } from "../../../api-types/grids";

export type { GridKind };

export interface ApiErrorBody {
  error: string;
  message: string;
  messageEn?: string;
  details?: unknown;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  phone?: string | null;
}

export interface RoleAssignment {
  role: RoleCode;
  gridId: number | null;
  gridName: string | null;
  departmentId: number | null;
  departmentName: string | null;
}

export interface Me {
  user: SessionUser;
  roles: RoleAssignment[];
  permissions: string[];
  scope: { allGrids: boolean; gridIds: number[]; departmentIds: number[] };
  ancestors: Array<{ id: number; name: string; nameUg: string | null; nameEn: string | null; level: number }>;
  session: { idleMinutes: number; absoluteExpiresAt: string };
}

export interface PublicConfig {
  appName: string;
  tileUrl: string;
  tileAttribution: string;
  mapCenter: [number, number];
  mapZoom: number;
}

export interface GridSummary {
  id: number;
  parentId: number | null;
  level: number;
  code: string;
  name: string;
  /** The Uyghur name, where one is recorded. */
  nameUg: string | null;
  /** The English name, where one is recorded. */
  nameEn: string | null;
  kind: GridKind;
  childCount: number;
}

export interface MultiPolygon {
  type: "MultiPolygon";
  coordinates: number[][][][];
}

export interface GridDetail extends GridSummary {
  parentName: string | null;
  areaKm2: number | null;
  boundary: MultiPolygon | null;
}

export interface GridFeature {
  type: "Feature";
  properties: Omit<GridSummary, "childCount" | "nameUg" | "nameEn">;
  geometry: MultiPolygon | null;
}

export interface GridFeatureCollection {
  type: "FeatureCollection";
  features: GridFeature[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  roles: RoleAssignment[];
}

export interface NewUser {
  username: string;
  displayName: string;
  phone?: string;
  password: string;
  role: RoleCode;
  gridId?: number;
  departmentId?: number;
}

export type { Department, DepartmentName } from "../../../api-types/departments";

export interface Settings {
  tileUrl: string;
  tileAttribution: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  version: number;
}

export type { AuditEntry } from "../../../api-types/audit";

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBadId?: number;
  reason?: string;
}

/** One loaded year of the State Council holiday notice, as GET /api/work-calendar lists it. */
export interface WorkCalendarYear {
  year: number;
  source: string;
  holidays: Record<string, string[]>;
  workdays: string[];
  version: number;
  updatedAt: string;
}

export interface WorkCalendar {
  years: WorkCalendarYear[];
  lastLoadedYear: number | null;
  /** Days before the last loaded year's end from which the server asks for the next year's notice. */
  warnDaysBeforeEnd: number;
  warning: string | null;
}

export interface WorkCalendarYearInput {
  source: string;
  holidays: Record<string, string[]>;
  workdays: string[];
  version?: number;
}
