import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryString, request } from "./client";
import type { Department, NewUser, Page, UserRow } from "./types";

export interface UserListParams {
  page: number;
  pageSize: number;
  q: string;
}

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ["users", params],
    queryFn: () => request<Page<UserRow>>("GET", `/api/users${queryString({ ...params })}`),
    placeholderData: keepPreviousData,
  });
}

export function useDepartments(enabled: boolean) {
  return useQuery({
    queryKey: ["departments"],
    queryFn: () => request<{ items: Department[] }>("GET", "/api/departments"),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => request<UserRow>("POST", "/api/users", user),
    onSuccess: () => client.invalidateQueries({ queryKey: ["users"] }),
  });
}

export function useSetUserDisabled() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, disabled }: { id: number; disabled: boolean }) =>
      request<UserRow>("POST", `/api/users/${id}/${disabled ? "disable" : "enable"}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ["users"] }),
  });
}
