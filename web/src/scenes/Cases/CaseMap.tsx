import "leaflet/dist/leaflet.css";
import { latLngBounds } from "leaflet";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { CircleMarker, MapContainer, TileLayer, Tooltip } from "react-leaflet";
import { useNavigate } from "react-router";
import type { CaseSummary } from "../../api/cases";
import { usePublicConfig } from "../../api/config";
import { stageLabel } from "../../i18n/domain-labels";
import { FitBounds, TrackContainerSize } from "../../map/MapViewport";

function colorOf(c: CaseSummary): string {
  if (c.overdue) return "#cf1322";
  if (c.deadline === null) return "#8c8c8c";
  if (c.priority === "urgent") return "#fa541c";
  return "#1677ff";
}

/** The listed cases on a map: red overdue, orange urgent, blue open, grey finished; a click opens the case. */
export function CaseMap({ cases }: { cases: readonly CaseSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const config = usePublicConfig();
  const bounds = useMemo(() => {
    const b = latLngBounds(cases.map((c) => [c.location.lat, c.location.lng] as [number, number]));
    return b.isValid() ? b : null;
  }, [cases]);
  return (
    <div className="location-picker case-map" dir="ltr" style={{ height: 520 }}>
      <MapContainer center={config.data?.mapCenter ?? [42.95, 89.19]} zoom={config.data?.mapZoom ?? 9}>
        {config.data?.tileUrl && (
          <TileLayer url={config.data.tileUrl} attribution={config.data.tileAttribution} />
        )}
        {cases.map((c) => (
          <CircleMarker
            key={c.id}
            center={[c.location.lat, c.location.lng]}
            radius={6}
            className={`case-marker${c.overdue ? " case-marker-overdue" : ""}`}
            pathOptions={{ color: colorOf(c), fillOpacity: 0.7, weight: 1 }}
            eventHandlers={{ click: () => void navigate(`/cases/${c.id}`) }}
          >
            <Tooltip>
              {c.trackingNo} {c.title} · {stageLabel(t, c.stage, c.stageName)}
            </Tooltip>
          </CircleMarker>
        ))}
        <FitBounds bounds={bounds} maxZoom={13} />
        <TrackContainerSize />
      </MapContainer>
    </div>
  );
}
