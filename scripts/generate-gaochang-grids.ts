/**
 * Generates synthetic-but-plausible administrative grid polygons for Gaochang District (650402) and writes
 * server/db/seed/gaochang-grids.geojson (1 district + 14 level-2 + 92 level-3 features).
 *
 * Approach: a jittered quadrilateral lattice covers the area (finer around the seat so the urban
 * subdistricts get enough cells); cells inside an irregular outline form the district; cells are assigned to
 * level-2 units by weighted nearest seed and to level-3 units by clustering; PostGIS unions the cells.
 * Every lattice vertex is rounded before any union, so neighbouring polygons share edges exactly.
 *
 * Deterministic: all randomness comes from a seeded PRNG. Run: npx tsx scripts/generate-gaochang-grids.ts
 */
import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
import { GAOCHANG_DISTRICT, type Level2Unit } from "../server/db/seed/gaochang-names.ts";

const OUTPUT_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../server/db/seed/gaochang-grids.geojson",
);
const RNG_SEED = 650402;
const SEAT = { lon: 89.19, lat: 42.95 };
/** Centre of the district outline; west of the seat because the district reaches further west than east. */
const OUTLINE_CENTRE = { lon: 89.1, lat: 42.94 };
/** Lattice extent: a margin around the nominal lon 88.3–89.9 / lat 42.3–43.6 so the outline never hits it. */
const LATTICE_BOX = { west: 88.2, east: 90.0, south: 42.2, north: 43.7 };
const TARGET_AREA_KM2 = 13_650;
const BASE_SPACING_KM = 1.6;
/** Spacing near the seat: subdistrict communities must still be several cells of > 1 km² in total. */
const FINE_SPACING_KM = 0.5;
const FINE_HALF_WIDTH_KM = 7;
/** Max vertex displacement as a fraction of the adjacent spacing; ≤ 0.25 keeps every quad convex. */
const JITTER_FRACTION = 0.2;
const MIN_LEVEL3_CELLS = 2;
const MIN_LEVEL3_AREA_KM2 = 1.5;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

// Local equirectangular projection around the district; only used for shaping and clustering, areas that
// matter are measured by PostGIS on the geography type.
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEG_LAT = (EARTH_RADIUS_KM * Math.PI) / 180;
const KM_PER_DEG_LON = KM_PER_DEG_LAT * Math.cos((SEAT.lat * Math.PI) / 180);

