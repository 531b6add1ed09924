import { Card, Space, type TableColumnsType, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type DepartmentKpis, useDepartmentKpis } from "../../api/dashboard";
import { ListTable } from "../../components/ListTable";
import { QueryError } from "../../components/QueryError";
import { useDepartmentNames } from "../../departments/useDepartmentNames";
import { countColumn, rateColumn } from "./kpiFormat";

/** 各部门: each department's work in the period (GET /api/dashboard/departments), sortable by any figure. */
export function DepartmentKpiCard({ period }: { period: { from: string; to: string } }) {
  const { t } = useTranslation();
  const kpis = useDepartmentKpis(period);
  const departmentNames = useDepartmentNames();
  const count = countColumn<DepartmentKpis>;
  const rate = rateColumn<DepartmentKpis>;
  const columns: TableColumnsType<DepartmentKpis> = [
    { key: "name", title: t("dashboard.department"), render: (_, r) => departmentNames.name(r.id, r.name) },
    count("handed", t("dashboard.handed")),
    count("closed", t("dashboard.closed")),
    count("dueToClose", t("dashboard.dueToClose")),
    rate("closureRate", t("dashboard.closureRate")),
    rate("onTimeClosureRate", t("dashboard.onTimeClosureRate")),
    count("open", t("dashboard.open")),
    {
      ...count("overdue", t("dashboard.overdue")),
      render: (_, r) => (
        <Typography.Text type={r.overdue > 0 ? "danger" : undefined}>{r.overdue}</Typography.Text>
      ),
    },
    count("reworks", t("dashboard.reworks")),
    rate("reworkRate", t("dashboard.reworkRate")),
    count("extensions", t("dashboard.extensions")),
    rate("extensionRate", t("dashboard.extensionRate")),
  ];
  return (
    <Card title={t("dashboard.byDepartment")} size="small" className="dashboard-departments">
      {kpis.isError ? (
        <QueryError error={kpis.error} onRetry={() => void kpis.refetch()} />
      ) : (
        <Space direction="vertical" style={{ width: "100%" }}>
          <ListTable<DepartmentKpis>
            rowKey="id"
            phoneWrap={["name"]}
            size="small"
            loading={kpis.isPending}
            columns={columns}
            dataSource={kpis.data?.departments}
            pagination={false}
            scroll={{ x: "max-content" }}
          />
          <Typography.Text type="secondary">{t("dashboard.departmentDefinitions")}</Typography.Text>
        </Space>
      )}
    </Card>
  );
}
