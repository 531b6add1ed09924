import type { AdminGridSummary } from "../../api/gridAdmin";
import type { Me } from "../../api/types";
import { buildGridTree, type GridTreeNode } from "../../grids/gridTree";

export interface TreeSelectNode {
  value: number;
  title: string;
  children?: TreeSelectNode[];
}

export function toTreeSelect(nodes: readonly GridTreeNode[]): TreeSelectNode[] {
  return nodes.map((n) => ({
    value: n.key,
    title: n.title,
    children: n.children && toTreeSelect(n.children),
  }));
}

/** Live grids as TreeSelect options, leaving out `exclude` and everything below it (a grid cannot move there). */
export function parentOptions(
  grids: readonly AdminGridSummary[],
  language: string,
  exclude: number | null = null,
): TreeSelectNode[] {
  const below = exclude === null ? new Set<number>() : subtreeIds(grids, exclude);
  return toTreeSelect(
    buildGridTree(
      grids.filter((g) => !g.retiredAt && !below.has(g.id)),
      language,
    ),
  );
}

export function subtreeIds(grids: readonly AdminGridSummary[], rootId: number): Set<number> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of grids) {
      if (g.parentId !== null && ids.has(g.parentId) && !ids.has(g.id)) {
        ids.add(g.id);
        grew = true;
      }
    }
  }
  return ids;
}

/**
 * Mirrors the server's rule (policies/grid-admin-scope.ts): the district office manages every grid, others the
 * grids below their own; the roots of their scope are the level above's. The server decides; this only hides
 * buttons that would be refused.
 */
export function canManage(me: Me, gridId: number): boolean {
  return me.permissions.includes("grid.manage") && (me.scope.allGrids || !me.scope.gridIds.includes(gridId));
}