function toKm(lon: number, lat: number): { x: number; y: number } {
  return { x: (lon - SEAT.lon) * KM_PER_DEG_LON, y: (lat - SEAT.lat) * KM_PER_DEG_LAT };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function fail(message: string): never {
  throw new Error(`generate-gaochang-grids: ${message}`);
}

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------------------

/** Avalanche mix of a 32-bit integer so nearby inputs give unrelated outputs. */
function mix32(value: number): number {
  let z = value >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** Weyl-sequence generator; one stream per purpose so tuning one stage does not reshuffle the others. */
function createRng(purpose: string): () => number {
  let state = mix32(RNG_SEED ^ hashString(purpose));
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return mix32(state) / 4_294_967_296;
  };
}

type Noise2D = (x: number, y: number) => number;

/** Smooth value noise in [-1, 1] with two octaves; `wavelength` in the same unit as x and y. */
function createNoise(purpose: string, wavelength: number): Noise2D {
  const salt = mix32(RNG_SEED ^ hashString(purpose));
  const corner = (i: number, j: number): number =>
    mix32(salt ^ mix32(i + 0x7fff) ^ mix32(Math.imul(j + 0x3fff, 0x27d4eb2d))) / 2_147_483_648 - 1;
  const octave = (x: number, y: number): number => {
    const i = Math.floor(x);
    const j = Math.floor(y);
    const fx = x - i;
    const fy = y - j;
    const u = fx * fx * (3 - 2 * fx);
    const v = fy * fy * (3 - 2 * fy);
    const bottom = corner(i, j) * (1 - u) + corner(i + 1, j) * u;
    const top = corner(i, j + 1) * (1 - u) + corner(i + 1, j + 1) * u;
    return bottom * (1 - v) + top * v;
  };
  return (x, y) => {
    const sx = x / wavelength;
    const sy = y / wavelength;
    return 0.7 * octave(sx, sy) + 0.3 * octave(2.1 * sx + 31.7, 2.1 * sy - 12.9);
  };
}

// ---------------------------------------------------------------------------------------------------------
// Lattice
// ---------------------------------------------------------------------------------------------------------

interface Cell {
  id: number;
  i: number;
  j: number;
  /** Vertex indices, counter-clockwise. */
  corners: readonly [number, number, number, number];
  /** Centroid in local km. */
  x: number;
  y: number;
  areaKm2: number;
}

interface Lattice {
  nx: number;
  ny: number;
  vertexLon: Float64Array;
  vertexLat: Float64Array;
  cells: Cell[];
}

function smoothstep(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c * c * (3 - 2 * c);
}

/**
 * Grid-line positions (degrees) along one axis: lines per km rise from 1/base to 1/fine near `focus`,
 * which keeps a single structured lattice (shared vertices everywhere) while refining the urban core.
 */
function buildAxis(minDeg: number, maxDeg: number, focusDeg: number, kmPerDeg: number): number[] {
  const steps = 20_000;
  const density = (deg: number): number => {
    const distKm = Math.abs(deg - focusDeg) * kmPerDeg;
    const closeness = 1 - smoothstep((distKm - FINE_HALF_WIDTH_KM) / 4);
    return 1 / BASE_SPACING_KM + (1 / FINE_SPACING_KM - 1 / BASE_SPACING_KM) * closeness;
  };
  const stepDeg = (maxDeg - minDeg) / steps;
  const cumulative = [0];
  for (let s = 1; s <= steps; s++) {
    const mid = minDeg + (s - 0.5) * stepDeg;
    cumulative.push(cumulative[s - 1] + density(mid) * stepDeg * kmPerDeg);
  }
  const lineCount = Math.round(cumulative[steps]);
  const lines = [minDeg];
  let s = 1;
  for (let k = 1; k < lineCount; k++) {
    const target = (k * cumulative[steps]) / lineCount;
    while (cumulative[s] < target) s++;
    const t = (target - cumulative[s - 1]) / (cumulative[s] - cumulative[s - 1]);
    lines.push(minDeg + (s - 1 + t) * stepDeg);
  }
  lines.push(maxDeg);
  return lines;
}

/** Moves interior vertices by up to JITTER_FRACTION of the smaller adjacent spacing, then rounds them. */
function jitterAxisValue(lines: number[], index: number, random: () => number): number {
  const base = lines[index];
  if (index === 0 || index === lines.length - 1) return base;
  const room = Math.min(base - lines[index - 1], lines[index + 1] - base);
  return base + (2 * random() - 1) * JITTER_FRACTION * room;
}

function quadAreaKm2(xs: number[], ys: number[]): number {
  let twice = 0;
  for (let k = 0; k < 4; k++) {
    const n = (k + 1) % 4;
    twice += xs[k] * ys[n] - xs[n] * ys[k];
  }
  return twice / 2;
}

function buildLattice(): Lattice {
  const lonLines = buildAxis(LATTICE_BOX.west, LATTICE_BOX.east, SEAT.lon, KM_PER_DEG_LON);
  const latLines = buildAxis(LATTICE_BOX.south, LATTICE_BOX.north, SEAT.lat, KM_PER_DEG_LAT);
  const nx = lonLines.length - 1;
  const ny = latLines.length - 1;
  const random = createRng("jitter");
  const vertexLon = new Float64Array((nx + 1) * (ny + 1));
  const vertexLat = new Float64Array((nx + 1) * (ny + 1));
  for (let j = 0; j <= ny; j++) {
    for (let i = 0; i <= nx; i++) {
      const v = j * (nx + 1) + i;
      vertexLon[v] = round6(jitterAxisValue(lonLines, i, random));
      vertexLat[v] = round6(jitterAxisValue(latLines, j, random));
    }
  }
  const cells: Cell[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const v0 = j * (nx + 1) + i;
      const corners = [v0, v0 + 1, v0 + nx + 2, v0 + nx + 1] as const;
      const pts = corners.map((v) => toKm(vertexLon[v], vertexLat[v]));
      const xs = pts.map((p) => p.x);
      const ys = pts.map((p) => p.y);
      const areaKm2 = quadAreaKm2(xs, ys);
      if (!(areaKm2 > 0)) fail(`degenerate lattice cell ${i},${j}`);
      cells.push({
        id: j * nx + i,
        i,
        j,
        corners,
        x: xs.reduce((a, b) => a + b) / 4,
        y: ys.reduce((a, b) => a + b) / 4,
        areaKm2,
      });
    }
  }
  return { nx, ny, vertexLon, vertexLat, cells };
}

