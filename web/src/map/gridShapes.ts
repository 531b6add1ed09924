import type { LatLngTuple } from "leaflet";
import type { GridFeature } from "../api/types";
import { toLatLngs } from "./geometry";

export interface GridShape {
  id: number;
  parentId: number | null;
  level: number;
  name: string;
  latLngs: LatLngTuple[][][];
  /** Leaves are drawn filled and clickable; grids with visible children only as outlines around them. */
  isLeaf: boolean;
}

export function gridShapes(features: readonly GridFeature[]): GridShape[] {
  const parentIds = new Set(features.map((f) => f.properties.parentId));
  const shapes: GridShape[] = [];
  for (const { properties, geometry } of features) {
    if (!geometry) continue;
    shapes.push({
      id: properties.id,
      parentId: properties.parentId,
      level: properties.level,
      name: properties.name,
      latLngs: toLatLngs(geometry),
      isLeaf: !parentIds.has(properties.id),
    });
  }
  // Deeper outlines last, so a township's line is drawn over the district's and both over the fills.
  return shapes.sort((a, b) => Number(b.isLeaf) - Number(a.isLeaf) || b.level - a.level);
}
