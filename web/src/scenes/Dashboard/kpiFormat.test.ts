import { describe, expect, it } from "vitest";
import { countColumn, numericSorter, percent, rateColumn } from "./kpiFormat";

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
  it("builds sortable count and rate columns", () => {
    const rows = [
      { n: 2, r: null },
      { n: 1, r: 0.25 },
    ];
    const count = countColumn<(typeof rows)[number]>("n", "件数");
    const rate = rateColumn<(typeof rows)[number]>("r", "比率");
    expect(count).toMatchObject({ key: "n", dataIndex: "n", title: "件数", align: "end" });
    const sortBy = (s: unknown) => s as (a: (typeof rows)[number], b: (typeof rows)[number]) => number;
    expect([...rows].sort(sortBy(count.sorter)).map((x) => x.n)).toEqual([1, 2]);
    expect([...rows].sort(sortBy(rate.sorter)).map((x) => x.r)).toEqual([null, 0.25]);
    const render = rate.render as (v: unknown, r: (typeof rows)[number]) => string;
    expect(render(undefined, rows[1])).toBe("25.0%");
  });
});
