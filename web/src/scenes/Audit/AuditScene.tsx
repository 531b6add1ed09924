import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Flex, Form, Input, Select, type TableColumnsType, Tooltip } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS } from "../../../../server/domain/audit-actions";
import { type AuditFilters, auditExportUrl, useAuditLog, useVerifyAudit } from "../../api/audit";
import type { AuditEntry } from "../../api/types";
import { ExportButton } from "../../components/ExportButton";
import { ListTable } from "../../components/ListTable";
import { QueryError } from "../../components/QueryError";
import { auditActionLabel, auditEntityLabel, auditGroupLabel } from "../../i18n/labels";
import { formatTime } from "../../time/formatTime";
import { AuditChanges } from "./AuditChanges";
import { AuditVerifyResult } from "./AuditVerifyResult";
import "./audit.css";

/** What the form holds; the RangePicker's values are whatever date objects antd gives (only `format` is used). */
interface FormValues {
  action?: string;
  actor?: string;
  days?: [{ format(pattern: string): string } | null, { format(pattern: string): string } | null] | null;
}

function filtersOf(values: FormValues): AuditFilters {
  const [first, last] = values.days ?? [];
  const range = first && last ? { from: first.format("YYYY-MM-DD"), to: last.format("YYYY-MM-DD") } : {};
  return { action: values.action || undefined, actor: values.actor?.trim() || undefined, ...range };
}

export function AuditScene() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const log = useAuditLog({ ...page, ...filters });
  const verify = useVerifyAudit();

  // A group ("case.": every case action) first, then its actions, each in words; the value is what the API reads.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels change with the language
  const actionOptions = useMemo(
    () =>
      AUDIT_ACTION_GROUPS.map((group) => ({
        label: auditGroupLabel(t, group),
        title: group,
        options: [
          { value: `${group}.`, label: t("audit.actionGroupAll", { group: auditGroupLabel(t, group) }) },
          ...AUDIT_ACTIONS.filter((a) => a.startsWith(`${group}.`)).map((a) => ({
            value: a,
            label: auditActionLabel(t, a),
          })),
        ],
      })),
    [t, i18n.language],
  );

  const columns: TableColumnsType<AuditEntry> = [
    { key: "at", title: t("audit.time"), render: (_, e) => formatTime(e.at), width: 190 },
    { key: "actor", title: t("audit.actor"), render: (_, e) => e.actorName ?? e.actorId ?? "—" },
    {
      key: "action",
      title: t("audit.action"),
      render: (_, e) => (
        <span className="audit-action" data-code={e.action} title={e.action}>
          {auditActionLabel(t, e.action)}
        </span>
      ),
    },
    {
      key: "entity",
      title: t("audit.entity"),
      render: (_, e) => (
        <span className="audit-entity" data-type={e.entityType ?? ""}>
          {auditEntityLabel(t, e.entityType, e.entityId)}
        </span>
      ),
    },
    { key: "ip", title: t("audit.ip"), dataIndex: "ip", responsive: ["md"] },
  ];

  const applyFilters = (values: FormValues) => {
    setFilters(filtersOf(values));
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <Card>
      <Flex gap={8} wrap justify="space-between" align="start" style={{ marginBottom: 16 }}>
        <Form<FormValues> form={form} layout="inline" onFinish={applyFilters} className="audit-filters">
          <Form.Item name="action" label={t("audit.action")}>
            <Select
              className="audit-action-filter"
              allowClear
              showSearch={{
                // by the words shown or by the code itself
                filterOption: (input, option) =>
                  `${option?.label ?? ""} ${option && "value" in option ? option.value : ""}`
                    .toLowerCase()
                    .includes(input.toLowerCase()),
              }}
              placeholder={t("audit.actionPlaceholder")}
              options={actionOptions}
              style={{ width: 200 }}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item name="actor" label={t("audit.actor")}>
            <Input name="actor" allowClear placeholder={t("audit.actorPlaceholder")} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="days" label={t("audit.time")}>
            <DatePicker.RangePicker
              className="audit-range"
              placeholder={[t("audit.rangeStart"), t("audit.rangeEnd")]}
              allowEmpty={[false, false]}
            />
          </Form.Item>
          <Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit">
                {t("audit.search")}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  applyFilters({});
                }}
              >
                {t("audit.reset")}
              </Button>
            </Flex>
          </Form.Item>
        </Form>
        <Flex gap={8} wrap>
          <Tooltip title={t("audit.exportHint")}>
            {/* what is on screen: the filters last applied */}
            <ExportButton
              className="audit-export"
              url={auditExportUrl(filters)}
              fallbackName="audit-log.xlsx"
            >
              {t("audit.export")}
            </ExportButton>
          </Tooltip>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t("audit.verify")}
          </Button>
        </Flex>
      </Flex>
      {verify.data && (
        <div className="audit-notice">
          <AuditVerifyResult result={verify.data} />
        </div>
      )}
      {verify.isError && (
        <div className="audit-notice">
          <QueryError error={verify.error} />
        </div>
      )}
      {log.isError && <QueryError error={log.error} onRetry={() => void log.refetch()} />}
      <ListTable<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={log.data?.items}
        loading={log.isFetching}
        scroll={{ x: "max-content" }}
        expandable={{ expandedRowRender: (entry) => <AuditChanges entry={entry} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common.total", { total }),
        }}
        onChange={(pagination) =>
          setPage((p) => ({
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? p.pageSize,
          }))
        }
      />
    </Card>
  );
}
