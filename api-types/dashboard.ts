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
