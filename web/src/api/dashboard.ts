import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { DepartmentKpiReport, DistrictKpis, PatrolCompletionReport } from "../../../api-types/dashboard";
import { queryString, request } from "./client";

export type {
  DepartmentKpiReport,
  DepartmentKpis,
  DistrictKpis,
  KpiCounts,
  PatrolCompletionReport,
  TownshipKpis,
} from "../../../api-types/dashboard";

/** GET /api/dashboard/kpis for a period (both ends included); no period: the current quarter. */
export function useDistrictKpis(period: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ["dashboard-kpis", period],
    queryFn: () => request<DistrictKpis>("GET", `/api/dashboard/kpis${period ? queryString(period) : ""}`),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/dashboard/departments: each department's work in the period, as far as the caller reaches. */
export function useDepartmentKpis(period: { from: string; to: string }) {
  return useQuery({
    queryKey: ["dashboard-departments", period],
    queryFn: () => request<DepartmentKpiReport>("GET", `/api/dashboard/departments${queryString(period)}`),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/dashboard/patrols: patrol completion per township in the period. */
export function usePatrolCompletion(period: { from: string; to: string }) {
  return useQuery({
    queryKey: ["dashboard-patrols", period],
    queryFn: () => request<PatrolCompletionReport>("GET", `/api/dashboard/patrols${queryString(period)}`),
    placeholderData: keepPreviousData,
  });
}
