import { CASE_ACTIONS, type CaseAction, type CaseActor, hasGrantedRole, isGranted } from "./case-actions.ts";
import { closeDue, currentDeadline } from "./case-deadline.ts";
import { stateRefusal } from "./case-preconditions.ts";
import {
  type CaseRules,
  type CaseStage,
  type CaseState,
  HANDLING_RESULTS,
  type HandlingResult,
  isTerminal,
} from "./case-state.ts";
import type { Priority } from "./priorities.ts";

type Cmd<A extends CaseAction, P = Record<never, never>> = { action: A; version: number } & P;

/** A transition request as the client sends it: the action, the version it saw, and the action's payload. */
export type CaseCommand =
  | Cmd<"accept">
  | Cmd<"reject", { reason: string }>
  | Cmd<"merge_into", { targetCaseId: string }>
  | Cmd<"register">
  | Cmd<"handle_locally">
  | Cmd<"transfer", { departmentId: string; handlingDays?: number }>
  | Cmd<"accept_transfer">
  | Cmd<"return_transfer", { reason: string }>
  | Cmd<"organize_joint", { leadDepartmentId: string; participantDepartmentIds: readonly string[] }>
  | Cmd<"arrive_on_site">
  | Cmd<"request_extension", { days: number; reason: string }>
  | Cmd<"approve_extension">
  | Cmd<"deny_extension", { reason: string }>
  | Cmd<"record_handling", { result: HandlingResult; summary: string; evidenceIds: readonly string[] }>
  | Cmd<"give_feedback", { summary: string }>
  | Cmd<"reply_to_reporter", { summary: string }>
  | Cmd<"inform_lower_grid">
  | Cmd<"request_verification", { assigneeId: string }>
  | Cmd<"record_verification", { passed: boolean; note: string; evidenceIds: readonly string[] }>
  | Cmd<"close">
  | Cmd<"disclose", { summary: string }>;

export type RefusalCode =
  | "stale_version"
  | "unknown_action"
  | "forbidden_role"
  | "invalid_stage"
  | "out_of_jurisdiction"
  | "reason_required"
  | "summary_required"
  | "invalid_target"
  | "invalid_departments"
  | "invalid_days"
  | "extension_too_long"
  | "extension_pending"
  | "extension_limit_reached"
  | "no_extension_requested"
  | "self_approval"
  | "invalid_result"
  | "already_done"
  | "already_on_site"
  | "not_transferred"
  | "no_reporter"
  | "assignee_required"
  | "not_assignee"
  | "self_verification"
  | "evidence_required"
  | "not_verified";

export type CaseEvent =
  | {
      type: "transition";
      action: CaseAction;
      from: CaseStage;
      to: CaseStage;
      at: Date;
      actorId: string;
      /** The command's payload (reason, department, result …); never the reporter's identity. */
      data: Record<string, unknown>;
    }
  /** A deadline was counted into a year with no holiday notice loaded: tell the administrators. */
  | { type: "calendar_exhausted"; at: Date; dueAt: Date; lastLoadedYear: number | null };

export type Decision =
  | { ok: false; reason: RefusalCode }
  | { ok: true; next: CaseState; events: CaseEvent[] };

interface Refusal {
  refused: RefusalCode;
}
type Change = Partial<CaseState>;
type Ctx = { state: CaseState; actor: CaseActor; now: Date; rules: CaseRules };
type Appliers = {
  [A in CaseAction]: (cmd: Extract<CaseCommand, { action: A }>, ctx: Ctx) => Change | Refusal;
};

const refuse = (refused: RefusalCode): Refusal => ({ refused });
const hasText = (s: unknown): boolean => typeof s === "string" && s.trim() !== "";
const isPositiveInt = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 1;

function feedbackComplete(s: CaseState): boolean {
  return (
    (s.handlerKind === "grid" || s.feedbackToTransferrerAt !== null) &&
    (!s.reporterReplyRequired || s.reporterRepliedAt !== null) &&
    s.lowerGridInformedAt !== null
  );
}

/** Sets one feedback flag; the last of the required ones moves the case on to feedback_given. */
function feedbackStep(state: CaseState, change: Change): Change {
  return feedbackComplete({ ...state, ...change }) ? { ...change, stage: "feedback_given" } : change;
}

