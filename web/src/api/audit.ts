import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { queryString, request } from "./client";
import type { AuditEntry, AuditVerification, Page } from "./types";

/** What the audit screen filters by; the export takes the same. */
export interface AuditFilters {
  /** An action code (exact) or a group ending in a dot (`case.`), as the API reads it. */
  action?: string;
  actor?: string;
  /** Beijing days (YYYY-MM-DD), both included. */
  from?: string;
  to?: string;
}

export interface AuditListParams extends AuditFilters {
  page: number;
  pageSize: number;
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

/** The filtered log as XLSX (the filters last applied). */
export const auditExportUrl = (filters: AuditFilters) =>
  `/api/audit/export.xlsx${queryString({ ...filters })}`;
