import { describe, expect, it } from "vitest";
import {
  chineseNotification,
  NOTIFICATION_MESSAGES,
  type NotificationMessage,
  type NotificationWording,
  readNotificationMessage,
  renderNotification,
} from "./notification-messages.ts";

const DUE = "2025-10-17T15:59:59.999Z"; // 2025/10/17 23:59 in Beijing
const about = { trackingNo: "GC20251003ABCDEF", title: "砖厂夜间偷排废气" };
const LABEL = "GC20251003ABCDEF「砖厂夜间偷排废气」";

/** One message of each code, with the Chinese the commands wrote before messages had codes. */
const EXAMPLES: [NotificationMessage, string, string][] = [
  [
    {
      code: "case_reported",
      params: {
        ...about,
        source: "patrol_finding",
        category: "industrial_air",
        gridId: 7,
        gridName: "亚尔村",
        dueAt: DUE,
      },
    },
    `新上报待受理：${LABEL}`,
    "网格巡查发现，工业废气污染，亚尔村，请于 2025/10/17 23:59 前处理",
  ],
  [
    {
      code: "case_reported_supervised",
      params: {
        ...about,
        priority: "urgent",
        category: "drinking_water_source",
        gridId: 7,
        gridName: "亚尔村",
        dueAt: null,
      },
    },
    `【迅速督办】紧急案件上报：${LABEL}`,
    "饮用水水源地污染，亚尔村",
  ],
  [
    {
      code: "case_action_required",
      params: { ...about, stage: "registered", actions: ["handle_locally", "transfer"], dueAt: DUE },
    },
    `待办：${LABEL} 已立案待研判`,
    "可执行：属地办理、移交移送，期限 2025/10/17 23:59",
  ],
  [
    {
      code: "case_stage_supervised",
      params: {
        ...about,
        priority: "important",
        action: "accept",
        fromStage: "reported",
        toStage: "accepted",
        dueAt: DUE,
      },
    },
    `【全程督办】${LABEL}`,
    "受理：已上报待受理 → 已受理待立案，期限 2025/10/17 23:59",
  ],
  [
    {
      code: "case_registered",
      params: { ...about, action: "register", fromStage: "accepted", toStage: "registered", dueAt: null },
    },
    `【立案上报】${LABEL}`,
    "立案并上报：已受理待立案 → 已立案待研判",
  ],
  [{ code: "filed_case_replied", params: { ...about, reason: null } }, `您上报的案件${LABEL}：已答复`, ""],
  [
    { code: "filed_case_ended", params: { ...about, stage: "rejected", reason: "非环境问题" } },
    `您上报的案件${LABEL}：不予受理`,
    "理由：非环境问题",
  ],
  [
    { code: "case_rerouted", params: { ...about, reason: "实际位于胜金村" } },
    `改派至本网格：${LABEL}`,
    "理由：实际位于胜金村",
  ],
  [
    {
      code: "case_overdue",
      params: {
        ...about,
        stage: "reported",
        phase: "acceptance",
        dueAt: DUE,
        actions: ["accept", "reject", "merge_into"],
      },
    },
    `已逾期：${LABEL}`,
    "已上报待受理，受理时限已于 2025/10/17 23:59 届满，请立即处理（可执行：受理、不予受理、合并重复件）",
  ],
  [
    { code: "case_escalated", params: { ...about, stage: "handling", phase: null, dueAt: DUE } },
    `【逾期升级】${LABEL}`,
    "办理中，期限已于 2025/10/17 23:59 届满，请督办",
  ],
  [
    {
      code: "case_escalated_again",
      params: { ...about, stage: "reported", phase: "acceptance", dueAt: DUE, workingDays: 5 },
    },
    `【二次升级】${LABEL}`,
    "已上报待受理，受理时限已于 2025/10/17 23:59 届满，逾期超过5个工作日，请督办",
  ],
  [
    { code: "daily_digest", params: { day: "2025-11-20", open: 412, overdue: 3, soon: 0 } },
    "【定期督办】2025-11-20 一般事项汇总",
    "在办一般事项 412 件，其中已逾期 3 件、3日内到期 0 件。",
  ],
  [
    { code: "calendar_exhausted", params: { year: 2027, dueAt: DUE, lastLoadedYear: null } },
    "请录入2027年节假日安排",
    "有案件期限（2025/10/17 23:59）已超出已录入的工作日历（最后一年：无），暂按周一至周五计算。",
  ],
  [
    { code: "case_todo", params: { ...about, actions: ["reply_to_reporter", "inform_lower_grid"] } },
    `待办：${LABEL}`,
    "可执行：答复举报人、告知下级网格",
  ],
];

describe("notification messages", () => {
  it("builds the Chinese title and body the commands wrote before, for every code", () => {
    expect(EXAMPLES.map(([m]) => m.code).sort()).toEqual([...NOTIFICATION_MESSAGES].sort());
    for (const [message, title, body] of EXAMPLES)
      expect(chineseNotification(message), message.code).toEqual({ title, body });
  });

  it("reads back what it stored, and nothing else", () => {
    for (const [message] of EXAMPLES)
      expect(readNotificationMessage(message.code, JSON.parse(JSON.stringify(message.params)))).toEqual(
        message,
      );
    const digest = { day: "2025-11-20", open: 1, overdue: 0, soon: 0 };
    expect(readNotificationMessage(null, {})).toBeNull(); // a row from before migration 0021
    expect(readNotificationMessage("from_a_later_build", digest)).toBeNull();
    expect(readNotificationMessage("toString", digest)).toBeNull();
    expect(readNotificationMessage("daily_digest", null)).toBeNull();
    expect(readNotificationMessage("daily_digest", [digest])).toBeNull();
    expect(readNotificationMessage("daily_digest", { ...digest, open: undefined })).toBeNull();
    expect(readNotificationMessage("daily_digest", { ...digest, open: "1" })).toBeNull();
    expect(readNotificationMessage("daily_digest", { ...digest, open: 1.5 })).toBeNull();
    expect(readNotificationMessage("case_todo", { ...about, actions: ["accept", 3] })).toBeNull();
    expect(readNotificationMessage("case_todo", { ...about, actions: "accept" })).toBeNull();
  });

  it("words a message in another language from its codes, keeping typed text as typed", () => {
    const english: NotificationWording = {
      text: (key, words = {}) =>
        `${key}(${Object.entries(words)
          .map(([k, v]) => `${k}=${v}`)
          .join(";")})`,
      stage: (c) => `stage:${c}`,
      action: (c) => `action:${c}`,
      source: (c) => `source:${c}`,
      category: (c) => `category:${c}`,
      priority: (c) => `priority:${c}`,
      supervisionLevel: (c) => `level:${c}`,
      deadlinePhase: (c) => `phase:${c}`,
      grid: (id, name) => `grid:${id}/${name}`,
      time: (utc) => `time:${utc}`,
    };
    const [reported] = EXAMPLES[1];
    const { title } = renderNotification(reported, english);
    expect(title).toContain("level=level:rapid");
    expect(title).toContain("priority=priority:urgent");
    expect(title).toContain("case=parts.case(trackingNo=GC20251003ABCDEF;title=砖厂夜间偷排废气)");

    const braces = chineseNotification({
      code: "case_rerouted",
      params: { trackingNo: "GC1", title: "{{reason}}", reason: "{{case}}" },
    });
    expect(braces).toEqual({ title: "改派至本网格：GC1「{{reason}}」", body: "理由：{{case}}" });
  });
});
