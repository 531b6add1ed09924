import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  EmissionFigure,
  ObjectDetailWithPolicies,
  ObjectFilter,
  ObjectGeometry,
  ObjectStatus,
  ObjectSummary,
  ObjectType,
  PointGeometry,
} from "../../../api-types/objects";
import { ApiError, NetworkError, queryString, request } from "./client";
import type { ApiErrorBody, Page } from "./types";

// Everything of the shared module, under the same names; ObjectDetail below is the one with policies.
export type * from "../../../api-types/objects";

export const objectTypes: readonly ObjectType[] = [
  "enterprise",
  "water_source",
  "hazard",
  "construction_project",
  "ecological_area",
  "rural_site",
];
/** The detail as GET /api/objects/:id answers it: with the buttons the caller may see. */
export type ObjectDetail = ObjectDetailWithPolicies;

export interface ObjectHistoryEntry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ObjectArchive {
  object: ObjectDetail;
  history: ObjectHistoryEntry[];
  archive: { patrols: unknown[]; cases: unknown[]; documents: unknown[] };
}

/** What the form submits; the server checks it again and answers 422 with the field on a broken rule. */
export interface ObjectInput {
  type: ObjectType;
  name: string;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  category?: string | null;
  status?: "active" | "suspended";
  location: ObjectGeometry;
  uscc?: string | null;
  permitNumber?: string | null;
  pollutants?: string[];
  keyUnit?: boolean;
  emissions?: EmissionFigure[];
  waterZoneLevel?: 1 | 2 | null;
  riskLevel?: ObjectSummary["riskLevel"];
  eiaStatus?: ObjectSummary["eiaStatus"];
  remediationStatus?: ObjectSummary["remediationStatus"];
}

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}
export interface ImportResult {
  created: number;
  importId: string;
  byGrid: { gridName: string; count: number }[];
}
/** The 422 answer to a file with bad rows: every problem, nothing imported. */
export interface ImportRejection extends ApiErrorBody {
  errors: ImportRowError[];
}

/** The filter as query parameters (shared by the list, the export link and the map layer). */
export function filterQuery(filter: ObjectFilter, extra: Record<string, string | number | undefined> = {}) {
  return queryString({
    type: filter.type,
    gridId: filter.gridId,
    q: filter.q,
    keyUnit: filter.keyUnit === undefined ? undefined : String(filter.keyUnit),
    status: filter.status,
    unplaced: filter.unplaced ? "true" : undefined,
    ...extra,
  });
}

export function useObjects(filter: ObjectFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ["objects", "list", filter, page, pageSize],
    queryFn: () =>
      request<Page<ObjectSummary>>("GET", `/api/objects${filterQuery(filter, { page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

export function useObjectArchive(id: number) {
  return useQuery({
    queryKey: ["objects", "archive", id],
    queryFn: () => request<ObjectArchive>("GET", `/api/objects/${id}/archive`),
  });
}

export interface ObjectFeatureCollection {
  type: "FeatureCollection";
  features: {
    type: "Feature";
    properties: {
      id: number;
      type: ObjectType;
      name: string;
      keyUnit: boolean;
      gridId: number | null;
      status: ObjectStatus;
    };
    geometry: PointGeometry;
  }[];
}

export function useObjectFeatures(enabled: boolean) {
  return useQuery({
    queryKey: ["objects", "geojson"],
    queryFn: () => request<ObjectFeatureCollection>("GET", "/api/objects/geojson"),
    enabled,
    staleTime: 60_000,
  });
}

export function useCreateObject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ObjectInput) =>
      request<{ id: number; gridId: number; gridName: string }>("POST", "/api/objects", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["objects"] }),
  });
}

export function useUpdateObject(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<ObjectInput, "type"> & { version: number }) =>
      request<{ id: number; version: number }>("PUT", `/api/objects/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["objects"] }),
  });
}

export function useRetireObject(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; reason: string }) =>
      request<{ id: number; version: number }>("POST", `/api/objects/${id}/retire`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["objects"] }),
  });
}

/** Uploads a spreadsheet as multipart/form-data; a 422 carries the row errors (ApiError.body.errors). */
async function uploadImport(file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch("/api/objects/import", {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json" },
      body: form,
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page: handled below as a generic failure.
  }
  if (!response.ok) {
    const error = body as Partial<ImportRejection> | null;
    throw new ApiError(response.status, {
      error: error?.error ?? `http_${response.status}`,
      message: error?.message ?? response.statusText,
      messageEn: error?.messageEn,
      details: error?.errors,
    });
  }
  return body as ImportResult;
}

export function useImportObjects() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: uploadImport,
    onSuccess: () => client.invalidateQueries({ queryKey: ["objects"] }),
  });
}

/** The row errors of a rejected import, or none. */
export function importErrorsOf(error: unknown): ImportRowError[] {
  if (error instanceof ApiError && Array.isArray(error.body.details))
    return error.body.details as ImportRowError[];
  return [];
}

/** Field errors of a 422 answer to a single create or update, keyed by field. */
export function fieldErrorsOf(error: unknown): { field: string; message: string }[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const details = error.body.details as { errors?: { field: string; message: string }[] } | undefined;
  return details?.errors ?? [];
}

export const templateUrl = "/api/objects/template.xlsx";
export const exportUrl = (filter: ObjectFilter) => `/api/objects/export.xlsx${filterQuery(filter)}`;
