import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, Tag, TreeSelect } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../../api/errorText";
import {
  type AdminGridSummary,
  type GridEdit,
  type GridVersionEntry,
  useGridHistory,
  useMoveGrid,
  useRetireGrid,
  useUpdateGrid,
} from "../../api/gridAdmin";
import { useGrid } from "../../api/grids";
import type { GridKind } from "../../api/types";
import { ListTable } from "../../components/ListTable";
import { useMe } from "../../components/MeContext";
import { QueryError } from "../../components/QueryError";
import { gridName } from "../../grids/gridName";
import { useGridNames } from "../../grids/useGridNames";
import { kindLabel, levelLabel } from "../../i18n/labels";
import { formatTime } from "../../time/formatTime";
import type { ChosenBoundary } from "./BoundaryUpload";
import { BoundaryUpload } from "./BoundaryUpload";
import { GridFields, translatedName } from "./CreateGridModal";
import { canManage, parentOptions } from "./gridAdminTree";

interface Props {
  grid: AdminGridSummary;
  grids: readonly AdminGridSummary[];
}

/** One grid: its facts, the edit form, move and retire (for those who manage it), and its history. */
export function GridAdminPanel({ grid, grids }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const detail = useGrid(grid.id);
  const gridNames = useGridNames();
  const parentName = detail.data?.parentName;
  const numbers = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  const manageable = canManage(me, grid.id) && grid.retiredAt === null;

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={gridName(grid, i18n.language)} className="grid-admin-details">
        {grid.retiredAt && <Alert type="warning" showIcon title={t("gridAdmin.details.retiredReadOnly")} />}
        {!grid.retiredAt && !canManage(me, grid.id) && (
          <Alert type="info" showIcon title={t("gridAdmin.details.managedAbove")} />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          style={{ marginTop: 8 }}
          items={[
            { key: "code", label: t("grid.code"), children: grid.code },
            { key: "level", label: t("grid.level"), children: levelLabel(t, grid.level) },
            { key: "kind", label: t("grid.kind"), children: kindLabel(t, grid.kind) },
            {
              key: "parent",
              label: t("grid.parent"),
              children: parentName ? gridNames.name(grid.parentId, parentName) : "—",
            },
            {
              key: "area",
              label: t("grid.area"),
              children: detail.data?.areaKm2 == null ? "—" : numbers.format(detail.data.areaKm2),
            },
            { key: "version", label: t("gridAdmin.details.version"), children: grid.version },
            ...(grid.retiredAt
              ? [
                  {
                    key: "retired",
                    label: t("gridAdmin.details.retiredAt"),
                    children: formatTime(grid.retiredAt),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {manageable && <EditCard key={grid.version} grid={grid} />}
      {manageable && (
        <Flex gap={12} wrap>
          <MoveCard key={grid.version} grid={grid} grids={grids} />
          <RetireCard grid={grid} />
        </Flex>
      )}
      <HistoryCard gridId={grid.id} />
    </Flex>
  );
}

type EditValues = {
  code: string;
  name: string;
  nameUg?: string | null;
  nameEn?: string | null;
  kind: GridKind;
  boundary?: ChosenBoundary;
};

function EditCard({ grid }: { grid: AdminGridSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const update = useUpdateGrid();
  const [form] = Form.useForm<EditValues>();

  const submit = (values: EditValues) => {
    const edit: GridEdit = { version: grid.version };
    if (values.code !== grid.code) edit.code = values.code;
    if (values.name !== grid.name) edit.name = values.name;
    for (const field of ["nameUg", "nameEn"] as const) {
      const value = translatedName(values[field]);
      if (value !== grid[field]) edit[field] = value;
    }
    if (values.kind !== grid.kind) edit.kind = values.kind;
    if (values.boundary) edit.boundary = values.boundary.geometry;
    if (Object.keys(edit).length === 1) {
      void message.info(t("gridAdmin.form.nothingChanged"));
      return;
    }
    update.mutate(
      { id: grid.id, ...edit },
      { onSuccess: () => void message.success(t("gridAdmin.form.saved")) },
    );
  };

  return (
    <Card size="small" title={t("gridAdmin.form.title")}>
      {update.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(update.error)}
          style={{ marginBottom: 12 }}
          className="grid-edit-error"
        />
      )}
      <Form<EditValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        initialValues={{
          code: grid.code,
          name: grid.name,
          nameUg: grid.nameUg,
          nameEn: grid.nameEn,
          kind: grid.kind,
        }}
        className="grid-edit-form"
      >
        <Flex gap={12} wrap className="grid-edit-fields">
          <GridFields />
        </Flex>
        <Form.Item name="boundary" label={t("gridAdmin.form.boundary")}>
          <BoundaryUpload />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t("gridAdmin.form.save")}
        </Button>
      </Form>
    </Card>
  );
}

function MoveCard({ grid, grids }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const move = useMoveGrid();
  const [parentId, setParentId] = useState<number | undefined>();
  const options = useMemo(
    () => parentOptions(grids, i18n.language, grid.id),
    [grids, i18n.language, grid.id],
  );

  const parent = grids.find((g) => g.id === parentId);
  const submit = () => {
    if (parentId === undefined) return;
    // mutateAsync, not mutate's callbacks: the move refetches the tree, which may re-mount this card, and
    // TanStack Query drops the callbacks of an unmounted caller (the message never showed)
    return move.mutateAsync({ id: grid.id, parentId, version: grid.version }).then(
      (moved) =>
        void message.success(t("gridAdmin.move.done", { count: moved.moved, cases: moved.casesMoved })),
      (error: unknown) => void message.error(errorText(error)),
    );
  };
  // A move changes who may read the subtree's cases, so it is confirmed first; without a parent there is
  // nothing to confirm, only a hint.
  const needParent = () => {
    if (parentId === undefined) void message.warning(t("gridAdmin.move.parentRequired"));
  };

  return (
    <Card size="small" title={t("gridAdmin.move.title")} style={{ flex: "1 1 320px" }}>
      <Flex gap={8}>
        <TreeSelect<number>
          showSearch
          treeNodeFilterProp="title"
          treeData={options}
          value={parentId}
          onChange={setParentId}
          placeholder={t("gridAdmin.move.parent")}
          className="grid-move-parent"
          style={{ flex: 1, minWidth: 0 }}
        />
        <Popconfirm
          disabled={parent === undefined}
          title={t("gridAdmin.move.confirm", {
            name: gridName(grid, i18n.language),
            parent: parent ? gridName(parent, i18n.language) : "",
          })}
          okText={t("common.ok")}
          cancelText={t("common.cancel")}
          onConfirm={submit}
        >
          <Button onClick={needParent} loading={move.isPending}>
            {t("gridAdmin.move.submit")}
          </Button>
        </Popconfirm>
      </Flex>
    </Card>
  );
}

function RetireCard({ grid }: { grid: AdminGridSummary }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const retire = useRetireGrid();
  const [reason, setReason] = useState("");

  const confirm = () =>
    retire.mutateAsync({ id: grid.id, version: grid.version, reason: reason.trim() || undefined }).then(
      () => void message.success(t("gridAdmin.retire.done")),
      (error: unknown) => void message.error(errorText(error)),
    );

  return (
    <Card size="small" title={t("gridAdmin.retire.title")} style={{ flex: "1 1 320px" }}>
      <Flex gap={8}>
        <Input
          placeholder={t("gridAdmin.retire.reason")}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Popconfirm
          title={t("gridAdmin.retire.confirm", { name: gridName(grid, i18n.language) })}
          okText={t("common.ok")}
          cancelText={t("common.cancel")}
          okButtonProps={{ danger: true }}
          onConfirm={confirm}
        >
          <Button danger loading={retire.isPending} disabled={grid.childCount > 0}>
            {t("gridAdmin.retire.button")}
          </Button>
        </Popconfirm>
      </Flex>
      {grid.childCount > 0 && (
        <Alert type="info" showIcon title={t("gridAdmin.retire.hasChildren")} style={{ marginTop: 8 }} />
      )}
    </Card>
  );
}

function HistoryCard({ gridId }: { gridId: number }) {
  const { t, i18n } = useTranslation();
  const history = useGridHistory(gridId);
  const gridNames = useGridNames();
  const numbers = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  return (
    <Card size="small" title={t("gridAdmin.history.title")}>
      {history.isError && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
      <ListTable<GridVersionEntry>
        rowKey="version"
        size="small"
        loading={history.isPending}
        dataSource={history.data?.items}
        pagination={false}
        scroll={{ x: "max-content" }}
        columns={[
          {
            key: "version",
            title: t("gridAdmin.history.version"),
            render: (_, v) => (
              <>
                {v.version} {v.current && <Tag color="green">{t("gridAdmin.history.current")}</Tag>}
                {v.retiredAt && <Tag>{t("gridAdmin.details.retired")}</Tag>}
              </>
            ),
          },
          { key: "name", title: t("gridAdmin.history.name"), render: (_, v) => gridName(v, i18n.language) },
          { key: "code", title: t("gridAdmin.history.code"), dataIndex: "code" },
          {
            key: "parent",
            title: t("gridAdmin.history.parent"),
            render: (_, v) => (v.parentName ? gridNames.name(v.parentId, v.parentName) : "—"),
          },
          {
            key: "area",
            title: t("gridAdmin.history.area"),
            render: (_, v) => (v.areaKm2 === null ? "—" : numbers.format(v.areaKm2)),
          },
          { key: "from", title: t("gridAdmin.history.from"), render: (_, v) => formatTime(v.validFrom) },
          { key: "to", title: t("gridAdmin.history.to"), render: (_, v) => formatTime(v.validTo) || "—" },
        ]}
      />
    </Card>
  );
}
