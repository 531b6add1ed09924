import { Card, Col, Row, Statistic, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type CaseSummary, type UnitCounts, useSupervisionBoard } from "../../api/cases";
import { ListTable } from "../../components/ListTable";
import { PageLoading } from "../../components/PageLoading";
import { QueryError } from "../../components/QueryError";
import { useDepartmentNames } from "../../departments/useDepartmentNames";
import { useGridNames } from "../../grids/useGridNames";
import { deadlinePhaseLabel, stageLabel } from "../../i18n/domain-labels";
import { formatTime } from "../../time/formatTime";
import { stageColor } from "./caseLabels";

/** 督查督办 board for the district office and overseers: what is late or about to be, and where. */
export function SupervisionScene() {
  const { t } = useTranslation();
  const board = useSupervisionBoard();
  const gridNames = useGridNames();
  const departmentNames = useDepartmentNames();
  if (board.isPending) return <PageLoading />;
  if (board.isError) return <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  const b = board.data;

  // a unit is a level-2 grid (byTownship) or a department (byDepartment), named in the reader's language
  const unitColumns = (nameOf: (id: number, name: string) => string): TableColumnsType<UnitCounts> => [
    { key: "name", title: t("cases.supervision.unit"), render: (_, u) => nameOf(u.id, u.name) },
    { key: "open", title: t("cases.supervision.open"), dataIndex: "open", align: "end" },
    {
      key: "overdue",
      title: t("cases.supervision.overdue"),
      align: "end",
      render: (_, u) => (
        <Typography.Text type={u.overdue > 0 ? "danger" : undefined}>{u.overdue}</Typography.Text>
      ),
    },
    {
      key: "dueSoon",
      title: t("cases.supervision.dueSoon", { hours: b.dueSoonHours }),
      dataIndex: "dueSoon",
      align: "end",
    },
    { key: "escalated", title: t("cases.supervision.escalated"), dataIndex: "escalated", align: "end" },
  ];
  const caseColumns: TableColumnsType<CaseSummary> = [
    {
      key: "no",
      title: t("cases.list.trackingNo"),
      render: (_, c) => <Link to={`/cases/${c.id}`}>{c.trackingNo}</Link>,
    },
    { key: "title", title: t("cases.list.title"), dataIndex: "title" },
    {
      key: "stage",
      title: t("cases.list.stage"),
      render: (_, c) => <Tag color={stageColor(c.stage)}>{stageLabel(t, c.stage, c.stageName)}</Tag>,
    },
    {
      key: "unit",
      title: t("cases.supervision.unit"),
      render: (_, c) =>
        c.assignedDepartmentName
          ? departmentNames.name(c.assignedDepartmentId, c.assignedDepartmentName)
          : c.townshipName
            ? gridNames.above(c.gridId, c.townshipName)
            : gridNames.name(c.gridId, c.gridName),
    },
    {
      key: "due",
      title: t("cases.list.deadline"),
      render: (_, c) =>
        c.deadline
          ? `${formatTime(c.deadline.dueAt)} · ${deadlinePhaseLabel(t, c.deadline.phase, c.deadline.phaseName)}`
          : "",
    },
  ];
  const stats: [string, number, boolean][] = [
    [t("cases.supervision.open"), b.totals.open, false],
    [t("cases.supervision.overdue"), b.totals.overdue, true],
    [t("cases.supervision.dueSoon", { hours: b.dueSoonHours }), b.totals.dueSoon, false],
    [t("cases.supervision.escalated"), b.totals.escalated, true],
    [t("cases.supervision.urgent"), b.totals.urgent, false],
    [t("cases.supervision.pendingExtensions"), b.totals.pendingExtensions, false],
  ];
  return (
    <Row gutter={[16, 16]} className="supervision-board">
      {stats.map(([title, value, danger]) => (
        <Col key={title} xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic
              title={title}
              value={value}
              styles={{ content: danger && value > 0 ? { color: "#cf1322" } : undefined }}
            />
          </Card>
        </Col>
      ))}
      <Col xs={24} xl={12}>
        <Card title={t("cases.supervision.byTownship")} size="small">
          <ListTable<UnitCounts>
            rowKey="id"
            phoneWrap={["name"]}
            size="small"
            columns={unitColumns(gridNames.name)}
            dataSource={b.byTownship}
            pagination={false}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t("cases.supervision.byDepartment")} size="small">
          <ListTable<UnitCounts>
            rowKey="id"
            phoneWrap={["name"]}
            size="small"
            columns={unitColumns(departmentNames.name)}
            dataSource={b.byDepartment}
            pagination={false}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={t("cases.supervision.overdueCases")} size="small">
          <ListTable<CaseSummary>
            rowKey="id"
            phoneWrap={["title"]}
            size="small"
            columns={caseColumns}
            dataSource={b.overdueCases}
            pagination={{ pageSize: 10 }}
            scroll={{ x: "max-content" }}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={t("cases.supervision.dueSoonCases")} size="small">
          <ListTable<CaseSummary>
            rowKey="id"
            phoneWrap={["title"]}
            size="small"
            columns={caseColumns}
            dataSource={b.dueSoonCases}
            pagination={{ pageSize: 10 }}
            scroll={{ x: "max-content" }}
          />
        </Card>
      </Col>
    </Row>
  );
}
