import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, Flex } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { exportUrl, useAdminGrids } from "../../api/gridAdmin";
import { PageLoading } from "../../components/PageLoading";
import { QueryError } from "../../components/QueryError";
import { GridTree } from "../GridMap/GridTree";
import { CreateGridModal } from "./CreateGridModal";
import { GridAdminPanel } from "./GridAdminPanel";
import { ImportGridsModal } from "./ImportGridsModal";
import "./gridAdmin.css";

/** Grid administration: the tree on the left, the selected grid's form, move, retire and history on the right. */
export function GridAdminScene() {
  const { t } = useTranslation();
  const [includeRetired, setIncludeRetired] = useState(false);
  const grids = useAdminGrids(includeRetired);
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedId = Number(searchParams.get("grid")) || null;
  const select = useCallback(
    (id: number | null) => setSearchParams(id === null ? {} : { grid: String(id) }),
    [setSearchParams],
  );
  const [dialog, setDialog] = useState<"create" | "import" | null>(null);
  const items = grids.data?.items ?? [];
  const selected = items.find((g) => g.id === selectedId) ?? null;
  // Retired grids stay in the tree (when asked for) with a mark after their name.
  const treeItems = useMemo(
    () =>
      items.map((g) =>
        g.retiredAt
          ? {
              ...g,
              name: `${g.name}${t("gridAdmin.details.retiredSuffix")}`,
              nameUg: g.nameUg && `${g.nameUg}${t("gridAdmin.details.retiredSuffix")}`,
              nameEn: g.nameEn && `${g.nameEn}${t("gridAdmin.details.retiredSuffix")}`,
            }
          : g,
      ),
    [items, t],
  );

  if (grids.isError) return <QueryError error={grids.error} onRetry={() => void grids.refetch()} />;
  if (grids.isPending) return <PageLoading />;

  return (
    <div className="grid-admin">
      <aside className="grid-admin-sidebar">
        <Checkbox checked={includeRetired} onChange={(e) => setIncludeRetired(e.target.checked)}>
          {t("gridAdmin.toolbar.showRetired")}
        </Checkbox>
        <GridTree grids={treeItems} selectedId={selectedId} onSelect={select} />
      </aside>
      <section className="grid-admin-main">
        <Flex gap={8} wrap className="grid-admin-toolbar">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!selected || selected.retiredAt !== null}
            onClick={() => setDialog("create")}
          >
            {t("gridAdmin.toolbar.create")}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setDialog("import")} className="grid-import-open">
            {t("gridAdmin.toolbar.import")}
          </Button>
          <Button icon={<DownloadOutlined />} href={exportUrl(null)}>
            {t("gridAdmin.toolbar.export")}
          </Button>
          {selected && (
            <Button icon={<DownloadOutlined />} href={exportUrl(selected.id)}>
              {t("gridAdmin.toolbar.exportSelected")}
            </Button>
          )}
        </Flex>
        {selected ? (
          <GridAdminPanel key={selected.id} grid={selected} grids={items} />
        ) : (
          <Alert type="info" showIcon title={t("gridAdmin.details.select")} />
        )}
      </section>
      {dialog === "create" && selected && (
        <CreateGridModal parent={selected} onClose={() => setDialog(null)} onCreated={select} />
      )}
      {dialog === "import" && (
        <ImportGridsModal
          grids={items}
          defaultParentId={selected?.id ?? null}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
