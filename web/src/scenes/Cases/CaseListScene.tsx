import {
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Input,
  Segmented,
  Select,
  Switch,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import {
  type CaseFilter,
  type CaseListParams,
  type CaseSummary,
  caseExportUrl,
  useCaseMeta,
  useCases,
} from "../../api/cases";
import { ExportButton } from "../../components/ExportButton";
import { GridTreeSelect } from "../../components/GridTreeSelect";
import { ListTable } from "../../components/ListTable";
import { QueryError } from "../../components/QueryError";
import { useDepartmentNames } from "../../departments/useDepartmentNames";
import { useGridNames } from "../../grids/useGridNames";
import {
  categoryLabel,
  deadlinePhaseLabel,
  priorityLabel,
  sourceLabel,
  stageLabel,
} from "../../i18n/domain-labels";
import { formatTime } from "../../time/formatTime";
import { BulkTransferModal } from "./BulkTransferModal";
import { CaseMap } from "./CaseMap";
import { PRIORITY_COLORS, stageColor } from "./caseLabels";
import "./cases.css";

/** The filters of the list, without paging and the inbox flag: what the export link carries. */
function filterOf({ page: _page, pageSize: _size, todo: _todo, ...filter }: CaseListParams): CaseFilter {
  return filter;
}

/** The case list; `inbox` shows only the cases the caller may act on now (the server decides, from the machine). */
export function CaseListScene({ mode }: { mode: "inbox" | "all" }) {
  const { t } = useTranslation();
  const gridNames = useGridNames();
  const departmentNames = useDepartmentNames();
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
  // the server refuses an export past its limit; say so here instead of sending the user to an error
  const tooMany = meta.data !== undefined && (cases.data?.total ?? 0) > meta.data.exportMaxRows;
  const refilter = (patch: Partial<CaseFilter>) => setParams((p) => ({ ...p, ...patch, page: 1 }));

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
    {
      key: "category",
      title: t("cases.list.category"),
      className: "case-col-category",
      responsive: ["md"],
      render: (_, c) => categoryLabel(t, c.category, c.categoryName),
    },
    {
      key: "stage",
      title: t("cases.list.stage"),
      className: "case-col-stage",
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
              {deadlinePhaseLabel(t, c.deadline.phase, c.deadline.phaseName)}
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
      render: (_, c) => gridNames.path(c.gridId, c.gridName, c.townshipName),
    },
    {
      key: "department",
      title: t("cases.list.department"),
      className: "case-col-department",
      responsive: ["xl"],
      render: (_, c) =>
        c.assignedDepartmentName && departmentNames.name(c.assignedDepartmentId, c.assignedDepartmentName),
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
      <div className="case-filters">
        <Flex gap={8} wrap align="center">
          <Input.Search
            allowClear
            className="case-filter-search"
            placeholder={t("cases.list.search")}
            onSearch={(q) => refilter({ q: q.trim() || undefined })}
          />
          {mode === "all" && (
            <Select
              allowClear
              className="case-filter-stage"
              placeholder={t("cases.list.stage")}
              options={meta.data?.stages.map((s) => ({
                value: s.code,
                label: stageLabel(t, s.code, s.name),
              }))}
              onChange={(stage?: string) => refilter({ stage })}
            />
          )}
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            className="case-filter-category"
            placeholder={t("cases.list.category")}
            options={meta.data?.categories.map((c) => ({
              value: c.code,
              label: categoryLabel(t, c.code, c.name),
            }))}
            onChange={(category?: string) => refilter({ category })}
          />
          <GridTreeSelect
            allowClear
            className="case-filter-grid"
            placeholder={t("cases.list.gridFilter")}
            value={params.gridId}
            onChange={(gridId?: number) => refilter({ gridId })}
          />
          <Select<number>
            allowClear
            showSearch
            optionFilterProp="label"
            className="case-filter-department"
            placeholder={t("cases.list.departmentFilter")}
            value={params.departmentId}
            options={meta.data?.departments.map((d) => ({ value: d.id, label: departmentNames.label(d) }))}
            onChange={(departmentId?: number) => refilter({ departmentId })}
          />
        </Flex>
        <Flex gap={8} wrap align="center">
          <Select
            allowClear
            className="case-filter-source"
            placeholder={t("cases.list.source")}
            value={params.source}
            options={meta.data?.sources.map((s) => ({
              value: s.code,
              label: sourceLabel(t, s.code, s.name),
            }))}
            onChange={(source?: string) => refilter({ source })}
          />
          <Select
            allowClear
            className="case-filter-priority"
            placeholder={t("cases.list.priority")}
            value={params.priority}
            options={meta.data?.priorities.map((p) => ({ value: p.code, label: priorityLabel(t, p.code) }))}
            onChange={(priority?: string) => refilter({ priority })}
          />
          <DatePicker.RangePicker
            className="case-filter-range"
            placeholder={[t("cases.list.reportedFrom"), t("cases.list.reportedTo")]}
            onChange={(range) => {
              const [a, b] = [range?.[0], range?.[1]];
              refilter(
                a && b
                  ? { from: a.format("YYYY-MM-DD"), to: b.format("YYYY-MM-DD") }
                  : { from: undefined, to: undefined },
              );
            }}
          />
          <Flex gap={4} align="center">
            <Switch
              size="small"
              checked={params.overdue ?? false}
              onChange={(overdue) => refilter({ overdue })}
            />
            {t("cases.list.overdueOnly")}
          </Flex>
          {mode === "all" && (
            <Flex gap={4} align="center">
              <Switch size="small" checked={params.open ?? false} onChange={(open) => refilter({ open })} />
              {t("cases.list.openOnly")}
            </Flex>
          )}
          <div className="case-filters-spacer" />
          {transferable && (
            <Button onClick={() => setBulk(true)} data-testid="bulk-transfer">
              {t("cases.bulk.transfer", { count: selected.length })}
            </Button>
          )}
          <Segmented
            value={view}
            onChange={(v) => setView(v as "table" | "map")}
            options={[
              { value: "table", label: t("cases.list.table") },
              { value: "map", label: t("cases.list.map") },
            ]}
          />
          {mode === "all" && (
            <Tooltip
              title={
                tooMany
                  ? t("cases.list.exportTooMany", { max: meta.data?.exportMaxRows })
                  : t("cases.list.exportHint")
              }
            >
              <ExportButton
                className="case-export"
                url={caseExportUrl(filterOf(params))}
                fallbackName="cases.xlsx"
                disabled={tooMany}
              >
                {t("cases.list.export")}
              </ExportButton>
            </Tooltip>
          )}
        </Flex>
      </div>
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
      <ListTable<CaseSummary>
        phoneWrap={["title"]}
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
