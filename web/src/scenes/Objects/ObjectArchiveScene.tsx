import { ArrowLeftOutlined, EditOutlined, StopOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useErrorText } from "../../api/errorText";
import { useGridGeoJson } from "../../api/grids";
import {
  type EmissionFigure,
  type ObjectDetail,
  type ObjectHistoryEntry,
  useObjectArchive,
  useRetireObject,
} from "../../api/objects";
import { ListTable } from "../../components/ListTable";
import { PageLoading } from "../../components/PageLoading";
import { QueryError } from "../../components/QueryError";
import { type GridNames, useGridNames } from "../../grids/useGridNames";
import { sourceLabel, stageLabel } from "../../i18n/domain-labels";
import { ObjectMiniMap } from "../../map/ObjectMiniMap";
import { gridText, statusColor, statusLabel, typeColor, typeLabel } from "../../objects/labels";
import { formatTime } from "../../time/formatTime";
import { ObjectFormModal } from "./ObjectFormModal";
import "./objects.css";

/** A check-in at this object (GET /api/objects/:id/archive, docs/patrol.md). */
interface ArchiveCase {
  id: number;
  trackingNo: string;
  title: string;
  stage: string;
  stageName: string;
  source: string;
  sourceName: string;
  reportedAt: string;
}

interface ArchivePatrol {
  patrolId: number;
  checkinId: number;
  at: string;
  memberName: string;
  distanceM: number;
  finding: string | null;
}

/** 一企一档: everything about one object on one page — details, place, emissions, history, and the
 * sections patrols and cases will fill. */
export function ObjectArchiveScene() {
  const { t } = useTranslation();
  const gridNames = useGridNames();
  const id = Number(useParams().id);
  const archive = useObjectArchive(id);
  const [editing, setEditing] = useState(false);

  if (archive.isError) return <QueryError error={archive.error} onRetry={() => void archive.refetch()} />;
  if (archive.isPending) return <PageLoading />;
  const { object, history, archive: slots } = archive.data;

  return (
    <div className="object-archive">
      <Card
        className="object-archive-header"
        title={
          <Space wrap>
            <Link to="/objects" aria-label={t("objects.archive.back")}>
              <ArrowLeftOutlined />
            </Link>
            <span className="object-archive-name">{object.name}</span>
            <Tag color={typeColor[object.type]}>{typeLabel(t, object.type)}</Tag>
            <Tag color={statusColor[object.status]}>{statusLabel(t, object.status)}</Tag>
            {object.keyUnit && <Tag color="red">{t("objects.fields.keyUnit")}</Tag>}
          </Space>
        }
        extra={
          <Space>
            {object.policies.update && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("objects.edit")}
              </Button>
            )}
            {object.policies.retire && <RetireButton object={object} />}
          </Space>
        }
      >
        <Typography.Text type="secondary">
          {t("objects.archive.title")} · {gridText(t, object, gridNames)} · {t("objects.fields.createdAt")}{" "}
          {formatTime(object.createdAt)}
        </Typography.Text>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t("objects.archive.basic")} size="small" className="archive-section archive-basic">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={detailItems(t, object, gridNames)} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <LocationCard object={object} />
        </Col>
        {object.type === "enterprise" && (
          <Col span={24}>
            <EmissionsCard emissions={object.emissions} />
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Card title={t("objects.archive.patrols")} size="small" className="archive-section archive-patrols">
            {slots.patrols.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("objects.archive.noPatrols")} />
            )}
            {(slots.patrols as ArchivePatrol[]).map((p) => (
              <div key={p.checkinId} className="archive-patrol" style={{ padding: "4px 0" }}>
                {formatTime(p.at)} · {p.memberName} · {p.distanceM} m
                {p.finding ? (
                  <Tag color="orange" style={{ marginInlineStart: 8 }}>
                    {p.finding}
                  </Tag>
                ) : null}
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("objects.archive.cases")} size="small" className="archive-section archive-cases">
            {slots.cases.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("objects.archive.noCases")} />
            )}
            {(slots.cases as ArchiveCase[]).map((c) => (
              <div key={c.id} className="archive-case" style={{ padding: "4px 0" }}>
                {formatTime(c.reportedAt)} · <Link to={`/cases/${c.id}`}>{c.title}</Link> ·{" "}
                <Typography.Text type="secondary">{sourceLabel(t, c.source, c.sourceName)}</Typography.Text>
                <Tag style={{ marginInlineStart: 8 }}>{stageLabel(t, c.stage, c.stageName)}</Tag>
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t("objects.archive.documents")}
            size="small"
            className="archive-section archive-documents"
          >
            {slots.documents.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("objects.archive.noDocuments")} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <HistoryCard history={history} />
        </Col>
      </Row>
      {editing && <ObjectFormModal object={object} onClose={() => setEditing(false)} />}
    </div>
  );
}

