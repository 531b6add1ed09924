import { Alert, Switch } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { usePublicConfig } from "../../api/config";
import { useGridCoverage } from "../../api/gridAdmin";
import { useGridGeoJson, useGrids } from "../../api/grids";
import { useObjectFeatures } from "../../api/objects";
import { useCan } from "../../components/MeContext";
import { PageLoading } from "../../components/PageLoading";
import { QueryError } from "../../components/QueryError";
import { gridName } from "../../grids/gridName";
import { CoverageLayers } from "../../map/CoverageLayers";
import { GridMap } from "../../map/GridMap";
import { ObjectLayer } from "../../map/ObjectLayer";
import { AncestorBreadcrumb } from "./AncestorBreadcrumb";
import { CoverageCard } from "./CoverageCard";
import { GridDetailsPanel } from "./GridDetailsPanel";
import { GridTree } from "./GridTree";
import "./gridMapScene.css";

const gaochangSeat: [number, number] = [42.95, 89.19];

export function GridMapScene() {
  const { t, i18n } = useTranslation();
  const grids = useGrids();
  const geojson = useGridGeoJson();
  const config = usePublicConfig();
  // The selection lives in the URL, so a grid can be linked to and the back button undoes a click.
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedId = Number(searchParams.get("grid")) || null;
  // The coverage view (?coverage=1) stays on while the user picks other grids.
  const coverageOn = searchParams.get("coverage") === "1";
  const select = useCallback(
    (id: number | null) =>
      setSearchParams((params) => {
        const next = new URLSearchParams(params);
        if (id === null) next.delete("grid");
        else next.set("grid", String(id));
        return next;
      }),
    [setSearchParams],
  );
  const toggleCoverage = useCallback(
    (on: boolean) =>
      setSearchParams((params) => {
        const next = new URLSearchParams(params);
        if (on) next.set("coverage", "1");
        else next.delete("coverage");
        return next;
      }),
    [setSearchParams],
  );
  const coverage = useGridCoverage(coverageOn ? selectedId : null);
  const selectedHasChildren = (grids.data?.items ?? []).some((g) => g.id === selectedId && g.childCount > 0);
  const canSeeObjects = useCan("object.read");
  const [showObjects, setShowObjects] = useState(false);
  const objects = useObjectFeatures(canSeeObjects && showObjects);
  const labels = useMemo(
    () => new Map((grids.data?.items ?? []).map((g) => [g.id, gridName(g, i18n.language)])),
    [grids.data, i18n.language],
  );

  if (grids.isError) return <QueryError error={grids.error} onRetry={() => void grids.refetch()} />;
  if (geojson.isError) return <QueryError error={geojson.error} onRetry={() => void geojson.refetch()} />;
  if (grids.isPending || geojson.isPending || config.isPending) return <PageLoading />;

  return (
    <div className="grid-scene">
      <aside className="grid-sidebar">
        <AncestorBreadcrumb />
        <GridTree grids={grids.data.items} selectedId={selectedId} onSelect={select} />
        {canSeeObjects && (
          <div className="grid-object-toggle">
            <Switch
              id="grid-object-toggle"
              size="small"
              checked={showObjects}
              onChange={setShowObjects}
              loading={objects.isFetching}
            />
            <label htmlFor="grid-object-toggle">{t("objects.map.layer")}</label>
          </div>
        )}
      </aside>
      <section className="grid-map-panel">
        <GridMap
          features={geojson.data.features}
          labels={labels}
          selectedId={selectedId}
          onSelect={select}
          center={config.data?.mapCenter ?? gaochangSeat}
          zoom={config.data?.mapZoom ?? 8}
          tileUrl={config.data?.tileUrl || undefined}
          tileAttribution={config.data?.tileAttribution}
        >
          {coverageOn && coverage.data && <CoverageLayers coverage={coverage.data} />}
          {showObjects && objects.data && <ObjectLayer features={objects.data.features} />}
        </GridMap>
        <div className="grid-details-slot">
          {selectedId === null ? (
            <Alert type="info" showIcon title={t("grid.hint")} />
          ) : (
            <>
              <GridDetailsPanel key={selectedId} gridId={selectedId} onClose={() => select(null)} />
              {selectedHasChildren && (
                <CoverageCard enabled={coverageOn} onToggle={toggleCoverage} coverage={coverage} />
              )}
            </>
          )}
        </div>
      </section>
    </div>
  );
}
