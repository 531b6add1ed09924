/** GeoJSON geometries a supervised object may have (WGS84 longitude, latitude). No imports: the web app shares it. */
export interface GeoPoint {
  type: "Point";
  coordinates: number[];
}
export interface GeoPolygon {
  type: "Polygon";
  coordinates: number[][][];
}
export interface GeoMultiPolygon {
  type: "MultiPolygon";
  coordinates: number[][][][];
}
export type ObjectGeometry = GeoPoint | GeoPolygon | GeoMultiPolygon;
