/**
 * Working-day calendar for mainland China: weekends are rest days, except the adjusted working days (调休上班)
 * that the State Council announces each year together with the public holidays (放假).
 *
 * Dates are civil dates in Asia/Shanghai. China has had no DST since 1991, so an instant's civil date is
 * its UTC time shifted by a fixed +8 h; no time-zone database is needed.
 *
 * Deadline conventions (chosen to match 民法典 第二百零一条: the day an event happens is not counted, counting
 * starts the next day):
 * - `addWorkingDays(start, n)`: the start's civil day is never counted; the deadline is the END of the n-th
 *   working day strictly after it (23:59:59.999 Shanghai). A case registered on a holiday or weekend
 *   therefore starts counting on the next working day (that day is day 1), exactly like one registered late
 *   on the working day before it.
 * - `addWorkingHours(start, n)`: hour limits are for urgent matters (e.g. discharge into a drinking-water
 *   source) that must be met whatever the day, so they are calendar hours, around the clock, holidays
 *   included: `start + n h`.
 * - `workingDaysBetween(a, b)`: working days d with civil(a) < d <= civil(b), the inverse of
 *   `addWorkingDays` (negative when b is before a).
 * - Years that are not loaded fall back to "Monday to Friday"; any result that relied on that fallback is
 *   flagged `beyondCalendar` so callers can warn the administrators to load the next year's notice.
 */

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** One year of a State Council holiday notice: holidays by festival name, plus weekend days worked. */
export interface CalendarYearData {
  holidays: Record<string, readonly string[]>;
  workdays: readonly string[];
}

/** The shape of `cn-work-calendar.json` and of what the administrators' calendar table loads. */
export interface WorkCalendarData {
  years: Record<string, CalendarYearData>;
}

/** Whether two entries of a year list the same days under the same names (in any order). */
export function sameCalendarYear(a: CalendarYearData, b: CalendarYearData): boolean {
  const days = (y: CalendarYearData) =>
    JSON.stringify([
      Object.entries(y.holidays)
        .filter(([, dates]) => dates.length > 0)
        .map(([name, dates]) => [name, [...dates].sort()])
        .sort(([x], [y]) => String(x).localeCompare(String(y))),
      [...y.workdays].sort(),
    ]);
  return days(a) === days(b);
}

/** A computed deadline; `beyondCalendar` says a year without a loaded notice was assumed to be Mon–Fri. */
export interface Due {
  dueAt: Date;
  beyondCalendar: boolean;
}

/** Days since 1970-01-01 of the Shanghai civil date that contains the instant. */
export function shanghaiDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** "YYYY-MM-DD" of the instant in Shanghai. */
export function shanghaiDate(instant: Date): string {
  return isoOfDay(shanghaiDayNumber(instant));
}

