import { describe, expect, it } from "vitest";
import { zhCN } from "../i18n/zh-CN";
import { gpsProblemOf } from "./gps";

describe("gpsProblemOf", () => {
  it("maps the GeolocationPositionError codes to advice the member can follow", () => {
    expect(gpsProblemOf(1)).toBe("denied");
    expect(gpsProblemOf(2)).toBe("unavailable");
    expect(gpsProblemOf(3)).toBe("timeout");
    expect(zhCN.patrol.gps[gpsProblemOf(1)]).toMatch(/浏览器设置.*允许/);
    expect(zhCN.patrol.gps[gpsProblemOf(2)]).toMatch(/室外/);
  });
});
