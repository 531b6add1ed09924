import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Form, InputNumber, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CaseSummary, useCaseMeta } from "../../api/cases";
import { request } from "../../api/client";
import { useErrorText } from "../../api/errorText";
import { useDepartmentNames } from "../../departments/useDepartmentNames";

/**
 * 批量移交: one transfer per selected case, each on the version the list showed, so a case someone else moved in
 * the meantime is refused (409) and reported rather than overwritten.
 */
export function BulkTransferModal({ cases, onClose }: { cases: CaseSummary[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const meta = useCaseMeta();
  const departmentNames = useDepartmentNames();
  const [form] = Form.useForm<{ departmentId: number; handlingDays?: number }>();
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);

  const submit = async (v: { departmentId: number; handlingDays?: number }) => {
    setBusy(true);
    const failed: string[] = [];
    for (const c of cases) {
      try {
        await request("POST", `/api/cases/${c.id}/transitions`, {
          action: "transfer",
          version: c.version,
          departmentId: v.departmentId,
          ...(v.handlingDays ? { handlingDays: v.handlingDays } : {}),
        });
      } catch (e) {
        failed.push(`${c.trackingNo}：${errorText(e)}`);
      }
    }
    setBusy(false);
    void client.invalidateQueries({ queryKey: ["cases"] });
    const done = cases.length - failed.length;
    void message.success(t("cases.bulk.done", { done, total: cases.length }));
    if (failed.length === 0) onClose();
    else setFailures(failed);
  };

  return (
    <Modal
      open
      title={t("cases.bulk.title", { count: cases.length })}
      okText={t("common.ok")}
      cancelText={t("common.close")}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failures.length > 0 && (
        <Alert type="warning" showIcon title={failures.join("；")} style={{ marginBottom: 12 }} />
      )}
      <Typography.Paragraph type="secondary">
        {cases.map((c) => c.trackingNo).join("、")}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="departmentId"
          label={t("cases.form.department")}
          rules={[{ required: true, message: t("cases.form.required") }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={meta.data?.departments.map((d) => ({ value: d.id, label: departmentNames.label(d) }))}
          />
        </Form.Item>
        <Form.Item name="handlingDays" label={t("cases.form.handlingDays")}>
          <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
