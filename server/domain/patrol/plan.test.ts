import { describe, expect, it } from "vitest";
import {
  buildPlan,
  governingRule,
  isBlindSpot,
  type PlanObject,
  type PlanRule,
  periodOf,
  visitDeadlines,
} from "./plan.ts";

// Beijing wall-clock time → epoch ms (UTC+8).
const bj = (s: string) => Date.parse(`${s}+08:00`);

describe("periods in Asia/Shanghai", () => {
  it("a day runs from Beijing midnight (16:00 UTC the day before)", () => {
    const p = periodOf("daily", bj("2026-03-10T00:30:00"));
    expect(p).toEqual({ start: Date.parse("2026-03-09T16:00:00Z"), end: Date.parse("2026-03-10T16:00:00Z") });
    // 23:59 Beijing on the 9th is still the 9th although UTC says 15:59 on the 9th; 00:00 is the 10th.
    expect(periodOf("daily", bj("2026-03-09T23:59:59")).start).toBe(bj("2026-03-09T00:00:00"));
  });
  it("a week runs Monday to Monday; Sunday belongs to the week before", () => {
    // 2026-03-15 is a Sunday, 2026-03-16 a Monday.
    expect(periodOf("weekly", bj("2026-03-15T22:00:00"))).toEqual({
      start: bj("2026-03-09T00:00:00"),
      end: bj("2026-03-16T00:00:00"),
    });
    expect(periodOf("weekly", bj("2026-03-16T00:00:00")).start).toBe(bj("2026-03-16T00:00:00"));
    // A UTC instant on Sunday evening is already Monday in Beijing.
    expect(periodOf("weekly", Date.parse("2026-03-15T16:30:00Z")).start).toBe(bj("2026-03-16T00:00:00"));
  });
  it("months and quarters follow the calendar (leap February, year end)", () => {
    expect(periodOf("monthly", bj("2028-02-29T12:00:00"))).toEqual({
      start: bj("2028-02-01T00:00:00"),
      end: bj("2028-03-01T00:00:00"),
    });
    expect(periodOf("quarterly", bj("2026-12-31T23:59:00"))).toEqual({
      start: bj("2026-10-01T00:00:00"),
      end: bj("2027-01-01T00:00:00"),
    });
    expect(periodOf("quarterly", bj("2026-04-01T00:00:00")).start).toBe(bj("2026-04-01T00:00:00"));
  });
  it("spreads n visits evenly over the period", () => {
    // March 2026 has 31 days: twice a month → by 16 Mar 12:00 and by 1 Apr 00:00.
    const { start, end } = periodOf("monthly", bj("2026-03-05T08:00:00"));
    expect(visitDeadlines(start, end, 2)).toEqual([bj("2026-03-16T12:00:00"), bj("2026-04-01T00:00:00")]);
  });
});

const rules: PlanRule[] = [
  {
    id: 1,
    gridLevel: 3,
    gridId: null,
    objectType: "enterprise",
    objectFlag: "key_unit",
    frequency: "weekly",
    timesPerPeriod: 1,
  },
  {
    id: 2,
    gridLevel: 3,
    gridId: null,
    objectType: "enterprise",
    objectFlag: null,
    frequency: "monthly",
    timesPerPeriod: 2,
  },
  {
    id: 3,
    gridLevel: 3,
    gridId: null,
    objectType: "water_source",
    objectFlag: null,
    frequency: "weekly",
    timesPerPeriod: 1,
  },
  {
    id: 4,
    gridLevel: null,
    gridId: 51,
    objectType: "construction_project",
    objectFlag: null,
    frequency: "daily",
    timesPerPeriod: 1,
  },
];
const obj = (id: number, type: string, flags: string[] = [], gridId = 51, gridLevel = 3): PlanObject => ({
  id,
  type,
  flags,
  gridId,
  gridLevel,
});

