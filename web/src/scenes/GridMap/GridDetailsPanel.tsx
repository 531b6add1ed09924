import { CloseOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useGrid } from "../../api/grids";
import { QueryError } from "../../components/QueryError";
import { gridName } from "../../grids/gridName";
import { useGridNames } from "../../grids/useGridNames";
import { kindLabel, levelLabel } from "../../i18n/labels";
import { WudingSummary } from "../Wuding/WudingSummary";

interface Props {
  gridId: number;
  onClose: () => void;
}

export function GridDetailsPanel({ gridId, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const grid = useGrid(gridId);
  const gridNames = useGridNames();
  const numbers = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });

  return (
    <Card
      size="small"
      className="grid-details"
      title={grid.data ? gridName(grid.data, i18n.language) : t("grid.details")}
      extra={
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined />}
          aria-label={t("common.close")}
          onClick={onClose}
        />
      }
    >
      {grid.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
      {grid.isError && <QueryError error={grid.error} onRetry={() => void grid.refetch()} />}
      {grid.data && (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: "name", label: t("grid.name"), children: gridName(grid.data, i18n.language) },
            { key: "code", label: t("grid.code"), children: grid.data.code },
            { key: "level", label: t("grid.level"), children: levelLabel(t, grid.data.level) },
            { key: "kind", label: t("grid.kind"), children: kindLabel(t, grid.data.kind) },
            {
              key: "parent",
              label: t("grid.parent"),
              children: grid.data.parentName ? gridNames.name(grid.data.parentId, grid.data.parentName) : "—",
            },
            {
              key: "area",
              label: t("grid.area"),
              children: grid.data.areaKm2 === null ? "—" : numbers.format(grid.data.areaKm2),
            },
            { key: "children", label: t("grid.childCount"), children: grid.data.childCount },
          ]}
        />
      )}
      {grid.data && <WudingSummary gridId={gridId} />}
    </Card>
  );
}
