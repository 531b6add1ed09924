import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { GridCoverage } from "../../../api-types/grid-coverage";
import type { GridVersionEntry } from "../../../api-types/grids";
import { queryString, request } from "./client";
import type { GridKind, GridSummary, Page } from "./types";

/** A grid as the administration screens see it: with the version to send back, and retired ones too. */
export interface AdminGridSummary extends GridSummary {
  version: number;
  retiredAt: string | null;
}

export interface GridRecord {
  id: number;
  parentId: number | null;
  level: number;
  code: string;
  name: string;
  nameUg: string | null;
  nameEn: string | null;
  kind: GridKind;
  path: string;
  version: number;
  retiredAt: string | null;
  areaKm2: number | null;
}

export type { CoverageCollection, CoverageFeature, GridCoverage } from "../../../api-types/grid-coverage";
export type { GridVersionEntry } from "../../../api-types/grids";

export interface NewGrid {
  parentId: number;
  code: string;
  name: string;
  nameUg?: string | null;
  nameEn?: string | null;
  kind: GridKind;
  boundary?: unknown;
}

export interface GridEdit {
  version: number;
  code?: string;
  name?: string;
  nameUg?: string | null;
  nameEn?: string | null;
  kind?: GridKind;
  boundary?: unknown;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
  items: { feature: number; code: string; id: number; action: "created" | "updated" | "unchanged" }[];
}

/** One problem of a refused import or boundary, as the server lists it in `details`. */
export interface FeatureProblem {
  feature: number | null;
  code?: string | null;
  field?: string;
  reason: string;
  message?: string;
  location: [number, number] | null;
}

export function useAdminGrids(includeRetired: boolean) {
  return useQuery({
    queryKey: ["grids", "list", "admin", includeRetired],
    queryFn: () =>
      request<Page<AdminGridSummary>>(
        "GET",
        `/api/grids${queryString({ includeRetired: includeRetired ? "true" : undefined })}`,
      ),
  });
}

export function useGridCoverage(id: number | null) {
  return useQuery({
    queryKey: ["grids", "coverage", id],
    queryFn: () => request<GridCoverage>("GET", `/api/grids/${id}/coverage`),
    enabled: id !== null,
  });
}

export function useGridHistory(id: number | null) {
  return useQuery({
    queryKey: ["grids", "history", id],
    queryFn: () => request<{ items: GridVersionEntry[] }>("GET", `/api/grids/${id}/history`),
    enabled: id !== null,
  });
}

/** Every grid write changes what lists, maps, coverage and history show: all grid queries are refetched. */
function useGridMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: ["grids"] }),
  });
}

export const useCreateGrid = () =>
  useGridMutation((grid: NewGrid) => request<GridRecord>("POST", "/api/grids", grid));

export const useUpdateGrid = () =>
  useGridMutation(({ id, ...edit }: GridEdit & { id: number }) =>
    request<GridRecord>("PATCH", `/api/grids/${id}`, edit),
  );

export const useMoveGrid = () =>
  useGridMutation(({ id, ...move }: { id: number; parentId: number; version: number }) =>
    request<GridRecord & { moved: number; casesMoved: number }>("POST", `/api/grids/${id}/move`, move),
  );

export const useRetireGrid = () =>
  useGridMutation(({ id, ...retire }: { id: number; version: number; reason?: string }) =>
    request<GridRecord>("POST", `/api/grids/${id}/retire`, retire),
  );

export const useImportGrids = () =>
  useGridMutation((input: { parentId?: number | null; geojson: unknown }) =>
    request<ImportOutcome>("POST", "/api/grids/import", input),
  );

export function exportUrl(rootId: number | null): string {
  return `/api/grids/export${queryString({ rootId: rootId ?? undefined })}`;
}
