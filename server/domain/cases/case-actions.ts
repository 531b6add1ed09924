import type { Role } from "../roles.ts";
import { stateRefusal } from "./case-preconditions.ts";
import type { CaseStage, CaseState } from "./case-state.ts";
import type { ExtensionPolicy } from "./deadline-rules.ts";

/**
 * Jurisdiction an action needs, checked against facts the server computes from the actor's scope:
 * - case_grid: the case's grid lies in the actor's grid subtree (`inCaseGrid`);
 * - handling_grid: case_grid, and the case is being handled by its own grid (not transferred);
 * - assigned_department: the actor belongs to `assignedDepartmentId` (`isAssignedDepartment`);
 * - handling_department: assigned_department, and that department handles (alone or leading a joint one);
 * - district: the actor has the whole district in scope (`isDistrict`).
 */
export type Jurisdiction =
  | "case_grid"
  | "handling_grid"
  | "assigned_department"
  | "handling_department"
  | "district";

/** Who fires a transition: the user, their roles, and scope facts; never anything read from the database here. */
export interface CaseActor {
  userId: string;
  roles: readonly Role[];
  inCaseGrid: boolean;
  isAssignedDepartment: boolean;
  isDistrict: boolean;
}

export interface Grant {
  roles: readonly Role[];
  requires: Jurisdiction;
}

export interface ActionSpec {
  from: readonly CaseStage[];
  grants: readonly Grant[];
}

const LEVEL2: Grant = { roles: ["township_officer", "grid_head"], requires: "case_grid" };
const LOCAL_HANDLER: Grant = { roles: ["township_officer", "grid_head"], requires: "handling_grid" };
const DEPARTMENT_HANDLER: Grant = {
  roles: ["department_officer", "department_head"],
  requires: "handling_department",
};
const DISTRICT_OFFICE: Grant = { roles: ["district_office"], requires: "district" };
const HANDLING: readonly CaseStage[] = ["handling", "joint_investigation"];

/**
 * The transition table. Supervisors, the public and the 三员 administrators appear nowhere: they never move
 * a case (reports are created by `openCase`, not by a transition).
 */
export const CASE_ACTIONS = {
  accept: { from: ["reported"], grants: [LEVEL2] },
  reject: { from: ["reported"], grants: [LEVEL2] },
  merge_into: { from: ["reported"], grants: [LEVEL2] },
  register: { from: ["accepted"], grants: [LEVEL2] },
  handle_locally: { from: ["registered"], grants: [LEVEL2] },
  transfer: { from: ["registered"], grants: [LEVEL2, DISTRICT_OFFICE] },
  accept_transfer: {
    from: ["transferred"],
    grants: [{ roles: ["department_officer", "department_head"], requires: "assigned_department" }],
  },
  return_transfer: {
    from: ["transferred"],
    grants: [{ roles: ["department_officer", "department_head"], requires: "assigned_department" }],
  },
  organize_joint: { from: ["registered"], grants: [DISTRICT_OFFICE] },
  arrive_on_site: {
    from: HANDLING,
    grants: [
      { roles: ["grid_member", "township_officer", "grid_head"], requires: "handling_grid" },
      DEPARTMENT_HANDLER,
    ],
  },
  request_extension: { from: HANDLING, grants: [LOCAL_HANDLER, DEPARTMENT_HANDLER] },
  // approved above the handling unit: the district office or leaders who supervise deadlines (督查督办)
  approve_extension: {
    from: HANDLING,
    grants: [{ roles: ["district_office", "district_leader"], requires: "district" }],
  },
  deny_extension: {
    from: HANDLING,
    grants: [{ roles: ["district_office", "district_leader"], requires: "district" }],
  },
  record_handling: { from: HANDLING, grants: [LOCAL_HANDLER, DEPARTMENT_HANDLER] },
  give_feedback: { from: ["handled"], grants: [DEPARTMENT_HANDLER] },
  reply_to_reporter: { from: ["handled"], grants: [LEVEL2] },
  inform_lower_grid: { from: ["handled"], grants: [LEVEL2] },
  request_verification: { from: ["feedback_given"], grants: [LEVEL2] },
  record_verification: {
    from: ["verifying"],
    grants: [{ roles: ["grid_member", "grid_head", "township_officer"], requires: "case_grid" }],
  },
  close: { from: ["verified"], grants: [LEVEL2, DISTRICT_OFFICE] },
  disclose: { from: ["closed"], grants: [DISTRICT_OFFICE] },
} as const satisfies Record<string, ActionSpec>;

export type CaseAction = keyof typeof CASE_ACTIONS;
export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as CaseAction[];

/** Every role that appears in some grant of the action. */
export function rolesAllowedFor(action: CaseAction): Role[] {
  const specs: ActionSpec = CASE_ACTIONS[action];
  return [...new Set(specs.grants.flatMap((g) => g.roles))];
}

export function meetsJurisdiction(requires: Jurisdiction, state: CaseState, actor: CaseActor): boolean {
  switch (requires) {
    case "case_grid":
      return actor.inCaseGrid;
    case "handling_grid":
      return actor.inCaseGrid && state.handlerKind === "grid";
    case "assigned_department":
      return actor.isAssignedDepartment;
    case "handling_department":
      return (
        actor.isAssignedDepartment && (state.handlerKind === "department" || state.handlerKind === "joint")
      );
    case "district":
      return actor.isDistrict;
  }
}

export function hasGrantedRole(action: CaseAction, actor: CaseActor): boolean {
  return rolesAllowedFor(action).some((r) => actor.roles.includes(r));
}

/** Some grant matches both a role of the actor and its jurisdiction requirement. */
export function isGranted(action: CaseAction, state: CaseState, actor: CaseActor): boolean {
  const spec: ActionSpec = CASE_ACTIONS[action];
  return spec.grants.some(
    (g) => g.roles.some((r) => actor.roles.includes(r)) && meetsJurisdiction(g.requires, state, actor),
  );
}

/**
 * Actions this actor may take on the case as it is now (stage, grant, and what its state allows), so the UI
 * shows only buttons that can succeed and 我的待办 lists only cases that wait on the caller.
 */
export function permittedActions(
  state: CaseState,
  actor: CaseActor,
  extension: ExtensionPolicy,
): CaseAction[] {
  return CASE_ACTION_NAMES.filter(
    (a) =>
      (CASE_ACTIONS[a].from as readonly CaseStage[]).includes(state.stage) &&
      isGranted(a, state, actor) &&
      stateRefusal(a, state, actor, extension) === null,
  );
}
