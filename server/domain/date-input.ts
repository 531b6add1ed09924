/**
 * Dates and times as clients type them into filters (`from`, `to`), checked for real: a pattern alone lets
 * 2026-02-30, 2026-13-45, 25:00 or the year 0000 through to PostgreSQL, which then fails with "date/time field
 * value out of range" — a 500 instead of a 400. The validator (plugins/validation.ts) uses these checks as
 * the formats `date`, `date-time` and `date-or-date-time`; queries use `parseDateBound` to build their SQL.
 *
 * Years are 0001–9999: PostgreSQL has no year 0 (1 BC follows AD 1), and a JavaScript Date prints years
 * outside that range in a form PostgreSQL does not read back ("+010000-…").
 */

/** A filter bound: a whole day, a wall-clock time (read in Beijing time), or an instant with its offset. */
export type DateBound =
  | { kind: "day"; day: string }
  | { kind: "local"; dateTime: string }
  | { kind: "instant"; dateTime: string };

const MIN_YEAR = 1;
const MAX_YEAR = 9999;
/** Real offsets run from -12:00 to +14:00; PostgreSQL refuses anything beyond ±15:59. */
const MAX_OFFSET_MINUTES = 14 * 60;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:(Z)|([+-])(\d{2}):(\d{2}))?$/;

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` naming a day that exists (2026-02-30 does not), in the years 0001–9999. */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/**
 * An RFC 3339 date-time (already checked by its format) whose instant, in UTC, still falls in the years
 * 0001–9999: `0001-01-01T00:00:00+08:00` is a moment of the year 0 in UTC and would fail in the database.
 */
export function isInstantInRange(text: string): boolean {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return false;
  const year = new Date(ms).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * `YYYY-MM-DD` (a whole day), `YYYY-MM-DDTHH:mm[:ss[.ffffff]]` (a wall-clock time, which the filters read in
 * Beijing time), or the same with `Z` or `±HH:mm` (an instant). Null for anything that names no real moment:
 * a day or month that does not exist, 24:00 or later, a leap second, an offset beyond ±14:00.
 */
export function parseDateBound(text: string): DateBound | null {
  if (DATE.test(text)) return isCalendarDate(text) ? { kind: "day", day: text } : null;
  const m = DATE_TIME.exec(text);
  if (!m || !isCalendarDate(m[1])) return null;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (m[5] === undefined && m[6] === undefined) return { kind: "local", dateTime: text };
  if (m[6] !== undefined) {
    const [offsetHours, offsetMinutes] = [Number(m[7]), Number(m[8])];
    if (offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > MAX_OFFSET_MINUTES) return null;
  }
  return isInstantInRange(text) ? { kind: "instant", dateTime: text } : null;
}

export const isDateOrDateTime = (text: string): boolean => parseDateBound(text) !== null;

const BEIJING = "+08:00"; // Asia/Shanghai has kept UTC+8, without summer time, since 1991

/** Where a bound puts the range's edge, in epoch ms: a day as `from` starts at its first moment, as `to` ends at its last. */
export function boundInstant(bound: DateBound, edge: "from" | "to"): number {
  if (bound.kind === "day") {
    const start = Date.parse(`${bound.day}T00:00:00${BEIJING}`);
    return edge === "from" ? start : start + 86_400_000 - 1;
  }
  return Date.parse(bound.kind === "local" ? `${bound.dateTime}${BEIJING}` : bound.dateTime);
}

/** A range whose start lies after its end: no record can match, so the filter is a mistake to say, not an empty list. */
export const isReversedRange = (from: DateBound, to: DateBound): boolean =>
  boundInstant(from, "from") > boundInstant(to, "to");
