import { Empty, Input, Tree } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GridSummary } from "../../api/types";
import { allKeys, ancestorIds, buildGridTree, filterGridTree } from "../../grids/gridTree";

interface Props {
  grids: readonly GridSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}

export function GridTree({ grids, selectedId, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const tree = useMemo(() => buildGridTree(grids, i18n.language), [grids, i18n.language]);
  const [query, setQuery] = useState("");
  const [expanded, setExpanded] = useState<number[]>(() => tree.map((node) => node.key));
  const filtered = useMemo(() => (query ? filterGridTree(tree, query) : tree), [tree, query]);

  // A grid picked on the map must be visible in the tree: open its ancestors and scroll it into view.
  useEffect(() => {
    if (selectedId === null) return;
    const above = ancestorIds(grids, selectedId);
    setExpanded((keys) => [...new Set([...keys, ...above])]);
    requestAnimationFrame(() => {
      document.querySelector(`[data-grid-id="${selectedId}"]`)?.scrollIntoView({ block: "nearest" });
    });
  }, [grids, selectedId]);

  return (
    <div className="grid-tree">
      <Input.Search
        allowClear
        placeholder={t("grid.searchPlaceholder")}
        onChange={(event) => setQuery(event.target.value.trim())}
      />
      <div className="grid-tree-scroll">
        {filtered.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("grid.empty")} />
        ) : (
          <Tree<(typeof filtered)[number]>
            blockNode
            showLine
            treeData={filtered}
            expandedKeys={query ? allKeys(filtered) : expanded}
            onExpand={(keys) => setExpanded(keys.map(Number))}
            selectedKeys={selectedId === null ? [] : [selectedId]}
            onSelect={(_keys, { node }) => onSelect(node.key)}
            titleRender={(node) => <span data-grid-id={node.key}>{node.title}</span>}
          />
        )}
      </div>
    </div>
  );
}
