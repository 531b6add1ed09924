import "leaflet/dist/leaflet.css";
import type { LatLngTuple } from "leaflet";
import { useMemo } from "react";
import { CircleMarker, MapContainer, Polygon, TileLayer, useMapEvents } from "react-leaflet";
import { usePublicConfig } from "../../api/config";
import { useGridGeoJson } from "../../api/grids";
import { boundsOf } from "../../map/geometry";
import { gridShapes } from "../../map/gridShapes";
import { FitBounds, TrackContainerSize } from "../../map/MapViewport";

export interface PickedPoint {
  lng: number;
  lat: number;
}

function ClickToPick({ onPick }: { onPick: (p: PickedPoint) => void }) {
  useMapEvents({ click: (e) => onPick({ lng: e.latlng.lng, lat: e.latlng.lat }) });
  return null;
}

/** A map of the caller's grids; a click sets the problem's location (shown as a circle). */
export function LocationPicker({
  value,
  onChange,
  showGrids,
}: {
  value: PickedPoint | null;
  onChange: (p: PickedPoint) => void;
  showGrids: boolean;
}) {
  const config = usePublicConfig();
  const geo = useGridGeoJson(showGrids);
  const shapes = useMemo(() => gridShapes(geo.data?.features ?? []), [geo.data]);
  const bounds = useMemo(() => boundsOf(shapes.map((s) => s.latLngs)), [shapes]);
  const center: LatLngTuple = config.data?.mapCenter ?? [42.95, 89.19];
  return (
    <div className="location-picker" dir="ltr" data-testid="location-picker">
      <MapContainer center={center} zoom={config.data?.mapZoom ?? 9}>
        {config.data?.tileUrl && (
          <TileLayer url={config.data.tileUrl} attribution={config.data.tileAttribution} />
        )}
        {shapes
          .filter((s) => s.isLeaf)
          .map((s) => (
            <Polygon
              key={s.id}
              positions={s.latLngs}
              interactive={false}
              className={`grid-level-${s.level}`}
              pathOptions={{ color: "#389e0d", weight: 1, fillOpacity: 0.08 }}
            />
          ))}
        {value && (
          <CircleMarker
            center={[value.lat, value.lng]}
            radius={8}
            className="picked-location"
            pathOptions={{ color: "#cf1322", fillOpacity: 0.6 }}
          />
        )}
        <ClickToPick onPick={onChange} />
        <FitBounds bounds={bounds} />
        <TrackContainerSize />
      </MapContainer>
    </div>
  );
}
