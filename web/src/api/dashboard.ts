import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { queryString, request } from "./client";

export interface KpiCounts {
  reported: number;
  open: number;
  overdue: number;
  dueToClose: number;
  closedOfDue: number;
  closedOnTime: number;
  closed: number;
  avgHandlingDays: number | null;
  closureRate: number | null;
  onTimeClosureRate: number | null;
  overdueRate: number | null;
}

export interface TownshipKpis extends KpiCounts {
  id: number;
  name: string;
}

export interface DistrictKpis {
  period: { from: string; to: string };
  generatedAt: string;
  totals: KpiCounts & { bySource: Record<string, number>; byStage: Record<string, number> };
  townships: TownshipKpis[];
}

/** GET /api/dashboard/kpis for a period (both ends included); no period: the current quarter. */
export function useDistrictKpis(period: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ["dashboard-kpis", period],
    queryFn: () => request<DistrictKpis>("GET", `/api/dashboard/kpis${period ? queryString(period) : ""}`),
    placeholderData: keepPreviousData,
  });
}
