import type { CaseAction, CaseActor } from "./case-actions.ts";
import type { RefusalCode } from "./case-machine.ts";
import type { CaseState } from "./case-state.ts";
import type { ExtensionPolicy } from "./deadline-rules.ts";

type Guard = (state: CaseState, actor: CaseActor, extension: ExtensionPolicy) => RefusalCode | null;

/**
 * What the case itself must be for an action, whatever the command carries: `decide` checks these before
 * the command's own fields, and `permittedActions` leaves out an action they refuse, so nobody is offered
 * (or told to do) what could only be refused — 批准延期 with no request pending, say.
 */
const GUARDS: Partial<Record<CaseAction, Guard>> = {
  arrive_on_site: (s) => (s.onSiteAt !== null ? "already_on_site" : null),
  request_extension: (s, _, extension) => {
    if (s.pendingExtension !== null) return "extension_pending";
    return s.extensionsGranted >= extension.maxExtensions ? "extension_limit_reached" : null;
  },
  approve_extension: (s, actor) => {
    if (s.pendingExtension === null) return "no_extension_requested";
    return s.pendingExtension.requestedBy === actor.userId ? "self_approval" : null;
  },
  deny_extension: (s) => (s.pendingExtension === null ? "no_extension_requested" : null),
  give_feedback: (s) => {
    if (s.handlerKind === "grid") return "not_transferred";
    return s.feedbackToTransferrerAt !== null ? "already_done" : null;
  },
  reply_to_reporter: (s) => {
    if (!s.reporterReplyRequired) return "no_reporter";
    return s.reporterRepliedAt !== null ? "already_done" : null;
  },
  inform_lower_grid: (s) => (s.lowerGridInformedAt !== null ? "already_done" : null),
  record_verification: (s, actor) => {
    // a grid member re-checks only the task given to them; grid heads and township staff may go themselves
    const supervisesGrid = actor.roles.includes("grid_head") || actor.roles.includes("township_officer");
    if (!supervisesGrid && actor.userId !== s.verifierId) return "not_assignee";
    return actor.userId === s.handledBy ? "self_verification" : null;
  },
  close: (s) => (s.verificationPassedAt === null ? "not_verified" : null),
  disclose: (s) => (s.disclosedAt !== null ? "already_done" : null),
};

/** Why the case's state refuses the action for this actor, or null when it allows it. */
export function stateRefusal(
  action: CaseAction,
  state: CaseState,
  actor: CaseActor,
  extension: ExtensionPolicy,
): RefusalCode | null {
  return GUARDS[action]?.(state, actor, extension) ?? null;
}
