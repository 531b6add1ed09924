import { describe, expect, it } from "vitest";
import { rate } from "./rate.ts";

describe("rate", () => {
  it("is null when nothing was due, not zero", () => {
    expect(rate(0, 0)).toBeNull();
  });
  it("rounds to four decimals", () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(3, 3)).toBe(1);
    expect(rate(0, 5)).toBe(0);
  });
});
