import type { Role } from "../roles.ts";
import type { CaseStage, HandlerKind } from "./case-state.ts";
import { type Priority, SUPERVISION_LEVELS } from "./priorities.ts";

export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[Priority]["code"];

export function supervisionLevelOf(priority: Priority): SupervisionLevel {
  return SUPERVISION_LEVELS[priority].code;
}

/** Which kind of unit owes the current step: the case's grid (level 2), a department, or the district. */
export type ResponsibleUnit = "grid" | "department" | "district";

/** Who owes the next move at this stage (the one whose deadline it is). */
export function responsibleUnit(
  stage: CaseStage,
  handlerKind: HandlerKind | null,
  pendingExtension: boolean,
): ResponsibleUnit {
  if (pendingExtension) return "district";
  switch (stage) {
    case "transferred":
      return "department";
    case "handling":
    case "joint_investigation":
      return handlerKind === "grid" ? "grid" : "department";
    case "handled":
      // the department owes feedback; the grid the reply and informing below — the department first
      return handlerKind === "grid" ? "grid" : "department";
    default:
      return "grid";
  }
}

/**
 * 逾期升级: an overdue case goes one level above whoever owes the step — a township's or department's delay
 * to the district office (and a department's to its head), the district office's own delay to the leaders.
 * A second escalation (still overdue after `secondAfterWorkingDays`) always reaches the district leaders.
 */
export function escalationTargets(unit: ResponsibleUnit, level: 1 | 2): Role[] {
  if (level === 2) return ["district_leader", "district_office"];
  switch (unit) {
    case "grid":
      return ["district_office"];
    case "department":
      return ["department_head", "district_office"];
    case "district":
      return ["district_leader"];
  }
}

export const SECOND_ESCALATION_AFTER_WORKING_DAYS = 5;
