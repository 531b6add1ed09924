import type { PathOptions } from "leaflet";
import type { ObjectType } from "../api/objects";

/** One colour per object type, matching the list's tags closely enough to connect the two. */
export const objectColor: Record<ObjectType, string> = {
  enterprise: "#d4380d",
  water_source: "#1677ff",
  hazard: "#cf1322",
  construction_project: "#d48806",
  ecological_area: "#389e0d",
  rural_site: "#08979c",
};

export function objectMarkerStyle(type: ObjectType, keyUnit = false): PathOptions {
  return {
    color: "#ffffff",
    weight: keyUnit ? 2 : 1,
    fillColor: objectColor[type],
    fillOpacity: 0.9,
  };
}

export function objectAreaStyle(type: ObjectType): PathOptions {
  return { color: objectColor[type], weight: 2, fillColor: objectColor[type], fillOpacity: 0.25 };
}

export const contextGridStyle: PathOptions = {
  color: "#5b7d6b",
  weight: 1,
  fill: true,
  fillColor: "#dfe9e3",
  fillOpacity: 0.5,
};
