import { PrinterOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Skeleton, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useGridWuding } from "../../api/wuding";
import { QueryError } from "../../components/QueryError";
import { gridName } from "../../grids/gridName";
import { useGridNames } from "../../grids/useGridNames";
import { levelLabel } from "../../i18n/labels";
import { DisclosureTab } from "./DisclosureTab";
import { DutiesTab } from "./DutiesTab";
import { PersonnelTab } from "./PersonnelTab";
import { RulesTab } from "./RulesTab";
import { TasksTab } from "./TasksTab";

export function WudingPanel({ gridId }: { gridId: number }) {
  const { t, i18n } = useTranslation();
  const gridNames = useGridNames();
  const navigate = useNavigate();
  const wuding = useGridWuding(gridId);
  const numbers = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  if (wuding.isError) return <QueryError error={wuding.error} onRetry={() => void wuding.refetch()} />;
  if (wuding.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { grid } = wuding.data;

  return (
    <Card
      className="wuding-panel"
      title={`${gridName(grid, i18n.language)} · ${t("wuding.title")}`}
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => void navigate(`/grids/${grid.id}/wuding/card`)}>
          {t("wuding.printCard")}
        </Button>
      }
    >
      {/* the term is opaque outside Chinese administration; say once what it covers */}
      <Typography.Paragraph type="secondary" className="wuding-explanation">
        {t("wuding.explanation")}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        title={t("wuding.sections.area")}
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: "code", label: t("grid.code"), children: grid.code },
          { key: "level", label: t("grid.level"), children: levelLabel(t, grid.level) },
          {
            key: "parent",
            label: t("grid.parent"),
            children: grid.parentName ? gridNames.name(grid.parentId, grid.parentName) : "—",
          },
          {
            key: "area",
            label: t("grid.area"),
            children: grid.areaKm2 === null ? "—" : numbers.format(grid.areaKm2),
          },
        ]}
      />
      <Tabs
        items={[
          {
            key: "personnel",
            label: t("wuding.sections.personnel"),
            children: <PersonnelTab wuding={wuding.data} />,
          },
          { key: "duties", label: t("wuding.sections.duties"), children: <DutiesTab wuding={wuding.data} /> },
          { key: "tasks", label: t("wuding.sections.tasks"), children: <TasksTab wuding={wuding.data} /> },
          { key: "rules", label: t("wuding.sections.rules"), children: <RulesTab wuding={wuding.data} /> },
          {
            key: "disclosure",
            label: t("wuding.sections.disclosure"),
            children: <DisclosureTab wuding={wuding.data} />,
          },
        ]}
      />
    </Card>
  );
}
