/** Materialized grid paths: '/1/4/27/' lists the ids from the root down to the grid itself. */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? "/"}${id}/`;
}

export function ancestorIds(path: string): number[] {
  return path
    .split("/")
    .filter((part) => part !== "")
    .map(Number)
    .slice(0, -1);
}

/** True when `path` is `scopePath` itself or lies below it. */
export function isWithin(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

/** Drops paths already covered by another path in the list, so scope checks stay short. */
export function minimalCover(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => isWithin(p, k))) kept.push(p);
  return kept;
}
