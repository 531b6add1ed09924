/** GeoJSON geometries a supervised object may have: the API's shapes (api-types/objects.ts, no imports). */
export type {
  MultiPolygonGeometry as GeoMultiPolygon,
  ObjectGeometry,
  PointGeometry as GeoPoint,
  PolygonGeometry as GeoPolygon,
} from "../../api-types/objects.ts";
