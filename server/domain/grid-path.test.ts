import { describe, expect, it } from "vitest";
import { ancestorIds, childPath, isWithin, minimalCover } from "./grid-path.ts";

describe("grid paths", () => {
  it("builds and reads materialized paths of any depth", () => {
    expect(childPath(null, 1)).toBe("/1/");
    expect(childPath("/1/4/", 27)).toBe("/1/4/27/");
    expect(ancestorIds("/1/4/27/")).toEqual([1, 4]);
    expect(ancestorIds("/1/4/27/300/301/")).toEqual([1, 4, 27, 300]);
  });
  it("does not confuse /1/2/ with /1/23/", () => {
    expect(isWithin("/1/23/", "/1/2/")).toBe(false);
    expect(isWithin("/1/2/5/", "/1/2/")).toBe(true);
  });
  it("keeps only the top of overlapping subtrees", () => {
    expect(minimalCover(["/1/2/5/", "/1/2/", "/1/3/", "/1/3/"])).toEqual(["/1/2/", "/1/3/"]);
  });
});
