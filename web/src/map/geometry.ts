import { type LatLngBounds, type LatLngTuple, latLngBounds } from "leaflet";
import type { MultiPolygon } from "../api/types";

/** GeoJSON is [lon, lat]; Leaflet wants [lat, lon]. A MultiPolygon maps onto Leaflet's polygon-of-polygons form. */
export function toLatLngs(geometry: MultiPolygon): LatLngTuple[][][] {
  return geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(([lon, lat]) => [lat, lon])));
}

export function boundsOf(shapes: readonly LatLngTuple[][][][]): LatLngBounds | null {
  const bounds = latLngBounds([]);
  for (const shape of shapes) {
    for (const polygon of shape) {
      // The outer ring bounds the polygon; holes cannot reach beyond it.
      for (const point of polygon[0] ?? []) bounds.extend(point);
    }
  }
  return bounds.isValid() ? bounds : null;
}
