import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../../api/errorText";
import { type AdminGridSummary, type NewGrid, useCreateGrid } from "../../api/gridAdmin";
import type { GridKind } from "../../api/types";
import { gridName } from "../../grids/gridName";
import { kindLabel } from "../../i18n/labels";
import { zhCN } from "../../i18n/zh-CN";
import { BoundaryUpload, type ChosenBoundary } from "./BoundaryUpload";

export const gridKinds = Object.keys(zhCN.kinds) as GridKind[];

type Values = Omit<NewGrid, "parentId" | "boundary"> & { boundary?: ChosenBoundary };

/** A translated name as the form holds it → as the API takes it: blank means none (null). */
export function translatedName(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

/** Mounted only while open, so each opening starts empty. */
export function CreateGridModal({
  parent,
  onClose,
  onCreated,
}: {
  parent: AdminGridSummary;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const create = useCreateGrid();

  const submit = ({ boundary, nameUg, nameEn, ...values }: Values) =>
    create.mutate(
      {
        ...values,
        nameUg: translatedName(nameUg),
        nameEn: translatedName(nameEn),
        parentId: parent.id,
        boundary: boundary?.geometry,
      },
      {
        onSuccess: (grid) => {
          void message.success(t("gridAdmin.create.done"));
          onCreated(grid.id);
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t("gridAdmin.create.title", { parent: gridName(parent, i18n.language) })}
      okText={t("common.ok")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {create.isError && (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <GridFields />
        <Form.Item name="boundary" label={t("gridAdmin.form.boundary")}>
          <BoundaryUpload />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Code, name, Uyghur and English names and kind: shared by the create and edit forms. */
export function GridFields({ disabled = false }: { disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="code"
        label={t("gridAdmin.form.code")}
        rules={[
          { required: true, message: t("gridAdmin.form.codeRequired") },
          { pattern: /^[A-Za-z0-9_.-]+$/, message: t("gridAdmin.form.codePattern") },
        ]}
      >
        <Input name="code" maxLength={64} disabled={disabled} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t("gridAdmin.form.name")}
        rules={[{ required: true, whitespace: true, message: t("gridAdmin.form.nameRequired") }]}
      >
        <Input name="name" maxLength={64} disabled={disabled} />
      </Form.Item>
      <Form.Item name="nameUg" label={t("gridAdmin.form.nameUg")}>
        <Input name="nameUg" maxLength={128} dir="rtl" lang="ug" disabled={disabled} />
      </Form.Item>
      <Form.Item name="nameEn" label={t("gridAdmin.form.nameEn")}>
        <Input name="nameEn" maxLength={128} dir="ltr" lang="en" disabled={disabled} />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t("gridAdmin.form.kind")}
        rules={[{ required: true, message: t("gridAdmin.form.kindRequired") }]}
      >
        <Select<GridKind>
          disabled={disabled}
          options={gridKinds.map((kind) => ({ value: kind, label: kindLabel(t, kind) }))}
        />
      </Form.Item>
    </>
  );
}
