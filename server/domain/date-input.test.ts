import { describe, expect, it } from "vitest";
import {
  type DateBound,
  isCalendarDate,
  isInstantInRange,
  isReversedRange,
  parseDateBound,
} from "./date-input.ts";

describe("isCalendarDate", () => {
  it("accepts days that exist, leap days included", () => {
    for (const d of ["2026-11-29", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2026-04-30"])
      expect(isCalendarDate(d), d).toBe(true);
  });

  it("refuses days that do not exist, the year 0000 and anything but YYYY-MM-DD", () => {
    for (const d of [
      "2026-13-45",
      "2026-02-30",
      "2026-02-29",
      "1900-02-29",
      "2026-04-31",
      "2026-00-10",
      "2026-01-00",
      "0000-01-01",
      "26-01-01",
      "2026-1-1",
      "2026/01/01",
      "20260101",
      "2026-01-01T00:00",
      " 2026-01-01",
      "",
    ])
      expect(isCalendarDate(d), d).toBe(false);
  });
});

describe("parseDateBound", () => {
  it("tells a whole day, a wall-clock time and an instant apart", () => {
    expect(parseDateBound("2026-11-29")).toEqual({ kind: "day", day: "2026-11-29" });
    expect(parseDateBound("2026-11-29T08:30")).toEqual({ kind: "local", dateTime: "2026-11-29T08:30" });
    expect(parseDateBound("2026-11-29T08:30:05.123456")).toEqual({
      kind: "local",
      dateTime: "2026-11-29T08:30:05.123456",
    });
    expect(parseDateBound("2026-11-29T08:30:00Z")).toEqual({
      kind: "instant",
      dateTime: "2026-11-29T08:30:00Z",
    });
    expect(parseDateBound("2026-11-29T08:30+08:00")?.kind).toBe("instant");
    expect(parseDateBound("2026-11-29T23:59:59-12:00")?.kind).toBe("instant");
    expect(parseDateBound("2026-11-29T00:00+14:00")?.kind).toBe("instant");
  });

  it("refuses what names no real moment", () => {
    for (const s of [
      "2026-13-45",
      "2026-02-30",
      "0000-01-01",
      "2026-11-30T25:00",
      "2026-11-30T24:00",
      "2026-11-30T23:60",
      "2026-11-30T23:59:60",
      "2026-11-30T23:59:60Z",
      "2026-02-30T10:00",
      "0000-06-01T10:00",
      "2026-11-30T10:00+14:01",
      "2026-11-30T10:00+15:00",
      "2026-11-30T10:00+08:60",
      "2026-11-30T10",
      "2026-11-30T10:00:00.1234567",
      "2026-11-30 10:00",
      "0001-01-01T00:00+08:00",
      "9999-12-31T23:00-02:00",
      "today",
    ])
      expect(parseDateBound(s), s).toBeNull();
  });
});

describe("isInstantInRange", () => {
  it("keeps instants whose UTC year is 0001–9999", () => {
    expect(isInstantInRange("2026-06-30T12:00:00Z")).toBe(true);
    expect(isInstantInRange("0001-01-01T00:00:00Z")).toBe(true);
    expect(isInstantInRange("0000-12-31T23:59:59Z")).toBe(false);
    expect(isInstantInRange("0001-01-01T00:00:00+01:00")).toBe(false);
    expect(isInstantInRange("9999-12-31T23:00:00-02:00")).toBe(false);
    expect(isInstantInRange("not a date")).toBe(false);
  });
});

describe("isReversedRange", () => {
  const bound = (text: string) => parseDateBound(text) as DateBound;
  it("compares the edges in Beijing time: a day as `to` runs to its last moment", () => {
    expect(isReversedRange(bound("2026-11-30"), bound("2026-11-29"))).toBe(true);
    expect(isReversedRange(bound("2026-11-29"), bound("2026-11-29"))).toBe(false);
    expect(isReversedRange(bound("2026-11-29T23:59:59"), bound("2026-11-29"))).toBe(false);
    expect(isReversedRange(bound("2026-11-30T00:00"), bound("2026-11-29"))).toBe(true);
    // 08:00 in Beijing is midnight UTC
    expect(isReversedRange(bound("2026-11-29T08:00"), bound("2026-11-29T00:00:00Z"))).toBe(false);
    expect(isReversedRange(bound("2026-11-29T08:01"), bound("2026-11-29T00:00:00Z"))).toBe(true);
  });
});
