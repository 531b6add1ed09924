import { Type } from "@sinclair/typebox";
import { updateWorkCalendarYear } from "../../commands/work-calendar-updater.ts";
import { forbidden } from "../../errors.ts";
import { actorOf } from "../../plugins/auth.ts";
import { allow } from "../../policies/allow.ts";
import { loadWorkCalendarData } from "../../queries/work-calendar.ts";
import { AnyObject, CalendarDay, errorResponses } from "../shared-schemas.ts";
import type { App, RouteDeps } from "../types.ts";

const IsoDate = CalendarDay("YYYY-MM-DD, a real day of the calendar");

/** Within this many days of the last loaded year's end, the calendar asks for the next year's notice. */
const WARN_DAYS_BEFORE_END = 90;

export function workCalendarRoutes(app: App, { database, now }: RouteDeps): void {
  app.get(
    "/api/work-calendar",
    {
      schema: {
        tags: ["work-calendar"],
        summary: "工作日历（法定节假日与调休）",
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!allow(actor, "case.read") && !allow(actor, "settings.manage")) throw forbidden();
      const data = await loadWorkCalendarData(database.db);
      const years = Object.keys(data.years).map(Number).sort();
      const last = years.at(-1) ?? null;
      const t = now();
      const lastDay = last === null ? null : Date.UTC(last, 11, 31, 16); // 24:00 Shanghai
      const needsNextYear = lastDay === null || lastDay - t.getTime() < WARN_DAYS_BEFORE_END * 86_400_000;
      return {
        years: years.map((y) => ({
          year: y,
          source: data.sources[String(y)],
          ...data.years[String(y)],
          ...data.versions[String(y)],
        })),
        lastLoadedYear: last,
        warnDaysBeforeEnd: WARN_DAYS_BEFORE_END,
        warning: needsNextYear
          ? `工作日历只录入到${last ?? "（无）"}年，请尽快录入${(last ?? new Date().getUTCFullYear()) + 1}年国务院节假日安排；未录入年份暂按周一至周五计算期限。`
          : null,
      };
    },
  );

  app.put(
    "/api/work-calendar/:year",
    {
      config: { permission: "settings.manage" },
      schema: {
        tags: ["work-calendar"],
        summary: "录入或修改某年的节假日安排（系统管理员）",
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        body: Type.Object(
          {
            source: Type.String({ minLength: 2, maxLength: 300 }),
            version: Type.Optional(Type.Integer({ minimum: 1 })),
            holidays: Type.Record(
              Type.String({ minLength: 1, maxLength: 30 }),
              Type.Array(IsoDate, { maxItems: 20 }),
            ),
            workdays: Type.Array(IsoDate, { maxItems: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return updateWorkCalendarYear(
        { db: database.db, actor, ip: request.ip },
        request.params.year,
        request.body,
      );
    },
  );
}
