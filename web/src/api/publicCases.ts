import { useQuery } from "@tanstack/react-query";
import type { PublicCaseProgress } from "../../../api-types/public-cases";
import { request } from "./client";

export type * from "../../../api-types/public-cases";
// The shape the server's route accepts, so a mistyped number is pointed out before anything is sent.
export { isTrackingNo, normalizeTrackingNo } from "../../../server/domain/cases/tracking-number-shape";

/** A report's public progress by its tracking number; no session needed (the page works signed out). */
export function usePublicProgress(trackingNo: string | null) {
  return useQuery({
    queryKey: ["public-progress", trackingNo],
    queryFn: () =>
      request<PublicCaseProgress>("GET", `/api/public/cases/${encodeURIComponent(trackingNo ?? "")}`),
    enabled: trackingNo !== null,
  });
}
