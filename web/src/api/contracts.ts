import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryString, request } from "./client";
import type { Page } from "./types";
import type { ContractDetail, ContractStatus, ContractSummary, GenerationResult } from "./wudingTypes";

export interface ContractListParams {
  year?: number;
  status?: ContractStatus | "unsigned";
  level?: number;
  mine?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export function useContracts(params: ContractListParams, enabled = true) {
  return useQuery({
    queryKey: ["contracts", "list", params],
    queryFn: () =>
      request<Page<ContractSummary>>(
        "GET",
        `/api/contracts${queryString({ ...params, mine: params.mine ? "true" : undefined })}`,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAwaitingContracts(year: number, enabled = true) {
  return useQuery({
    queryKey: ["contracts", "awaiting", year],
    queryFn: () => request<Page<ContractSummary>>("GET", `/api/contracts/awaiting${queryString({ year })}`),
    enabled,
  });
}

export function useContract(id: number) {
  return useQuery({
    queryKey: ["contracts", "detail", id],
    queryFn: () => request<ContractDetail>("GET", `/api/contracts/${id}`),
  });
}

export function useGenerateContracts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => request<GenerationResult>("POST", "/api/contracts/generate", { year }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["contracts"] }),
  });
}

export function useSignContract() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      request<{ id: number; bodySha256: string; signedAt: string; version: number }>(
        "POST",
        `/api/contracts/${id}/sign`,
        { version, confirm: true },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["contracts"] }),
  });
}
