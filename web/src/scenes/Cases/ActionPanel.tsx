import { UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Typography,
  Upload,
  type UploadFile,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CaseDetail, uploadEvidence, useCaseMeta, useDuplicates, useTransition } from "../../api/cases";
import { useErrorText } from "../../api/errorText";
import { useDepartmentNames } from "../../departments/useDepartmentNames";
import { actionLabel, handlingResultLabel } from "../../i18n/domain-labels";

/** The form each action needs; actions without one only ask for confirmation. */
type Field =
  | "reason"
  | "summary"
  | "department"
  | "handlingDays"
  | "lead"
  | "participants"
  | "days"
  | "result"
  | "photos"
  | "assignee"
  | "passed"
  | "note"
  | "target";

const FORMS: Record<string, Field[]> = {
  reject: ["reason"],
  merge_into: ["target"],
  transfer: ["department", "handlingDays"],
  return_transfer: ["reason"],
  organize_joint: ["lead", "participants"],
  request_extension: ["days", "reason"],
  deny_extension: ["reason"],
  record_handling: ["result", "summary", "photos"],
  give_feedback: ["summary"],
  reply_to_reporter: ["summary"],
  request_verification: ["assignee"],
  record_verification: ["passed", "note", "photos"],
  disclose: ["summary"],
};

const BODY_KEY: Record<Field, keyof Values | null> = {
  reason: "reason",
  summary: "summary",
  department: "departmentId",
  handlingDays: "handlingDays",
  lead: "leadDepartmentId",
  participants: "participantDepartmentIds",
  days: "days",
  result: "result",
  photos: null,
  assignee: "assigneeId",
  passed: "passed",
  note: "note",
  target: "targetCaseId",
};

const DANGER = new Set(["reject", "return_transfer", "deny_extension"]);

interface Values {
  reason?: string;
  summary?: string;
  departmentId?: number;
  handlingDays?: number;
  leadDepartmentId?: number;
  participantDepartmentIds?: number[];
  days?: number;
  result?: string;
  assigneeId?: number;
  passed?: boolean;
  note?: string;
  targetCaseId?: number;
}

/** One button per action the server says the caller may take now, each with its form and a confirmation. */
export function ActionPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const transition = useTransition(detail.id);
  const [active, setActive] = useState<string | null>(null);

  const run = (action: string, body: Record<string, unknown>) =>
    transition.mutateAsync({ action, version: detail.version, ...body }).then(() => {
      void message.success(t("cases.form.done", { action: actionLabel(t, action) }));
      setActive(null);
    });

  const start = (action: string) => {
    if (FORMS[action]) {
      transition.reset();
      setActive(action);
      return;
    }
    modal.confirm({
      title: t("cases.form.confirmTitle"),
      content: t("cases.form.confirmContent", { action: actionLabel(t, action) }),
      okText: t("common.ok"),
      cancelText: t("common.cancel"),
      onOk: () => run(action, {}).catch(() => {}),
    });
  };

  if (detail.allowedActions.length === 0)
    return <Typography.Text type="secondary">{t("cases.detail.noActions")}</Typography.Text>;
  return (
    <>
      <ActionError error={active ? null : transition.error} />
      <div className="case-actions">
        {detail.allowedActions.map((action) => (
          <Button
            key={action}
            data-action={action}
            type={DANGER.has(action) ? "default" : "primary"}
            danger={DANGER.has(action)}
            loading={transition.isPending && transition.variables?.action === action}
            onClick={() => start(action)}
          >
            {actionLabel(t, action)}
          </Button>
        ))}
      </div>
      {active && (
        <ActionModal
          action={active}
          detail={detail}
          pending={transition.isPending}
          error={transition.error}
          onSubmit={(body) => run(active, body)}
          onClose={() => setActive(null)}
        />
      )}
    </>
  );
}

function ActionError({ error }: { error: unknown }) {
  const errorText = useErrorText();
  if (!error) return null;
  return <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 8 }} />;
}

