import type { DepartmentKpis } from "../../api-types/dashboard.ts";

/** The counts of a department's KPIs (the rates are derived from them). */
export const DEPARTMENT_COUNTS = [
  "handed",
  "closed",
  "dueToClose",
  "closedOfDue",
  "closedOnTime",
  "extendedOfDue",
  "open",
  "overdue",
  "rechecks",
  "reworks",
  "extensions",
] as const;

/** A row of departmentKpiStatement or departmentKpiScan: the counts, without the rates. */
export type DepartmentCounts = Omit<
  DepartmentKpis,
  "closureRate" | "onTimeClosureRate" | "overdueRate" | "reworkRate" | "extensionRate"
>;
