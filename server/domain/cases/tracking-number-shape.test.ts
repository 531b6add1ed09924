import { describe, expect, it } from "vitest";
import { trackingNumber } from "./tracking-number.ts";
import { isTrackingNo, normalizeTrackingNo } from "./tracking-number-shape.ts";

describe("the shape of a tracking number", () => {
  it("accepts every number the generator draws", () => {
    let seed = 7;
    const draw = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 200; i++)
      expect(isTrackingNo(trackingNumber(new Date(Date.UTC(2026, 10, 30, 17)), draw))).toBe(true);
  });

  it("refuses what cannot be one", () => {
    for (const bad of [
      "",
      "GC",
      "GC2026113NRSPJ8",
      "GC20261130NRSPJ",
      "GC20261130NRSPJ88",
      "gc20261130nrspj8",
    ])
      expect(isTrackingNo(bad), bad).toBe(false);
    expect(isTrackingNo("GC20261130NRSPJ1")).toBe(false); // 1 is not drawn
  });

  it("reads what a person typed or pasted", () => {
    expect(normalizeTrackingNo(" gc20261130nrspj8 ")).toBe("GC20261130NRSPJ8");
    expect(normalizeTrackingNo("GC 2026-1130 NRS PJ8")).toBe("GC20261130NRSPJ8");
    expect(normalizeTrackingNo("ＧＣ２０２６１１３０ＮＲＳＰＪ８")).toBe("GC20261130NRSPJ8");
    expect(isTrackingNo(normalizeTrackingNo("ｇｃ２０２６１１３０ｎｒｓｐｊ８"))).toBe(true);
  });
});
