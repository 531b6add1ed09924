import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./client";
import type { WorkCalendar, WorkCalendarYearInput } from "./types";

const workCalendarKey = ["work-calendar"] as const;

export function useWorkCalendar() {
  return useQuery({
    queryKey: workCalendarKey,
    queryFn: () => request<WorkCalendar>("GET", "/api/work-calendar"),
  });
}

export function useSaveWorkCalendarYear() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, input }: { year: number; input: WorkCalendarYearInput }) =>
      request<{ year: number; version: number }>("PUT", `/api/work-calendar/${year}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: workCalendarKey }),
  });
}
