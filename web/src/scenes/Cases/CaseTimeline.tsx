import { Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { TimelineEntry } from "../../api/cases";
import { actionLabel, stageLabel } from "../../i18n/domain-labels";
import { formatTime } from "../../time/formatTime";

/** Fields of an event's data worth showing, in this order. */
const SHOWN = [
  "reason",
  "summary",
  "note",
  "departmentName",
  "leadDepartmentName",
  "participantDepartmentNames",
  "assigneeName",
  "targetTrackingNo",
  "days",
  "handlingDays",
  "explanation",
] as const;

function describe(e: TimelineEntry): string {
  const parts: string[] = [];
  for (const key of SHOWN) {
    const value = e.data[key];
    if (value === undefined || value === null || value === "") continue;
    parts.push(Array.isArray(value) ? value.join("、") : String(value));
  }
  return parts.join("；");
}

export function CaseTimeline({ events }: { events: TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      className="case-timeline"
      items={[...events].reverse().map((e) => {
        let title: string;
        if (e.kind === "transition" && e.action) title = actionLabel(t, e.action, e.actionName);
        else if (e.kind === "created") title = stageLabel(t, "reported");
        else if (e.kind === "escalated")
          title = t("cases.detail.escalation", { level: String(e.data.level ?? 1) });
        else if (e.kind === "evidence_added") title = t("cases.detail.evidence");
        else if (e.kind === "routing_override") title = t("cases.detail.routing");
        else title = e.kind;
        const color =
          e.kind === "escalated"
            ? "red"
            : e.kind === "transition"
              ? "blue"
              : e.kind === "created"
                ? "green"
                : "gray";
        return {
          key: e.id,
          color,
          content: (
            <div data-kind={e.kind} data-action={e.action ?? undefined}>
              <Typography.Text strong>{title}</Typography.Text>
              {e.toStage && e.kind === "transition" && (
                <Typography.Text type="secondary">
                  {" "}
                  → {stageLabel(t, e.toStage, e.toStageName)}
                </Typography.Text>
              )}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(e.at)} · {e.actorName ?? t("cases.detail.system")}
                </Typography.Text>
              </div>
              {describe(e) && <div>{describe(e)}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
