import { describe, expect, it } from "vitest";
import { beijingDayRange } from "./beijingDays";

describe("beijingDayRange", () => {
  it("covers whole Beijing days, the last one included, as UTC instants", () => {
    expect(beijingDayRange("2024-05-01", "2024-05-01")).toEqual({
      from: "2024-04-30T16:00:00.000Z",
      to: "2024-05-01T16:00:00.000Z",
    });
    expect(beijingDayRange("2024-12-31", "2025-01-02")).toEqual({
      from: "2024-12-30T16:00:00.000Z",
      to: "2025-01-02T16:00:00.000Z",
    });
  });
});
