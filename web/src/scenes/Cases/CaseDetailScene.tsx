import { ArrowLeftOutlined, FilePdfOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Empty, Flex, Image, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { type CaseDetail, useCase } from "../../api/cases";
import { PageLoading } from "../../components/PageLoading";
import { QueryError } from "../../components/QueryError";
import { useDepartmentNames } from "../../departments/useDepartmentNames";
import { useGridNames } from "../../grids/useGridNames";
import {
  actionLabel,
  categoryLabel,
  deadlinePhaseLabel,
  handlingResultLabel,
  petitionChannelLabel,
  priorityLabel,
  sourceLabel,
  stageLabel,
  supervisionLevelLabel,
} from "../../i18n/domain-labels";
import { formatTime } from "../../time/formatTime";
import { ActionPanel } from "./ActionPanel";
import { CaseTimeline } from "./CaseTimeline";
import { PRIORITY_COLORS, stageColor } from "./caseLabels";
import { ReporterBox } from "./ReporterBox";
import { useRoutingExplanation } from "./useRoutingExplanation";
import "./cases.css";

export function CaseDetailScene() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const query = useCase(id);
  const explain = useRoutingExplanation();
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;

  return (
    <Flex vertical gap={16} className="case-detail" data-case-id={c.id} data-stage={c.stage}>
      <Card>
        <Flex justify="space-between" wrap gap={8}>
          <Space wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => void navigate(-1)}
              aria-label={t("cases.detail.back")}
            />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {c.title}
            </Typography.Title>
            <Tag color={stageColor(c.stage)} data-testid="case-stage">
              {stageLabel(t, c.stage, c.stageName)}
            </Tag>
            <Tag color={PRIORITY_COLORS[c.priority]}>
              {priorityLabel(t, c.priority)} ·{" "}
              {supervisionLevelLabel(t, c.supervisionLevel, c.supervisionLevelName)}
            </Tag>
            {c.overdue && <Tag color="red">{t("cases.list.overdue")}</Tag>}
            {c.escalationLevel > 0 && <Tag color="volcano">{t("cases.list.escalated")}</Tag>}
          </Space>
          <Typography.Text copyable type="secondary">
            {c.trackingNo}
          </Typography.Text>
        </Flex>
      </Card>
      <div className="case-detail-grid">
        <Flex vertical gap={16}>
          <Card title={t("cases.detail.actions")}>
            {c.pendingExtension && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t("cases.detail.pendingExtension", {
                  days: c.pendingExtension.days,
                  reason: c.pendingExtension.reason,
                })}
              />
            )}
            <ActionPanel detail={c} />
          </Card>
          <Card title={t("cases.detail.description")}>
            <Typography.Paragraph>{c.description}</Typography.Paragraph>
            <Alert
              type="info"
              title={t("cases.detail.routing")}
              description={<span className="case-routing-explanation">{explain(c.routing)}</span>}
            />
          </Card>
          <Card title={t("cases.detail.evidence")}>
            <Evidence detail={c} />
          </Card>
          <Card title={t("cases.detail.timeline")}>
            <CaseTimeline events={c.timeline} />
          </Card>
        </Flex>
        <Card>
          <Facts detail={c} />
        </Card>
      </div>
    </Flex>
  );
}

