export type GpsProblem = "denied" | "unavailable" | "timeout" | "unsupported";

/**
 * What a GeolocationPositionError means for the member (the browser's own message is English and technical):
 * 1 PERMISSION_DENIED (also what an insecure http origin gets), 2 POSITION_UNAVAILABLE, 3 TIMEOUT.
 */
export function gpsProblemOf(code: number): GpsProblem {
  if (code === 1) return "denied";
  if (code === 3) return "timeout";
  return "unavailable";
}
