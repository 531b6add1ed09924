import { Breadcrumb } from "antd";
import { useMe } from "../../components/MeContext";

/** The grids above the user's own, which they may not open but should know they belong to. */
export function AncestorBreadcrumb() {
  const { ancestors } = useMe();
  if (ancestors.length === 0) return null;
  const ordered = [...ancestors].sort((a, b) => a.level - b.level);
  return <Breadcrumb className="grid-ancestors" items={ordered.map((a) => ({ key: a.id, title: a.name }))} />;
}
