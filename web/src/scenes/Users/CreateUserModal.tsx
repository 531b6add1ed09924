import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../../api/errorText";
import type { NewUser, RoleCode } from "../../api/types";
import { useCreateUser, useDepartments } from "../../api/users";
import { GridTreeSelect } from "../../components/GridTreeSelect";
import { useDepartmentNames } from "../../departments/useDepartmentNames";
import { roleCodes, roleLabel } from "../../i18n/labels";
import { departmentRoles, gridRoles } from "./roleScopes";

/** Mounted only while open, so each opening starts with an empty form. */
export function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<NewUser>();
  const role = Form.useWatch("role", form) as RoleCode | undefined;
  const needsGrid = role !== undefined && gridRoles.has(role);
  const needsDepartment = role !== undefined && departmentRoles.has(role);
  const departments = useDepartments(needsDepartment);
  const departmentNames = useDepartmentNames();
  const create = useCreateUser();

  const submit = (values: NewUser) =>
    create.mutate(
      { ...values, phone: values.phone || undefined },
      {
        onSuccess: () => {
          void message.success(t("users.createdDone"));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t("users.create")}
      okText={t("common.ok")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {create.isError && (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<NewUser> form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item
          name="username"
          label={t("users.username")}
          rules={[
            { required: true, message: t("users.usernameRequired") },
            { min: 2, message: t("users.usernamePattern") },
            { pattern: /^[A-Za-z0-9_.-]+$/, message: t("users.usernamePattern") },
          ]}
        >
          <Input name="username" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("users.displayName")}
          rules={[{ required: true, whitespace: true, message: t("users.displayNameRequired") }]}
        >
          <Input name="displayName" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t("users.phone")}
          rules={[{ pattern: /^[0-9+\- ]*$/, message: t("users.phonePattern") }]}
        >
          <Input name="phone" inputMode="tel" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("users.password")}
          extra={t("users.passwordHint")}
          rules={[{ required: true, message: t("users.passwordRequired") }]}
        >
          <Input.Password name="password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t("users.role")}
          rules={[{ required: true, message: t("users.roleRequired") }]}
        >
          <Select<RoleCode> options={roleCodes.map((code) => ({ value: code, label: roleLabel(t, code) }))} />
        </Form.Item>
        {needsGrid && (
          <Form.Item
            name="gridId"
            label={t("users.grid")}
            rules={[{ required: true, message: t("users.gridRequired") }]}
          >
            <GridTreeSelect />
          </Form.Item>
        )}
        {needsDepartment && (
          <Form.Item
            name="departmentId"
            label={t("users.department")}
            rules={[{ required: true, message: t("users.departmentRequired") }]}
          >
            <Select<number>
              showSearch
              optionFilterProp="label"
              loading={departments.isPending}
              status={departments.isError ? "error" : undefined}
              options={departments.data?.items.map((d) => ({ value: d.id, label: departmentNames.label(d) }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
