import { Breadcrumb } from "antd";
import { useTranslation } from "react-i18next";
import { useMe } from "../../components/MeContext";
import { gridName } from "../../grids/gridName";

/** The grids above the user's own, which they may not open but should know they belong to. */
export function AncestorBreadcrumb() {
  const { i18n } = useTranslation();
  const { ancestors } = useMe();
  if (ancestors.length === 0) return null;
  const ordered = [...ancestors].sort((a, b) => a.level - b.level);
  return (
    <Breadcrumb
      className="grid-ancestors"
      items={ordered.map((a) => ({ key: a.id, title: gridName(a, i18n.language) }))}
    />
  );
}
