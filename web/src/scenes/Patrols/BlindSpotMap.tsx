import "leaflet/dist/leaflet.css";
import { type LatLngTuple, latLngBounds } from "leaflet";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { CircleMarker, MapContainer, Pane, Polygon, TileLayer, Tooltip } from "react-leaflet";
import { usePublicConfig } from "../../api/config";
import { useGridGeoJson } from "../../api/grids";
import type { PatrolPlanEntry } from "../../api/patrols";
import { useGridNames } from "../../grids/useGridNames";
import { toLatLngs } from "../../map/geometry";
import { FitBounds, TrackContainerSize } from "../../map/MapViewport";
import { contextGridStyle } from "../../map/objectStyles";
import "../../map/map.css";
import "./patrols.css";

const gaochangSeat: LatLngTuple = [42.95, 89.19];
// the same width as the compact legend's rule in patrols.css
const PHONE = "(max-width: 576px)";

// Blind spots are drawn large and red/orange over small green/blue dots for the objects that are covered.
const STYLE = {
  overdue: { color: "#ffffff", weight: 2, fillColor: "#cf1322", fillOpacity: 0.95 },
  missed: { color: "#ffffff", weight: 2, fillColor: "#fa8c16", fillOpacity: 0.95 },
  done: { color: "#ffffff", weight: 1, fillColor: "#389e0d", fillOpacity: 0.8 },
  due: { color: "#ffffff", weight: 1, fillColor: "#1677ff", fillOpacity: 0.6 },
} as const;

/**
 * 巡查覆盖地图: the grids in scope, the objects due this period (done / still due) and the blind spots (盲区:
 * required patrol overdue, or last period missed) as distinct markers, with a legend that counts each kind.
 */
export function BlindSpotMap({ spots, plan }: { spots: PatrolPlanEntry[]; plan: PatrolPlanEntry[] }) {
  const { t } = useTranslation();
  const gridNames = useGridNames();
  const [legendOpen, setLegendOpen] = useState(() => !window.matchMedia(PHONE).matches);
  const config = usePublicConfig();
  const grids = useGridGeoJson();
  const shapes = useMemo(
    () =>
      (grids.data?.features ?? []).flatMap((f) =>
        f.geometry && f.properties.level >= 3
          ? [{ id: f.properties.id, latLngs: toLatLngs(f.geometry) }]
          : [],
      ),
    [grids.data],
  );
  const blind = new Set(spots.map((s) => s.objectId));
  const covered = plan.filter((p) => !blind.has(p.objectId));
  const overdue = spots.filter((s) => s.overdue).length;
  const counts = {
    overdue,
    missed: spots.length - overdue,
    done: covered.filter((p) => p.status === "done").length,
    due: covered.filter((p) => p.status !== "done").length,
  };
  const bounds = useMemo(() => {
    const points = [...spots, ...plan].map((p): LatLngTuple => [p.lat, p.lon]);
    return points.length > 0 ? latLngBounds(points) : null;
  }, [spots, plan]);

  return (
    <section className="patrol-coverage-map" dir="ltr" aria-label={t("patrol.map.title")}>
      <MapContainer center={gaochangSeat} zoom={10} className="grid-map-container">
        {config.data?.tileUrl && (
          <TileLayer
            key={config.data.tileUrl}
            url={config.data.tileUrl}
            attribution={config.data.tileAttribution}
          />
        )}
        {shapes.map((s) => (
          <Polygon
            key={s.id}
            positions={s.latLngs}
            pathOptions={contextGridStyle}
            className="patrol-coverage-grid"
            interactive={false}
          />
        ))}
        <Pane name="patrol-covered" style={{ zIndex: 440 }}>
          {covered.map((p) => (
            <CircleMarker
              key={p.objectId}
              center={[p.lat, p.lon]}
              radius={4}
              pathOptions={p.status === "done" ? STYLE.done : STYLE.due}
              className={`patrol-covered patrol-covered-${p.status === "done" ? "done" : "due"}`}
            >
              <Tooltip>{p.objectName}</Tooltip>
            </CircleMarker>
          ))}
        </Pane>
        <Pane name="patrol-blind-spots" style={{ zIndex: 450 }}>
          {spots.map((s) => (
            <CircleMarker
              key={s.objectId}
              center={[s.lat, s.lon]}
              radius={8}
              pathOptions={s.overdue ? STYLE.overdue : STYLE.missed}
              className={`patrol-blind-spot ${s.overdue ? "patrol-blind-spot-overdue" : "patrol-blind-spot-missed"}`}
            >
              <Tooltip>
                {s.objectName} · {gridNames.name(s.gridId, s.gridName)} ·{" "}
                {s.overdue ? t("patrol.overdue") : t("patrol.ledger.previousMissed")}
              </Tooltip>
            </CircleMarker>
          ))}
        </Pane>
        <FitBounds bounds={bounds} maxZoom={14} />
        <TrackContainerSize />
      </MapContainer>
      {/* A disclosure: on a phone it starts folded to its count, so the legend does not hide the map. */}
      <details
        className="patrol-map-legend"
        dir="auto"
        open={legendOpen}
        onToggle={(e) => setLegendOpen(e.currentTarget.open)}
      >
        <summary className="patrol-map-legend-count">
          {t("patrol.map.blindCount", { count: spots.length })}
        </summary>
        {(["overdue", "missed", "done", "due"] as const).map((kind) => (
          <div key={kind} className="patrol-map-legend-entry">
            <span className="patrol-map-dot" style={{ background: STYLE[kind].fillColor }} />
            {t(`patrol.map.${kind}`)}（{counts[kind]}）
          </div>
        ))}
      </details>
    </section>
  );
}