type T = ReturnType<typeof useTranslation>["t"];

function detailItems(
  typedT: T,
  o: ObjectDetail,
  gridNames: GridNames,
): NonNullable<DescriptionsProps["items"]> {
  // A plain translate function here: the fully typed `t` over every translation key makes TypeScript give
  // up on this many dynamic keys ("excessively deep"), and these keys come from data anyway.
  const t = typedT as unknown as (key: string) => string;
  const items: NonNullable<DescriptionsProps["items"]> = [
    { key: "grid", label: t("objects.fields.grid"), children: gridText(typedT, o, gridNames) },
    {
      key: "category",
      label: o.type === "enterprise" ? t("objects.fields.industry") : t("objects.fields.category"),
      children: o.category ?? "—",
    },
    { key: "address", label: t("objects.fields.address"), children: o.address ?? "—" },
    { key: "contact", label: t("objects.fields.contactName"), children: o.contactName ?? "—" },
    { key: "phone", label: t("objects.fields.contactPhone"), children: o.contactPhone ?? "—" },
  ];
  if (o.type === "enterprise") {
    items.push(
      { key: "uscc", label: t("objects.fields.uscc"), children: <span dir="ltr">{o.uscc}</span> },
      {
        key: "permit",
        label: t("objects.fields.permitNumber"),
        children: <span dir="ltr">{o.permitNumber ?? "—"}</span>,
      },
      { key: "pollutants", label: t("objects.fields.pollutants"), children: o.pollutants.join("、") || "—" },
    );
  }
  if (o.waterZoneLevel)
    items.push({
      key: "zone",
      label: t("objects.fields.waterZoneLevel"),
      children: t(`objects.zoneLevels.${o.waterZoneLevel}`),
    });
  if (o.riskLevel)
    items.push({
      key: "risk",
      label: t("objects.fields.riskLevel"),
      children: t(`objects.riskLevels.${o.riskLevel}`),
    });
  if (o.eiaStatus)
    items.push({
      key: "eia",
      label: t("objects.fields.eiaStatus"),
      children: t(`objects.eiaStatuses.${o.eiaStatus}`),
    });
  if (o.remediationStatus)
    items.push({
      key: "remediation",
      label: t("objects.fields.remediationStatus"),
      children: t(`objects.remediationStatuses.${o.remediationStatus}`),
    });
  items.push(
    { key: "created", label: t("objects.fields.createdAt"), children: formatTime(o.createdAt) },
    { key: "updated", label: t("objects.fields.updatedAt"), children: formatTime(o.updatedAt) },
  );
  if (o.retiredReason)
    items.push({ key: "retired", label: t("objects.fields.retiredReason"), children: o.retiredReason });
  return items;
}

function LocationCard({ object }: { object: ObjectDetail }) {
  const { t } = useTranslation();
  const gridNames = useGridNames();
  const grids = useGridGeoJson();
  const own = useMemo(
    () => grids.data?.features.filter((f) => f.properties.id === object.gridId) ?? [],
    [grids.data, object.gridId],
  );
  const point = object.location.type === "Point";
  return (
    <Card title={t("objects.archive.location")} size="small" className="archive-section archive-location">
      <ObjectMiniMap
        className="archive-map"
        geometry={object.location}
        type={object.type}
        grids={own}
        label={object.name}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {object.gridName ? gridText(t, object, gridNames) : t("objects.archive.unplaced")}
        {" · "}
        <span dir="ltr">
          {point
            ? `${object.lon.toFixed(5)}, ${object.lat.toFixed(5)}`
            : `${t("objects.fields.area")} ${object.areaKm2 ?? "—"}`}
        </span>
      </Typography.Paragraph>
    </Card>
  );
}

