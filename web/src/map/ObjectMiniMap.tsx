import "leaflet/dist/leaflet.css";
import { type LatLngBounds, type LatLngTuple, latLngBounds } from "leaflet";
import { useMemo } from "react";
import { CircleMarker, MapContainer, Pane, Polygon, TileLayer, Tooltip, useMapEvents } from "react-leaflet";
import { usePublicConfig } from "../api/config";
import type { ObjectGeometry, ObjectType } from "../api/objects";
import type { GridFeature } from "../api/types";
import { toLatLngs } from "./geometry";
import { FitBounds, TrackContainerSize } from "./MapViewport";
import { contextGridStyle, objectAreaStyle, objectMarkerStyle } from "./objectStyles";
import "./map.css";

const gaochangSeat: LatLngTuple = [42.95, 89.19];

interface Props {
  geometry: ObjectGeometry | null;
  type: ObjectType;
  /** Grid boundaries drawn faintly underneath, so a location reads against its village. */
  grids?: readonly GridFeature[];
  label?: string;
  /** When set, a click on the map picks a point (longitude, latitude). */
  onPick?: (lon: number, lat: number) => void;
  className?: string;
}

function PickOnClick({ onPick }: { onPick: (lon: number, lat: number) => void }) {
  useMapEvents({
    click: (e) => onPick(Math.round(e.latlng.lng * 1e6) / 1e6, Math.round(e.latlng.lat * 1e6) / 1e6),
  });
  return null;
}

function polygonLatLngs(geometry: ObjectGeometry): LatLngTuple[][][] | null {
  if (geometry.type === "Polygon")
    return toLatLngs({ type: "MultiPolygon", coordinates: [geometry.coordinates] });
  if (geometry.type === "MultiPolygon") return toLatLngs(geometry);
  return null;
}

/** A small map of one object: its point or area, optionally over its grids, optionally pickable. */
export function ObjectMiniMap({ geometry, type, grids = [], label, onPick, className }: Props) {
  const config = usePublicConfig();
  const lat = geometry?.type === "Point" ? geometry.coordinates[1] : null;
  const lon = geometry?.type === "Point" ? geometry.coordinates[0] : null;
  const point: LatLngTuple | null = lat === null || lon === null ? null : [lat, lon];
  const area = useMemo(() => (geometry ? polygonLatLngs(geometry) : null), [geometry]);
  const gridShapes = useMemo(
    () => grids.flatMap((f) => (f.geometry ? [{ id: f.properties.id, latLngs: toLatLngs(f.geometry) }] : [])),
    [grids],
  );
  const gridBounds = useMemo(() => {
    const all = gridShapes.flatMap((s) => s.latLngs.flatMap((p) => p[0]));
    return all.length > 0 ? latLngBounds(all) : null;
  }, [gridShapes]);
  // Showing an object: frame it, with its grid around a point. Picking a location: frame the grids only,
  // so that clicks do not move the view.
  const objectBounds: LatLngBounds | null = useMemo(() => {
    if (area) return latLngBounds(area.flatMap((p) => p[0]));
    if (lat === null || lon === null) return null;
    const corners: LatLngTuple[] = [
      [lat - 0.01, lon - 0.01],
      [lat + 0.01, lon + 0.01],
    ];
    if (gridBounds)
      corners.push(
        [gridBounds.getSouth(), gridBounds.getWest()],
        [gridBounds.getNorth(), gridBounds.getEast()],
      );
    return latLngBounds(corners);
  }, [area, lat, lon, gridBounds]);
  const bounds = onPick ? gridBounds : (objectBounds ?? gridBounds);

  return (
    <div className={`object-mini-map ${className ?? ""}`} dir="ltr">
      <MapContainer center={point ?? gaochangSeat} zoom={9} className="grid-map-container">
        {config.data?.tileUrl && (
          <TileLayer
            key={config.data.tileUrl}
            url={config.data.tileUrl}
            attribution={config.data.tileAttribution}
          />
        )}
        {gridShapes.map((s) => (
          <Polygon
            key={s.id}
            positions={s.latLngs}
            pathOptions={contextGridStyle}
            className="object-context-grid"
            interactive={false}
          />
        ))}
        {/* The object above the grids, whichever of them arrives first. */}
        <Pane name="object-shapes" style={{ zIndex: 450 }}>
          {area && (
            <Polygon positions={area} pathOptions={objectAreaStyle(type)} className="object-area">
              {label && <Tooltip>{label}</Tooltip>}
            </Polygon>
          )}
          {point && (
            <CircleMarker
              center={point}
              radius={8}
              pathOptions={objectMarkerStyle(type, true)}
              className="object-marker"
            >
              {label && <Tooltip>{label}</Tooltip>}
            </CircleMarker>
          )}
        </Pane>
        {onPick && <PickOnClick onPick={onPick} />}
        <FitBounds bounds={bounds} maxZoom={14} />
        <TrackContainerSize />
      </MapContainer>
    </div>
  );
}
