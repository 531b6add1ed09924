import { describe, expect, it } from "vitest";
import {
  DEADLINE_PHASES,
  DEFAULT_DEADLINE_RULES,
  type DeadlineRule,
  deadlineRuleErrors,
  resolveLimit,
} from "./deadline-rules.ts";
import { PRIORITIES, SUPERVISION_LEVELS } from "./priorities.ts";

const rules = DEFAULT_DEADLINE_RULES;

describe("default deadline rules", () => {
  it("are a valid table", () => {
    expect(deadlineRuleErrors(rules)).toEqual([]);
  });

  it("carry the 12369 defaults: 15 days to accept, 60 to close, hours when urgent", () => {
    expect(resolveLimit(rules, "acceptance", "road_dust", "normal")).toEqual({
      kind: "working_days",
      amount: 15,
    });
    expect(resolveLimit(rules, "overall_close", "road_dust", "normal")).toEqual({
      kind: "working_days",
      amount: 60,
    });
    expect(resolveLimit(rules, "acceptance", "road_dust", "urgent")).toEqual({ kind: "hours", amount: 2 });
    expect(resolveLimit(rules, "site_arrival", "road_dust", "urgent")).toEqual({ kind: "hours", amount: 2 });
  });

  it("leave normal cases without a site-arrival clock, except a drinking-water source", () => {
    expect(resolveLimit(rules, "site_arrival", "road_dust", "normal")).toBeNull();
    expect(resolveLimit(rules, "site_arrival", "drinking_water_source", "normal")).toEqual({
      kind: "hours",
      amount: 2,
    });
  });

  it("fit the normal stages after acceptance inside the overall close limit", () => {
    const phases = ["registration", "dispatch", "transfer_acceptance", "handling", "feedback"] as const;
    const later = ["verification_request", "verification", "closing"] as const;
    const total = [...phases, ...later].reduce(
      (sum, phase) => sum + (resolveLimit(rules, phase, "other", "normal")?.amount ?? 0),
      0,
    );
    expect(total).toBeLessThanOrEqual(60);
  });

  it("give every phase a limit for every priority (site arrival aside)", () => {
    for (const phase of DEADLINE_PHASES)
      for (const priority of PRIORITIES)
        if (phase !== "site_arrival" || priority !== "normal")
          expect(resolveLimit(rules, phase, "other", priority)).not.toBeNull();
  });
});

describe("resolveLimit", () => {
  const table: DeadlineRule[] = [
    { phase: "handling", limit: { kind: "working_days", amount: 30 } },
    { phase: "handling", priority: "important", limit: { kind: "working_days", amount: 20 } },
    { phase: "handling", category: "medical_waste", limit: { kind: "working_days", amount: 10 } },
    {
      phase: "handling",
      category: "medical_waste",
      priority: "important",
      limit: { kind: "working_days", amount: 5 },
    },
  ];
  it("picks the most specific line: category and priority, then category, then priority, then any", () => {
    expect(resolveLimit(table, "handling", "medical_waste", "important")?.amount).toBe(5);
    expect(resolveLimit(table, "handling", "medical_waste", "urgent")?.amount).toBe(10);
    expect(resolveLimit(table, "handling", "road_dust", "important")?.amount).toBe(20);
    expect(resolveLimit(table, "handling", "road_dust", "urgent")?.amount).toBe(30);
  });
  it("throws when the table has nothing for the phase (the table is validated when edited)", () => {
    expect(() => resolveLimit(table, "feedback", "road_dust", "normal")).toThrow(/feedback/);
  });
});

describe("deadlineRuleErrors", () => {
  it("names missing catch-all lines, duplicates, unknown codes, bad limits", () => {
    const bad = [
      ...rules.filter((r) => r.phase !== "closing"),
      { phase: "handling", limit: { kind: "working_days", amount: 30 } },
      { phase: "feedback", category: "nonsense", limit: { kind: "hours", amount: 4 } },
      { phase: "feedback", priority: "normal", limit: null },
      { phase: "verification", priority: "normal", limit: { kind: "working_days", amount: 0 } },
    ] as DeadlineRule[];
    expect(deadlineRuleErrors(bad)).toEqual([
      "handling/*/*: duplicate line",
      "feedback/nonsense/*: unknown category",
      "feedback/*/normal: only site_arrival may have no limit",
      "verification/*/normal: the limit must be a whole number of at least 1",
      "closing: a line for any category and priority is required",
    ]);
  });
});

describe("priorities", () => {
  it("map to the three supervision levels of plan §四(二)", () => {
    expect(PRIORITIES.map((p) => SUPERVISION_LEVELS[p].name)).toEqual(["迅速督办", "全程督办", "定期督办"]);
  });
});
