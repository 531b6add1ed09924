import { useQuery } from "@tanstack/react-query";
import { request } from "./client";
import type { PublicConfig } from "./types";

export function usePublicConfig() {
  return useQuery({
    queryKey: ["config", "public"],
    queryFn: () => request<PublicConfig>("GET", "/api/config/public"),
    staleTime: 5 * 60_000,
  });
}
