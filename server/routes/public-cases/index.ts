import { Type } from "@sinclair/typebox";
import { sql } from "drizzle-orm";
import { rows } from "../../db/client.ts";
import { matterCategory } from "../../domain/cases/matter-categories.ts";
import { notFound } from "../../errors.ts";
import { isoOf } from "../../queries/case-row.ts";
import type { App, RouteDeps } from "../types.ts";

/** What the public sees while following a report: progress in plain words, never names, places or people. */
const PUBLIC_PROGRESS: Record<string, string> = {
  reported: "已收到，待受理",
  accepted: "已受理",
  rejected: "不予受理",
  merged: "已与同一问题的其他举报合并办理",
  registered: "已立案",
  transferred: "已移交主管部门",
  joint_investigation: "多部门联合办理中",
  handling: "办理中",
  handled: "已办理，待反馈",
  feedback_given: "已反馈，待核查",
  verifying: "现场核查中",
  verified: "核查通过，待办结",
  closed: "已办结",
};

export function publicCaseRoutes(app: App, { database }: RouteDeps): void {
  app.get(
    "/api/public/cases/:trackingNo",
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: "1 minute" } },
      schema: {
        tags: ["public"],
        summary: "按查询编号查看举报办理进度（公开，无需登录，不含任何个人信息）",
        params: Type.Object({ trackingNo: Type.String({ pattern: "^GC\\d{8}[2-9A-Z]{6}$" }) }),
      },
    },
    async (request) => {
      const [c] = await rows<{
        trackingNo: string;
        category: string;
        stage: string;
        reportedAt: string;
        closedAt: string | null;
        repliedAt: string | null;
        disclosureSummary: string | null;
        disclosedAt: string | null;
      }>(
        database.db,
        sql`select tracking_no as "trackingNo", category, stage, ${isoOf("reported_at")} as "reportedAt",
                   ${isoOf("closed_at")} as "closedAt", ${isoOf("reporter_replied_at")} as "repliedAt",
                   disclosure_summary as "disclosureSummary", ${isoOf("disclosed_at")} as "disclosedAt"
              from cases where tracking_no = ${request.params.trackingNo}`,
      );
      if (!c) throw notFound();
      return {
        trackingNo: c.trackingNo,
        categoryName: matterCategory(c.category)?.name ?? c.category,
        progress: PUBLIC_PROGRESS[c.stage] ?? c.stage,
        reportedAt: c.reportedAt,
        repliedAt: c.repliedAt,
        closedAt: c.closedAt,
        result: c.disclosedAt ? c.disclosureSummary : null,
      };
    },
  );
}
