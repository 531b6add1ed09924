import type { Due } from "../calendar/work-calendar.ts";
import type { CaseDeadline, CaseRules, CaseStage, CaseState } from "./case-state.ts";
import { type DeadlinePhase, type Limit, resolveLimit } from "./deadline-rules.ts";

const PHASE_OF_STAGE: Partial<Record<CaseStage, DeadlinePhase>> = {
  reported: "acceptance",
  accepted: "registration",
  registered: "dispatch",
  transferred: "transfer_acceptance",
  handled: "feedback",
  feedback_given: "verification_request",
  verifying: "verification",
  verified: "closing",
};

/** What the current deadline is about; null for a terminal case. */
export function deadlinePhaseOf(state: CaseState, rules: CaseRules): DeadlinePhase | null {
  if (state.stage === "handling" || state.stage === "joint_investigation") {
    // the site-arrival clock runs first where the table sets one, then the handling clock
    if (
      state.onSiteAt === null &&
      resolveLimit(rules.deadlines, "site_arrival", state.category, state.priority)
    )
      return "site_arrival";
    return state.reworkCount > 0 ? "rework" : "handling";
  }
  return PHASE_OF_STAGE[state.stage] ?? null;
}

function addLimit(rules: CaseRules, start: Date, limit: Limit): Due {
  return limit.kind === "hours"
    ? rules.calendar.addWorkingHours(start, limit.amount)
    : rules.calendar.addWorkingDays(start, limit.amount);
}

/** The overall limit, counted from acceptance (受理): 信访 practice counts the 60 days from there. */
export function closeDue(state: CaseState, acceptedAt: Date, rules: CaseRules): Due {
  const limit = resolveLimit(rules.deadlines, "overall_close", state.category, state.priority);
  if (limit === null) throw new Error("overall_close must have a limit");
  return addLimit(rules, acceptedAt, limit);
}

/**
 * The one current deadline of an open case, counted from when it entered its stage. Handling limits grow
 * by the extension days granted in this round; every stage after acceptance is capped by the close limit.
 */
export function currentDeadline(state: CaseState, rules: CaseRules): CaseDeadline | null {
  const phase = deadlinePhaseOf(state, rules);
  if (phase === null) return null;
  const limit: Limit | null =
    phase === "handling" && state.handlingDays !== null
      ? { kind: "working_days", amount: state.handlingDays }
      : resolveLimit(rules.deadlines, phase, state.category, state.priority);
  if (limit === null) throw new Error(`phase ${phase} has no limit`);
  let due = addLimit(rules, state.stageEnteredAt, limit);
  if ((phase === "handling" || phase === "rework") && state.stageExtensionDays > 0) {
    const extended = rules.calendar.addWorkingDays(due.dueAt, state.stageExtensionDays);
    due = { dueAt: extended.dueAt, beyondCalendar: due.beyondCalendar || extended.beyondCalendar };
  }
  const cappedByClose = state.closeDueAt !== null && state.closeDueAt.getTime() < due.dueAt.getTime();
  return {
    stage: state.stage,
    phase,
    dueAt: cappedByClose ? (state.closeDueAt as Date) : due.dueAt,
    limitKind: limit.kind,
    limit: limit.amount,
    cappedByClose,
    beyondCalendar: due.beyondCalendar,
  };
}

export function isOverdue(state: CaseState, now: Date): boolean {
  return state.deadline !== null && now.getTime() > state.deadline.dueAt.getTime();
}
