/** Great-circle distance in metres (WGS 84 mean radius); the server's spheroid distance is authoritative. */
export function distanceM(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const r = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * r * Math.asin(Math.sqrt(h)));
}

/** The check-in radius the server uses by default (ENVGRID_PATROL_CHECKIN_RADIUS_M). */
export const CHECKIN_RADIUS_M = 200;
