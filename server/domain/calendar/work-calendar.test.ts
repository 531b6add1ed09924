import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultWorkCalendar } from "./default-calendar.ts";
import { calendarDataErrors, sameCalendarYear, shanghaiDate, WorkCalendar } from "./work-calendar.ts";

const calendar = defaultWorkCalendar();
/** An instant given as Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`);
const endOf = (date: string) => sh(`${date}T23:59:59.999`);
const due = (start: string, n: number) => calendar.addWorkingDays(sh(start), n);

describe("working days", () => {
  it("knows weekends, holidays and adjusted working days", () => {
    expect(calendar.isWorkingDay("2025-11-14")).toBe(true); // Friday
    expect(calendar.isWorkingDay("2025-11-15")).toBe(false); // Saturday
    expect(calendar.isWorkingDay("2025-11-16")).toBe(false); // Sunday
    expect(calendar.isWorkingDay("2025-10-03")).toBe(false); // National Day, a Friday
    expect(calendar.isWorkingDay("2025-09-28")).toBe(true); // adjusted working Sunday
    expect(calendar.isWorkingDay("2025-10-11")).toBe(true); // adjusted working Saturday
    expect(calendar.isWorkingDay("2025-10-12")).toBe(false);
    expect(calendar.holidayName("2026-02-17")).toBe("春节");
    expect(calendar.holidayName("2026-02-14")).toBeNull();
  });

  it("reads an instant's civil date in Shanghai, not in UTC", () => {
    const fridayEarlyMorning = new Date("2025-11-13T16:30:00Z"); // Thursday in UTC
    expect(shanghaiDate(fridayEarlyMorning)).toBe("2025-11-14");
    expect(calendar.isWorkingDay(new Date("2025-11-14T16:30:00Z"))).toBe(false); // Saturday 00:30 in Shanghai
  });
});

describe("addWorkingDays", () => {
  it("counts from the day after the start and ends at 23:59:59.999 Shanghai", () => {
    expect(due("2025-11-10T09:00:00", 5).dueAt).toEqual(endOf("2025-11-17")); // Monday → next Monday
  });

  it("skips the 2025 National Day holiday and counts the adjusted Saturday 2025-10-11", () => {
    expect(due("2025-09-30T17:00:00", 3).dueAt).toEqual(endOf("2025-10-11"));
    expect(due("2025-09-30T17:00:00", 5).dueAt).toEqual(endOf("2025-10-14"));
  });

  it("counts the adjusted Sunday 2025-09-28 before the holiday", () => {
    expect(due("2025-09-26T10:00:00", 1).dueAt).toEqual(endOf("2025-09-28"));
    expect(due("2025-09-26T10:00:00", 4).dueAt).toEqual(endOf("2025-10-09"));
  });

  it("skips Spring Festival 2026 and counts its adjusted Saturdays", () => {
    expect(due("2026-02-13T09:00:00", 1).dueAt).toEqual(endOf("2026-02-14"));
    expect(due("2026-02-13T09:00:00", 2).dueAt).toEqual(endOf("2026-02-24"));
    expect(due("2026-02-13T09:00:00", 6).dueAt).toEqual(endOf("2026-02-28"));
    // the 15-day acceptance limit of a report made just before the festival
    expect(due("2026-02-10T09:00:00", 15).dueAt).toEqual(endOf("2026-03-09"));
  });

  it("starts counting on the next working day when the start is a holiday", () => {
    expect(due("2025-10-03T14:00:00", 1).dueAt).toEqual(endOf("2025-10-09"));
    expect(due("2025-10-01T00:00:00", 3).dueAt).toEqual(endOf("2025-10-11"));
  });

  it("gives a report made late on a Friday until the end of Monday for one day", () => {
    expect(due("2025-11-14T23:30:00", 1).dueAt).toEqual(endOf("2025-11-17"));
    expect(due("2025-11-15T00:30:00", 1).dueAt).toEqual(endOf("2025-11-17"));
    // Friday 00:30 in Shanghai is still Thursday in UTC: the Shanghai day decides
    expect(calendar.addWorkingDays(new Date("2025-11-13T16:30:00Z"), 1).dueAt).toEqual(endOf("2025-11-17"));
  });

  it("crosses the year boundary into New Year 2026 and its adjusted Sunday", () => {
    expect(due("2025-12-31T09:00:00", 1).dueAt).toEqual(endOf("2026-01-04"));
  });

  it("flags a deadline that runs past the last loaded year instead of throwing", () => {
    expect(calendar.lastLoadedYear).toBe(2026);
    expect(calendar.coversUntil()).toEqual(endOf("2026-12-31"));
    expect(due("2026-12-10T09:00:00", 10)).toEqual({ dueAt: endOf("2026-12-24"), beyondCalendar: false });
    // Monday to Friday is assumed for 2027, so 1 January 2027 counts until its notice is loaded
    expect(due("2026-12-20T09:00:00", 15)).toEqual({ dueAt: endOf("2027-01-08"), beyondCalendar: true });
    expect(calendar.covers("2027-01-04")).toBe(false);
  });

  it("refuses a non-positive or fractional count", () => {
    expect(() => due("2025-11-10T09:00:00", 0)).toThrow(RangeError);
    expect(() => due("2025-11-10T09:00:00", 1.5)).toThrow(RangeError);
  });
});

describe("addWorkingHours", () => {
  it("runs around the clock, holidays included", () => {
    expect(calendar.addWorkingHours(sh("2025-10-01T22:00:00"), 4)).toEqual({
      dueAt: sh("2025-10-02T02:00:00"),
      beyondCalendar: false,
    });
  });
});

describe("workingDaysBetween", () => {
  it("counts working days after the first date up to and including the second", () => {
    expect(calendar.workingDaysBetween(sh("2025-09-30T17:00:00"), sh("2025-10-14T08:00:00"))).toBe(5);
    expect(calendar.workingDaysBetween(sh("2025-10-14T08:00:00"), sh("2025-09-30T17:00:00"))).toBe(-5);
    expect(calendar.workingDaysBetween(sh("2025-10-02T08:00:00"), sh("2025-10-05T08:00:00"))).toBe(0);
  });

  it("inverts addWorkingDays, and a deadline always ends on a working day", () => {
    const from = sh("2025-01-01T00:00:00").getTime();
    const to = sh("2026-09-30T00:00:00").getTime();
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 90 }), (t, n) => {
        const start = new Date(t);
        const { dueAt } = calendar.addWorkingDays(start, n);
        expect(calendar.workingDaysBetween(start, dueAt)).toBe(n);
        expect(calendar.isWorkingDay(dueAt)).toBe(true);
        expect(shanghaiDate(new Date(dueAt.getTime() + 1))).not.toBe(shanghaiDate(dueAt));
      }),
    );
  });
});

describe("calendar data", () => {
  it("builds a calendar from any year's data, not only the shipped file", () => {
    const c = new WorkCalendar({
      years: { "2027": { holidays: { 元旦: ["2027-01-01"] }, workdays: [] } },
    });
    expect(c.lastLoadedYear).toBe(2027);
    expect(c.isWorkingDay("2027-01-01")).toBe(false);
    expect(c.addWorkingDays(sh("2026-12-31T10:00:00"), 1)).toEqual({
      dueAt: endOf("2027-01-04"),
      beyondCalendar: false,
    });
    expect(new WorkCalendar({ years: {} }).coversUntil()).toBeNull();
  });

  it("explains what is wrong with bad data, and the constructor refuses it", () => {
    const bad = {
      years: {
        "2027": {
          holidays: { 春节: ["2027-02-30", "2026-12-31", "2027-02-06"] },
          workdays: ["2027-02-08", "2027-02-06"],
        },
      },
    };
    expect(calendarDataErrors(bad)).toEqual([
      "2027年 春节：“2027-02-30”不是有效日期（应为 YYYY-MM-DD）",
      "2027年 春节：2026-12-31 不在2027年内",
      "2027年 调休上班日：2027-02-08 本来就是工作日（调休上班日只能是周六或周日）",
      "2027年：2027-02-06 同时被列为放假日和调休上班日",
    ]);
    expect(() => new WorkCalendar(bad)).toThrow(/invalid work calendar/);
    expect(calendarDataErrors({ years: { "27": { holidays: {}, workdays: [] } } })).toHaveLength(1);
  });

  it("refuses a day listed twice, which the table could store only once", () => {
    const repeated = {
      years: {
        "2027": {
          holidays: { 元旦: ["2027-01-01", "2027-01-01"], 春节: ["2027-01-01"] },
          workdays: ["2027-02-06", "2027-02-06"],
        },
      },
    };
    expect(calendarDataErrors(repeated)).toEqual([
      "2027年 元旦：2027-01-01 已列在“元旦”中",
      "2027年 春节：2027-01-01 已列在“元旦”中",
      "2027年 调休上班日：2027-02-06 重复列出",
    ]);
  });

  it("knows the same notice entered in another order, and tells a changed day or name", () => {
    const notice = {
      holidays: { 元旦: ["2027-01-01"], 春节: ["2027-02-11", "2027-02-10"] },
      workdays: ["2027-02-06"],
    };
    expect(
      sameCalendarYear(notice, {
        holidays: { 春节: ["2027-02-10", "2027-02-11"], 元旦: ["2027-01-01"], 清明节: [] },
        workdays: ["2027-02-06"],
      }),
    ).toBe(true);
    expect(sameCalendarYear(notice, { ...notice, workdays: ["2027-02-07"] })).toBe(false);
    expect(
      sameCalendarYear(notice, {
        ...notice,
        holidays: { 新年: ["2027-01-01"], 春节: ["2027-02-10", "2027-02-11"] },
      }),
    ).toBe(false);
  });
});
