import {
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Segmented,
  Select,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { type CaseListParams, type CaseSummary, useCaseMeta, useCases } from "../../api/cases";
import { QueryError } from "../../components/QueryError";
import { formatTime } from "../../time/formatTime";
import { BulkTransferModal } from "./BulkTransferModal";
import { CaseMap } from "./CaseMap";
import { PRIORITY_COLORS, priorityLabel, stageColor, stageLabel } from "./caseLabels";
import "./cases.css";

/** The case list; `inbox` shows only the cases the caller may act on now (the server decides, from the machine). */
export function CaseListScene({ mode }: { mode: "inbox" | "all" }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const meta = useCaseMeta();
  const [params, setParams] = useState<CaseListParams>({ page: 1, pageSize: 20, todo: mode === "inbox" });
  const [view, setView] = useState<"table" | "map">("table");
  const [selected, setSelected] = useState<CaseSummary[]>([]);
  const [bulk, setBulk] = useState(false);
  // the map shows up to 200 cases of the current filter at once
  const effective = {
    ...params,
    todo: mode === "inbox",
    ...(view === "map" ? { page: 1, pageSize: 200 } : {}),
  };
  const cases = useCases(effective);
  const transferable = selected.length > 0 && selected.every((c) => c.allowedActions.includes("transfer"));

  const columns: TableColumnsType<CaseSummary> = [
    {
      key: "trackingNo",
      title: t("cases.list.trackingNo"),
      render: (_, c) => <Link to={`/cases/${c.id}`}>{c.trackingNo}</Link>,
    },
    {
      key: "title",
      title: t("cases.list.title"),
      render: (_, c) => (
        <Flex gap={4} wrap>
          <span>{c.title}</span>
          {c.priority !== "normal" && (
            <Tag color={PRIORITY_COLORS[c.priority]}>{priorityLabel(t, c.priority)}</Tag>
          )}
        </Flex>
      ),
    },
    { key: "category", title: t("cases.list.category"), dataIndex: "categoryName", responsive: ["md"] },
    {
      key: "stage",
      title: t("cases.list.stage"),
      render: (_, c) => <Tag color={stageColor(c.stage)}>{stageLabel(t, c.stage, c.stageName)}</Tag>,
    },
    {
      key: "deadline",
      title: t("cases.list.deadline"),
      render: (_, c) =>
        c.deadline && (
          <Flex vertical>
            <Typography.Text className={c.overdue ? "case-overdue" : undefined}>
              {formatTime(c.deadline.dueAt)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.deadline.phaseName}
              {c.overdue && ` · ${t("cases.list.overdue")}`}
              {c.escalationLevel > 0 && ` · ${t("cases.list.escalated")}`}
            </Typography.Text>
          </Flex>
        ),
    },
    {
      key: "grid",
      title: t("cases.list.grid"),
      responsive: ["lg"],
      render: (_, c) => [c.townshipName, c.gridName].filter(Boolean).join(" / "),
    },
    {
      key: "department",
      title: t("cases.list.department"),
      dataIndex: "assignedDepartmentName",
      responsive: ["xl"],
    },
    {
      key: "reportedAt",
      title: t("cases.list.reportedAt"),
      responsive: ["md"],
      render: (_, c) => formatTime(c.reportedAt),
    },
  ];

  return (
    <Card>
      <Flex gap={8} wrap style={{ marginBottom: 16 }} align="center">
        <Input.Search
          allowClear
          placeholder={t("cases.list.search")}
          style={{ maxWidth: 320 }}
          onSearch={(q) => setParams((p) => ({ ...p, page: 1, q: q.trim() || undefined }))}
        />
        {mode === "all" && (
          <Select
            allowClear
            placeholder={t("cases.list.stage")}
            style={{ minWidth: 160 }}
            options={meta.data?.stages.map((s) => ({ value: s.code, label: stageLabel(t, s.code, s.name) }))}
            onChange={(stage?: string) => setParams((p) => ({ ...p, page: 1, stage }))}
          />
        )}
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t("cases.list.category")}
          style={{ minWidth: 180 }}
          options={meta.data?.categories.map((c) => ({ value: c.code, label: c.name }))}
          onChange={(category?: string) => setParams((p) => ({ ...p, page: 1, category }))}
        />
        <Flex gap={4} align="center">
          <Switch
            size="small"
            checked={params.overdue ?? false}
            onChange={(overdue) => setParams((p) => ({ ...p, page: 1, overdue }))}
          />
          {t("cases.list.overdueOnly")}
        </Flex>
        {mode === "all" && (
          <Flex gap={4} align="center">
            <Switch
              size="small"
              checked={params.open ?? false}
              onChange={(open) => setParams((p) => ({ ...p, page: 1, open }))}
            />
            {t("cases.list.openOnly")}
          </Flex>
        )}
        <Segmented
          value={view}
          onChange={(v) => setView(v as "table" | "map")}
          options={[
            { value: "table", label: t("cases.list.table") },
            { value: "map", label: t("cases.list.map") },
          ]}
        />
        {transferable && (
          <Button onClick={() => setBulk(true)} data-testid="bulk-transfer">
            {t("cases.bulk.transfer", { count: selected.length })}
          </Button>
        )}
      </Flex>
      {cases.isError && <QueryError error={cases.error} onRetry={() => void cases.refetch()} />}
      {bulk && (
        <BulkTransferModal
          cases={selected}
          onClose={() => {
            setBulk(false);
            setSelected([]);
          }}
        />
      )}
      {view === "map" && <CaseMap cases={cases.data?.items ?? []} />}
      <Table<CaseSummary>
        style={view === "map" ? { display: "none" } : undefined}
        rowSelection={{
          selectedRowKeys: selected.map((c) => c.id),
          onChange: (_, rows) => setSelected(rows),
          getCheckboxProps: (c) => ({ disabled: !c.allowedActions.includes("transfer") }),
        }}
        rowKey="id"
        size="middle"
        className="case-table"
        columns={columns}
        dataSource={cases.data?.items}
        loading={cases.isFetching}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: <Empty description={mode === "inbox" ? t("cases.list.inboxEmpty") : undefined} />,
        }}
        onRow={(c) => ({ onDoubleClick: () => void navigate(`/cases/${c.id}`) })}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: cases.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common.total", { total }),
        }}
        onChange={(pagination) =>
          setParams((p) => ({
            ...p,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? p.pageSize,
          }))
        }
      />
    </Card>
  );
}
