import { Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { TimelineEntry } from "../../api/cases";
import { useDepartmentNames } from "../../departments/useDepartmentNames";
import { useGridNames } from "../../grids/useGridNames";
import { actionLabel, stageLabel } from "../../i18n/domain-labels";
import { formatTime } from "../../time/formatTime";
import { eventText } from "./eventText";
import { actorText, seededAssignee } from "./timelineActor";
import { useRoutingExplanation } from "./useRoutingExplanation";

export function CaseTimeline({ events }: { events: TimelineEntry[] }) {
  const { t } = useTranslation();
  const departmentNames = useDepartmentNames();
  const gridNames = useGridNames();
  const names = { grid: gridNames.name, department: departmentNames.name };
  const explain = useRoutingExplanation();
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
        // a routing override's explanation, in the reader's language when stored with its code
        const explanation = e.data.explanation;
        const data: Record<string, unknown> =
          typeof explanation === "string"
            ? { ...e.data, explanation: explain({ ...e.data, explanation }) }
            : { ...e.data };
        const assignee = seededAssignee(e.data);
        if (assignee) data.assigneeName = actorText(t, assignee, names);
        const text = eventText(data, departmentNames.name);
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
                  {formatTime(e.at)} ·{" "}
                  {actorText(
                    t,
                    {
                      kind: e.actorKind,
                      grid: e.actorGrid,
                      department: e.actorDepartment,
                      name: e.actorName,
                    },
                    names,
                  )}
                </Typography.Text>
              </div>
              {text && <div>{text}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
