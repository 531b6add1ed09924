import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { queryString, request } from "./client";
import type { PlanEntry } from "./patrols";

export interface LedgerFilter {
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface LedgerRow {
  id: number;
  memberName: string;
  gridName: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  distanceM: number;
  pointCount: number;
  checkins: number;
  findings: number;
  objects: string;
}

export interface Activity {
  memberId: number;
  memberName: string;
  patrols: number;
  daysActive: number;
  distanceM: number;
  checkins: number;
}

export interface PatrolDetail extends Omit<LedgerRow, "checkins"> {
  track: { t: string; lon: number; lat: number; flags: string[] }[];
  checkins: { id: number; objectName: string; at: string; distanceM: number }[];
}

export const ledgerQuery = (f: LedgerFilter) =>
  queryString({ from: f.from, to: f.to, page: f.page, pageSize: f.pageSize });

export function usePatrolLedger(f: LedgerFilter) {
  return useQuery({
    queryKey: ["patrols", "ledger", f],
    queryFn: () => request<{ total: number; items: LedgerRow[] }>("GET", `/api/patrols${ledgerQuery(f)}`),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(f: LedgerFilter) {
  return useQuery({
    queryKey: ["patrols", "activity", f],
    queryFn: () => request<{ items: Activity[] }>("GET", `/api/patrols/activity${ledgerQuery(f)}`),
  });
}

export function useBlindSpots() {
  return useQuery({
    queryKey: ["patrols", "blind-spots"],
    queryFn: () => request<{ items: PlanEntry[] }>("GET", "/api/patrols/blind-spots"),
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
    queryFn: () => request<{ items: PlanEntry[] }>("GET", "/api/patrols/plan"),
  });
}