function neighbours(lattice: Lattice, id: number): number[] {
  const { nx, ny } = lattice;
  const i = id % nx;
  const j = (id - i) / nx;
  const out: number[] = [];
  if (i > 0) out.push(id - 1);
  if (i < nx - 1) out.push(id + 1);
  if (j > 0) out.push(id - nx);
  if (j < ny - 1) out.push(id + nx);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Labels, components and clean-up (shared by district, level-2 and level-3 stages)
// ---------------------------------------------------------------------------------------------------------

/** Per-cell label; -1 = not part of the domain being labelled. */
type Labels = Int32Array;
/** Whether a cell may move between two labels (level-3 cells must stay within their parent). */
type MayExchange = (from: number, to: number) => boolean;

/** 4-connected components of equal labels, each as a list of cell ids. */
function components(lattice: Lattice, labels: Labels): { label: number; cells: number[] }[] {
  const seen = new Uint8Array(labels.length);
  const result: { label: number; cells: number[] }[] = [];
  for (let start = 0; start < labels.length; start++) {
    if (labels[start] < 0 || seen[start]) continue;
    const label = labels[start];
    const stack = [start];
    const members: number[] = [];
    seen[start] = 1;
    while (stack.length > 0) {
      const id = stack.pop() as number;
      members.push(id);
      for (const n of neighbours(lattice, id)) {
        if (!seen[n] && labels[n] === label) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    result.push({ label, cells: members });
  }
  return result;
}

function areaOf(lattice: Lattice, ids: number[]): number {
  return ids.reduce((sum, id) => sum + lattice.cells[id].areaKm2, 0);
}

/**
 * Keeps only the largest piece of every label; smaller pieces join the neighbouring label they share the
 * most edges with, so every unit ends up as one connected polygon.
 */
function mergeStrayPieces(lattice: Lattice, labels: Labels, mayExchange: MayExchange): void {
  for (let pass = 0; pass < 20; pass++) {
    const pieces = components(lattice, labels);
    const largest = new Map<number, { cells: number[]; area: number }>();
    for (const piece of pieces) {
      const area = areaOf(lattice, piece.cells);
      if (area > (largest.get(piece.label)?.area ?? -1))
        largest.set(piece.label, { cells: piece.cells, area });
    }
    let changed = false;
    for (const piece of pieces) {
      if (largest.get(piece.label)?.cells === piece.cells) continue;
      const target = mostSharedNeighbour(lattice, labels, piece, mayExchange);
      if (target === null) continue;
      for (const id of piece.cells) labels[id] = target;
      changed = true;
    }
    if (!changed) return;
  }
}

function mostSharedNeighbour(
  lattice: Lattice,
  labels: Labels,
  piece: { label: number; cells: number[] },
  mayExchange: MayExchange,
): number | null {
  const shared = new Map<number, number>();
  for (const id of piece.cells) {
    for (const n of neighbours(lattice, id)) {
      const other = labels[n];
      if (other >= 0 && other !== piece.label && mayExchange(piece.label, other)) {
        shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
  }
  let best: number | null = null;
  for (const [label, count] of shared) {
    if (best === null || count > (shared.get(best) ?? 0) || (count === shared.get(best) && label < best)) {
      best = label;
    }
  }
  return best;
}

/** Majority filter: removes one-cell spikes and notches that make lattice boundaries look noisy. */
function smoothLabels(lattice: Lattice, labels: Labels, mayExchange: MayExchange, passes: number): void {
  for (let pass = 0; pass < passes; pass++) {
    const sizes = new Map<number, number>();
    for (const label of labels) if (label >= 0) sizes.set(label, (sizes.get(label) ?? 0) + 1);
    const next = labels.slice();
    for (let id = 0; id < labels.length; id++) {
      const own = labels[id];
      // Tiny units are left alone so smoothing can never erase one.
      if (own < 0 || (sizes.get(own) ?? 0) <= 6) continue;
      const counts = new Map<number, number>();
      for (const n of neighbours(lattice, id)) {
        const other = labels[n];
        if (other >= 0 && other !== own && mayExchange(own, other)) {
          counts.set(other, (counts.get(other) ?? 0) + 1);
        }
      }
      for (const [other, count] of counts) if (count >= 3) next[id] = other;
    }
    labels.set(next);
  }
}

// ---------------------------------------------------------------------------------------------------------
// District outline
// ---------------------------------------------------------------------------------------------------------

/** Irregular blob: a north-south elongated ellipse whose radius is modulated by a few random harmonics. */
function createOutlineRadius(): (angle: number) => number {
  const random = createRng("outline");
  const semiEastWestKm = 60;
  const semiNorthSouthKm = 69;
  const harmonics = [2, 3, 4, 5, 6, 7, 9].map((k) => ({
    k,
    amplitude: (0.13 / k ** 0.8) * (0.5 + random()),
    phase: 2 * Math.PI * random(),
  }));
  return (angle) => {
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    const ellipse =
      (semiEastWestKm * semiNorthSouthKm) / Math.hypot(semiNorthSouthKm * c, semiEastWestKm * s);
    const wobble = harmonics.reduce((sum, h) => sum + h.amplitude * Math.cos(h.k * angle + h.phase), 0);
    return ellipse * (1 + wobble);
  };
}

function selectDistrictCells(lattice: Lattice, radius: (angle: number) => number, scale: number): Labels {
  const centre = toKm(OUTLINE_CENTRE.lon, OUTLINE_CENTRE.lat);
  const labels: Labels = new Int32Array(lattice.cells.length).fill(-1);
  for (const cell of lattice.cells) {
    const dx = cell.x - centre.x;
    const dy = cell.y - centre.y;
    if (Math.hypot(dx, dy) < scale * radius(Math.atan2(dy, dx))) labels[cell.id] = 0;
  }
  keepLargestPieceAndFillHoles(lattice, labels);
  return labels;
}

/** The district must be one piece without holes, whatever the outline did at lattice resolution. */
function keepLargestPieceAndFillHoles(lattice: Lattice, labels: Labels): void {
  const inside = components(lattice, labels);
  const biggest = inside.reduce((a, b) => (a.cells.length >= b.cells.length ? a : b));
  for (const piece of inside) if (piece !== biggest) for (const id of piece.cells) labels[id] = -1;
  // Outside cells not reachable from the lattice border are holes.
  const outside: Labels = labels.map((label) => (label < 0 ? 0 : -1));
  for (const piece of components(lattice, outside)) {
    const touchesBorder = piece.cells.some((id) => {
      const c = lattice.cells[id];
      return c.i === 0 || c.j === 0 || c.i === lattice.nx - 1 || c.j === lattice.ny - 1;
    });
    if (!touchesBorder) for (const id of piece.cells) labels[id] = 0;
  }
}

function districtArea(lattice: Lattice, labels: Labels): number {
  let sum = 0;
  for (const cell of lattice.cells) if (labels[cell.id] >= 0) sum += cell.areaKm2;
  return sum;
}

/** Bisects the outline scale so the kept cells cover the target area. */
function buildDistrict(lattice: Lattice): Labels {
  const radius = createOutlineRadius();
  let low = 0.6;
  let high = 1.3;
  for (let step = 0; step < 30; step++) {
    const mid = (low + high) / 2;
    if (districtArea(lattice, selectDistrictCells(lattice, radius, mid)) < TARGET_AREA_KM2) low = mid;
    else high = mid;
  }
  const labels = selectDistrictCells(lattice, radius, (low + high) / 2);
  for (const cell of lattice.cells) {
    const onBorder = cell.i === 0 || cell.j === 0 || cell.i === lattice.nx - 1 || cell.j === lattice.ny - 1;
    if (onBorder && labels[cell.id] >= 0) fail("district outline touches the lattice box; shrink it");
  }
  return labels;
}

// ---------------------------------------------------------------------------------------------------------
// Level-2 units
// ---------------------------------------------------------------------------------------------------------

interface Level2Placement {
  lon: number;
  lat: number;
  /** Regular units: additive distance bonus (km); larger means a larger territory. */
  biasKm?: number;
  /** Compact units (subdistricts, farms): claim cells within this radius before anyone else. */
  reachKm?: number;
  /** Where the unit's communities cluster (defaults to the seed). */
  anchor?: { lon: number; lat: number };
}

// Seeds follow the real layout loosely: the three subdistricts form the town around the seat, Yar wraps the
// old town on the west, Qiquanhu and Daheyan take the northern and western Tianshan foothills, the
// townships spread over the oasis east and south, and Aydingkol township takes the southern depression.
const LEVEL2_PLACEMENT: Record<string, Level2Placement> = {
  "650402001": { lon: 89.168, lat: 42.947, reachKm: 2.8 }, // 老城路街道
  "650402002": { lon: 89.205, lat: 42.94, reachKm: 2.8 }, // 高昌路街道
  "650402003": { lon: 89.198, lat: 42.972, reachKm: 3.4 }, // 葡萄沟街道
  "650402100": { lon: 89.0, lat: 43.32, biasKm: 10 }, // 七泉湖镇
  "650402101": { lon: 88.55, lat: 43.05, biasKm: 10 }, // 大河沿镇
  "650402102": { lon: 89.06, lat: 42.96, biasKm: 0, anchor: { lon: 89.15, lat: 42.95 } }, // 亚尔镇
  "650402103": { lon: 89.4, lat: 42.9, biasKm: 0 }, // 火焰山镇
  "650402104": { lon: 89.25, lat: 43.06, biasKm: 0 }, // 葡萄乡
  "650402105": { lon: 89.2, lat: 42.82, biasKm: 0 }, // 恰特喀勒乡
  "650402106": { lon: 89.62, lat: 42.82, biasKm: 3 }, // 三堡乡
  "650402107": { lon: 89.5, lat: 43.02, biasKm: 2 }, // 胜金乡
  "650402108": { lon: 89.1, lat: 42.55, biasKm: 12 }, // 艾丁湖乡
  "650402400": { lon: 89.08, lat: 42.88, reachKm: 3.0 }, // 原种场
  "650402401": { lon: 89.32, lat: 42.86, reachKm: 3.5 }, // 红柳河园艺场
};

function placementOf(unit: Level2Unit): Level2Placement {
  return LEVEL2_PLACEMENT[unit.code] ?? fail(`no placement for level-2 unit ${unit.code}`);
}

/** Compact units win inside their (noisy) reach; elsewhere the nearest regular seed wins. */
function assignLevel2(lattice: Lattice, district: Labels, units: readonly Level2Unit[]): Labels {
  const seeds = units.map((unit) => {
    const p = placementOf(unit);
    return { ...toKm(p.lon, p.lat), p };
  });
  const edgeNoise = units.map((u) => createNoise(`level2-${u.code}`, 22));
  const reachNoise = units.map((u) => createNoise(`reach-${u.code}`, 3));
  const labels: Labels = new Int32Array(district.length).fill(-1);
  for (const cell of lattice.cells) {
    if (district[cell.id] < 0) continue;
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    seeds.forEach((seed, k) => {
      if (seed.p.reachKm === undefined) return;
      const d = Math.hypot(cell.x - seed.x, cell.y - seed.y) + 0.7 * reachNoise[k](cell.x, cell.y);
      const ratio = d / seed.p.reachKm;
      if (ratio < 1 && ratio < bestScore) [best, bestScore] = [k, ratio];
    });
    if (best < 0) {
      seeds.forEach((seed, k) => {
        if (seed.p.reachKm !== undefined) return;
        const d = Math.hypot(cell.x - seed.x, cell.y - seed.y);
        const score = d - (seed.p.biasKm ?? 0) + 5 * edgeNoise[k](cell.x, cell.y);
        if (score < bestScore) [best, bestScore] = [k, score];
      });
    }
    labels[cell.id] = best;
  }
  const anyExchange: MayExchange = () => true;
  smoothLabels(lattice, labels, anyExchange, 2);
  mergeStrayPieces(lattice, labels, anyExchange);
  return labels;
}

// ---------------------------------------------------------------------------------------------------------
// Level-3 units
// ---------------------------------------------------------------------------------------------------------

interface WeightedPoint {
  id: number;
  x: number;
  y: number;
  weight: number;
}

/** Weighted k-means (k-means++ start) giving compact, contiguous-looking clusters of similar weight. */
function kMeans(points: WeightedPoint[], k: number, random: () => number): { x: number; y: number }[] {
  const pick = (scores: number[]): WeightedPoint => {
    const total = scores.reduce((a, b) => a + b, 0);
    let r = random() * total;
    for (let n = 0; n < points.length; n++) {
      r -= scores[n];
      if (r <= 0) return points[n];
    }
    return points[points.length - 1];
  };
  const centres = [pick(points.map((p) => p.weight))].map((p) => ({ x: p.x, y: p.y }));
  while (centres.length < k) {
    const scores = points.map(
      (p) => p.weight * Math.min(...centres.map((c) => (p.x - c.x) ** 2 + (p.y - c.y) ** 2)),
    );
    const p = pick(scores);
    centres.push({ x: p.x, y: p.y });
  }
  for (let iteration = 0; iteration < 40; iteration++) {
    const sums = centres.map(() => ({ x: 0, y: 0, w: 0 }));
    for (const p of points) {
      const s = sums[nearestCentre(centres, p.x, p.y)];
      s.x += p.weight * p.x;
      s.y += p.weight * p.y;
      s.w += p.weight;
    }
    sums.forEach((s, c) => {
      if (s.w > 0) centres[c] = { x: s.x / s.w, y: s.y / s.w };
    });
  }
  return centres;
}

function nearestCentre(centres: { x: number; y: number }[], x: number, y: number): number {
  let best = 0;
  let bestDist = Number.POSITIVE_INFINITY;
  centres.forEach((c, k) => {
    const d = (x - c.x) ** 2 + (y - c.y) ** 2;
    if (d < bestDist) [best, bestDist] = [k, d];
  });
  return best;
}

/**
 * Splits one level-2 unit into its children. Cells near the unit's anchor weigh more so the clusters there
 * (communities, town centre) come out smaller than the outlying villages.
 */
function assignChildren(
  lattice: Lattice,
  cellIds: number[],
  unit: Level2Unit,
  firstIndex: number,
  labels: Labels,
): void {
  const p = placementOf(unit);
  const anchor = toKm(p.anchor?.lon ?? p.lon, p.anchor?.lat ?? p.lat);
  const points = cellIds.map((id) => {
    const c = lattice.cells[id];
    const near = Math.exp(-((Math.hypot(c.x - anchor.x, c.y - anchor.y) / 10) ** 2));
    return { id, x: c.x, y: c.y, weight: c.areaKm2 * (1 + 3 * near) };
  });
  const k = unit.children.length;
  const centres = kMeans(points, k, createRng(`kmeans-${unit.code}`));
  // Communities (listed first by code) get the clusters closest to the anchor, villages the outer ones.
  const byCloseness = centres
    .map((c, n) => ({ n, d: Math.hypot(c.x - anchor.x, c.y - anchor.y) }))
    .sort((a, b) => a.d - b.d)
    .map((entry) => entry.n);
  const childOfCluster = new Map(byCloseness.map((cluster, rank) => [cluster, firstIndex + rank]));
  const typicalRadius = Math.sqrt(areaOf(lattice, cellIds) / k);
  const noises = centres.map((_, n) => createNoise(`level3-${unit.code}-${n}`, typicalRadius));
  for (const point of points) {
    let best = 0;
    let bestScore = Number.POSITIVE_INFINITY;
    centres.forEach((c, n) => {
      const score =
        Math.hypot(point.x - c.x, point.y - c.y) + 0.25 * typicalRadius * noises[n](point.x, point.y);
      if (score < bestScore) [best, bestScore] = [n, score];
    });
    labels[point.id] = childOfCluster.get(best) as number;
  }
}

/** Grows any child below the size floor by taking border cells from its largest sibling neighbour. */
function enforceMinimumSize(lattice: Lattice, labels: Labels, parentOf: number[], childCount: number): void {
  const cellsOf = (label: number): number[] => {
    const out: number[] = [];
    for (let id = 0; id < labels.length; id++) if (labels[id] === label) out.push(id);
    return out;
  };
  for (let child = 0; child < childCount; child++) {
    for (let guard = 0; guard < 200; guard++) {
      const own = cellsOf(child);
      if (own.length >= MIN_LEVEL3_CELLS && areaOf(lattice, own) >= MIN_LEVEL3_AREA_KM2) break;
      if (own.length === 0) fail(`level-3 unit #${child} received no cells`);
      const donorCell = pickDonorCell(lattice, labels, own, parentOf, cellsOf);
      if (donorCell === null) fail(`cannot grow level-3 unit #${child}`);
      labels[donorCell] = child;
    }
  }
}

function pickDonorCell(
  lattice: Lattice,
  labels: Labels,
  own: number[],
  parentOf: number[],
  cellsOf: (label: number) => number[],
): number | null {
  const child = labels[own[0]];
  const candidates: { id: number; donorSize: number }[] = [];
  for (const id of own) {
    for (const n of neighbours(lattice, id)) {
      const donor = labels[n];
      if (donor < 0 || donor === child || parentOf[donor] !== parentOf[child]) continue;
      const donorCells = cellsOf(donor);
      if (donorCells.length <= MIN_LEVEL3_CELLS + 2) continue;
      if (!staysConnected(lattice, labels, donorCells, n)) continue;
      candidates.push({ id: n, donorSize: donorCells.length });
    }
  }
  candidates.sort((a, b) => b.donorSize - a.donorSize || a.id - b.id);
  return candidates[0]?.id ?? null;
}

function staysConnected(lattice: Lattice, labels: Labels, donorCells: number[], removed: number): boolean {
  const label = labels[removed];
  const trial = new Int32Array(labels.length).fill(-1);
  for (const id of donorCells) if (id !== removed) trial[id] = label;
  return components(lattice, trial).length === 1;
}

function assignLevel3(lattice: Lattice, level2: Labels, units: readonly Level2Unit[]): Labels {
  const labels: Labels = new Int32Array(level2.length).fill(-1);
  const parentOf: number[] = [];
  units.forEach((unit, u) => {
    const cellIds: number[] = [];
    for (let id = 0; id < level2.length; id++) if (level2[id] === u) cellIds.push(id);
    assignChildren(lattice, cellIds, unit, parentOf.length, labels);
    for (let n = 0; n < unit.children.length; n++) parentOf.push(u);
  });
  const sameParent: MayExchange = (a, b) => parentOf[a] === parentOf[b];
  smoothLabels(lattice, labels, sameParent, 1);
  mergeStrayPieces(lattice, labels, sameParent);
  enforceMinimumSize(lattice, labels, parentOf, parentOf.length);
  return labels;
}

// ---------------------------------------------------------------------------------------------------------
// PostGIS union, output and self-check
// ---------------------------------------------------------------------------------------------------------

interface UnitRecord {
  code: string;
  name: string;
  nameUg?: string;
  nameEn: string;
  level: 1 | 2 | 3;
  kind: string;
  parentCode: string | null;
}

function unitRecords(): UnitRecord[] {
  const d = GAOCHANG_DISTRICT;
  const records: UnitRecord[] = [
    {
      code: d.code,
      name: d.name,
      nameUg: d.nameUg,
      nameEn: d.nameEn,
      level: 1,
      kind: d.kind,
      parentCode: null,
    },
  ];
  for (const u of d.children) {
    records.push({
      code: u.code,
      name: u.name,
      nameUg: u.nameUg,
      nameEn: u.nameEn,
      level: 2,
      kind: u.kind,
      parentCode: d.code,
    });
  }
  for (const u of d.children) {
    for (const c of u.children) {
      records.push({
        code: c.code,
        name: c.name,
        nameUg: c.nameUg,
        nameEn: c.nameEn,
        level: 3,
        kind: c.kind,
        parentCode: u.code,
      });
    }
  }
  return records;
}

function cellWkt(lattice: Lattice, cell: Cell): string {
  const ring = [...cell.corners, cell.corners[0]].map(
    (v) => `${lattice.vertexLon[v].toFixed(6)} ${lattice.vertexLat[v].toFixed(6)}`,
  );
  return `POLYGON((${ring.join(",")}))`;
}

/** Unions cells bottom-up in PostGIS and returns GeoJSON geometries keyed by unit code. */
async function unionUnits(pg: PGlite, lattice: Lattice, level3: Labels): Promise<Map<string, unknown>> {
  const level3Units = GAOCHANG_DISTRICT.children.flatMap((u) => u.children);
  const rows = lattice.cells
    .filter((c) => level3[c.id] >= 0)
    .map((c) => [level3Units[level3[c.id]].code, cellWkt(lattice, c)]);
  await pg.exec(`
    CREATE TEMP TABLE cell (code text NOT NULL, geom geometry(Polygon, 4326) NOT NULL);
    CREATE TEMP TABLE unit (code text PRIMARY KEY, level int NOT NULL, geom geometry(MultiPolygon, 4326));
  `);
  await pg.query(
    `INSERT INTO cell SELECT e->>0, ST_GeomFromText(e->>1, 4326) FROM json_array_elements($1::json) e`,
    [JSON.stringify(rows)],
  );
  await pg.exec(`
    INSERT INTO unit SELECT code, 3, ST_Multi(ST_Union(geom)) FROM cell GROUP BY code;
    INSERT INTO unit SELECT left(code, 9), 2, ST_Multi(ST_Union(geom)) FROM unit WHERE level = 3 GROUP BY 1;
    INSERT INTO unit SELECT left(code, 6), 1, ST_Multi(ST_Union(geom)) FROM unit WHERE level = 2 GROUP BY 1;
  `);
  // RFC 7946 wants counter-clockwise exterior rings.
  const result = await pg.query<{ code: string; json: string }>(
    "SELECT code, ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 6) AS json FROM unit",
  );
  return new Map(result.rows.map((r) => [r.code, JSON.parse(r.json)]));
}

/** One feature per line keeps the file diff-friendly without the bulk of pretty-printing. */
function featureCollectionText(records: UnitRecord[], geometries: Map<string, unknown>): string {
  const lines = records.map((r) => {
    const properties: Record<string, unknown> = { code: r.code, name: r.name };
    if (r.nameUg !== undefined) properties.nameUg = r.nameUg;
    Object.assign(properties, { nameEn: r.nameEn, level: r.level, kind: r.kind, parentCode: r.parentCode });
    const geometry = geometries.get(r.code) ?? fail(`no geometry produced for ${r.code}`);
    return JSON.stringify({ type: "Feature", properties, geometry });
  });
  return `{"type":"FeatureCollection","features":[\n${lines.join(",\n")}\n]}\n`;
}

async function loadOutput(pg: PGlite, text: string): Promise<void> {
  const parsed = JSON.parse(text) as { features: { properties: UnitRecord; geometry: unknown }[] };
  const rows = parsed.features.map((f) => [
    f.properties.code,
    f.properties.level,
    f.properties.parentCode,
    JSON.stringify(f.geometry),
  ]);
  await pg.exec(
    "CREATE TEMP TABLE out (code text PRIMARY KEY, level int, parent text, geom geometry(MultiPolygon, 4326))",
  );
  await pg.query(
    `INSERT INTO out SELECT e->>0, (e->>1)::int, e->>2, ST_SetSRID(ST_GeomFromGeoJSON(e->>3), 4326)
     FROM json_array_elements($1::json) e`,
    [JSON.stringify(rows)],
  );
}

async function expectNoRows(pg: PGlite, what: string, sql: string): Promise<void> {
  const { rows } = await pg.query(sql);
  if (rows.length > 0) fail(`${what}: ${JSON.stringify(rows.slice(0, 10))}`);
}

async function expectChildCounts(pg: PGlite, records: UnitRecord[]): Promise<void> {
  const expected = new Map<string, number>();
  for (const r of records)
    if (r.parentCode) expected.set(r.parentCode, (expected.get(r.parentCode) ?? 0) + 1);
  const { rows } = await pg.query<{ parent: string; n: number }>(
    "SELECT parent, count(*)::int AS n FROM out WHERE parent IS NOT NULL GROUP BY parent",
  );
  const actual = new Map(rows.map((r) => [r.parent, r.n]));
  for (const [parent, n] of expected) {
    if (actual.get(parent) !== n) fail(`${parent} has ${actual.get(parent)} children, expected ${n}`);
  }
}

/** Verifies the written file, not the in-memory state, so a broken serialisation is caught too. */
async function selfCheck(pg: PGlite, text: string, records: UnitRecord[]): Promise<void> {
  await loadOutput(pg, text);
  const count = (await pg.query<{ n: number }>("SELECT count(*)::int AS n FROM out")).rows[0].n;
  if (count !== records.length || count !== 107) fail(`expected 107 features, found ${count}`);
  await expectNoRows(
    pg,
    "invalid or non-multipolygon geometry",
    `SELECT code, ST_IsValidReason(geom) FROM out
     WHERE NOT ST_IsValid(geom) OR ST_GeometryType(geom) <> 'ST_MultiPolygon'`,
  );
  await expectNoRows(
    pg,
    "children do not cover their parent exactly (m²)",
    `SELECT p.code, ST_Area(ST_SymDifference(p.geom, c.geom)::geography) AS diff
     FROM out p JOIN (SELECT parent, ST_Union(geom) AS geom FROM out GROUP BY parent) c ON c.parent = p.code
     WHERE ST_Area(ST_SymDifference(p.geom, c.geom)::geography) >= 1`,
  );
  await expectChildCounts(pg, records);
  await expectNoRows(
    pg,
    "overlapping siblings (m²)",
    `SELECT a.code, b.code, ST_Area(ST_Intersection(a.geom, b.geom)::geography) AS overlap
     FROM out a JOIN out b ON a.parent = b.parent AND a.code < b.code AND ST_Intersects(a.geom, b.geom)
     WHERE ST_Area(ST_Intersection(a.geom, b.geom)::geography) >= 1`,
  );
  await expectNoRows(
    pg,
    "level-3 units of 1 km² or less",
    "SELECT code, ST_Area(geom::geography) / 1e6 AS km2 FROM out WHERE level = 3 AND ST_Area(geom::geography) <= 1e6",
  );
  const districtKm2 = (
    await pg.query<{ km2: number }>("SELECT ST_Area(geom::geography) / 1e6 AS km2 FROM out WHERE level = 1")
  ).rows[0].km2;
  console.log(`district area: ${districtKm2.toFixed(1)} km²`);
  if (!(districtKm2 > 12_000 && districtKm2 < 15_500)) fail(`district area ${districtKm2} km² out of range`);
}

async function printSummary(pg: PGlite, records: UnitRecord[]): Promise<void> {
  const { rows } = await pg.query<{
    code: string;
    km2: number;
    parts: number;
    holes: number;
    children: number;
    min_child: number | null;
    max_child: number | null;
    multipart_children: number;
  }>(`
    SELECT p.code, ST_Area(p.geom::geography) / 1e6 AS km2, ST_NumGeometries(p.geom) AS parts,
           (SELECT coalesce(sum(ST_NumInteriorRings(g.geom)), 0)::int FROM ST_Dump(p.geom) g) AS holes,
           count(c.code)::int AS children,
           min(ST_Area(c.geom::geography)) / 1e6 AS min_child, max(ST_Area(c.geom::geography)) / 1e6 AS max_child,
           count(*) FILTER (WHERE ST_NumGeometries(c.geom) > 1)::int AS multipart_children
    FROM out p LEFT JOIN out c ON c.parent = p.code
    WHERE p.level < 3 GROUP BY p.code, p.geom ORDER BY p.code`);
  const nameOf = new Map(records.map((r) => [r.code, r.name]));
  const levelCounts = [1, 2, 3].map((level) => records.filter((r) => r.level === level).length);
  console.log(`features: ${records.length} (level 1/2/3 = ${levelCounts.join("/")})`);
  console.log(
    "code       name            area km²  parts holes children  child km² min..max  multipart children",
  );
  for (const r of rows) {
    const name = (nameOf.get(r.code) ?? "").padEnd(6, "　");
    const range = r.min_child === null ? "" : `${r.min_child.toFixed(1)}..${r.max_child?.toFixed(1)}`;
    console.log(
      `${r.code.padEnd(10)} ${name} ${r.km2.toFixed(1).padStart(9)} ${String(r.parts).padStart(6)} ` +
        `${String(r.holes).padStart(5)} ${String(r.children).padStart(8)}  ${range.padStart(18)}  ${r.multipart_children}`,
    );
  }
}

function checkTree(): void {
  const codes = new Set<string>();
  const add = (code: string): void => {
    if (codes.has(code)) fail(`duplicate code ${code}`);
    codes.add(code);
  };
  add(GAOCHANG_DISTRICT.code);
  for (const unit of GAOCHANG_DISTRICT.children) {
    add(unit.code);
    if (unit.childCount !== unit.children.length) fail(`${unit.name}: childCount ≠ children.length`);
    for (const child of unit.children) {
      if (!child.code.startsWith(unit.code) || child.code.length !== 12) fail(`bad code ${child.code}`);
      add(child.code);
    }
  }
  if (GAOCHANG_DISTRICT.children.length !== 14 || codes.size !== 107) fail("tree must have 14 + 92 units");
}

async function main(): Promise<void> {
  checkTree();
  const lattice = buildLattice();
  const district = buildDistrict(lattice);
  const units = GAOCHANG_DISTRICT.children;
  const level2 = assignLevel2(lattice, district, units);
  units.forEach((unit, u) => {
    if (!level2.includes(u)) fail(`level-2 unit ${unit.name} received no cells`);
  });
  const level3 = assignLevel3(lattice, level2, units);
  const cellCount = level3.filter((label) => label >= 0).length;
  console.log(`lattice ${lattice.nx}×${lattice.ny}, ${cellCount} cells inside the district`);

  const records = unitRecords();
  const pg = new PGlite({ extensions: { postgis } });
  try {
    await pg.exec("CREATE EXTENSION IF NOT EXISTS postgis");
    const geometries = await unionUnits(pg, lattice, level3);
    const text = featureCollectionText(records, geometries);
    writeFileSync(OUTPUT_FILE, text);
    const bytes = statSync(OUTPUT_FILE).size;
    console.log(`wrote ${path.relative(process.cwd(), OUTPUT_FILE)} (${(bytes / 1024).toFixed(0)} KiB)`);
    if (bytes >= MAX_FILE_BYTES) fail(`output is ${bytes} bytes, limit ${MAX_FILE_BYTES}`);
    await selfCheck(pg, text, records);
    await printSummary(pg, records);
  } finally {
    await pg.close();
  }
}

await main();