/** The last millisecond of a Shanghai civil day. */
export function endOfShanghaiDay(day: number): Date {
  return new Date((day + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1);
}

function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** Day number of a valid "YYYY-MM-DD", or null (rejects 2025-02-30 and the like). */
function dayOfIso(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  return isoOfDay(day) === iso ? day : null;
}

function isWeekend(day: number): boolean {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/**
 * Problems that make calendar data unusable, in words an administrator can act on (in Chinese: the editing
 * screen shows them as they are); empty when valid.
 */
export function calendarDataErrors(data: WorkCalendarData): string[] {
  const errors: string[] = [];
  for (const [year, entry] of Object.entries(data.years ?? {})) {
    if (!/^\d{4}$/.test(year)) {
      errors.push(`年份“${year}”不是四位数字`);
      continue;
    }
    // A day is stored once (work_calendar_days' primary key): a repeated day is refused here, not a 500 there.
    const holidays = new Map<string, string>();
    for (const [name, dates] of Object.entries(entry.holidays ?? {})) {
      for (const date of dates) {
        if (dayOfIso(date) === null)
          errors.push(`${year}年 ${name}：“${date}”不是有效日期（应为 YYYY-MM-DD）`);
        else if (!date.startsWith(year)) errors.push(`${year}年 ${name}：${date} 不在${year}年内`);
        const listed = holidays.get(date);
        if (listed !== undefined) errors.push(`${year}年 ${name}：${date} 已列在“${listed}”中`);
        else holidays.set(date, name);
      }
    }
    const workdays = new Set<string>();
    for (const date of entry.workdays ?? []) {
      const day = dayOfIso(date);
      if (day === null) errors.push(`${year}年 调休上班日：“${date}”不是有效日期（应为 YYYY-MM-DD）`);
      else if (!date.startsWith(year)) errors.push(`${year}年 调休上班日：${date} 不在${year}年内`);
      else if (!isWeekend(day))
        errors.push(`${year}年 调休上班日：${date} 本来就是工作日（调休上班日只能是周六或周日）`);
      if (holidays.has(date)) errors.push(`${year}年：${date} 同时被列为放假日和调休上班日`);
      if (workdays.has(date)) errors.push(`${year}年 调休上班日：${date} 重复列出`);
      workdays.add(date);
    }
  }
  return errors;
}

export class WorkCalendar {
  /** The latest year whose notice is loaded, or null for an empty calendar. */
  readonly lastLoadedYear: number | null;
  private readonly years: ReadonlySet<number>;
  private readonly holidays = new Map<number, string>();
  private readonly workdays = new Set<number>();

  /** Throws on invalid data: validate administrators' edits with `calendarDataErrors` first. */
  constructor(data: WorkCalendarData) {
    const errors = calendarDataErrors(data);
    if (errors.length > 0) throw new Error(`invalid work calendar: ${errors.join("; ")}`);
    this.years = new Set(Object.keys(data.years).map(Number));
    this.lastLoadedYear = this.years.size > 0 ? Math.max(...this.years) : null;
    for (const entry of Object.values(data.years)) {
      for (const [name, dates] of Object.entries(entry.holidays))
        for (const date of dates) this.holidays.set(dayOfIso(date) as number, name);
      for (const date of entry.workdays) this.workdays.add(dayOfIso(date) as number);
    }
  }

  /** The last instant for which the calendar is authoritative (end of 31 December of the last year). */
  coversUntil(): Date | null {
    if (this.lastLoadedYear === null) return null;
    return endOfShanghaiDay(Date.UTC(this.lastLoadedYear, 11, 31) / DAY_MS);
  }

  /** Whether the year of this date (an instant, or a "YYYY-MM-DD" civil date) has a loaded notice. */
  covers(date: Date | string): boolean {
    return this.years.has(yearOfDay(this.dayOf(date)));
  }

  isWorkingDay(date: Date | string): boolean {
    return this.isWorkingDayNumber(this.dayOf(date));
  }

  /** The festival a date is a public holiday for, e.g. "春节", or null. */
  holidayName(date: Date | string): string | null {
    return this.holidays.get(this.dayOf(date)) ?? null;
  }

  /** End of the n-th working day after the start's civil day (n >= 1); see the conventions above. */
  addWorkingDays(start: Date, n: number): Due {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer: ${n}`);
    let day = shanghaiDayNumber(start);
    let beyondCalendar = false;
    for (let counted = 0; counted < n; ) {
      day += 1;
      if (!this.years.has(yearOfDay(day))) beyondCalendar = true;
      if (this.isWorkingDayNumber(day)) counted += 1;
    }
    return { dueAt: endOfShanghaiDay(day), beyondCalendar };
  }

  /** Calendar hours, holidays included: urgent limits run around the clock. */
  addWorkingHours(start: Date, n: number): Due {
    if (!Number.isFinite(n) || n <= 0) throw new RangeError(`hours must be positive: ${n}`);
    return { dueAt: new Date(start.getTime() + n * 3_600_000), beyondCalendar: false };
  }

  /** Working days d with civil(a) < d <= civil(b); negative when b is earlier than a. */
  workingDaysBetween(a: Date, b: Date): number {
    const from = shanghaiDayNumber(a);
    const to = shanghaiDayNumber(b);
    if (to < from) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let day = from + 1; day <= to; day++) if (this.isWorkingDayNumber(day)) count += 1;
    return count;
  }

  private dayOf(date: Date | string): number {
    if (date instanceof Date) return shanghaiDayNumber(date);
    const day = dayOfIso(date);
    if (day === null) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
    return day;
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.workdays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    return !isWeekend(day);
  }
}
