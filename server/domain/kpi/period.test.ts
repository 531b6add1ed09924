import { describe, expect, it } from "vitest";
import { currentQuarter, shanghaiToday } from "./period.ts";

describe("KPI periods (Asia/Shanghai)", () => {
  it("takes the quarter of the Shanghai date, not of UTC", () => {
    // 2026-03-31 20:00 UTC is already 1 April in Shanghai
    expect(currentQuarter(new Date("2026-03-31T20:00:00Z"))).toEqual({
      from: "2026-04-01",
      to: "2026-06-30",
    });
    expect(currentQuarter(new Date("2026-03-31T15:59:59Z"))).toEqual({
      from: "2026-01-01",
      to: "2026-03-31",
    });
    expect(currentQuarter(new Date("2026-11-29T00:00:00Z"))).toEqual({
      from: "2026-10-01",
      to: "2026-12-31",
    });
    expect(shanghaiToday(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });
});
