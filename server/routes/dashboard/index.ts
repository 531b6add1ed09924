import { currentQuarter } from "../../domain/kpi/period.ts";
import { badRequest } from "../../errors.ts";
import { actorOf } from "../../plugins/auth.ts";
import { assertAllowed } from "../../policies/allow.ts";
import { districtKpis } from "../../queries/dashboard-kpis.ts";
import { AnyObject, errorResponses } from "../shared-schemas.ts";
import type { App, RouteDeps } from "../types.ts";
import { KpiQuery } from "./schema.ts";

/** Longest period one request may ask for: ten years of days. */
const MAX_PERIOD_DAYS = 3660;

export function dashboardRoutes(app: App, { database, now }: RouteDeps): void {
  app.get(
    "/api/dashboard/kpis",
    {
      config: { permission: "dashboard.read" },
      schema: {
        tags: ["dashboard"],
        summary: "考核指标：受理、办结、按期办结率、逾期、来源、各乡镇（默认本季度）",
        querystring: KpiQuery,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      assertAllowed(actor, "dashboard.read");
      const at = now();
      const quarter = currentQuarter(at);
      const period = { from: request.query.from ?? quarter.from, to: request.query.to ?? quarter.to };
      const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
      if (!(days >= 0))
        throw badRequest(
          "invalid_period",
          "开始日期不能晚于结束日期",
          "The period must not end before it starts",
        );
      if (days > MAX_PERIOD_DAYS)
        throw badRequest("period_too_long", "统计周期不能超过十年", "The period may not exceed ten years");
      return districtKpis(database.db, actor.scope, period, at);
    },
  );
}
