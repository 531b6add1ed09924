import { describe, expect, it } from "vitest";
import { permittedActions } from "./case-actions.ts";
import { isOverdue } from "./case-deadline.ts";
import {
  actorOf,
  dept,
  leader,
  member,
  office,
  refusal,
  step,
  supervisor,
  testRules,
  township,
} from "./case-fixtures.ts";
import { decide, openCase } from "./case-machine.ts";
import type { CaseState } from "./case-state.ts";
import { DEFAULT_EXTENSION_POLICY } from "./deadline-rules.ts";

const sh = (local: string) => new Date(`${local}+08:00`);
const endOf = (date: string) => sh(`${date}T23:59:59.999`);
const hoursAfter = (t: Date, h: number) => new Date(t.getTime() + h * 3_600_000);

const t0 = sh("2025-09-22T10:00:00"); // a Monday, a week before the National Day holiday
const report = (over: Partial<Parameters<typeof openCase>[0]> = {}) =>
  openCase(
    { id: "c1", category: "industrial_air", priority: "normal", reporterReplyRequired: true, ...over },
    t0,
    testRules,
  );

/** Accepted and registered by the township, ready to be handled or transferred. */
function registered(over: Partial<Parameters<typeof openCase>[0]> = {}): CaseState {
  const accepted = step(report(over), township, { action: "accept" }, hoursAfter(t0, 1));
  return step(accepted, township, { action: "register" }, hoursAfter(t0, 2));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe("a new report", () => {
  it("waits for acceptance with the 15-working-day limit, counted past the National Day holiday", () => {
    const c = report();
    expect(c).toMatchObject({ stage: "reported", version: 1, closeDueAt: null });
    expect(c.deadline).toEqual({
      stage: "reported",
      phase: "acceptance",
      dueAt: endOf("2025-10-17"),
      limitKind: "working_days",
      limit: 15,
      cappedByClose: false,
      beyondCalendar: false,
    });
  });

  it("must be accepted within hours when urgent, holiday or not", () => {
    const c = openCase(
      { id: "c2", category: "drinking_water_source", priority: "urgent", reporterReplyRequired: false },
      sh("2025-10-02T22:00:00"),
      testRules,
    );
    expect(c.deadline).toMatchObject({
      phase: "acceptance",
      limitKind: "hours",
      dueAt: sh("2025-10-03T00:00:00"),
    });
  });
});

describe("the loop handled by the case's own grid", () => {
  it("goes report → accept → register → handle → feedback → re-check → close → disclose", () => {
    let c = registered();
    expect(c.closeDueAt).toEqual(testRules.calendar.addWorkingDays(hoursAfter(t0, 1), 60).dueAt);
    c = step(c, township, { action: "handle_locally" }, sh("2025-09-23T09:00:00"));
    expect(c.deadline).toMatchObject({ stage: "handling", phase: "handling", limit: 30 });
    c = step(
      c,
      township,
      {
        action: "record_handling",
        result: "rectification_order",
        summary: "责令限期整改",
        evidenceIds: ["e1"],
      },
      sh("2025-09-25T09:00:00"),
    );
    expect(c).toMatchObject({
      stage: "handled",
      handledBy: "u-township",
      handlingResult: "rectification_order",
    });
    expect(refusal(c, dept, { action: "give_feedback", summary: "x" }, sh("2025-09-25T10:00:00"))).toBe(
      "out_of_jurisdiction",
    );
    c = step(c, township, { action: "reply_to_reporter", summary: "已责令整改" }, sh("2025-09-25T10:00:00"));
    expect(c.stage).toBe("handled");
    expect(refusal(c, township, { action: "request_verification", assigneeId: "u-member" }, t0)).toBe(
      "invalid_stage",
    );
    c = step(c, township, { action: "inform_lower_grid" }, sh("2025-09-25T11:00:00"));
    expect(c.stage).toBe("feedback_given");
    c = step(
      c,
      township,
      { action: "request_verification", assigneeId: "u-member" },
      sh("2025-09-26T09:00:00"),
    );
    expect(c).toMatchObject({ stage: "verifying", verifierId: "u-member" });
    c = step(
      c,
      member,
      { action: "record_verification", passed: true, note: "已整改", evidenceIds: ["p1"] },
      sh("2025-09-28T15:00:00"),
    );
    expect(c.stage).toBe("verified");
    c = step(c, township, { action: "close" }, sh("2025-09-29T09:00:00"));
    expect(c).toMatchObject({
      stage: "closed",
      closedAt: sh("2025-09-29T09:00:00"),
      deadline: null,
      version: 10,
    });
    c = step(c, office, { action: "disclose", summary: "某企业废气超标，已整改" }, sh("2025-09-30T09:00:00"));
    expect(c).toMatchObject({ stage: "closed", version: 11 });
    expect(refusal(c, office, { action: "disclose", summary: "again" }, sh("2025-09-30T10:00:00"))).toBe(
      "already_done",
    );
  });

  it("sends failed re-checks back for rework, with a new round of feedback", () => {
    let c = step(registered(), township, { action: "handle_locally" }, t0);
    c = step(
      c,
      township,
      { action: "record_handling", result: "penalty", summary: "罚款", evidenceIds: [] },
      t0,
    );
    c = step(c, township, { action: "reply_to_reporter", summary: "x" }, t0);
    c = step(c, township, { action: "inform_lower_grid" }, t0);
    c = step(c, township, { action: "request_verification", assigneeId: "u-member" }, t0);
    const other = actorOf("u-other-member", ["grid_member"]);
    const recheck = {
      action: "record_verification",
      passed: false,
      note: "仍在排放",
      evidenceIds: ["p"],
    } as const;
    expect(refusal(c, other, recheck, t0)).toBe("not_assignee");
    expect(refusal(c, township, recheck, t0)).toBe("self_verification");
    expect(refusal(c, member, { ...recheck, evidenceIds: [] }, t0)).toBe("evidence_required");
    const later = sh("2025-09-24T09:00:00");
    c = step(c, member, recheck, later);
    expect(c).toMatchObject({
      stage: "handling",
      reworkCount: 1,
      handlingResult: null,
      reporterRepliedAt: null,
    });
    expect(c.deadline).toMatchObject({ phase: "rework", limit: 15, dueAt: endOf("2025-10-21") });
  });
});

describe("transfer (移交移送) and joint investigation", () => {
  it("lets the receiving department return a transfer with a reason, or accept it and handle it", () => {
    let c = step(registered(), township, { action: "transfer", departmentId: "eco", handlingDays: 10 }, t0);
    expect(c).toMatchObject({ stage: "transferred", assignedDepartmentId: "eco" });
    expect(c.deadline).toMatchObject({ phase: "transfer_acceptance", limit: 3 });
    const otherDept = actorOf("u-water", ["department_officer"], { isAssignedDepartment: false });
    expect(refusal(c, otherDept, { action: "accept_transfer" }, t0)).toBe("out_of_jurisdiction");
    expect(refusal(c, dept, { action: "return_transfer", reason: " " }, t0)).toBe("reason_required");
    c = step(c, dept, { action: "return_transfer", reason: "不属本部门职责" }, t0);
    expect(c).toMatchObject({ stage: "registered", assignedDepartmentId: null, transferReturnCount: 1 });

    c = step(c, township, { action: "transfer", departmentId: "eco", handlingDays: 10 }, t0);
    c = step(c, dept, { action: "accept_transfer" }, sh("2025-09-23T09:00:00"));
    expect(c).toMatchObject({ stage: "handling", handlerKind: "department" });
    // the transferring unit's limit replaces the rule table's 30 days
    expect(c.deadline).toMatchObject({ phase: "handling", limit: 10, dueAt: endOf("2025-10-13") });
    const handling = {
      action: "record_handling",
      result: "no_violation",
      summary: "未发现",
      evidenceIds: [],
    } as const;
    expect(refusal(c, township, handling, t0)).toBe("out_of_jurisdiction");
    c = step(c, dept, handling, sh("2025-09-24T09:00:00"));
    c = step(c, township, { action: "reply_to_reporter", summary: "x" }, t0);
    c = step(c, township, { action: "inform_lower_grid" }, t0);
    expect(c.stage).toBe("handled"); // the transferring unit has not had its feedback yet
    c = step(c, dept, { action: "give_feedback", summary: "未发现违法行为" }, t0);
    expect(c.stage).toBe("feedback_given");
  });

  it("is organized by the district office with a lead and participants; the lead records handling", () => {
    const c = registered();
    expect(
      refusal(
        c,
        township,
        { action: "organize_joint", leadDepartmentId: "eco", participantDepartmentIds: ["water"] },
        t0,
      ),
    ).toBe("forbidden_role");
    expect(
      refusal(
        c,
        office,
        { action: "organize_joint", leadDepartmentId: "eco", participantDepartmentIds: ["eco"] },
        t0,
      ),
    ).toBe("invalid_departments");
    const joint = step(
      c,
      office,
      { action: "organize_joint", leadDepartmentId: "eco", participantDepartmentIds: ["water", "natres"] },
      t0,
    );
    expect(joint).toMatchObject({
      stage: "joint_investigation",
      handlerKind: "joint",
      assignedDepartmentId: "eco",
      participantDepartmentIds: ["water", "natres"],
    });
    const participant = actorOf("u-water", ["department_officer"], { isAssignedDepartment: false });
    const handling = {
      action: "record_handling",
      result: "penalty",
      summary: "联合查处",
      evidenceIds: [],
    } as const;
    expect(refusal(joint, participant, handling, t0)).toBe("out_of_jurisdiction");
    expect(step(joint, dept, handling, t0).stage).toBe("handled");
  });
});

describe("extensions (延期)", () => {
  const handling = () =>
    step(registered(), township, { action: "handle_locally" }, sh("2025-09-23T09:00:00"));

  it("allows one extension of at most 30 working days, approved by the district", () => {
    let c = handling();
    const before = c.deadline?.dueAt as Date;
    const closeBefore = c.closeDueAt as Date;
    expect(refusal(c, township, { action: "request_extension", days: 31, reason: "复杂" }, t0)).toBe(
      "extension_too_long",
    );
    c = step(c, township, { action: "request_extension", days: 20, reason: "需委托检测" }, t0);
    expect(refusal(c, township, { action: "request_extension", days: 5, reason: "x" }, t0)).toBe(
      "extension_pending",
    );
    expect(refusal(c, township, { action: "approve_extension" }, t0)).toBe("forbidden_role");
    c = step(c, leader, { action: "approve_extension" }, t0);
    expect(c).toMatchObject({ extensionsGranted: 1, pendingExtension: null, stageExtensionDays: 20 });
    expect(c.deadline?.dueAt).toEqual(testRules.calendar.addWorkingDays(before, 20).dueAt);
    expect(c.closeDueAt).toEqual(testRules.calendar.addWorkingDays(closeBefore, 20).dueAt);
    expect(refusal(c, township, { action: "request_extension", days: 5, reason: "x" }, t0)).toBe(
      "extension_limit_reached",
    );
  });

  it("refuses self-approval, and a denial leaves the deadline alone", () => {
    const both = actorOf("u-both", ["grid_head", "district_office"]);
    let c = step(handling(), both, { action: "request_extension", days: 10, reason: "x" }, t0);
    expect(refusal(c, both, { action: "approve_extension" }, t0)).toBe("self_approval");
    const due = c.deadline;
    c = step(c, office, { action: "deny_extension", reason: "理由不充分" }, t0);
    expect(c).toMatchObject({ pendingExtension: null, extensionsGranted: 0 });
    expect(c.deadline).toEqual(due);
    expect(refusal(c, office, { action: "deny_extension", reason: "x" }, t0)).toBe("no_extension_requested");
  });
  it("offers a decision only while a request waits, and never to its requester", () => {
    const offered = (c: CaseState, who: typeof office) =>
      permittedActions(c, { ...who, isDistrict: true }, DEFAULT_EXTENSION_POLICY).filter((a) =>
        a.endsWith("_extension"),
      );
    let c = handling();
    // 我的待办 of the district office and the leaders: nothing to decide until someone asks
    expect(offered(c, office)).toEqual([]);
    expect(offered(c, leader)).toEqual([]);
    expect(permittedActions(c, township, DEFAULT_EXTENSION_POLICY)).toContain("request_extension");
    c = step(c, township, { action: "request_extension", days: 10, reason: "需委托检测" }, t0);
    expect(offered(c, office)).toEqual(["approve_extension", "deny_extension"]);
    expect(permittedActions(c, township, DEFAULT_EXTENSION_POLICY)).not.toContain("request_extension");
    const both = actorOf("u-township", ["township_officer", "district_office"]);
    expect(offered(c, both)).toEqual(["deny_extension"]);
    c = step(c, leader, { action: "approve_extension" }, t0);
    expect(offered(c, office)).toEqual([]);
    expect(permittedActions(c, township, DEFAULT_EXTENSION_POLICY)).not.toContain("request_extension");
  });

  it("offers each one-off step once: arrival on site, informing the lower grid; no feedback without a transfer", () => {
    let c = handling();
    expect(permittedActions(c, member, DEFAULT_EXTENSION_POLICY)).toEqual(["arrive_on_site"]);
    c = step(c, member, { action: "arrive_on_site" }, t0);
    expect(permittedActions(c, member, DEFAULT_EXTENSION_POLICY)).toEqual([]);
    c = step(
      c,
      township,
      { action: "record_handling", result: "rectification_order", summary: "已整改", evidenceIds: [] },
      t0,
    );
    // handled by its own grid: no feedback to a transferring unit; the reply and the lower grid remain
    const feedback = permittedActions(c, township, DEFAULT_EXTENSION_POLICY);
    expect(feedback).not.toContain("give_feedback");
    expect(feedback).toContain("inform_lower_grid");
    c = step(c, township, { action: "inform_lower_grid" }, t0);
    expect(permittedActions(c, township, DEFAULT_EXTENSION_POLICY)).not.toContain("inform_lower_grid");
  });
});

describe("urgent cases", () => {
  it("run a site-arrival clock in hours before the handling clock", () => {
    const start = sh("2025-10-01T08:00:00"); // National Day: hour limits ignore holidays
    let c = openCase(
      { id: "c3", category: "drinking_water_source", priority: "urgent", reporterReplyRequired: true },
      start,
      testRules,
    );
    c = step(c, township, { action: "accept" }, hoursAfter(start, 1));
    c = step(c, township, { action: "register" }, hoursAfter(start, 1.5));
    expect(c.deadline).toMatchObject({ phase: "dispatch", dueAt: hoursAfter(start, 3.5) });
    c = step(c, township, { action: "handle_locally" }, hoursAfter(start, 2));
    expect(c.deadline).toMatchObject({
      phase: "site_arrival",
      limitKind: "hours",
      dueAt: hoursAfter(start, 4),
    });
    expect(isOverdue(c, hoursAfter(start, 4.5))).toBe(true);
    c = step(c, member, { action: "arrive_on_site" }, hoursAfter(start, 3));
    expect(c.deadline).toMatchObject({ phase: "handling", limitKind: "working_days", limit: 10 });
    expect(isOverdue(c, hoursAfter(start, 4.5))).toBe(false);
    expect(refusal(c, member, { action: "arrive_on_site" }, hoursAfter(start, 3))).toBe("already_on_site");
  });

  it("have no site-arrival clock when normal, except for a drinking-water source", () => {
    const normal = step(registered(), township, { action: "handle_locally" }, t0);
    expect(normal.deadline?.phase).toBe("handling");
    const water = step(
      registered({ category: "drinking_water_source" }),
      township,
      { action: "handle_locally" },
      t0,
    );
    expect(water.deadline).toMatchObject({ phase: "site_arrival", limit: 2 });
  });
});

describe("deadlines", () => {
  it("are capped by the overall close limit", () => {
    const late = testRules.calendar.addWorkingDays(hoursAfter(t0, 1), 45).dueAt; // registered, then left for 45 days
    const c = step(registered(), township, { action: "handle_locally" }, late);
    expect(c.deadline).toMatchObject({ phase: "handling", cappedByClose: true, dueAt: c.closeDueAt });
    expect(isOverdue(c, c.closeDueAt as Date)).toBe(false);
    expect(isOverdue(c, new Date((c.closeDueAt as Date).getTime() + 1))).toBe(true);
  });

  it("warn when they are counted past the last loaded calendar year", () => {
    const december = sh("2026-12-01T09:00:00");
    const c = openCase(
      { id: "c4", category: "industrial_air", priority: "normal", reporterReplyRequired: true },
      december,
      testRules,
    );
    const d = decide(c, { action: "accept", version: 1 }, township, december, testRules);
    expect(d.ok && d.events.map((e) => e.type)).toEqual(["transition", "calendar_exhausted"]);
  });
});

describe("decide", () => {
  it("checks the version first, whatever the action and the actor", () => {
    const c = report();
    expect(decide(c, { action: "accept", version: 2 }, supervisor, t0, testRules)).toEqual({
      ok: false,
      reason: "stale_version",
    });
    expect(decide(c, { action: "close", version: 0 }, township, t0, testRules)).toEqual({
      ok: false,
      reason: "stale_version",
    });
  });

  it("refuses roles outside the action, stages it does not start from, and cases out of scope", () => {
    const c = report();
    expect(refusal(c, supervisor, { action: "accept" }, t0)).toBe("forbidden_role");
    expect(refusal(c, actorOf("u-sys", ["sys_admin"], { isDistrict: true }), { action: "accept" }, t0)).toBe(
      "forbidden_role",
    );
    expect(refusal(c, township, { action: "register" }, t0)).toBe("invalid_stage");
    const elsewhere = actorOf("u-t2", ["township_officer"], { inCaseGrid: false });
    expect(refusal(c, elsewhere, { action: "accept" }, t0)).toBe("out_of_jurisdiction");
    expect(decide(c, { action: "fly" as "accept", version: 1 }, township, t0, testRules)).toEqual({
      ok: false,
      reason: "unknown_action",
    });
  });

  it("rejects with a reason, and merges duplicates into another case", () => {
    const c = report();
    expect(refusal(c, township, { action: "reject", reason: "" }, t0)).toBe("reason_required");
    expect(step(c, township, { action: "reject", reason: "不属于环境问题" }, t0)).toMatchObject({
      stage: "rejected",
      rejectionReason: "不属于环境问题",
      deadline: null,
    });
    expect(refusal(c, township, { action: "merge_into", targetCaseId: "c1" }, t0)).toBe("invalid_target");
    expect(step(c, township, { action: "merge_into", targetCaseId: "c0" }, t0)).toMatchObject({
      stage: "merged",
      mergedIntoId: "c0",
      deadline: null,
    });
  });

  it("never modifies the state it is given, and records the transition as an event", () => {
    const c = deepFreeze(report());
    const d = decide(c, { action: "reject", version: 1, reason: "重复" }, township, t0, testRules);
    expect(d.ok && d.events).toEqual([
      {
        type: "transition",
        action: "reject",
        from: "reported",
        to: "rejected",
        at: t0,
        actorId: "u-township",
        data: { reason: "重复" },
      },
    ]);
  });

  it("lists the actions an actor may try now", () => {
    const c = report();
    expect(permittedActions(c, township, DEFAULT_EXTENSION_POLICY)).toEqual([
      "accept",
      "reject",
      "merge_into",
    ]);
    expect(permittedActions(c, member, DEFAULT_EXTENSION_POLICY)).toEqual([]);
    expect(permittedActions(c, supervisor, DEFAULT_EXTENSION_POLICY)).toEqual([]);
    expect(permittedActions(registered(), office, DEFAULT_EXTENSION_POLICY)).toEqual([
      "transfer",
      "organize_joint",
    ]);
  });
});
