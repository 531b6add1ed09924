import type { LatLngTuple, PathOptions } from "leaflet";
import { useTranslation } from "react-i18next";
import { Polygon, Tooltip } from "react-leaflet";
import type { CoverageFeature, GridCoverage } from "../api/gridAdmin";
import { useGridNames } from "../grids/useGridNames";

/** Colours of the coverage view; the legend (scenes/GridMap/CoverageCard) uses the same ones. */
export const coverageColours = {
  gap: "#f5222d",
  overlap: "#fa8c16",
  outside: "#722ed1",
} as const;

export type CoverageKind = keyof typeof coverageColours;

const style = (kind: CoverageKind): PathOptions => ({
  color: coverageColours[kind],
  weight: 2,
  dashArray: kind === "gap" ? undefined : "4 3",
  fillColor: coverageColours[kind],
  fillOpacity: 0.5,
});

/** Features carry no id; where they are and what they concern identifies them within one answer. */
function featureKey(kind: CoverageKind, feature: CoverageFeature): string {
  const [lon, lat] = feature.geometry.coordinates[0]?.[0] ?? [0, 0];
  const p = feature.properties;
  return `${kind}:${p.gridIds?.join("-") ?? p.gridId ?? ""}:${lon},${lat}:${p.areaKm2}`;
}

function latLngs(feature: CoverageFeature): LatLngTuple[][] {
  return feature.geometry.coordinates.map((ring) => ring.map(([lon, lat]) => [lat, lon] as LatLngTuple));
}

/**
 * Draws the gaps (red), overlaps (orange) and outside parts (purple) of a grid's coverage on top of the grid
 * polygons. Paths carry `coverage-gap`, `coverage-overlap`, `coverage-outside` so tests can find them.
 */
export function CoverageLayers({ coverage }: { coverage: GridCoverage }) {
  const { t, i18n } = useTranslation();
  const gridNames = useGridNames();
  const area = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 4 });
  const layers: [CoverageKind, CoverageFeature[]][] = [
    ["gap", coverage.gaps.features],
    ["overlap", coverage.overlaps.features],
    ["outside", coverage.outside.features],
  ];
  return layers.flatMap(([kind, features]) =>
    features.map((feature) => {
      const p = feature.properties;
      const km2 = area.format(p.areaKm2);
      const label =
        kind === "gap"
          ? t("gridAdmin.coverage.gapTip", { area: km2 })
          : kind === "overlap"
            ? t("gridAdmin.coverage.overlapTip", {
                a: gridNames.name(p.gridIds?.[0], p.gridNames?.[0] ?? ""),
                b: gridNames.name(p.gridIds?.[1], p.gridNames?.[1] ?? ""),
                area: km2,
              })
            : t("gridAdmin.coverage.outsideTip", {
                name: gridNames.name(p.gridId, p.gridName ?? ""),
                area: km2,
              });
      return (
        <Polygon
          key={featureKey(kind, feature)}
          positions={latLngs(feature)}
          className={`coverage-${kind}`}
          pathOptions={style(kind)}
        >
          <Tooltip sticky>{label}</Tooltip>
        </Polygon>
      );
    }),
  );
}
