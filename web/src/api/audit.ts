import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { queryString, request, requestFile } from "./client";
import type { AuditEntry, AuditVerification, Page } from "./types";

/** What the audit screen filters by; the export takes the same. */
export interface AuditFilters {
  /** An action code (exact) or a group ending in a dot (`case.`), as the API reads it. */
  action?: string;
  actor?: string;
  /** UTC instants: from inclusive, to exclusive. */
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

/**
 * Downloads the filtered log as XLSX. Fetched rather than linked, so a refusal (too many rows: 422) is shown on
 * the page in words instead of replacing it with an error document.
 */
export function useExportAudit() {
  return useMutation({
    mutationFn: async (filters: AuditFilters) => {
      const { blob, filename } = await requestFile(`/api/audit/export.xlsx${queryString({ ...filters })}`);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = filename ?? "audit-log.xlsx";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  });
}
