import { TreeSelect, type TreeSelectProps } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useGrids } from "../api/grids";
import { buildGridTree, type GridTreeNode } from "../grids/gridTree";

interface TreeSelectNode {
  value: number;
  title: string;
  children?: TreeSelectNode[];
}

const toTreeSelect = (nodes: readonly GridTreeNode[]): TreeSelectNode[] =>
  nodes.map((n) => ({ value: n.key, title: n.title, children: n.children && toTreeSelect(n.children) }));

type Props = Omit<TreeSelectProps<number>, "treeData" | "loading" | "showSearch" | "treeNodeFilterProp">;

/**
 * A grid picked from the caller's own tree (GET /api/grids is scoped: a township officer sees their township
 * and below), searchable by name. The value is a grid id; works inside a Form.Item too.
 */
export function GridTreeSelect(props: Props) {
  const { i18n } = useTranslation();
  const grids = useGrids();
  const treeData = useMemo(
    () => toTreeSelect(buildGridTree(grids.data?.items ?? [], i18n.language)),
    [grids.data, i18n.language],
  );
  return (
    <TreeSelect<number>
      showSearch
      treeNodeFilterProp="title"
      treeData={treeData}
      loading={grids.isPending}
      status={grids.isError ? "error" : undefined}
      {...props}
    />
  );
}