function Facts({ detail: c }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const gridNames = useGridNames();
  const departmentNames = useDepartmentNames();
  const deadline = c.deadline;
  return (
    <Descriptions column={1} size="small" className="case-facts">
      <Descriptions.Item label={t("cases.detail.deadline")}>
        {deadline ? (
          <Flex vertical>
            <Typography.Text className={c.overdue ? "case-overdue" : undefined} strong>
              {formatTime(deadline.dueAt)}
            </Typography.Text>
            <Typography.Text type="secondary">
              {deadlinePhaseLabel(t, deadline.phase, deadline.phaseName)} ·{" "}
              {deadline.limitKind === "hours"
                ? t("cases.detail.hours", { count: deadline.limit })
                : t("cases.detail.workingDays", { count: deadline.limit })}
            </Typography.Text>
          </Flex>
        ) : (
          "—"
        )}
      </Descriptions.Item>
      {c.closeDueAt && (
        <Descriptions.Item label={t("cases.detail.closeDue")}>{formatTime(c.closeDueAt)}</Descriptions.Item>
      )}
      <Descriptions.Item label={t("cases.detail.source")}>
        {sourceLabel(t, c.source, c.sourceName)}
        {c.petitionChannel && ` · ${petitionChannelLabel(t, c.petitionChannel, c.petitionChannelName)}`}
      </Descriptions.Item>
      {c.patrol && (
        <Descriptions.Item label={t("cases.detail.patrol")}>
          <span className="case-patrol">
            {t("cases.detail.patrolOf", {
              member: c.patrol.memberName,
              time: formatTime(c.patrol.startedAt),
            })}
          </span>
        </Descriptions.Item>
      )}
      {c.object && (
        <Descriptions.Item label={t("cases.detail.object")}>
          <Link className="case-object" to={`/objects/${c.object.id}`}>
            {c.object.name}
          </Link>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t("cases.list.category")}>
        {categoryLabel(t, c.category, c.categoryName)}
      </Descriptions.Item>
      <Descriptions.Item label={t("cases.list.grid")}>
        {gridNames.path(c.gridId, c.gridName, c.townshipName)}
      </Descriptions.Item>
      {c.assignedDepartmentName && (
        <Descriptions.Item label={t("cases.detail.handler")}>
          {departmentNames.name(c.assignedDepartmentId, c.assignedDepartmentName)}
        </Descriptions.Item>
      )}
      {c.participantDepartments.length > 0 && (
        <Descriptions.Item label={t("cases.detail.participants")}>
          {c.participantDepartments.map((d) => departmentNames.name(d.id, d.name)).join("、")}
        </Descriptions.Item>
      )}
      {c.handlingResult && (
        <Descriptions.Item label={t("cases.detail.handlingResult")}>
          {handlingResultLabel(t, c.handlingResult, c.handlingResultName)}
        </Descriptions.Item>
      )}
      {c.verifier && (
        <Descriptions.Item label={t("cases.detail.verifier")}>{c.verifier.name}</Descriptions.Item>
      )}
      {c.rejectionReason && (
        <Descriptions.Item label={t("cases.detail.rejectionReason")}>{c.rejectionReason}</Descriptions.Item>
      )}
      {c.mergedInto && (
        <Descriptions.Item label={t("cases.detail.mergedInto")}>
          <Link to={`/cases/${c.mergedInto.id}`}>{c.mergedInto.trackingNo}</Link>
        </Descriptions.Item>
      )}
      {c.disputeParties && (
        <Descriptions.Item label={t("cases.report.partyA")}>
          {c.disputeParties.map((p) => `${p.name}${p.role ? `（${p.role}）` : ""}`).join("；")}
        </Descriptions.Item>
      )}
      {c.reporter.kind === "official" ? (
        // an official report names its filer when the API knows them (an imported or system case may not):
        // no empty row
        c.reporter.displayName ? (
          <Descriptions.Item label={t("cases.detail.filedBy")}>
            <span className="case-filed-by">{c.reporter.displayName}</span>
          </Descriptions.Item>
        ) : null
      ) : (
        <Descriptions.Item label={t("cases.detail.reporter")}>
          <ReporterBox caseId={c.id} reporter={c.reporter} />
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t("cases.detail.reportedAt")}>{formatTime(c.reportedAt)}</Descriptions.Item>
      {c.address && <Descriptions.Item label={t("cases.detail.address")}>{c.address}</Descriptions.Item>}
      <Descriptions.Item label={t("cases.detail.location")}>
        {c.location.lng.toFixed(5)}, {c.location.lat.toFixed(5)}
      </Descriptions.Item>
      {c.disclosureSummary && (
        <Descriptions.Item label={actionLabel(t, "disclose")}>{c.disclosureSummary}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

function Evidence({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  if (detail.evidence.length === 0) return <Empty description={t("cases.detail.noEvidence")} />;
  return (
    <div className="case-evidence">
      <Image.PreviewGroup>
        {detail.evidence.map((e) => {
          // a resident's upload is the reporter's, in the reader's language; the record keeps 举报人
          const uploader = e.uploaderKind ? t(`cases.detail.actorKinds.${e.uploaderKind}`) : e.uploadedByName;
          return (
            <figure key={e.id} className="case-evidence-item">
              {e.mime === "application/pdf" ? (
                <a href={`/api/evidence/${e.id}`} target="_blank" rel="noreferrer">
                  <FilePdfOutlined /> PDF #{e.id}
                </a>
              ) : (
                <Image
                  width={96}
                  height={72}
                  src={`/api/evidence/${e.id}`}
                  alt={e.note ?? `#${e.id}`}
                  data-evidence-id={e.id}
                />
              )}
              {uploader && (
                <figcaption className="case-evidence-uploader">
                  {t("cases.detail.uploadedBy", { name: uploader })}
                </figcaption>
              )}
            </figure>
          );
        })}
      </Image.PreviewGroup>
    </div>
  );
}
