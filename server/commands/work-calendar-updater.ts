import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import {
  type CalendarYearData,
  calendarDataErrors,
  sameCalendarYear,
} from "../domain/calendar/work-calendar.ts";
import { AppError, forbidden } from "../errors.ts";
import { assertAllowed } from "../policies/allow.ts";
import { loadWorkCalendarData } from "../queries/work-calendar.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";

/** Advisory lock id of loading a calendar year (with the year as the second key). */
const CALENDAR_YEAR_LOCK = 727400;

/**
 * Loads (or corrects) one year of the State Council holiday notice. The whole year is replaced in one
 * transaction; invalid data (a date outside the year, a weekday listed as a worked weekend…) is refused with
 * the problems in words. Correcting a loaded year takes the version it was edited from (409 otherwise).
 * Deadlines already computed keep their value; new ones use the new calendar.
 */
export async function updateWorkCalendarYear(
  ctx: CommandContext,
  year: number,
  input: CalendarYearData & { source: string; version?: number },
): Promise<{ year: number; version: number }> {
  if (!ctx.actor) throw forbidden();
  assertAllowed(ctx.actor, "settings.manage");
  const errors = calendarDataErrors({ years: { [String(year)]: input } });
  if (errors.length > 0)
    throw new AppError("invalid_calendar", 422, "节假日安排有误，请检查后重试", "Invalid calendar data", {
      errors,
    });
  return ctx.db.transaction(async (tx) => {
    // one load of a year at a time: a year not loaded yet has no row to lock
    await tx.execute(sql`select pg_advisory_xact_lock(${CALENDAR_YEAR_LOCK}, ${year})`);
    const stored = await loadWorkCalendarData(tx);
    const before = stored.years[String(year)] ?? null;
    const [current] = await rows<{ version: number }>(
      tx,
      sql`select version from work_calendar_years where year = ${year}`,
    );
    if (current && input.version === undefined) {
      // the same notice loaded again (a double tap, a retry) changes nothing; another one needs the version
      // it was edited from, or one of two administrators loading the year at once would silently lose
      if (before && stored.sources[String(year)] === input.source && sameCalendarYear(before, input))
        return { year, version: current.version };
      throw new AppError(
        "calendar_year_loaded",
        409,
        `${year}年的节假日安排已录入（第 ${current.version} 版），请刷新后在最新版本上修改`,
        `The ${year} calendar is already loaded (version ${current.version}); reload and edit that version`,
        { version: current.version },
      );
    }
    if (current && input.version !== current.version)
      throw new AppError(
        "stale_version",
        409,
        "日历已被他人修改，请刷新后重试",
        "The calendar changed; reload",
      );
    const version = (current?.version ?? 0) + 1;
    await tx.execute(
      sql`insert into work_calendar_years (year, source, version, updated_at) values (${year}, ${input.source}, ${version}, now())
          on conflict (year) do update set source = excluded.source, version = excluded.version, updated_at = now()`,
    );
    await tx.execute(
      sql`delete from work_calendar_days where day >= make_date(${year}, 1, 1) and day < make_date(${year} + 1, 1, 1)`,
    );
    const days = [
      ...Object.entries(input.holidays).flatMap(([name, dates]) =>
        dates.map((d) => sql`(${d}::date, 'holiday', ${name})`),
      ),
      ...input.workdays.map((d) => sql`(${d}::date, 'workday', null)`),
    ];
    if (days.length > 0)
      await tx.execute(
        sql`insert into work_calendar_days (day, kind, name) values ${sql.join(days, sql`, `)}`,
      );
    await recordAudit(tx, ctx, {
      action: "work_calendar.update",
      entityType: "work_calendar_year",
      entityId: year,
      before,
      after: { source: input.source, holidays: input.holidays, workdays: input.workdays },
    });
    return { year, version };
  });
}