const apply: Appliers = {
  accept: (_, { state, now, rules }) => ({
    stage: "accepted",
    closeDueAt: closeDue(state, now, rules).dueAt,
  }),
  reject: (cmd) =>
    hasText(cmd.reason) ? { stage: "rejected", rejectionReason: cmd.reason } : refuse("reason_required"),
  merge_into: (cmd, { state }) =>
    hasText(cmd.targetCaseId) && cmd.targetCaseId !== state.id
      ? { stage: "merged", mergedIntoId: cmd.targetCaseId }
      : refuse("invalid_target"),
  register: () => ({ stage: "registered" }),
  handle_locally: () => ({ stage: "handling", handlerKind: "grid" }),
  transfer: (cmd) => {
    if (!hasText(cmd.departmentId)) return refuse("invalid_target");
    if (cmd.handlingDays !== undefined && !isPositiveInt(cmd.handlingDays)) return refuse("invalid_days");
    return {
      stage: "transferred",
      assignedDepartmentId: cmd.departmentId,
      handlingDays: cmd.handlingDays ?? null,
    };
  },
  accept_transfer: () => ({ stage: "handling", handlerKind: "department" }),
  return_transfer: (cmd, { state }) =>
    hasText(cmd.reason)
      ? {
          stage: "registered",
          assignedDepartmentId: null,
          handlingDays: null,
          transferReturnCount: state.transferReturnCount + 1,
        }
      : refuse("reason_required"),
  organize_joint: (cmd) => {
    const ids = [
      cmd.leadDepartmentId,
      ...(Array.isArray(cmd.participantDepartmentIds) ? cmd.participantDepartmentIds : []),
    ];
    if (ids.length < 2 || !ids.every(hasText) || new Set(ids).size !== ids.length)
      return refuse("invalid_departments");
    return {
      stage: "joint_investigation",
      handlerKind: "joint",
      assignedDepartmentId: cmd.leadDepartmentId,
      participantDepartmentIds: ids.slice(1),
    };
  },
  arrive_on_site: (_, { now }) => ({ onSiteAt: now }),
  request_extension: (cmd, { actor, now, rules }) => {
    if (!isPositiveInt(cmd.days)) return refuse("invalid_days");
    if (cmd.days > rules.extension.maxDays) return refuse("extension_too_long");
    if (!hasText(cmd.reason)) return refuse("reason_required");
    return {
      pendingExtension: { days: cmd.days, reason: cmd.reason, requestedBy: actor.userId, requestedAt: now },
    };
  },
  approve_extension: (_, { state, now, rules }) => {
    const pending = state.pendingExtension;
    if (pending === null) return refuse("no_extension_requested"); // stateRefusal's guard; narrows the type
    return {
      pendingExtension: null,
      extensionsGranted: state.extensionsGranted + 1,
      stageExtensionDays: state.stageExtensionDays + pending.days,
      closeDueAt: rules.calendar.addWorkingDays(state.closeDueAt ?? now, pending.days).dueAt,
    };
  },
  deny_extension: (cmd) => (hasText(cmd.reason) ? { pendingExtension: null } : refuse("reason_required")),
  record_handling: (cmd, { actor }) => {
    if (!HANDLING_RESULTS.includes(cmd.result)) return refuse("invalid_result");
    if (!hasText(cmd.summary)) return refuse("summary_required");
    // a pending extension request is moot once the handling is done
    return { stage: "handled", handledBy: actor.userId, handlingResult: cmd.result, pendingExtension: null };
  },
  give_feedback: (cmd, { state, now }) =>
    hasText(cmd.summary) ? feedbackStep(state, { feedbackToTransferrerAt: now }) : refuse("summary_required"),
  reply_to_reporter: (cmd, { state, now }) =>
    hasText(cmd.summary) ? feedbackStep(state, { reporterRepliedAt: now }) : refuse("summary_required"),
  inform_lower_grid: (_, { state, now }) => feedbackStep(state, { lowerGridInformedAt: now }),
  request_verification: (cmd) =>
    hasText(cmd.assigneeId)
      ? { stage: "verifying", verifierId: cmd.assigneeId }
      : refuse("assignee_required"),
  record_verification: (cmd, { state, now }) => {
    if (!Array.isArray(cmd.evidenceIds) || cmd.evidenceIds.length === 0) return refuse("evidence_required");
    if (cmd.passed === true) return { stage: "verified", verificationPassedAt: now };
    // 返工: back to whoever handled it; the new result needs new feedback and a new re-check
    return {
      stage: state.handlerKind === "joint" ? "joint_investigation" : "handling",
      reworkCount: state.reworkCount + 1,
      handlingResult: null,
      feedbackToTransferrerAt: null,
      reporterRepliedAt: null,
      lowerGridInformedAt: null,
      verifierId: null,
    };
  },
  close: (_, { now }) => ({ stage: "closed", closedAt: now }),
  disclose: (cmd, { now }) => (hasText(cmd.summary) ? { disclosedAt: now } : refuse("summary_required")),
};