describe("rules × objects", () => {
  it("picks the most demanding rule that applies", () => {
    expect(governingRule(rules, obj(1, "enterprise", ["key_unit"]))?.id).toBe(1); // weekly beats 2/month
    expect(governingRule(rules, obj(2, "enterprise"))?.id).toBe(2);
    expect(governingRule(rules, obj(3, "construction_project"))?.id).toBe(4);
    expect(governingRule(rules, obj(4, "construction_project", [], 52))).toBeNull(); // another village
    expect(governingRule(rules, obj(5, "water_source", [], 7, 2))).toBeNull(); // a township-level object
    expect(governingRule(rules, obj(6, "hazard"))).toBeNull();
  });

  it("counts visits in the period and flags what is overdue", () => {
    // Wednesday 18 March 2026, 10:00 Beijing.
    const now = bj("2026-03-18T10:00:00");
    const visits = new Map<number, number[]>([
      [1, [bj("2026-03-16T09:00:00")]], // key unit visited this Monday → done for the week
      [2, [bj("2026-03-02T09:00:00")]], // monthly ×2: first deadline 16 Mar 12:00 passed with 1 visit → ok
      [3, [bj("2026-03-17T09:00:00")]], // daily: yesterday only → today due, not overdue
      [7, []], // enterprise never visited: first deadline passed → overdue
      [8, [bj("2026-03-15T23:00:00")]], // water source visited last Sunday → due this week, last week fine
    ]);
    const plan = buildPlan(
      rules,
      [
        obj(1, "enterprise", ["key_unit"]),
        obj(2, "enterprise"),
        obj(3, "construction_project"),
        obj(7, "enterprise"),
        obj(8, "water_source"),
      ],
      visits,
      now,
    );
    const byId = new Map(plan.map((i) => [i.objectId, i]));
    expect(byId.get(1)).toMatchObject({ status: "done", done: 1, required: 1, nextDueAt: null });
    expect(byId.get(2)).toMatchObject({
      status: "due",
      done: 1,
      required: 2,
      overdue: false,
      nextDueAt: bj("2026-04-01T00:00:00"),
    });
    expect(byId.get(3)).toMatchObject({
      status: "due",
      nextDueAt: bj("2026-03-19T00:00:00"),
      previousMissed: false,
    });
    expect(byId.get(7)).toMatchObject({
      status: "overdue",
      done: 0,
      nextDueAt: bj("2026-03-16T12:00:00"),
      previousMissed: true,
    });
    expect(byId.get(8)).toMatchObject({
      status: "due",
      previousMissed: false,
      lastVisitAt: bj("2026-03-15T23:00:00"),
    });
    // Overdue first, then by next deadline.
    expect(plan.map((i) => i.objectId)).toEqual([7, 3, 8, 2, 1]);
  });

  it("ignores visits recorded after now and before the period", () => {
    const now = bj("2026-03-18T10:00:00");
    const plan = buildPlan(
      rules,
      [obj(1, "enterprise", ["key_unit"])],
      new Map([[1, [bj("2026-03-13T10:00:00"), bj("2026-03-19T10:00:00")]]]),
      now,
    );
    expect(plan[0]).toMatchObject({
      done: 0,
      status: "due",
      previousMissed: false,
      lastVisitAt: bj("2026-03-13T10:00:00"),
    });
    // At Monday 00:00 a new week starts: the visit is due again and last week counts as missed.
    const monday = buildPlan(
      rules,
      [obj(1, "enterprise", ["key_unit"])],
      new Map(),
      bj("2026-03-23T00:00:00"),
    );
    expect(monday[0]).toMatchObject({
      status: "due",
      previousMissed: true,
      periodStart: bj("2026-03-23T00:00:00"),
    });
    expect(isBlindSpot(monday[0])).toBe(true);
    // a visit this week closes last week's gap: no longer a blind spot, though last week stays missed
    const visited = buildPlan(
      rules,
      [obj(1, "enterprise", ["key_unit"])],
      new Map([[1, [bj("2026-03-23T09:00:00")]]]),
      bj("2026-03-23T10:00:00"),
    );
    expect(visited[0]).toMatchObject({ status: "done", previousMissed: true, overdue: false });
    expect(isBlindSpot(visited[0])).toBe(false);
  });
});
