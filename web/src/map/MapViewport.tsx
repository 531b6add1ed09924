import type { LatLngBounds } from "leaflet";
import { useEffect } from "react";
import { useMap } from "react-leaflet";

const padding: [number, number] = [24, 24];

/**
 * Fits the map to `bounds` whenever they change (a new data set, a new selection). Without animation: Leaflet
 * leaves a zoom-animation timer behind that throws if the page unmounts the map meanwhile (say, on a 401).
 */
export function FitBounds({ bounds, maxZoom }: { bounds: LatLngBounds | null; maxZoom?: number }) {
  const map = useMap();
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding, maxZoom, animate: false });
  }, [map, bounds, maxZoom]);
  return null;
}

/** Leaflet measures its container once; tell it when the layout around it changes (sider, drawer, rotation). */
export function TrackContainerSize() {
  const map = useMap();
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}
