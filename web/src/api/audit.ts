import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { queryString, request } from "./client";
import type { AuditEntry, AuditVerification, Page } from "./types";

export interface AuditListParams {
  page: number;
  pageSize: number;
  action: string;
  actor: string;
}

export function useAuditLog(params: AuditListParams) {
  return useQuery({
    queryKey: ["audit", params],
    queryFn: () => request<Page<AuditEntry>>("GET", `/api/audit${queryString({ ...params })}`),
    placeholderData: keepPreviousData,
  });
}

/** A mutation rather than a query: verification is an explicit action whose result belongs to that click. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => request<AuditVerification>("GET", "/api/audit/verify") });
}
