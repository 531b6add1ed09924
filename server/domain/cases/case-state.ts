import type { WorkCalendar } from "../calendar/work-calendar.ts";
import type { DeadlinePhase, DeadlineRule, ExtensionPolicy, LimitKind } from "./deadline-rules.ts";
import type { Priority } from "./priorities.ts";

/** Stages of the case loop (DOMAIN.md §4, GB/T 30428's seven stages). */
export const CASE_STAGES = [
  "reported",
  "accepted",
  "rejected",
  "merged",
  "registered",
  "transferred",
  "joint_investigation",
  "handling",
  "handled",
  "feedback_given",
  "verifying",
  "verified",
  "closed",
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const STAGE_NAMES: Record<CaseStage, string> = {
  reported: "已上报待受理",
  accepted: "已受理待立案",
  rejected: "不予受理",
  merged: "已合并",
  registered: "已立案待研判",
  transferred: "已移交待接收",
  joint_investigation: "联合执法中",
  handling: "办理中",
  handled: "已办理待反馈",
  feedback_given: "已反馈待核查",
  verifying: "核查中",
  verified: "核查通过待销号",
  closed: "已销号",
};

export const TERMINAL_STAGES: readonly CaseStage[] = ["rejected", "merged", "closed"];

export function isTerminal(stage: CaseStage): boolean {
  return TERMINAL_STAGES.includes(stage);
}

/** Who handles the case: the case's own grid (township), one department, or a joint investigation. */
export type HandlerKind = "grid" | "department" | "joint";

export const HANDLING_RESULTS = ["rectification_order", "penalty", "no_violation", "other"] as const;
export type HandlingResult = (typeof HANDLING_RESULTS)[number];

export interface PendingExtension {
  days: number;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
}

/** The one deadline an open case is working against. */
export interface CaseDeadline {
  stage: CaseStage;
  /** What must be achieved by `dueAt` (one stage can have two phases: site arrival, then handling). */
  phase: DeadlinePhase;
  dueAt: Date;
  limitKind: LimitKind;
  limit: number;
  /** True when the overall close limit came before the stage's own limit. */
  cappedByClose: boolean;
  /** True when the working-day count ran into a year whose holiday notice is not loaded. */
  beyondCalendar: boolean;
}

/** Everything the machine needs about a case; the server persists these fields one to one. */
export interface CaseState {
  id: string;
  version: number;
  stage: CaseStage;
  category: string;
  priority: Priority;
  reportedAt: Date;
  stageEnteredAt: Date;
  /** Set on acceptance from the overall_close rule; extended by approved extensions. */
  closeDueAt: Date | null;
  deadline: CaseDeadline | null;
  handlerKind: HandlerKind | null;
  /** The receiving department while transferred, the handling one, or the lead of a joint investigation. */
  assignedDepartmentId: string | null;
  participantDepartmentIds: readonly string[];
  /** Handling limit set by the transferring unit, overriding the rule table. */
  handlingDays: number | null;
  onSiteAt: Date | null;
  handledBy: string | null;
  handlingResult: HandlingResult | null;
  /** False for reports nobody can be answered on (e.g. a monitoring alert). */
  reporterReplyRequired: boolean;
  feedbackToTransferrerAt: Date | null;
  reporterRepliedAt: Date | null;
  lowerGridInformedAt: Date | null;
  verifierId: string | null;
  verificationPassedAt: Date | null;
  pendingExtension: PendingExtension | null;
  extensionsGranted: number;
  /** Extension days granted in the current handling round; they push its deadline out. */
  stageExtensionDays: number;
  reworkCount: number;
  transferReturnCount: number;
  rejectionReason: string | null;
  mergedIntoId: string | null;
  closedAt: Date | null;
  disclosedAt: Date | null;
}

/** The configuration the machine runs on: calendar, deadline table, extension policy. */
export interface CaseRules {
  calendar: WorkCalendar;
  deadlines: readonly DeadlineRule[];
  extension: ExtensionPolicy;
}
