import type { Actor, Scope } from "./actor.ts";
import { allow } from "./allow.ts";

/**
 * A level manages the level below it (plan §三(三): the district guides and supervises levels 2 and 3, a
 * township guides its villages): a scoped manager reaches the grids strictly below their own, never their
 * own grid's 五定 — a township does not appoint its own head. The district office reaches every grid.
 */
export function scopeReachesBelow(scope: Scope, gridPath: string): boolean {
  if (scope.allGrids) return true;
  return scope.gridPaths.some((p) => gridPath.startsWith(p) && gridPath !== p);
}

export function canManageGridWuding(actor: Actor, gridPath: string): boolean {
  return allow(actor, "wuding.manage") && scopeReachesBelow(actor.scope, gridPath);
}

/** Lines that apply to every grid of a level are the district's duty list: the district office edits them. */
export function canManageLevelLines(actor: Actor): boolean {
  return allow(actor, "wuding.manage") && actor.scope.allGrids;
}

/** A contract is drafted by the upper party: anyone who may draft contracts and reaches the upper grid. */
export function canDraftContractsAbove(actor: Actor, upperGridPath: string): boolean {
  if (!allow(actor, "contract.generate")) return false;
  return actor.scope.allGrids || actor.scope.gridPaths.some((p) => upperGridPath.startsWith(p));
}
