import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Input, Select, Space, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  exportUrl,
  type ObjectFilter,
  type ObjectSummary,
  type ObjectType,
  objectTypes,
  templateUrl,
  useObjects,
} from "../../api/objects";
import { ExportButton } from "../../components/ExportButton";
import { GridTreeSelect } from "../../components/GridTreeSelect";
import { ListTable } from "../../components/ListTable";
import { useCan } from "../../components/MeContext";
import { QueryError } from "../../components/QueryError";
import { useGridNames } from "../../grids/useGridNames";
import {
  gridText,
  mainAttribute,
  statusColor,
  statusLabel,
  typeColor,
  typeLabel,
} from "../../objects/labels";
import { formatTime } from "../../time/formatTime";
import { ImportModal } from "./ImportModal";
import { ObjectFormModal } from "./ObjectFormModal";
import "./objects.css";

type KeyUnitChoice = "any" | "yes" | "no";
type StatusChoice = "live" | "retired" | "all" | "unplaced";

/** The register: search, filters, pagination; export of what is shown; import and registration for keepers. */
export function ObjectsScene() {
  const { t } = useTranslation();
  const gridNames = useGridNames();
  const canManage = useCan("object.manage");
  const [q, setQ] = useState("");
  const [type, setType] = useState<ObjectType | undefined>();
  const [gridId, setGridId] = useState<number | undefined>();
  const [keyUnit, setKeyUnit] = useState<KeyUnitChoice>("any");
  const [status, setStatus] = useState<StatusChoice>("live");
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const filter: ObjectFilter = {
    q: q || undefined,
    type,
    gridId,
    keyUnit: keyUnit === "any" ? undefined : keyUnit === "yes",
    status: status === "retired" ? "retired" : status === "all" ? "all" : undefined,
    unplaced: status === "unplaced" || undefined,
  };
  const objects = useObjects(filter, page.current, page.size);
  const refilter =
    <T,>(set: (v: T) => void) =>
    (value: T) => {
      set(value);
      setPage((p) => ({ ...p, current: 1 }));
    };

  const columns: TableColumnsType<ObjectSummary> = [
    {
      key: "name",
      title: t("objects.fields.name"),
      render: (_, o) => (
        <Space size={4} wrap>
          <Link to={`/objects/${o.id}`} className="object-link">
            {o.name}
          </Link>
          {o.keyUnit && <Tag color="red">{t("objects.list.keyUnitTag")}</Tag>}
        </Space>
      ),
    },
    {
      key: "type",
      title: t("objects.fields.type"),
      render: (_, o) => <Tag color={typeColor[o.type]}>{typeLabel(t, o.type)}</Tag>,
    },
    { key: "grid", title: t("objects.fields.grid"), render: (_, o) => gridText(t, o, gridNames) },
    {
      key: "attribute",
      title: t("objects.fields.attribute"),
      responsive: ["md"],
      render: (_, o) => <span dir="auto">{mainAttribute(t, o)}</span>,
    },
    { key: "category", title: t("objects.fields.category"), dataIndex: "category", responsive: ["lg"] },
    {
      key: "status",
      title: t("objects.fields.status"),
      render: (_, o) => <Tag color={statusColor[o.status]}>{statusLabel(t, o.status)}</Tag>,
    },
    {
      key: "updatedAt",
      title: t("objects.fields.updatedAt"),
      responsive: ["xl"],
      render: (_, o) => formatTime(o.updatedAt),
    },
  ];

  return (
    <Card title={t("objects.title")}>
      <Flex gap={8} wrap className="objects-toolbar">
        <Input.Search
          allowClear
          className="objects-search"
          placeholder={t("objects.list.searchPlaceholder")}
          onSearch={refilter((value: string) => setQ(value.trim()))}
        />
        <Select<ObjectType>
          allowClear
          className="objects-filter-type"
          placeholder={t("objects.list.allTypes")}
          value={type}
          onChange={refilter(setType)}
          options={objectTypes.map((value) => ({ value, label: typeLabel(t, value) }))}
        />
        <GridTreeSelect
          allowClear
          className="objects-filter-grid"
          placeholder={t("objects.list.allGrids")}
          value={gridId}
          onChange={refilter(setGridId)}
        />
        <Select<KeyUnitChoice>
          className="objects-filter-key"
          value={keyUnit}
          onChange={refilter(setKeyUnit)}
          options={[
            { value: "any", label: t("objects.list.keyUnitAny") },
            { value: "yes", label: t("objects.list.keyUnitYes") },
            { value: "no", label: t("objects.list.keyUnitNo") },
          ]}
        />
        <Select<StatusChoice>
          className="objects-filter-status"
          value={status}
          onChange={refilter(setStatus)}
          options={[
            { value: "live", label: t("objects.list.statusLive") },
            { value: "retired", label: t("objects.list.statusRetired") },
            { value: "all", label: t("objects.list.statusAll") },
            { value: "unplaced", label: t("objects.list.unplaced") },
          ]}
        />
        <div className="objects-toolbar-spacer" />
        <ExportButton url={exportUrl(filter)} fallbackName="objects.xlsx" className="objects-export">
          {t("objects.list.export")}
        </ExportButton>
        {canManage && (
          <>
            <Button icon={<DownloadOutlined />} href={templateUrl}>
              {t("objects.list.template")}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} className="objects-import">
              {t("objects.list.import")}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("objects.list.create")}
            </Button>
          </>
        )}
      </Flex>
      {objects.isError && <QueryError error={objects.error} onRetry={() => void objects.refetch()} />}
      <ListTable<ObjectSummary>
        rowKey="id"
        phoneWrap={["name"]}
        size="middle"
        className="objects-table"
        columns={columns}
        dataSource={objects.data?.items}
        loading={objects.isFetching}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("objects.list.empty") }}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: objects.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common.total", { total }),
        }}
        onChange={(p) => setPage({ current: p.current ?? 1, size: p.pageSize ?? page.size })}
      />
      {creating && <ObjectFormModal onClose={() => setCreating(false)} />}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
    </Card>
  );
}