function EmissionsCard({ emissions }: { emissions: EmissionFigure[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t("objects.archive.emissions")} size="small" className="archive-section archive-emissions">
      <ListTable<EmissionFigure & { key: number }>
        size="small"
        pagination={false}
        dataSource={emissions.map((e, key) => ({ ...e, key }))}
        locale={{ emptyText: t("objects.archive.noEmissions") }}
        columns={[
          { key: "pollutant", title: t("objects.form.emissionPollutant"), dataIndex: "pollutant" },
          {
            key: "amount",
            title: t("objects.form.emissionAmount"),
            render: (_, e) => `${e.amount} ${e.unit}`,
          },
          { key: "year", title: t("objects.form.emissionYear"), render: (_, e) => e.year ?? "—" },
          {
            key: "disclosed",
            title: t("objects.form.emissionDisclosed"),
            render: (_, e) =>
              e.disclosed ? (
                <Tag color="green">{t("objects.archive.disclosed")}</Tag>
              ) : (
                <Tag>{t("objects.archive.notDisclosed")}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

const FIELD_KEYS = new Set([
  "name",
  "type",
  "address",
  "contactName",
  "contactPhone",
  "status",
  "category",
  "uscc",
  "permitNumber",
  "pollutants",
  "keyUnit",
  "emissions",
  "waterZoneLevel",
  "riskLevel",
  "eiaStatus",
  "remediationStatus",
  "location",
]);

function historyText(typedT: T, entry: ObjectHistoryEntry): string {
  const t = typedT as unknown as (key: string, options?: Record<string, unknown>) => string; // see detailItems
  if (entry.action === "object.replace") {
    const from = (entry.before?.gridName as string | undefined) ?? t("objects.archive.none");
    const to = (entry.after?.gridName as string | undefined) ?? t("objects.archive.none");
    return t("objects.archive.movedTo", { from, to });
  }
  if (entry.action === "object.update") {
    const fields = Object.keys(entry.after ?? {})
      .filter((k) => FIELD_KEYS.has(k))
      .map((k) => t(`objects.fields.${k as "name"}`));
    return fields.length > 0 ? t("objects.archive.changedFields", { fields: fields.join("、") }) : "";
  }
  if (entry.action === "object.retire") return (entry.after?.retiredReason as string | undefined) ?? "";
  return "";
}

function HistoryCard({ history }: { history: ObjectHistoryEntry[] }) {
  const { t } = useTranslation();
  const actionLabel = (action: string) =>
    action in ACTION_KEYS ? t(`objects.archive.actions.${action as keyof typeof ACTION_KEYS}`) : action;
  return (
    <Card title={t("objects.archive.history")} size="small" className="archive-section archive-history">
      {history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("objects.archive.noHistory")} />
      ) : (
        <Timeline
          items={history.map((entry) => ({
            key: entry.id,
            content: (
              <Flex vertical gap={2}>
                <Typography.Text strong>
                  {actionLabel(entry.action)} · {entry.actorName ?? t("cases.detail.system")}
                </Typography.Text>
                <Typography.Text type="secondary">{formatTime(entry.at)}</Typography.Text>
                {historyText(t, entry) && <Typography.Text>{historyText(t, entry)}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}

const ACTION_KEYS = {
  "object.create": true,
  "object.import": true,
  "object.update": true,
  "object.retire": true,
  "object.replace": true,
} as const;

function RetireButton({ object }: { object: ObjectDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const retire = useRetireObject(object.id);
  const [reason, setReason] = useState("");

  const confirm = () => {
    if (!reason.trim()) {
      void message.warning(t("objects.retire.reasonRequired"));
      return;
    }
    return retire.mutateAsync({ version: object.version, reason: reason.trim() }).then(
      () => void message.success(t("objects.retire.done")),
      (error: unknown) => void message.error(errorText(error)),
    );
  };

  return (
    <Popconfirm
      title={t("objects.retire.button")}
      description={
        <Space direction="vertical" style={{ maxWidth: 320 }}>
          <span>{t("objects.retire.confirm")}</span>
          <Input
            className="retire-reason"
            value={reason}
            maxLength={200}
            placeholder={t("objects.retire.reasonPlaceholder")}
            onChange={(e) => setReason(e.target.value)}
          />
        </Space>
      }
      okText={t("common.ok")}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: true, disabled: !reason.trim() }}
      onConfirm={confirm}
    >
      <Button danger icon={<StopOutlined />} loading={retire.isPending}>
        {t("objects.retire.button")}
      </Button>
    </Popconfirm>
  );
}