function ActionModal({
  action,
  detail,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  action: string;
  detail: CaseDetail;
  pending: boolean;
  error: unknown;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const errorText = useErrorText();
  const meta = useCaseMeta();
  const departmentNames = useDepartmentNames();
  const fields = FORMS[action] ?? [];
  const duplicates = useDuplicates(detail.id, fields.includes("target"));
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const photosRequired = action === "record_verification";
  const departments = meta.data?.departments ?? [];
  const departmentOptions = departments.map((d) => ({ value: d.id, label: departmentNames.label(d) }));

  const submit = (values: Values) => {
    modal.confirm({
      title: t("cases.form.confirmTitle"),
      content: t("cases.form.confirmContent", { action: actionLabel(t, action) }),
      okText: t("common.ok"),
      cancelText: t("common.cancel"),
      onOk: async () => {
        setUploadError(null);
        let evidenceIds: number[] | undefined;
        if (fields.includes("photos")) {
          setUploading(true);
          try {
            evidenceIds = [];
            for (const f of files)
              if (f.originFileObj) evidenceIds.push((await uploadEvidence(detail.id, f.originFileObj)).id);
          } catch (e) {
            setUploadError(e);
            return;
          } finally {
            setUploading(false);
          }
        }
        // only the fields of this action, never form helpers
        const body: Record<string, unknown> = {};
        for (const field of fields) {
          const key = BODY_KEY[field];
          const value = key ? values[key] : undefined;
          if (key && value !== undefined && value !== null) body[key] = value;
        }
        await onSubmit({ ...body, ...(evidenceIds ? { evidenceIds } : {}) }).catch(() => {});
      },
    });
  };

  const initial: Values = {
    departmentId: detail.routing.departmentIds[0],
    leadDepartmentId: detail.routing.departmentIds[0],
    participantDepartmentIds: detail.routing.departmentIds.slice(1),
    passed: true,
  };
  const required = { required: true, message: t("cases.form.required") };
  const requiredText = { required: true, whitespace: true, message: t("cases.form.required") };

  return (
    <Modal
      open
      title={actionLabel(t, action)}
      okText={t("common.ok")}
      cancelText={t("common.cancel")}
      confirmLoading={pending || uploading}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ "data-testid": "action-submit" } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      {(error !== null || uploadError !== null) && (
        <Alert type="error" showIcon title={errorText(uploadError ?? error)} style={{ marginBottom: 12 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        className={`action-form-${action}`}
      >
        {fields.includes("target") && (
          <Form.Item name="targetCaseId" label={t("cases.form.target")} rules={[required]}>
            <Select
              loading={duplicates.isPending}
              options={duplicates.data?.items.map((d) => ({
                value: d.id,
                label: `${d.trackingNo} ${d.title}（${t("cases.detail.distance", { meters: d.distanceMeters })}）`,
              }))}
            />
          </Form.Item>
        )}
        {fields.includes("department") && (
          <Form.Item name="departmentId" label={t("cases.form.department")} rules={[required]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={departmentOptions}
              data-testid="department-select"
            />
          </Form.Item>
        )}
        {fields.includes("handlingDays") && (
          <Form.Item name="handlingDays" label={t("cases.form.handlingDays")}>
            <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        {fields.includes("lead") && (
          <Form.Item name="leadDepartmentId" label={t("cases.form.lead")} rules={[required]}>
            <Select showSearch optionFilterProp="label" options={departmentOptions} />
          </Form.Item>
        )}
        {fields.includes("participants") && (
          <Form.Item name="participantDepartmentIds" label={t("cases.form.participants")} rules={[required]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={departmentOptions} />
          </Form.Item>
        )}
        {fields.includes("days") && (
          <Form.Item name="days" label={t("cases.form.days")} rules={[required]}>
            <InputNumber
              min={1}
              max={meta.data?.extension.maxDays ?? 30}
              precision={0}
              style={{ width: 160 }}
            />
          </Form.Item>
        )}
        {fields.includes("result") && (
          <Form.Item name="result" label={t("cases.form.result")} rules={[required]}>
            <Radio.Group
              options={meta.data?.handlingResults.map((r) => ({
                value: r.code,
                label: handlingResultLabel(t, r.code, r.name),
              }))}
              optionType="button"
            />
          </Form.Item>
        )}
        {fields.includes("assignee") && (
          <Form.Item name="assigneeId" label={t("cases.form.assignee")} rules={[required]}>
            <Select
              options={detail.verifierCandidates.map((v) => ({
                value: v.id,
                label: `${v.displayName}（${v.gridName}）`,
              }))}
            />
          </Form.Item>
        )}
        {fields.includes("passed") && (
          <Form.Item name="passed" label={t("cases.form.passed")} rules={[required]}>
            <Radio.Group
              options={[
                { value: true, label: t("cases.form.passedYes") },
                { value: false, label: t("cases.form.passedNo") },
              ]}
            />
          </Form.Item>
        )}
        {fields.includes("reason") && (
          <Form.Item name="reason" label={t("cases.form.reason")} rules={[requiredText]}>
            <Input.TextArea name="reason" rows={3} maxLength={1000} />
          </Form.Item>
        )}
        {fields.includes("summary") && (
          <Form.Item name="summary" label={t("cases.form.summary")} rules={[requiredText]}>
            <Input.TextArea name="summary" rows={3} maxLength={4000} />
          </Form.Item>
        )}
        {fields.includes("note") && (
          <Form.Item name="note" label={t("cases.form.note")} rules={[requiredText]}>
            <Input.TextArea name="note" rows={3} maxLength={1000} />
          </Form.Item>
        )}
        {fields.includes("photos") && (
          <Form.Item
            label={t("cases.form.photos")}
            required={photosRequired}
            rules={
              photosRequired
                ? [
                    {
                      validator: () =>
                        files.length > 0
                          ? Promise.resolve()
                          : Promise.reject(new Error(t("cases.form.photosRequired"))),
                    },
                  ]
                : []
            }
            name="photosCheck"
          >
            <Upload
              accept="image/jpeg,image/png,image/webp,application/pdf"
              listType="picture"
              multiple
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button icon={<UploadOutlined />}>{t("cases.form.photos")}</Button>
            </Upload>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
