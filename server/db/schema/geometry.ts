import { customType } from "drizzle-orm/pg-core";

export interface GeoJsonMultiPolygon {
  type: "MultiPolygon";
  coordinates: number[][][][];
}

/**
 * A MultiPolygon column in SRID 4326. Writes go through SQL (`ST_GeomFromGeoJSON`) and reads through
 * `ST_AsGeoJSON`, so the column itself is never selected raw; see queries/ and commands/.
 */
export const multiPolygon = customType<{ data: GeoJsonMultiPolygon; driverData: string }>({
  dataType() {
    return "geometry(MultiPolygon, 4326)";
  },
});
