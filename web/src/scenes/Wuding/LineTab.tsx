import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  type FormInstance,
  Modal,
  Popconfirm,
  Radio,
  type TableColumnsType,
  Tag,
} from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../../api/errorText";
import { type LineResource, useRetireLine, useSaveLine } from "../../api/wuding";
import type { Wuding } from "../../api/wudingTypes";
import { ListTable } from "../../components/ListTable";
import { levelLabel } from "../../i18n/labels";
import { lineScopeLabel } from "./wudingLabels";

interface Line {
  id: number;
  gridLevel: number | null;
  gridId: number | null;
  version: number;
}

interface Props<T extends Line, V extends object> {
  wuding: Wuding;
  resource: LineResource;
  items: T[];
  columns: TableColumnsType<T>;
  /** The form items for the line's content; the scope (level or grid) is asked here. */
  fields: (form: FormInstance<V>) => ReactNode;
  defaults: V;
  toValues: (line: T) => V;
  toBody: (values: V) => Record<string, unknown>;
}

type Target = "level" | "grid";

/**
 * A list of 五定 lines (duties, patrol tasks, reward/penalty rules) with add, edit and retire. Lines of the
 * district's list (per level) are editable by the district office; lines of this grid by its managers.
 */
export function LineTab<T extends Line, V extends object>(props: Props<T, V>) {
  const { wuding, resource, items, columns, fields, defaults, toValues, toBody } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const retire = useRetireLine(resource);
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const { manageLevelLines, manageGridLines } = wuding.policies;
  const editable = (line: T) => (line.gridLevel !== null ? manageLevelLines : manageGridLines);

  const allColumns: TableColumnsType<T> = [
    {
      key: "scope",
      title: t("wuding.line.appliesTo"),
      render: (_, line) => (
        <Tag color={line.gridLevel === null ? "blue" : undefined} variant="outlined">
          {lineScopeLabel(t, line)}
        </Tag>
      ),
    },
    ...columns,
  ];
  if (manageLevelLines || manageGridLines) {
    allColumns.push({
      key: "actions",
      title: t("wuding.line.actions"),
      render: (_, line) =>
        editable(line) && (
          <Flex gap={4}>
            <Button type="link" size="small" onClick={() => setEditing(line)}>
              {t("wuding.line.edit")}
            </Button>
            <Popconfirm
              title={t("wuding.line.confirmRetire")}
              okText={t("common.ok")}
              cancelText={t("common.cancel")}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                retire.mutateAsync({ id: line.id, version: line.version }).then(
                  () => void message.success(t("wuding.line.retired")),
                  (error: unknown) => void message.error(errorText(error)),
                )
              }
            >
              <Button type="link" size="small" danger>
                {t("wuding.line.retire")}
              </Button>
            </Popconfirm>
          </Flex>
        ),
    });
  }

  return (
    <>
      {(manageLevelLines || manageGridLines) && (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("wuding.line.add")}
          </Button>
        </Flex>
      )}
      <ListTable<T>
        rowKey="id"
        size="small"
        columns={allColumns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t("wuding.empty") }}
      />
      {editing !== null && (
        <LineModal<T, V>
          {...props}
          line={editing === "new" ? null : editing}
          targets={[
            ...(manageLevelLines ? ["level" as const] : []),
            ...(manageGridLines ? ["grid" as const] : []),
          ]}
          onClose={() => setEditing(null)}
          fields={fields}
          defaults={defaults}
          toValues={toValues}
          toBody={toBody}
        />
      )}
    </>
  );
}

function LineModal<T extends Line, V extends object>({
  wuding,
  resource,
  line,
  targets,
  fields,
  defaults,
  toValues,
  toBody,
  onClose,
}: Props<T, V> & { line: T | null; targets: Target[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<V & { target: Target }>();
  const save = useSaveLine(resource);

  const submit = (values: V & { target: Target }) => {
    const { target, ...content } = values;
    const body = toBody(content as unknown as V);
    const where = target === "level" ? { gridLevel: wuding.grid.level } : { gridId: wuding.grid.id };
    save.mutate(line ? { ...body, id: line.id, version: line.version } : { ...body, ...where }, {
      onSuccess: () => {
        void message.success(t("wuding.saved"));
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={line ? t("wuding.line.edit") : t("wuding.line.add")}
      okText={t("common.ok")}
      cancelText={t("common.cancel")}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {save.isError && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<V & { target: Target }>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          {
            ...(line ? toValues(line) : defaults),
            target: targets.includes("grid") ? "grid" : "level",
          } as V & { target: Target }
        }
      >
        {!line && (
          <Form.Item name="target" label={t("wuding.line.appliesTo")}>
            <Radio.Group
              options={targets.map((target) => ({
                value: target,
                label:
                  target === "level"
                    ? `${t("wuding.line.forLevel")}（${levelLabel(t, wuding.grid.level)}）`
                    : t("wuding.line.forGrid"),
              }))}
            />
          </Form.Item>
        )}
        {fields(form as unknown as FormInstance<V>)}
      </Form>
    </Modal>
  );
}
