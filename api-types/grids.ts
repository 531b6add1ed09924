/**
 * What the API says about a grid wherever it describes one (the 五定 card, grid administration's history):
 * type-only and import-free, so the server and the web project share it (docs/decisions/0006). `GridKind`
 * spells out server/db/schema/grids.ts's GRID_KINDS; `GridApiUnionsAgree` in server/queries/grid-admin.ts
 * checks they agree.
 */

export type GridKind =
  | "district"
  | "subdistrict"
  | "town"
  | "township"
  | "farm"
  | "zone"
  | "village"
  | "community";

/** A grid's own facts and its parent's name, as every grid answer gives them. */
export interface GridFacts {
  parentId: number | null;
  parentName: string | null;
  level: number;
  code: string;
  name: string;
  /** The name in Uyghur, where one is recorded. */
  nameUg: string | null;
  /** The name in English, where one is recorded. */
  nameEn: string | null;
  kind: GridKind;
  /** The area of the boundary in km², to two decimals. */
  areaKm2: number | null;
}

/** One state of a grid in its history (GET /api/grids/:id/history): the current row, then superseded ones. */
export interface GridVersionEntry extends GridFacts {
  version: number;
  current: boolean;
  path: string;
  retiredAt: string | null;
  validFrom: string;
  /** null for the current state. */
  validTo: string | null;
  boundary: unknown;
}
