/** Reading GeoJSON files the user picks, before anything is sent: JSON errors are caught here, in the browser. */

export type ReadResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: "notJson" | "noGeometry"; detail?: string };

export async function readJsonFile(file: Blob): Promise<ReadResult<unknown>> {
  try {
    return { ok: true, value: JSON.parse(await file.text()) };
  } catch (error) {
    return { ok: false, error: "notJson", detail: error instanceof Error ? error.message : String(error) };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The one boundary in a file: a bare geometry, a Feature, or a FeatureCollection with a single feature. The server
 * checks the geometry itself (and says where it is invalid); this only finds it.
 */
export function singleGeometry(doc: unknown): ReadResult<unknown> {
  let candidate: unknown = doc;
  if (isObject(candidate) && candidate.type === "FeatureCollection" && Array.isArray(candidate.features)) {
    if (candidate.features.length !== 1) return { ok: false, error: "noGeometry" };
    candidate = candidate.features[0];
  }
  if (isObject(candidate) && candidate.type === "Feature") candidate = candidate.geometry;
  if (isObject(candidate) && (candidate.type === "Polygon" || candidate.type === "MultiPolygon"))
    return { ok: true, value: candidate };
  return { ok: false, error: "noGeometry" };
}

export function featureCount(doc: unknown): number {
  if (isObject(doc) && doc.type === "FeatureCollection" && Array.isArray(doc.features))
    return doc.features.length;
  return isObject(doc) && doc.type === "Feature" ? 1 : 0;
}
