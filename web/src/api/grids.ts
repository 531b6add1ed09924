import { useQuery } from "@tanstack/react-query";
import { request } from "./client";
import type { GridDetail, GridFeatureCollection, GridSummary, Page } from "./types";

export function useGrids(enabled = true) {
  return useQuery({
    queryKey: ["grids", "list"],
    queryFn: () => request<Page<GridSummary>>("GET", "/api/grids"),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useGridGeoJson(enabled = true) {
  return useQuery({
    queryKey: ["grids", "geojson"],
    queryFn: () => request<GridFeatureCollection>("GET", "/api/grids/geojson"),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useGrid(id: number | null) {
  return useQuery({
    queryKey: ["grids", "detail", id],
    queryFn: () => request<GridDetail>("GET", `/api/grids/${id}`),
    enabled: id !== null,
    staleTime: 5 * 60_000,
  });
}
