import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CaseDetail,
  CaseReceipt,
  CaseSummary,
  Duplicate,
  RevealedReporter,
  SupervisionBoard,
} from "../../../api-types/cases";
import type { NotificationPage } from "../../../api-types/notifications";
import { ApiError, queryString, request } from "./client";
import type { DepartmentName, Page } from "./types";

// Everything of the shared module, under the same names.
export type * from "../../../api-types/cases";

export interface CaseMeta {
  categories: { code: string; name: string; defaultPriority: string; departmentIds: number[] }[];
  sources: { code: string; name: string; allowed: boolean }[];
  petitionChannels: { code: string; name: string }[];
  priorities: { code: string; supervision: { code: string; name: string } }[];
  handlingResults: { code: string; name: string }[];
  stages: { code: string; name: string }[];
  actions: { code: string; name: string }[];
  /** The departments cases are routed to (not the supervisory bodies). */
  departments: DepartmentName[];
  extension: { maxExtensions: number; maxDays: number };
  maxUploadBytes: number;
  /** The most cases one Excel export may hold; the server refuses more (422). */
  exportMaxRows: number;
}

/** The list's filters; the export takes the same ones (but `todo`). */
export interface CaseFilter {
  overdue?: boolean;
  open?: boolean;
  stage?: string;
  category?: string;
  q?: string;
  gridId?: number;
  departmentId?: number;
  source?: string;
  priority?: string;
  /** Report dates, YYYY-MM-DD, Beijing days, both included. */
  from?: string;
  to?: string;
}

export interface CaseListParams extends CaseFilter {
  page: number;
  pageSize: number;
  todo?: boolean;
}

const filterParams = (f: CaseFilter) => ({
  overdue: f.overdue ? "true" : undefined,
  open: f.open ? "true" : undefined,
  stage: f.stage,
  category: f.category,
  q: f.q,
  gridId: f.gridId,
  departmentId: f.departmentId,
  source: f.source,
  priority: f.priority,
  from: f.from,
  to: f.to,
});

/** The spreadsheet of the list under these filters (a plain link: the browser downloads it with the cookie). */
export const caseExportUrl = (f: CaseFilter) => `/api/cases/export.xlsx${queryString(filterParams(f))}`;

export function useCaseMeta() {
  return useQuery({
    queryKey: ["case-meta"],
    queryFn: () => request<CaseMeta>("GET", "/api/case-meta"),
    staleTime: 10 * 60_000,
  });
}

export function useCases(params: CaseListParams) {
  return useQuery({
    queryKey: ["cases", "list", params],
    queryFn: () =>
      request<Page<CaseSummary>>(
        "GET",
        `/api/cases${queryString({
          page: params.page,
          pageSize: params.pageSize,
          todo: params.todo ? "true" : undefined,
          ...filterParams(params),
        })}`,
      ),
    placeholderData: keepPreviousData,
    // a to-do list others change too: look again now and then (simple polling, no push channel)
    refetchInterval: 60_000,
  });
}

export function useCase(id: number) {
  return useQuery({
    queryKey: ["cases", "detail", id],
    queryFn: () => request<CaseDetail>("GET", `/api/cases/${id}`),
    refetchInterval: 60_000,
  });
}

export function useDuplicates(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ["cases", "duplicates", id],
    queryFn: () => request<{ items: Duplicate[] }>("GET", `/api/cases/${id}/duplicates`),
    enabled,
  });
}

/** Files a report. The key is made once per form, so a retry after a lost answer never files twice. */
export function createCase(body: unknown, idempotencyKey: string) {
  return request<CaseReceipt>("POST", "/api/cases", body, { idempotencyKey });
}

/** Uploads one evidence file; the server judges its type by content. */
export function uploadEvidence(caseId: number, file: File, idempotencyKey?: string) {
  const form = new FormData();
  form.append("file", file);
  return request<{ id: number; sha256: string }>("POST", `/api/cases/${caseId}/evidence`, form, {
    idempotencyKey,
  });
}

export function useTransition(caseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      request<CaseDetail>("POST", `/api/cases/${caseId}/transitions`, body),
    onSuccess: (detail) => {
      client.setQueryData(["cases", "detail", caseId], detail);
      void client.invalidateQueries({ queryKey: ["cases", "list"] });
      void client.invalidateQueries({ queryKey: ["notifications"] });
    },
    onError: (error) => {
      // someone else moved the case: show the current state
      if (error instanceof ApiError && error.status === 409)
        void client.invalidateQueries({ queryKey: ["cases", "detail", caseId] });
    },
  });
}

export function useRevealReporter(caseId: number) {
  return useMutation({
    mutationFn: (reason: string) =>
      request<RevealedReporter>("POST", `/api/cases/${caseId}/reporter/reveal`, {
        reason,
      }),
  });
}

export type * from "../../../api-types/notifications";

export function useNotifications(params: { page: number; pageSize: number; unread?: boolean }) {
  return useQuery({
    queryKey: ["notifications", params],
    queryFn: () =>
      request<NotificationPage>(
        "GET",
        `/api/notifications${queryString({ ...params, unread: params.unread ? "true" : undefined })}`,
      ),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number | "all") =>
      request("POST", id === "all" ? "/api/notifications/read-all" : `/api/notifications/${id}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: ["notifications"] }),
  });
}

export function useSupervisionBoard() {
  return useQuery({
    queryKey: ["supervision"],
    queryFn: () => request<SupervisionBoard>("GET", "/api/supervision/board"),
    refetchInterval: 60_000,
  });
}
