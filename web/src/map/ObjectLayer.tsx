import { useMemo } from "react";
import { CircleMarker, Pane, Tooltip } from "react-leaflet";
import { useNavigate } from "react-router";
import type { ObjectFeatureCollection } from "../api/objects";
import { objectMarkerStyle } from "./objectStyles";

/**
 * Supervised objects as small circles over the grid map (a polygon object at a point inside it); a click
 * opens the object's archive. Its own pane keeps the circles above the grid fills and outlines.
 */
export function ObjectLayer({ features }: { features: ObjectFeatureCollection["features"] }) {
  const navigate = useNavigate();
  const markers = useMemo(
    () =>
      features.map((f) => ({
        id: f.properties.id,
        name: f.properties.name,
        center: [f.geometry.coordinates[1], f.geometry.coordinates[0]] as [number, number],
        style: objectMarkerStyle(f.properties.type, f.properties.keyUnit),
        radius: f.properties.keyUnit ? 6 : 4.5,
        type: f.properties.type,
      })),
    [features],
  );
  return (
    <Pane name="objects" style={{ zIndex: 450 }}>
      {markers.map((m) => (
        <CircleMarker
          key={m.id}
          center={m.center}
          radius={m.radius}
          pathOptions={m.style}
          className={`object-marker object-type-${m.type}`}
          eventHandlers={{ click: () => void navigate(`/objects/${m.id}`) }}
        >
          <Tooltip>{m.name}</Tooltip>
        </CircleMarker>
      ))}
    </Pane>
  );
}
