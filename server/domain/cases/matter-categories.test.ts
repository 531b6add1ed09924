import { describe, expect, it } from "vitest";
import { DEPARTMENTS } from "../../db/seed/departments.ts";
import { MATTER_CATEGORIES, matterCategory } from "./matter-categories.ts";
import { PRIORITIES } from "./priorities.ts";

describe("matter categories", () => {
  it("have unique codes and route only to seeded departments", () => {
    const departments = new Set(DEPARTMENTS.filter((d) => d.kind === "department").map((d) => d.code));
    expect(new Set(MATTER_CATEGORIES.map((c) => c.code)).size).toBe(MATTER_CATEGORIES.length);
    for (const c of MATTER_CATEGORIES) {
      for (const d of c.departments) expect(departments.has(d), `${c.code} → ${d}`).toBe(true);
      expect(PRIORITIES).toContain(c.defaultPriority);
    }
  });

  it("follow the routing defaults of DOMAIN.md §4", () => {
    expect(matterCategory("construction_dust")?.departments).toEqual(["housing"]);
    expect(matterCategory("social_noise")?.departments).toEqual(["police"]);
    expect(matterCategory("rural_sewage_garbage")).toMatchObject({ townshipLeads: true });
    expect(matterCategory("unapproved_projects")?.departments[0]).toBe("eco");
    expect(matterCategory("drinking_water_source")?.defaultPriority).toBe("urgent");
    expect(matterCategory("nonsense")).toBeUndefined();
  });
});
