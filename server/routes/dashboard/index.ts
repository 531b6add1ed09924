import type { KpiPeriod } from "../../domain/kpi/period.ts";
import { currentQuarter } from "../../domain/kpi/period.ts";
import { badRequest } from "../../errors.ts";
import { actorOf } from "../../plugins/auth.ts";
import { assertAllowed } from "../../policies/allow.ts";
import { departmentKpiReach } from "../../policies/department-kpi-reach.ts";
import { districtKpis } from "../../queries/dashboard-kpis.ts";
import { departmentKpis } from "../../queries/department-kpis.ts";
import { patrolCompletionReport } from "../../queries/patrol-completion.ts";
import { AnyObject, errorResponses } from "../shared-schemas.ts";
import type { App, RouteDeps } from "../types.ts";
import { KpiQuery } from "./schema.ts";

/** Longest period one request may ask for: ten years of days. */
const MAX_PERIOD_DAYS = 3660;

/** The period asked for (the current quarter by default), checked. */
function periodOf(query: { from?: string; to?: string }, at: Date): KpiPeriod {
  const quarter = currentQuarter(at);
  const period = { from: query.from ?? quarter.from, to: query.to ?? quarter.to };
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
  if (!(days >= 0))
    throw badRequest(
      "invalid_period",
      "开始日期不能晚于结束日期",
      "The period must not end before it starts",
    );
  if (days > MAX_PERIOD_DAYS)
    throw badRequest("period_too_long", "统计周期不能超过十年", "The period may not exceed ten years");
  return period;
}

export function dashboardRoutes(app: App, { database, now }: RouteDeps): void {
  const kpiRoute = (
    summary: string,
    permission: "dashboard.read" | "department_kpis.read" = "dashboard.read",
  ) => ({
    config: { permission },
    schema: {
      tags: ["dashboard"],
      summary,
      querystring: KpiQuery,
      response: { 200: AnyObject, ...errorResponses },
    },
  });

  app.get(
    "/api/dashboard/kpis",
    kpiRoute("考核指标：受理、办结、按期办结率、逾期、来源、各乡镇（默认本季度）"),
    async (request) => {
      const actor = actorOf(request);
      assertAllowed(actor, "dashboard.read");
      const at = now();
      return districtKpis(database.db, actor.scope, periodOf(request.query, at), at);
    },
  );

  app.get(
    "/api/dashboard/departments",
    kpiRoute(
      "各部门考核指标：接收移交、结案率、按期结案率、在办、逾期、返工率、延期率（默认本季度）",
      "department_kpis.read",
    ),
    async (request) => {
      const actor = actorOf(request);
      assertAllowed(actor, "department_kpis.read");
      const at = now();
      return departmentKpis(database.db, departmentKpiReach(actor), periodOf(request.query, at), at);
    },
  );

  app.get(
    "/api/dashboard/patrols",
    kpiRoute("巡查完成率：按定任务规则应巡与实巡次数，各乡镇及合计（默认本季度）"),
    async (request) => {
      const actor = actorOf(request);
      assertAllowed(actor, "dashboard.read");
      const at = now();
      return patrolCompletionReport(database.db, actor.scope, periodOf(request.query, at), at);
    },
  );
}
