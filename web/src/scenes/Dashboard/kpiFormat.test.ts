import { describe, expect, it } from "vitest";
import { numericSorter, percent } from "./kpiFormat";

describe("KPI formatting", () => {
  it("shows a rate with one decimal, and a dash when nothing was due", () => {
    expect(percent(0.3333)).toBe("33.3%");
    expect(percent(0)).toBe("0.0%");
    expect(percent(null)).toBe("—");
  });
  it("sorts a rate with nothing due below 0 %", () => {
    const rows = [{ r: 0.5 }, { r: null }, { r: 0 }];
    expect(rows.sort(numericSorter((x) => x.r)).map((x) => x.r)).toEqual([null, 0, 0.5]);
  });
});
