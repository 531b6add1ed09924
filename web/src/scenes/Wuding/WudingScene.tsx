import { Alert } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useGrids } from "../../api/grids";
import { useMe } from "../../components/MeContext";
import { PageLoading } from "../../components/PageLoading";
import { QueryError } from "../../components/QueryError";
import { GridTree } from "../GridMap/GridTree";
import { WudingPanel } from "./WudingPanel";
import "./wuding.css";

/** The 五定 of one grid at a time, picked in the tree; the selection lives in the URL (?grid=). */
export function WudingScene() {
  const { t } = useTranslation();
  const me = useMe();
  const grids = useGrids();
  const [searchParams, setSearchParams] = useSearchParams();
  const select = useCallback((id: number) => setSearchParams({ grid: String(id) }), [setSearchParams]);
  if (grids.isError) return <QueryError error={grids.error} onRetry={() => void grids.refetch()} />;
  if (grids.isPending) return <PageLoading />;
  // Without a choice, start from the caller's own grid (or the top of the tree).
  const selectedId =
    Number(searchParams.get("grid")) || me.scope.gridIds[0] || grids.data.items[0]?.id || null;

  return (
    <div className="wuding-scene">
      <aside className="wuding-sidebar no-print">
        <GridTree grids={grids.data.items} selectedId={selectedId} onSelect={select} />
      </aside>
      <section className="wuding-main">
        {selectedId === null ? (
          <Alert type="info" showIcon title={t("wuding.pickGrid")} />
        ) : (
          <WudingPanel key={selectedId} gridId={selectedId} />
        )}
      </section>
    </div>
  );
}