/** A new report, waiting for level 2 to accept it. */
export function openCase(
  input: { id: string; category: string; priority: Priority; reporterReplyRequired: boolean },
  now: Date,
  rules: CaseRules,
): CaseState {
  const state: CaseState = {
    ...input,
    version: 1,
    stage: "reported",
    reportedAt: now,
    stageEnteredAt: now,
    closeDueAt: null,
    deadline: null,
    handlerKind: null,
    assignedDepartmentId: null,
    participantDepartmentIds: [],
    handlingDays: null,
    onSiteAt: null,
    handledBy: null,
    handlingResult: null,
    feedbackToTransferrerAt: null,
    reporterRepliedAt: null,
    lowerGridInformedAt: null,
    verifierId: null,
    verificationPassedAt: null,
    pendingExtension: null,
    extensionsGranted: 0,
    stageExtensionDays: 0,
    reworkCount: 0,
    transferReturnCount: 0,
    rejectionReason: null,
    mergedIntoId: null,
    closedAt: null,
    disclosedAt: null,
  };
  return { ...state, deadline: currentDeadline(state, rules) };
}

/**
 * Decides one transition. The version is checked before anything else, so a client acting on an old view
 * gets `stale_version` whatever it asked; then role, stage, jurisdiction, what the case's state allows
 * (`stateRefusal`), and the command's own fields.
 * Pure: the input state is never modified.
 */
export function decide(
  state: CaseState,
  command: CaseCommand,
  actor: CaseActor,
  now: Date,
  rules: CaseRules,
): Decision {
  if (command.version !== state.version) return { ok: false, reason: "stale_version" };
  if (!Object.hasOwn(CASE_ACTIONS, command.action)) return { ok: false, reason: "unknown_action" };
  const action = command.action;
  if (!hasGrantedRole(action, actor)) return { ok: false, reason: "forbidden_role" };
  if (!(CASE_ACTIONS[action].from as readonly CaseStage[]).includes(state.stage))
    return { ok: false, reason: "invalid_stage" };
  if (!isGranted(action, state, actor)) return { ok: false, reason: "out_of_jurisdiction" };
  const blocked = stateRefusal(action, state, actor, rules.extension);
  if (blocked) return { ok: false, reason: blocked };

  const change = (apply[action] as (cmd: CaseCommand, ctx: Ctx) => Change | Refusal)(command, {
    state,
    actor,
    now,
    rules,
  });
  if ("refused" in change) return { ok: false, reason: change.refused };

  const stage = change.stage ?? state.stage;
  const stageChanged = stage !== state.stage;
  const moved: CaseState = {
    ...state,
    ...change,
    version: state.version + 1,
    stageEnteredAt: stageChanged ? now : state.stageEnteredAt,
    stageExtensionDays: stageChanged ? 0 : (change.stageExtensionDays ?? state.stageExtensionDays),
  };
  const next: CaseState = { ...moved, deadline: isTerminal(stage) ? null : currentDeadline(moved, rules) };

  const { action: _action, version: _version, ...data } = command;
  const events: CaseEvent[] = [
    { type: "transition", action, from: state.stage, to: stage, at: now, actorId: actor.userId, data },
  ];
  const lastLoadedYear = rules.calendar.lastLoadedYear;
  if (next.deadline?.beyondCalendar)
    events.push({ type: "calendar_exhausted", at: now, dueAt: next.deadline.dueAt, lastLoadedYear });
  else if (
    next.closeDueAt !== null &&
    next.closeDueAt !== state.closeDueAt &&
    !rules.calendar.covers(next.closeDueAt)
  )
    events.push({ type: "calendar_exhausted", at: now, dueAt: next.closeDueAt, lastLoadedYear });
  return { ok: true, next, events };
}
