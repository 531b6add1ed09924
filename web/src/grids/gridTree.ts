import type { GridSummary } from "../api/types";
import { gridName } from "./gridName";

export interface GridTreeNode {
  key: number;
  title: string;
  children?: GridTreeNode[];
}

/**
 * Builds the tree from whatever grids the user may see. A grid whose parent is out of reach becomes a root,
 * so a village member's tree is just their village.
 */
export function buildGridTree(grids: readonly GridSummary[], language: string): GridTreeNode[] {
  const sorted = [...grids].sort((a, b) => a.code.localeCompare(b.code));
  const nodes = new Map(
    sorted.map((g) => [g.id, { key: g.id, title: gridName(g, language) } as GridTreeNode]),
  );
  const roots: GridTreeNode[] = [];
  for (const grid of sorted) {
    const node = nodes.get(grid.id) as GridTreeNode;
    const parent = grid.parentId === null ? undefined : nodes.get(grid.parentId);
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}

/** Keeps the nodes whose name contains `query`, with the ancestors that lead to them. */
export function filterGridTree(nodes: readonly GridTreeNode[], query: string): GridTreeNode[] {
  const result: GridTreeNode[] = [];
  for (const node of nodes) {
    if (node.title.includes(query)) {
      result.push(node);
      continue;
    }
    const children = filterGridTree(node.children ?? [], query);
    if (children.length > 0) result.push({ ...node, children });
  }
  return result;
}

/** The ids of every grid above `id` in the visible tree, nearest last. */
export function ancestorIds(grids: readonly GridSummary[], id: number): number[] {
  const byId = new Map(grids.map((g) => [g.id, g]));
  const ids: number[] = [];
  let parentId = byId.get(id)?.parentId ?? null;
  while (parentId !== null && byId.has(parentId)) {
    ids.unshift(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return ids;
}

export function allKeys(nodes: readonly GridTreeNode[]): number[] {
  return nodes.flatMap((node) => [node.key, ...allKeys(node.children ?? [])]);
}
