/**
 * How much synthetic data `npm run bench:data` writes. Province is the target (~10,000 level-3 grids,
 * 100k objects, 1M cases, 10M track points); district is about Gaochang's size; a number scales province.
 */
export interface DataScale {
  name: string;
  /** Level-3 cells per side of the lattice (side² grids). */
  side: number;
  /** Cells per side of one level-2 unit. */
  blockSide: number;
  /** Cell size in degrees. */
  cell: number;
  origin: [number, number];
  objects: number;
  cases: number;
  trackPoints: number;
}

export const PROVINCE: DataScale = {
  name: "province",
  side: 100,
  blockSide: 10,
  // 100 × 0.045° ≈ 450 km a side (Shaanxi is about 205,000 km²)
  cell: 0.045,
  origin: [106.0, 32.5],
  objects: 100_000,
  cases: 1_000_000,
  trackPoints: 10_000_000,
};

export const DISTRICT: DataScale = {
  name: "district",
  side: 10,
  blockSide: 3,
  // 10 × 0.1° ≈ 11,000 km², about Gaochang's 13,650 km²
  cell: 0.1,
  origin: [88.6, 42.4],
  objects: 300,
  cases: 10_000,
  trackPoints: 100_000,
};

/** `district`, `province`, or a positive factor of province (0.01 → 1 % of the rows, grids by area). */
export function parseScale(text: string | undefined): DataScale | null {
  if (text === "district") return DISTRICT;
  if (text === "province") return PROVINCE;
  if (text === undefined) return null;
  const factor = Number(text);
  if (!Number.isFinite(factor) || factor <= 0 || factor > 10) return null;
  const side = Math.max(3, Math.round(PROVINCE.side * Math.sqrt(factor)));
  return {
    ...PROVINCE,
    name: `province×${factor}`,
    side,
    blockSide: Math.max(2, Math.min(10, Math.ceil(side / 4))),
    objects: Math.max(10, Math.round(PROVINCE.objects * factor)),
    cases: Math.max(100, Math.round(PROVINCE.cases * factor)),
    trackPoints: Math.max(1000, Math.round(PROVINCE.trackPoints * factor)),
  };
}
