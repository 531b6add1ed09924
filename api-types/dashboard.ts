/**
 * GET /api/dashboard/kpis: what server/queries/dashboard-kpis.ts answers and web/src/api/dashboard.ts reads.
 * Type-only and import-free, so both the server and the web project can use it (docs/decisions/0006).
 */

export interface KpiCounts {
  /** Cases reported in the period. */
  reported: number;
  /** Right now: cases not rejected, merged or closed, and those past their current deadline. */
  open: number;
  overdue: number;
  /** 应结案数: cases whose close limit fell in the period, up to today; how many of them are closed, on time. */
  dueToClose: number;
  closedOfDue: number;
  closedOnTime: number;
  /** Cases closed in the period, and their mean time from report to close in days. */
  closed: number;
  avgHandlingDays: number | null;
  /** closedOfDue / dueToClose (结案率), closedOnTime / dueToClose (按期结案率), overdue / open. */
  closureRate: number | null;
  onTimeClosureRate: number | null;
  overdueRate: number | null;
}

export interface TownshipKpis extends KpiCounts {
  id: number;
  name: string;
}

/**
 * `Source` and `Stage` are the case source and stage codes (server/domain/cases); the server fills in its
 * unions, the web reads them as strings. `bySource` and `byStage` hold every code, zero included.
 */
export interface DistrictKpis<Source extends string = string, Stage extends string = string> {
  /** The period asked for, both ends included, YYYY-MM-DD (Asia/Shanghai); the current quarter by default. */
  period: { from: string; to: string };
  generatedAt: string;
  totals: KpiCounts & { bySource: Record<Source, number>; byStage: Record<Stage, number> };
  townships: TownshipKpis[];
}

/**
 * GET /api/dashboard/departments (server/queries/department-kpis.ts): each department's work in the period.
 * A case counts for the department it is assigned to (receiving a transfer, handling it, or leading a joint
 * investigation) and for the joint investigation's participants.
 */
export interface DepartmentKpis {
  id: number;
  name: string;
  /** Cases transferred to it or naming it in a joint investigation during the period (移交/联合执法). */
  handed: number;
  /** Cases closed in the period. */
  closed: number;
  /** 应结案数 and its closures, as in KpiCounts. */
  dueToClose: number;
  closedOfDue: number;
  closedOnTime: number;
  closureRate: number | null;
  onTimeClosureRate: number | null;
  /** Right now: open cases with it, and those past their current deadline. */
  open: number;
  overdue: number;
  overdueRate: number | null;
  /** Re-checks recorded in the period, and those that failed and sent the work back (返工). */
  rechecks: number;
  reworks: number;
  /** 返工率: reworks / rechecks. */
  reworkRate: number | null;
  /** Extensions approved in the period (延期). */
  extensions: number;
  /** 延期率: cases of the 应结案数 that were granted an extension, over the 应结案数. */
  extendedOfDue: number;
  extensionRate: number | null;
}

export interface DepartmentKpiReport {
  period: { from: string; to: string };
  generatedAt: string;
  /** Only cases in the caller's grid subtree count, except for the caller's own departments. */
  departments: DepartmentKpis[];
}

/** Patrol completion (巡查完成率): visits due in the period by the 定任务 rules, and how many were made. */
export interface PatrolCompletion {
  due: number;
  done: number;
  /** done / due. */
  rate: number | null;
}

export interface PatrolCompletionReport {
  period: { from: string; to: string };
  generatedAt: string;
  totals: PatrolCompletion;
  townships: (PatrolCompletion & { id: number; name: string })[];
}
