import "leaflet/dist/leaflet.css";
import type { LatLngTuple } from "leaflet";
import { type ReactNode, useMemo } from "react";
import { MapContainer, Polygon, TileLayer } from "react-leaflet";
import type { GridFeature } from "../api/types";
import { GridLayers } from "./GridLayers";
import { boundsOf } from "./geometry";
import { gridShapes } from "./gridShapes";
import { selectedStyle } from "./gridStyles";
import { FitBounds, TrackContainerSize } from "./MapViewport";
import "./map.css";

interface Props {
  features: readonly GridFeature[];
  labels: ReadonlyMap<number, string>;
  selectedId: number | null;
  onSelect: (id: number) => void;
  center: LatLngTuple;
  zoom: number;
  tileUrl?: string;
  tileAttribution?: string;
  /** Extra layers drawn over the grids (the coverage view, supervised objects). */
  children?: ReactNode;
}

export function GridMap({
  features,
  labels,
  selectedId,
  onSelect,
  center,
  zoom,
  tileUrl,
  tileAttribution,
  children,
}: Props) {
  const shapes = useMemo(() => gridShapes(features), [features]);
  const dataBounds = useMemo(() => boundsOf(shapes.map((s) => s.latLngs)), [shapes]);
  const selected = shapes.find((s) => s.id === selectedId);
  const selectedBounds = useMemo(() => (selected ? boundsOf([selected.latLngs]) : null), [selected]);

  return (
    // Leaflet positions panes and controls for left-to-right; the map stays LTR inside an RTL page.
    <div className="grid-map" dir="ltr">
      <MapContainer center={center} zoom={zoom} className="grid-map-container">
        {tileUrl && <TileLayer key={tileUrl} url={tileUrl} attribution={tileAttribution} />}
        <GridLayers shapes={shapes} labels={labels} onSelect={onSelect} />
        {selected && (
          <Polygon
            key={selected.id}
            positions={selected.latLngs}
            className="grid-selected"
            // Under the coverage view the selection is an outline only, so the colours underneath stay true.
            pathOptions={children ? { ...selectedStyle, fill: false } : selectedStyle}
            interactive={false}
          />
        )}
        {children}
        <FitBounds bounds={dataBounds} />
        <FitBounds bounds={selectedBounds} maxZoom={13} />
        <TrackContainerSize />
      </MapContainer>
    </div>
  );
}
