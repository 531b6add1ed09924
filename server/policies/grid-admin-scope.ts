import type { Scope } from "./actor.ts";

/**
 * Who administers a grid. The district office (whole district) administers every grid; anyone else with
 * `grid.manage` administers the grids strictly below the roots of their scope: a township officer sets up
 * and maintains the villages of their township, while the township grid itself is the district's to change
 * (it is part of the district's own 横向到边 coverage and of its contracts with the township).
 */
export function canManageGridAt(scope: Scope, path: string): boolean {
  if (scope.allGrids) return true;
  return scope.gridPaths.some((root) => path !== root && path.startsWith(root));
}

/** Whether a grid may be created under, or moved to, the grid at `parentPath`: anywhere in the scope. */
export function canPlaceUnder(scope: Scope, parentPath: string): boolean {
  if (scope.allGrids) return true;
  return scope.gridPaths.some((root) => parentPath.startsWith(root));
}
