import { Alert, App, Form, Input, Modal, Radio, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../../api/errorText";
import { useAssignPersonnel, useCandidates, useUpdatePersonnel } from "../../api/wuding";
import type { DutyRole, Personnel } from "../../api/wudingTypes";

interface Values {
  userId?: number;
  dutyRole: DutyRole;
  phone?: string;
  startsOn?: string;
  endsOn?: string;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Puts a person on the grid, or changes an assignment's post, duty phone or term. */
export function PersonnelModal({
  gridId,
  assignment,
  onClose,
}: {
  gridId: number;
  assignment: Personnel | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [query, setQuery] = useState("");
  const candidates = useCandidates(query, assignment === null);
  const assign = useAssignPersonnel(gridId);
  const update = useUpdatePersonnel();
  const saving = assign.isPending || update.isPending;
  const error = assign.error ?? update.error;

  const submit = (values: Values) => {
    const term = {
      dutyRole: values.dutyRole,
      phone: values.phone?.trim() || null,
      startsOn: values.startsOn?.trim() || undefined,
      endsOn: values.endsOn?.trim() || null,
    };
    const done = {
      onSuccess: () => {
        void message.success(t("wuding.saved"));
        onClose();
      },
    };
    if (assignment) update.mutate({ ...term, id: assignment.id, version: assignment.version }, done);
    else assign.mutate({ ...term, userId: values.userId as number }, done);
  };

  const dateRule = { pattern: datePattern, message: "YYYY-MM-DD" };
  return (
    <Modal
      open
      title={assignment ? t("wuding.person.edit") : t("wuding.person.add")}
      okText={t("common.ok")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          assignment
            ? {
                dutyRole: assignment.dutyRole,
                phone: assignment.dutyPhone ?? "",
                startsOn: assignment.startsOn,
                endsOn: assignment.endsOn ?? "",
              }
            : { dutyRole: "member" }
        }
      >
        {assignment ? (
          <Form.Item label={t("wuding.person.pick")}>{assignment.displayName}</Form.Item>
        ) : (
          <Form.Item
            name="userId"
            label={t("wuding.person.pick")}
            rules={[{ required: true, message: t("wuding.person.userRequired") }]}
          >
            <Select<number>
              showSearch={{ filterOption: false, onSearch: setQuery }}
              placeholder={t("wuding.person.pickPlaceholder")}
              loading={candidates.isFetching}
              options={candidates.data?.items.map((c) => ({
                value: c.id,
                label: `${c.displayName}（${c.username}${c.phone ? ` · ${c.phone}` : ""}）`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="dutyRole" label={t("wuding.person.role")}>
          <Radio.Group
            options={[
              { value: "head", label: t("wuding.dutyRoles.head") },
              { value: "member", label: t("wuding.dutyRoles.member") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t("wuding.person.dutyPhone")}
          rules={[{ pattern: /^[0-9+\- ]{3,32}$/, message: t("users.phonePattern") }]}
        >
          <Input inputMode="tel" maxLength={32} />
        </Form.Item>
        <Form.Item name="startsOn" label={t("wuding.person.startsOn")} rules={[dateRule]}>
          <Input placeholder="YYYY-MM-DD" maxLength={10} />
        </Form.Item>
        <Form.Item name="endsOn" label={t("wuding.person.endsOn")} rules={[dateRule]}>
          <Input placeholder="YYYY-MM-DD" maxLength={10} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
