import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { DistrictKpis } from "../../../api-types/dashboard";
import { queryString, request } from "./client";

export type { DistrictKpis, KpiCounts, TownshipKpis } from "../../../api-types/dashboard";

/** GET /api/dashboard/kpis for a period (both ends included); no period: the current quarter. */
export function useDistrictKpis(period: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ["dashboard-kpis", period],
    queryFn: () => request<DistrictKpis>("GET", `/api/dashboard/kpis${period ? queryString(period) : ""}`),
    placeholderData: keepPreviousData,
  });
}
