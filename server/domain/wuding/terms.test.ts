import { describe, expect, it } from "vitest";
import {
  DutyRoleSchema,
  FrequencySchema,
  ObjectFlagSchema,
  ObjectTypeSchema,
  ResponsibilitySchema,
} from "../../routes/wuding/schema.ts";
import { isCalendarDate, todayInShanghai } from "./dates.ts";
import {
  DUTY_ROLES,
  frequencyText,
  PATROL_FREQUENCIES,
  PATROL_OBJECT_FLAGS,
  PATROL_OBJECT_TYPES,
  patrolTargetText,
  RESPONSIBILITIES,
} from "./terms.ts";

// A one-member union is the literal itself.
const codesOf = (schema: object) => {
  const s = schema as { anyOf?: { const: string }[]; const?: string };
  return s.anyOf ? s.anyOf.map((member) => member.const) : [s.const];
};

describe("五定 vocabulary", () => {
  it("is the same in the API schemas as in the domain lists", () => {
    expect(codesOf(DutyRoleSchema)).toEqual([...DUTY_ROLES]);
    expect(codesOf(ResponsibilitySchema)).toEqual([...RESPONSIBILITIES]);
    expect(codesOf(FrequencySchema)).toEqual([...PATROL_FREQUENCIES]);
    expect(codesOf(ObjectTypeSchema)).toEqual([...PATROL_OBJECT_TYPES]);
    expect(codesOf(ObjectFlagSchema)).toEqual([...PATROL_OBJECT_FLAGS]);
  });

  it("says patrol rules in words", () => {
    expect(frequencyText("weekly", 2)).toBe("每周巡查2次");
    expect(patrolTargetText("enterprise", "key_unit")).toBe("重点排污单位");
    expect(patrolTargetText("water_source", null)).toBe("饮用水水源地");
    expect(patrolTargetText("hazard", "key_unit")).toBe("环境安全隐患（重点排污单位）");
    expect(patrolTargetText(null, null)).toBe("网格全域");
  });

  it("accepts real calendar dates only, and knows today in Beijing", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("26-01-01")).toBe(false);
    // 20:00 UTC on 31 Dec is already 1 Jan in Beijing.
    expect(todayInShanghai(new Date("2025-12-31T20:00:00Z"))).toBe("2026-01-01");
  });
});
