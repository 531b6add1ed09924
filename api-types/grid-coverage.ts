/**
 * GET /api/grids/:id/coverage: what server/queries/grid-coverage.ts answers and web/src/api/gridAdmin.ts
 * reads. Type-only and import-free, so both the server and the web project can use it (docs/decisions/0006).
 */

/**
 * One gap, overlap or outside part. Gaps carry only `areaKm2`; an overlap names its two grids (`gridIds`,
 * `gridCodes`, `gridNames`); an outside part the child grid that sticks out (`gridId`, `gridCode`, `gridName`).
 */
export interface CoverageFeature {
  type: "Feature";
  properties: {
    areaKm2: number;
    gridIds?: [number, number];
    gridCodes?: [string, string];
    gridNames?: [string, string];
    gridId?: number;
    gridCode?: string;
    gridName?: string;
  };
  geometry: { type: "Polygon"; coordinates: number[][][] };
}

export interface CoverageCollection {
  type: "FeatureCollection";
  features: CoverageFeature[];
}

export interface GridCoverage {
  gridId: number;
  areaKm2: number;
  /** Live children taken into account, and those left out because they have no boundary yet. */
  childCount: number;
  childrenWithoutBoundary: number;
  /** Share of the grid's area some child covers, 0…1 (1 - gapAreaKm2 / areaKm2); null for a grid with no children. */
  coveredRatio: number | null;
  gapAreaKm2: number;
  overlapAreaKm2: number;
  outsideAreaKm2: number;
  gaps: CoverageCollection;
  overlaps: CoverageCollection;
  outside: CoverageCollection;
  sliverAreaM2: number;
  ignoredSlivers: number;
}
