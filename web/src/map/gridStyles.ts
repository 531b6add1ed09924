import type { PathOptions } from "leaflet";

// Soft, distinguishable fills; villages share their township's colour so township blocks read at a glance.
const palette = [
  "#8cc5a1",
  "#9fc3e7",
  "#f2c48d",
  "#c6b3e0",
  "#f0a9a0",
  "#a8d5d0",
  "#d9d48f",
  "#b7cf9a",
  "#e3b5cf",
  "#a9b9d9",
  "#e8c9a0",
  "#9ed2b4",
  "#cdb8a4",
  "#b3d1e6",
];

export function leafStyle(colourIndex: number): PathOptions {
  return {
    color: "#ffffff",
    weight: 1,
    fillColor: palette[colourIndex % palette.length],
    fillOpacity: 0.75,
  };
}

export function outlineStyle(level: number): PathOptions {
  return {
    color: level <= 1 ? "#1d3a2c" : "#2f5e45",
    weight: level <= 1 ? 4 : 2.5,
    opacity: 0.9,
    fill: false,
  };
}

export const selectedStyle: PathOptions = {
  color: "#d4380d",
  weight: 4,
  fillColor: "#fa8c16",
  fillOpacity: 0.35,
};
