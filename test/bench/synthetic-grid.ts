/**
 * Deterministic synthetic grids for benchmarks: a square lattice of level-3 cells (jittered shared
 * vertices, so neighbours share edges exactly) grouped into level-2 blocks under one level-1 root.
 */
export interface SyntheticCell {
  code: string;
  parentCode: string;
  ring: [number, number][];
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LatticeOptions {
  /** Cells per side; the lattice has side² level-3 cells. */
  side: number;
  /** Cells per side of one level-2 block. */
  blockSide: number;
  origin: [number, number];
  /** Cell size in degrees. */
  cell: number;
  seed?: number;
}

export function syntheticLattice(o: LatticeOptions): { cells: SyntheticCell[]; blocks: string[] } {
  const random = mulberry32(o.seed ?? 42);
  const vertex: [number, number][][] = [];
  for (let i = 0; i <= o.side; i++) {
    vertex.push([]);
    for (let j = 0; j <= o.side; j++) {
      const edge = i === 0 || j === 0 || i === o.side || j === o.side;
      const jitter = () => (edge ? 0 : (random() - 0.5) * 0.3 * o.cell);
      const lon = round6(o.origin[0] + i * o.cell + jitter());
      const lat = round6(o.origin[1] + j * o.cell + jitter());
      vertex[i].push([lon, lat]);
    }
  }
  const cells: SyntheticCell[] = [];
  const blocks = new Set<string>();
  for (let i = 0; i < o.side; i++) {
    for (let j = 0; j < o.side; j++) {
      const parentCode = `B${Math.floor(i / o.blockSide)}-${Math.floor(j / o.blockSide)}`;
      blocks.add(parentCode);
      cells.push({
        code: `C${i}-${j}`,
        parentCode,
        ring: [vertex[i][j], vertex[i + 1][j], vertex[i + 1][j + 1], vertex[i][j + 1], vertex[i][j]],
      });
    }
  }
  return { cells, blocks: [...blocks] };
}

export function randomPoints(count: number, o: LatticeOptions, seed = 7): [number, number][] {
  const random = mulberry32(seed);
  const span = o.side * o.cell;
  return Array.from({ length: count }, () => [
    round6(o.origin[0] + random() * span),
    round6(o.origin[1] + random() * span),
  ]);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
