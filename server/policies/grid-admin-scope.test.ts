import { describe, expect, it } from "vitest";
import type { Scope } from "./actor.ts";
import { canManageGridAt, canPlaceUnder } from "./grid-admin-scope.ts";

const township: Scope = { allGrids: false, gridPaths: ["/1/7/"], gridIds: [7], departmentIds: [] };
const office: Scope = { allGrids: true, gridPaths: [], gridIds: [], departmentIds: [] };

describe("grid administration scope", () => {
  it("lets a township officer manage the grids below their township, not the township itself", () => {
    expect(canManageGridAt(township, "/1/7/51/")).toBe(true);
    expect(canManageGridAt(township, "/1/7/51/300/")).toBe(true);
    expect(canManageGridAt(township, "/1/7/")).toBe(false);
    expect(canManageGridAt(township, "/1/")).toBe(false);
    expect(canManageGridAt(township, "/1/8/60/")).toBe(false);
    // A path prefix is a whole segment: grid 70 is not below grid 7.
    expect(canManageGridAt(township, "/1/70/")).toBe(false);
  });
  it("lets a township officer place grids under their township or anything below it", () => {
    expect(canPlaceUnder(township, "/1/7/")).toBe(true);
    expect(canPlaceUnder(township, "/1/7/51/")).toBe(true);
    expect(canPlaceUnder(township, "/1/")).toBe(false);
    expect(canPlaceUnder(township, "/1/8/")).toBe(false);
  });
  it("lets the district office manage and place everywhere, the district root included", () => {
    expect(canManageGridAt(office, "/1/")).toBe(true);
    expect(canPlaceUnder(office, "/1/7/51/")).toBe(true);
  });
});
