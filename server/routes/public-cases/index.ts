import { sql } from "drizzle-orm";
import type { PublicCaseProgress } from "../../../api-types/public-cases.ts";
import { rows } from "../../db/client.ts";
import type { CaseStage } from "../../domain/cases/case-state.ts";
import { matterCategory } from "../../domain/cases/matter-categories.ts";
import { PUBLIC_PROGRESS } from "../../domain/cases/public-progress.ts";
import { notFound } from "../../errors.ts";
import { isoOf } from "../../queries/case-row.ts";
import type { App, RouteDeps } from "../types.ts";
import { publicCaseProgressSchema } from "./schema.ts";

export function publicCaseRoutes(app: App, { database }: RouteDeps): void {
  app.get(
    "/api/public/cases/:trackingNo",
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: "1 minute" } },
      schema: publicCaseProgressSchema,
    },
    async (request): Promise<PublicCaseProgress> => {
      const [c] = await rows<{
        trackingNo: string;
        category: string;
        stage: CaseStage;
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
        category: c.category,
        categoryName: matterCategory(c.category)?.name ?? c.category,
        progress: PUBLIC_PROGRESS[c.stage],
        reportedAt: c.reportedAt,
        repliedAt: c.repliedAt,
        closedAt: c.closedAt,
        result: c.disclosedAt ? c.disclosureSummary : null,
      };
    },
  );
}
