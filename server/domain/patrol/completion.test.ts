import { describe, expect, it } from "vitest";
import { patrolCompletion, type VisitCount } from "./completion.ts";
import type { PlanObject, PlanRule } from "./plan.ts";

const bj = (s: string) => Date.parse(`${s}+08:00`);

const twiceMonthly: PlanRule = {
  id: 1,
  gridLevel: 3,
  gridId: null,
  objectType: "enterprise",
  objectFlag: null,
  frequency: "monthly",
  timesPerPeriod: 2,
};
const weekly: PlanRule = {
  ...twiceMonthly,
  id: 2,
  objectType: "hazard",
  frequency: "weekly",
  timesPerPeriod: 1,
};
const plant: PlanObject = { id: 10, type: "enterprise", flags: [], gridId: 5, gridLevel: 3 };
const tank: PlanObject = { id: 11, type: "hazard", flags: [], gridId: 5, gridLevel: 3 };
const park: PlanObject = { id: 12, type: "ecological_area", flags: [], gridId: 5, gridLevel: 3 };
const q1 = { start: bj("2026-01-01T00:00:00"), end: bj("2026-04-01T00:00:00") };
const visits = (...days: string[]): VisitCount[] => days.map((d) => ({ at: bj(`${d}T00:00:00`), n: 1 }));

describe("patrol completion over a period", () => {
  it("counts each visit the rule made due in the period, done when the period had that many check-ins", () => {
    // January: both visits made; February: one; March: none. Six due, three done.
    const made = new Map([[10, visits("2026-01-03", "2026-01-20", "2026-02-10")]]);
    expect(patrolCompletion([twiceMonthly], [plant], made, q1, bj("2026-06-01T00:00:00"))).toEqual([
      { objectId: 10, due: 6, done: 3 },
    ]);
  });

  it("stops at now: a visit whose deadline has not come is not due yet", () => {
    // 20 Feb: January's two visits, and February's first (due by 15 Feb 00:00) are due.
    const made = new Map([[10, visits("2026-01-03", "2026-02-01")]]);
    expect(patrolCompletion([twiceMonthly], [plant], made, q1, bj("2026-02-20T09:00:00"))).toEqual([
      { objectId: 10, due: 3, done: 2 },
    ]);
  });

  it("counts a visit in the period of its deadline: the week straddling the period's start", () => {
    // The week of Mon 29 Dec 2025 ends (its visit is due) on Mon 5 Jan, inside Q1; the week ending Mon 30 Mar
    // is the last whose deadline falls in Q1 (the next one ends 6 Apr). 13 weeks.
    const made = new Map([[11, [{ at: bj("2025-12-30T00:00:00"), n: 2 }]]]);
    expect(patrolCompletion([weekly], [tank], made, q1, bj("2026-06-01T00:00:00"))).toEqual([
      { objectId: 11, due: 13, done: 1 },
    ]);
  });

  it("leaves out objects no rule covers", () => {
    expect(patrolCompletion([twiceMonthly], [park], new Map(), q1, bj("2026-06-01T00:00:00"))).toEqual([]);
  });

  it("extra check-ins in one period do not make up for another", () => {
    const made = new Map([[10, [{ at: bj("2026-01-05T00:00:00"), n: 5 }]]]);
    expect(patrolCompletion([twiceMonthly], [plant], made, q1, bj("2026-06-01T00:00:00"))).toEqual([
      { objectId: 10, due: 6, done: 2 },
    ]);
  });
});
