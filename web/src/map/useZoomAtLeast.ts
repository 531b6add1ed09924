import { useState } from "react";
import { useMap, useMapEvents } from "react-leaflet";

/** True while the map is zoomed in to `threshold` or further; re-renders only when that flips. */
export function useZoomAtLeast(threshold: number): boolean {
  const map = useMap();
  const [atLeast, setAtLeast] = useState(() => map.getZoom() >= threshold);
  useMapEvents({ zoomend: () => setAtLeast(map.getZoom() >= threshold) });
  return atLeast;
}
