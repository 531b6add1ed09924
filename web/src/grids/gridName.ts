/**
 * The grid's name in `language`: the Uyghur or English name where the grid has one, else (and for Chinese
 * readers) the official Chinese name.
 */
export function gridName(
  grid: { name: string; nameUg?: string | null; nameEn?: string | null },
  language: string,
): string {
  const translated = language === "ug" ? grid.nameUg : language === "en" ? grid.nameEn : undefined;
  return translated || grid.name;
}

/** What localGridName needs of a grid of the caller's tree (GET /api/grids). */
export interface NamedGrid {
  id: number;
  parentId: number | null;
  name: string;
  nameUg: string | null;
  nameEn: string | null;
}

/**
 * The name of grid `id` in `language`, looked up in the caller's grid tree. `fallback` is the server's
 * (Chinese) name; it is the answer when the tree is not loaded, the grid is not in it (out of scope,
 * retired) or there is no id.
 */
export function localGridName(
  grids: ReadonlyMap<number, NamedGrid> | undefined,
  id: number | null | undefined,
  fallback: string,
  language: string,
): string {
  const grid = id === null || id === undefined ? undefined : grids?.get(id);
  return grid ? gridName(grid, language) : fallback;
}

/**
 * The name of grid `id` or the nearest grid above it whose Chinese name is `chineseName` (the case list's
 * township, the object list's parent grid: the server sends only their names), in `language`; `chineseName`
 * itself when no such grid is in the tree.
 */
export function localAncestorName(
  grids: ReadonlyMap<number, NamedGrid> | undefined,
  id: number | null | undefined,
  chineseName: string,
  language: string,
): string {
  let nextId = id ?? null;
  for (let hops = 0; nextId !== null && hops < 32; hops++) {
    const grid = grids?.get(nextId);
    if (!grid) break;
    if (grid.name === chineseName) return gridName(grid, language);
    nextId = grid.parentId;
  }
  return chineseName;
}
