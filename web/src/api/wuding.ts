import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryString, request } from "./client";
import type { Candidate, Disclosure, DutyRole, Wuding, WudingMeta } from "./wudingTypes";

const wudingKey = (gridId: number | null) => ["wuding", "grid", gridId] as const;

export function useGridWuding(gridId: number | null) {
  return useQuery({
    queryKey: wudingKey(gridId),
    queryFn: () => request<Wuding>("GET", `/api/grids/${gridId}/wuding`),
    enabled: gridId !== null,
  });
}

export function useWudingMeta() {
  return useQuery({
    queryKey: ["wuding", "meta"],
    queryFn: () => request<WudingMeta>("GET", "/api/wuding/meta"),
    staleTime: 60 * 60_000,
  });
}

export function useCandidates(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ["wuding", "candidates", q],
    queryFn: () => request<{ items: Candidate[] }>("GET", `/api/wuding/candidates${queryString({ q })}`),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Every 五定 write invalidates all 五定 views: a level line shows on every grid of its level. */
function useWudingMutation<T>(fn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ["wuding"] }),
        // The people's scope and the contract texts follow the 五定.
        client.invalidateQueries({ queryKey: ["contracts"] }),
      ]),
  });
}

export interface PersonnelInput {
  dutyRole: DutyRole;
  phone?: string | null;
  startsOn?: string;
  endsOn?: string | null;
}

export function useAssignPersonnel(gridId: number) {
  return useWudingMutation((input: PersonnelInput & { userId: number }) =>
    request("POST", `/api/grids/${gridId}/personnel`, input),
  );
}

export function useUpdatePersonnel() {
  return useWudingMutation(({ id, ...input }: PersonnelInput & { id: number; version: number }) =>
    request("PUT", `/api/personnel/${id}`, input),
  );
}

export function useRemovePersonnel() {
  return useWudingMutation(({ id, version }: { id: number; version: number }) =>
    request("DELETE", `/api/personnel/${id}${queryString({ version })}`),
  );
}

export type LineResource = "duty-lines" | "patrol-rules" | "reward-penalty-rules";

export function useSaveLine(resource: LineResource) {
  return useWudingMutation(({ id, ...body }: { id?: number } & Record<string, unknown>) =>
    id === undefined
      ? request("POST", `/api/${resource}`, body)
      : request("PUT", `/api/${resource}/${id}`, body),
  );
}

export function useRetireLine(resource: LineResource) {
  return useWudingMutation(({ id, version }: { id: number; version: number }) =>
    request("DELETE", `/api/${resource}/${id}${queryString({ version })}`),
  );
}

export function useSaveDisclosure(gridId: number) {
  return useWudingMutation((flags: Disclosure) => request("PUT", `/api/grids/${gridId}/disclosure`, flags));
}
