import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Form, Input, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuditLog, useVerifyAudit } from "../../api/audit";
import type { AuditEntry } from "../../api/types";
import { QueryError } from "../../components/QueryError";
import { formatTime } from "../../time/formatTime";
import { AuditChanges } from "./AuditChanges";
import { AuditVerifyResult } from "./AuditVerifyResult";
import "./audit.css";

interface Filters {
  action: string;
  actor: string;
}

const noFilters: Filters = { action: "", actor: "" };

export function AuditScene() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Filters>();
  const [params, setParams] = useState({ page: 1, pageSize: 20, ...noFilters });
  const log = useAuditLog(params);
  const verify = useVerifyAudit();

  const columns: TableColumnsType<AuditEntry> = [
    { key: "at", title: t("audit.time"), render: (_, e) => formatTime(e.at), width: 190 },
    { key: "actor", title: t("audit.actor"), render: (_, e) => e.actorName ?? e.actorId ?? "—" },
    { key: "action", title: t("audit.action"), dataIndex: "action" },
    {
      key: "entity",
      title: t("audit.entity"),
      render: (_, e) =>
        e.entityType ? `${e.entityType}${e.entityId === null ? "" : ` #${e.entityId}`}` : "—",
    },
    { key: "ip", title: t("audit.ip"), dataIndex: "ip", responsive: ["md"] },
  ];

  const applyFilters = (filters: Filters) =>
    setParams((p) => ({
      ...p,
      page: 1,
      action: filters.action?.trim() ?? "",
      actor: filters.actor?.trim() ?? "",
    }));

  return (
    <Card>
      <Flex gap={8} wrap justify="space-between" align="start" style={{ marginBottom: 16 }}>
        <Form<Filters> form={form} layout="inline" onFinish={applyFilters} initialValues={noFilters}>
          <Form.Item name="action" label={t("audit.action")}>
            <Input name="action" allowClear placeholder={t("audit.actionPlaceholder")} />
          </Form.Item>
          <Form.Item name="actor" label={t("audit.actor")}>
            <Input name="actor" allowClear placeholder={t("audit.actorPlaceholder")} />
          </Form.Item>
          <Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit">
                {t("audit.search")}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  applyFilters(noFilters);
                }}
              >
                {t("audit.reset")}
              </Button>
            </Flex>
          </Form.Item>
        </Form>
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
        >
          {t("audit.verify")}
        </Button>
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
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={log.data?.items}
        loading={log.isFetching}
        scroll={{ x: "max-content" }}
        expandable={{ expandedRowRender: (entry) => <AuditChanges entry={entry} /> }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: log.data?.total ?? 0,
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
