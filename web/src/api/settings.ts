import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./client";
import type { Settings } from "./types";

const settingsKey = ["settings"] as const;

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => request<Settings>("GET", "/api/settings") });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: Settings) => request<Settings>("PUT", "/api/settings", settings),
    onSuccess: (saved) => {
      client.setQueryData(settingsKey, saved);
      // The map's base layer comes from the public config, which mirrors these settings.
      return client.invalidateQueries({ queryKey: ["config", "public"] });
    },
  });
}

export function useReloadSettings() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: settingsKey });
}
