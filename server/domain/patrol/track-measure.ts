import { TRACK_FLAG, TRACK_LIMITS } from "./checklist.ts";

/** WGS84 semi-major axis (m) and first eccentricity squared. */
const A = 6378137;
const E2 = 0.00669437999014;
const RAD = Math.PI / 180;

/**
 * Length in metres of a GPS leg on the WGS84 ellipsoid, measured in JavaScript so a batch needs no per-point
 * PostGIS call. The central angle is the haversine one; the radius is the ellipsoid's radius of curvature in the
 * leg's direction at its mid-latitude (Euler), so short legs — patrol legs are metres to a few kilometres —
 * agree with PostGIS `ST_Distance(geography)` (spheroid) to about 1e-6, where a plain sphere is up to 0.5 % off.
 */
export function legMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const phi1 = lat1 * RAD;
  const phi2 = lat2 * RAD;
  const dPhi = phi2 - phi1;
  const dLambda = (lon2 - lon1) * RAD;
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) ** 2;
  const angle = 2 * Math.asin(Math.min(1, Math.sqrt(h)));
  if (angle === 0) return 0;
  const phiM = (phi1 + phi2) / 2;
  const s = Math.sin(phiM);
  const w = 1 - E2 * s * s;
  const meridian = (A * (1 - E2)) / (w * Math.sqrt(w)); // M: north-south curvature
  const normal = A / Math.sqrt(w); // N: east-west curvature
  const north = dPhi * meridian;
  const east = dLambda * Math.cos(phiM) * normal;
  const both = north * north + east * east;
  const radius =
    both === 0 ? meridian : (meridian * normal * both) / (normal * north * north + meridian * east * east);
  return angle * radius;
}

export interface MeasuredPoint {
  /** Seconds since the epoch (fractions kept). */
  s: number;
  lon: number;
  lat: number;
  flags: number;
  legM: number | null;
}

/** Where measuring continues: the latest point (any flags) and the latest unflagged one. */
export interface TrackTail {
  last: { s: number; lon: number; lat: number } | null;
  legFrom: { lon: number; lat: number } | null;
}

/**
 * Sets the speed flag and the leg of each point, in time order, continuing from `tail`: speed is measured from
 * the previous point whatever its flags; a point's leg runs from the previous unflagged point, and only
 * unflagged points have one. Mutates the points and returns the tail after them and the sum of their legs.
 */
export function measureTrack(points: MeasuredPoint[], tail: TrackTail): { tail: TrackTail; lengthM: number } {
  let { last, legFrom } = tail;
  let lengthM = 0;
  for (const p of points) {
    let flags = p.flags & ~TRACK_FLAG.speed;
    if (last && p.s > last.s) {
      const kmh = (legMetres(last.lon, last.lat, p.lon, p.lat) / (p.s - last.s)) * 3.6;
      if (kmh > TRACK_LIMITS.maxSpeedKmh) flags |= TRACK_FLAG.speed;
    }
    p.flags = flags;
    if (flags === 0) {
      p.legM = legFrom ? legMetres(legFrom.lon, legFrom.lat, p.lon, p.lat) : null;
      lengthM += p.legM ?? 0;
      legFrom = { lon: p.lon, lat: p.lat };
    } else p.legM = null;
    last = { s: p.s, lon: p.lon, lat: p.lat };
  }
  return { tail: { last, legFrom }, lengthM };
}
