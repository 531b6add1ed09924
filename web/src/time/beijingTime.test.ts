import { describe, expect, it } from "vitest";
import { formatShanghai } from "../../../server/domain/shanghai-time";
import { formatBeijingTime } from "./beijingTime";

const INSTANTS = [
  "2025-11-20T09:00:59.999Z",
  "2025-12-31T16:00:00Z",
  "2026-01-01T15:59:30Z",
  "2026-06-30T23:07:01Z",
];

describe("Beijing time on screen", () => {
  it("shows a time to the minute in Chinese exactly as the server's stored Chinese messages do", () => {
    for (const utc of INSTANTS)
      for (const language of ["zh-CN", "ug"])
        expect(formatBeijingTime(utc, language, "minute"), `${language} ${utc}`).toBe(
          formatShanghai(new Date(utc)),
        );
    expect(formatBeijingTime("2025-11-20T09:00:59Z", "zh-CN", "minute")).toBe("2025/11/20 17:00");
  });

  it("shows English day-first, to the minute or to the second", () => {
    expect(formatBeijingTime("2025-12-31T16:00:00Z", "en", "minute")).toBe("01/01/2026, 00:00");
    expect(formatBeijingTime("2025-12-31T16:00:07Z", "en", "second")).toBe("01/01/2026, 00:00:07");
    expect(formatBeijingTime("2025-11-20T09:00:59Z", "zh-CN", "second")).toBe("2025/11/20 17:00:59");
  });

  it("answers an empty or unreadable value without throwing", () => {
    expect(formatBeijingTime(null, "en", "minute")).toBe("");
    expect(formatBeijingTime("not a time", "zh-CN", "second")).toBe("not a time");
  });
});
