import { type SQL, sql } from "drizzle-orm";
import { type DateBound, isReversedRange, parseDateBound } from "../domain/date-input.ts";
import { badRequest } from "../errors.ts";

/**
 * A timestamptz as ISO 8601 in UTC ('2026-03-01T08:00:00.000000Z'). Raw queries otherwise return PostgreSQL's
 * text form ('2026-03-01 08:00:00+00'), which is not what the API promises on the wire.
 */
export function isoUtc(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The first instant of a Beijing (Asia/Shanghai) calendar day, `YYYY-MM-DD`. */
export function shanghaiDayStart(day: string): SQL {
  return sql`(${day}::date)::timestamp at time zone 'Asia/Shanghai'`;
}

/** The first instant after a Beijing calendar day: `column < shanghaiDayEnd(day)` keeps the whole day. */
export function shanghaiDayEnd(day: string): SQL {
  return sql`(${day}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;
}

function boundOf(text: string): DateBound {
  const bound = parseDateBound(text);
  // the route's schema (format date-or-date-time) has refused these already; a caller that skipped it gets a 400
  if (!bound)
    throw badRequest("validation_failed", `日期不正确：${text}`, `Not a valid date or time: ${text}`);
  return bound;
}

/**
 * `column` between `from` and `to`, both ends included, as list filters and exports read them (the case list,
 * the patrol ledger): a date alone is the whole Beijing day, so from=to=2026-11-29 is that day; a time without
 * an offset is Beijing time; a time with `Z` or an offset is that instant. Dates are parsed and checked by
 * domain/date-input.ts; PostgreSQL does the calendar arithmetic, so the years 0001 and 9999 work too.
 */
export function withinDateRange(column: SQL, range: { from?: string; to?: string }): SQL[] {
  const where: SQL[] = [];
  if (range.from && range.to && isReversedRange(boundOf(range.from), boundOf(range.to)))
    throw badRequest("date_range_reversed", "开始时间不能晚于结束时间", "The range's start is after its end");
  if (range.from) {
    const b = boundOf(range.from);
    if (b.kind === "day") where.push(sql`${column} >= ${shanghaiDayStart(b.day)}`);
    else if (b.kind === "local")
      where.push(sql`${column} >= ${b.dateTime}::timestamp at time zone 'Asia/Shanghai'`);
    else where.push(sql`${column} >= ${b.dateTime}::timestamptz`);
  }
  if (range.to) {
    const b = boundOf(range.to);
    if (b.kind === "day") where.push(sql`${column} < ${shanghaiDayEnd(b.day)}`);
    else if (b.kind === "local")
      where.push(sql`${column} <= ${b.dateTime}::timestamp at time zone 'Asia/Shanghai'`);
    else where.push(sql`${column} <= ${b.dateTime}::timestamptz`);
  }
  return where;
}
