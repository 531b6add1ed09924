import { Card, Col, Row, Select, Space, Statistic, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
// the same list the API counts by (pure domain code shared with the server)
import { CASE_SOURCES } from "../../../../server/domain/cases/case-sources";
import { type TownshipKpis, useDistrictKpis } from "../../api/dashboard";
import { ListTable } from "../../components/ListTable";
import { useCan } from "../../components/MeContext";
import { PageLoading } from "../../components/PageLoading";
import { QueryError } from "../../components/QueryError";
import { useGridNames } from "../../grids/useGridNames";
import { sourceLabel, stageLabel } from "../../i18n/domain-labels";
import { DepartmentKpiCard } from "./DepartmentKpiCard";
import { countColumn, numericSorter, percent, rateColumn } from "./kpiFormat";
import { PatrolCompletionCard } from "./PatrolCompletionCard";
import { recentQuarters } from "./quarters";

/**
 * 考核指标 for a quarter: the townships' case KPIs and patrol completion (dashboard.read), and the
 * departments' (department_kpis.read; a department's staff see only this part, for their own department).
 */
export function DashboardScene() {
  const { t } = useTranslation();
  const canDistrict = useCan("dashboard.read");
  const canDepartments = useCan("department_kpis.read");
  const quarters = recentQuarters(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), 8);
  const [quarter, setQuarter] = useState(quarters[0].key);
  const chosen = quarters.find((q) => q.key === quarter) ?? quarters[0];
  const period = { from: chosen.from, to: chosen.to };
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} className="dashboard-kpis">
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("dashboard.title")}
        </Typography.Title>
        <Select
          aria-label={t("dashboard.period")}
          value={quarter}
          onChange={setQuarter}
          options={quarters.map((q) => ({ value: q.key, label: `${q.key} (${q.from} – ${q.to})` }))}
          style={{ minWidth: 260 }}
        />
      </Space>
      {canDistrict && <TownshipKpiSection period={period} />}
      {canDistrict && <PatrolCompletionCard period={period} />}
      {canDepartments && <DepartmentKpiCard period={period} />}
    </Space>
  );
}

/** Case KPIs: totals as cards, by source and stage, one row per township. */
function TownshipKpiSection({ period }: { period: { from: string; to: string } }) {
  const { t } = useTranslation();
  const kpis = useDistrictKpis(period);
  const gridNames = useGridNames();
  if (kpis.isPending) return <PageLoading />;
  if (kpis.isError) return <QueryError error={kpis.error} onRetry={() => void kpis.refetch()} />;
  const k = kpis.data;

  const cards: [string, string | number, boolean][] = [
    [t("dashboard.reported"), k.totals.reported, false],
    [t("dashboard.open"), k.totals.open, false],
    [t("dashboard.overdue"), k.totals.overdue, k.totals.overdue > 0],
    [t("dashboard.onTimeClosureRate"), percent(k.totals.onTimeClosureRate), false],
    [t("dashboard.closureRate"), percent(k.totals.closureRate), false],
    [t("dashboard.avgHandlingDays"), k.totals.avgHandlingDays ?? "—", false],
  ];
  const columns: TableColumnsType<TownshipKpis> = [
    {
      key: "name",
      title: t("dashboard.township"),
      // row 0 counts the cases on the district grid itself (区级)
      render: (_, r) => (r.id === 0 ? t("levels.1") : gridNames.name(r.id, r.name)),
    },
    countColumn<TownshipKpis>("reported", t("dashboard.reported")),
    countColumn<TownshipKpis>("open", t("dashboard.open")),
    {
      key: "overdue",
      title: t("dashboard.overdue"),
      align: "end",
      sorter: numericSorter((r) => r.overdue),
      render: (_, r) => (
        <Typography.Text type={r.overdue > 0 ? "danger" : undefined}>{r.overdue}</Typography.Text>
      ),
    },
    countColumn<TownshipKpis>("dueToClose", t("dashboard.dueToClose")),
    countColumn<TownshipKpis>("closedOnTime", t("dashboard.closedOnTime")),
    rateColumn<TownshipKpis>("onTimeClosureRate", t("dashboard.onTimeClosureRate")),
    {
      key: "days",
      title: t("dashboard.avgHandlingDays"),
      align: "end",
      render: (_, r) => r.avgHandlingDays ?? "—",
      sorter: numericSorter((r) => r.avgHandlingDays),
    },
  ];
  return (
    <>
      <Row gutter={[16, 16]}>
        {cards.map(([title, value, danger]) => (
          <Col key={title} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic
                title={title}
                value={value}
                styles={{ content: danger ? { color: "#cf1322" } : undefined }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card title={t("dashboard.bySource")} size="small">
            <ListTable
              rowKey="source"
              size="small"
              pagination={false}
              dataSource={CASE_SOURCES.map((s) => ({ source: s, n: k.totals.bySource[s] ?? 0 }))}
              columns={[
                {
                  key: "s",
                  title: t("dashboard.source"),
                  render: (_, r) => sourceLabel(t, r.source),
                },
                { key: "n", title: t("dashboard.reported"), dataIndex: "n", align: "end" },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={t("dashboard.byStage")} size="small">
            <Space wrap size="large">
              {Object.entries(k.totals.byStage)
                .filter(([, n]) => n > 0)
                .map(([stage, n]) => (
                  <Statistic key={stage} title={stageLabel(t, stage)} value={n} />
                ))}
            </Space>
          </Card>
        </Col>
      </Row>
      <Card title={t("dashboard.byTownship")} size="small" className="dashboard-townships">
        <ListTable<TownshipKpis>
          rowKey="id"
          phoneWrap={["name"]}
          size="small"
          columns={columns}
          dataSource={k.townships}
          pagination={false}
        />
      </Card>
      <Typography.Text type="secondary">{t("dashboard.definitions")}</Typography.Text>
    </>
  );
}
