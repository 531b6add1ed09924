import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  MemberActivity,
  PatrolDetail,
  PatrolLedgerRow,
  PatrolPlanEntry,
} from "../../../api-types/patrols";
import { queryString, request } from "./client";

export type { PatrolDetail } from "../../../api-types/patrols";

export interface LedgerFilter {
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const ledgerQuery = (f: LedgerFilter) =>
  queryString({ from: f.from, to: f.to, page: f.page, pageSize: f.pageSize });

export function usePatrolLedger(f: LedgerFilter) {
  return useQuery({
    queryKey: ["patrols", "ledger", f],
    queryFn: () =>
      request<{ total: number; items: PatrolLedgerRow[] }>("GET", `/api/patrols${ledgerQuery(f)}`),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(f: LedgerFilter) {
  return useQuery({
    queryKey: ["patrols", "activity", f],
    queryFn: () => request<{ items: MemberActivity[] }>("GET", `/api/patrols/activity${ledgerQuery(f)}`),
  });
}

export function useBlindSpots() {
  return useQuery({
    queryKey: ["patrols", "blind-spots"],
    queryFn: () => request<{ items: PatrolPlanEntry[] }>("GET", "/api/patrols/blind-spots"),
  });
}

export function usePatrol(id: number | null) {
  return useQuery({
    queryKey: ["patrols", "detail", id],
    queryFn: () => request<PatrolDetail>("GET", `/api/patrols/${id}`),
    enabled: id !== null,
  });
}

/** Every object due in the caller's grids with its status this period (the coverage map's covered objects). */
export function useCoveragePlan() {
  return useQuery({
    queryKey: ["patrols", "plan"],
    queryFn: () => request<{ items: PatrolPlanEntry[] }>("GET", "/api/patrols/plan"),
  });
}
