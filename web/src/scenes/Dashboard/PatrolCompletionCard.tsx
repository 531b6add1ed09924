import { Card, Space, Table, type TableColumnsType, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type PatrolCompletionReport, usePatrolCompletion } from "../../api/dashboard";
import { ListTable } from "../../components/ListTable";
import { QueryError } from "../../components/QueryError";
import { useGridNames } from "../../grids/useGridNames";
import { countColumn, percent, rateColumn } from "./kpiFormat";

type Row = PatrolCompletionReport["townships"][number];

/** 巡查完成率 per township and in total (GET /api/dashboard/patrols), sortable. */
export function PatrolCompletionCard({ period }: { period: { from: string; to: string } }) {
  const { t } = useTranslation();
  const gridNames = useGridNames();
  const report = usePatrolCompletion(period);
  const columns: TableColumnsType<Row> = [
    { key: "name", title: t("dashboard.township"), render: (_, r) => gridNames.name(r.id, r.name) },
    countColumn<Row>("due", t("dashboard.patrolsDue")),
    countColumn<Row>("done", t("dashboard.patrolsDone")),
    rateColumn<Row>("rate", t("dashboard.patrolCompletion")),
  ];
  const totals = report.data?.totals;
  return (
    <Card title={t("dashboard.patrolCompletion")} size="small" className="dashboard-patrols">
      {report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Space direction="vertical" style={{ width: "100%" }}>
          <ListTable<Row>
            rowKey="id"
            phoneWrap={["name"]}
            size="small"
            loading={report.isPending}
            columns={columns}
            dataSource={report.data?.townships}
            pagination={false}
            summary={() =>
              totals && (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t("dashboard.total")}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="end">
                    {totals.due}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="end">
                    {totals.done}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="end">
                    {percent(totals.rate)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )
            }
          />
          <Typography.Text type="secondary">{t("dashboard.patrolDefinitions")}</Typography.Text>
        </Space>
      )}
    </Card>
  );
}
