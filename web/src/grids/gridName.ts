/** Uyghur readers get the Uyghur name where the grid has one; everyone else the official Chinese name. */
export function gridName(grid: { name: string; nameUg?: string | null }, language: string): string {
  return language === "ug" && grid.nameUg ? grid.nameUg : grid.name;
}
