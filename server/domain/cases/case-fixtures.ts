/** Shared by the case-machine tests: rules, actors with the scope facts their role normally has, a stepper. */
import { defaultWorkCalendar } from "../calendar/default-calendar.ts";
import type { Role } from "../roles.ts";
import type { CaseActor } from "./case-actions.ts";
import { type CaseCommand, decide } from "./case-machine.ts";
import type { CaseRules, CaseState } from "./case-state.ts";
import { DEFAULT_DEADLINE_RULES, DEFAULT_EXTENSION_POLICY } from "./deadline-rules.ts";

export const testRules: CaseRules = {
  calendar: defaultWorkCalendar(),
  deadlines: DEFAULT_DEADLINE_RULES,
  extension: DEFAULT_EXTENSION_POLICY,
};

const GRID_ROLES: readonly Role[] = ["grid_member", "grid_head", "township_officer"];
const DEPARTMENT_ROLES: readonly Role[] = ["department_officer", "department_head"];

export function actorOf(userId: string, roles: Role[], facts: Partial<CaseActor> = {}): CaseActor {
  return {
    userId,
    roles,
    inCaseGrid: roles.some((r) => GRID_ROLES.includes(r)),
    isAssignedDepartment: roles.some((r) => DEPARTMENT_ROLES.includes(r)),
    isDistrict: roles.includes("district_office") || roles.includes("district_leader"),
    ...facts,
  };
}

export const township = actorOf("u-township", ["township_officer"]);
export const member = actorOf("u-member", ["grid_member"]);
export const dept = actorOf("u-dept", ["department_officer"]);
export const office = actorOf("u-office", ["district_office"]);
export const leader = actorOf("u-leader", ["district_leader"]);
export const supervisor = actorOf("u-supervisor", ["supervisor"], { isDistrict: true });

/** A command without its version: `step` fills in the version of the state it is applied to. */
export type Step = CaseCommand extends infer C ? (C extends CaseCommand ? Omit<C, "version"> : never) : never;

/** Applies a step that must succeed, and returns the next state. */
export function step(state: CaseState, actor: CaseActor, cmd: Step, now: Date): CaseState {
  const decision = decide(state, { ...cmd, version: state.version } as CaseCommand, actor, now, testRules);
  if (!decision.ok) throw new Error(`${cmd.action} by ${actor.userId} refused: ${decision.reason}`);
  return decision.next;
}

/** The refusal code of a step that must fail. */
export function refusal(state: CaseState, actor: CaseActor, cmd: Step, now: Date): string {
  const decision = decide(state, { ...cmd, version: state.version } as CaseCommand, actor, now, testRules);
  if (decision.ok) throw new Error(`${cmd.action} by ${actor.userId} unexpectedly allowed`);
  return decision.reason;
}
