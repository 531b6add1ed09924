import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import type { WorkCalendarData } from "../domain/calendar/work-calendar.ts";
import { WorkCalendar } from "../domain/calendar/work-calendar.ts";
import type { CaseRules } from "../domain/cases/case-state.ts";
import { DEFAULT_DEADLINE_RULES, DEFAULT_EXTENSION_POLICY } from "../domain/cases/deadline-rules.ts";
import { isoUtc } from "./sql-time.ts";

/** The administrators' calendar table in the shape of cn-work-calendar.json. */
/** The calendar as loaded, with each year's notice (`sources`) and optimistic-lock version (`versions`). */
export type StoredWorkCalendar = WorkCalendarData & {
  sources: Record<string, string>;
  versions: Record<string, { version: number; updatedAt: string }>;
};

export async function loadWorkCalendarData(db: Db): Promise<StoredWorkCalendar> {
  // One statement for both tables: every intake and transition reads the calendar, and the versions an editor
  // sends back belong to the very days read with them (one snapshot).
  const [{ years, days }] = await rows<{
    years: { year: number; source: string; version: number; updatedAt: string }[];
    days: { day: string; kind: "holiday" | "workday"; name: string | null }[];
  }>(
    db,
    sql`select (select coalesce(json_agg(json_build_object('year', year, 'source', source, 'version', version,
                                                           'updatedAt', ${isoUtc(sql`updated_at`)}) order by year), '[]'::json)
                  from work_calendar_years) as years,
               (select coalesce(json_agg(json_build_object('day', to_char(day, 'YYYY-MM-DD'), 'kind', kind,
                                                           'name', name) order by day), '[]'::json)
                  from work_calendar_days) as days`,
  );
  const data: StoredWorkCalendar = { years: {}, sources: {}, versions: {} };
  for (const y of years) {
    data.years[String(y.year)] = { holidays: {}, workdays: [] };
    data.sources[String(y.year)] = y.source;
    data.versions[String(y.year)] = { version: y.version, updatedAt: y.updatedAt };
  }
  for (const d of days) {
    const year = data.years[d.day.slice(0, 4)];
    if (!year) continue; // a day of a year that is not loaded is ignored, as the calendar would
    if (d.kind === "workday") (year.workdays as string[]).push(d.day);
    else {
      const holidays = year.holidays as Record<string, string[]>;
      const name = d.name ?? "节假日";
      holidays[name] = [...(holidays[name] ?? []), d.day];
    }
  }
  return data;
}

/**
 * The calendar's revision token (migration 0014): triggers replace it on every write to either calendar
 * table, so a cached calendar built under the same token is current, on any instance.
 */
export const CALENDAR_REVISION_SQL = sql`(select token from work_calendar_revision)`;

let cachedRules: { revision: string; rules: CaseRules } | null = null;

/**
 * The rules the case machine runs on: the calendar from the table; deadline limits and the extension
 * policy are the code defaults (DEFAULT_DEADLINE_RULES) until an editing screen exists. The calendar is
 * rebuilt only when the calendar's revision changes (pass it when the caller already read it in a statement).
 */
export async function loadCaseRules(db: Db, knownRevision?: string): Promise<CaseRules> {
  const revision =
    knownRevision ??
    (await rows<{ revision: string }>(db, sql`select ${CALENDAR_REVISION_SQL} as revision`))[0].revision;
  if (cachedRules?.revision === revision) return cachedRules.rules;
  const { sources: _sources, versions: _versions, ...data } = await loadWorkCalendarData(db);
  const rules: CaseRules = {
    calendar: new WorkCalendar(data),
    deadlines: DEFAULT_DEADLINE_RULES,
    extension: DEFAULT_EXTENSION_POLICY,
  };
  // the revision read before the data: a change in between only costs one more rebuild on the next call
  cachedRules = { revision, rules };
  return rules;
}
