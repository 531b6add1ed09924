import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useGrids } from "../api/grids";
import { useCan } from "../components/MeContext";
import { localAncestorName, localGridName, type NamedGrid } from "./gridName";

export interface GridNames {
  /** Grid `id`'s name in the current language; `fallback` (the server's Chinese name) when unknown. */
  name: (id: number | null | undefined, fallback: string) => string;
  /** The ancestor of grid `id` called `chineseName`, in the current language (township, parent grid). */
  above: (id: number | null | undefined, chineseName: string) => string;
  /** "township / grid" (or "parent / grid"): the upper name skipped when the server sent none. */
  path: (id: number | null | undefined, gridName: string, aboveName: string | null) => string;
}

/**
 * Grid names in the user's language for lists whose rows carry the server's Chinese `gridName`. Uses the
 * cached grid tree (the same query as the grid tree and GridTreeSelect, one request for the whole app), so
 * no request per row; roles without grid.read, and grids outside the tree, keep the Chinese name.
 */
export function useGridNames(): GridNames {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const grids = useGrids(useCan("grid.read"));
  const byId = useMemo(
    () => (grids.data ? new Map<number, NamedGrid>(grids.data.items.map((g) => [g.id, g])) : undefined),
    [grids.data],
  );
  const name = useCallback(
    (id: number | null | undefined, fallback: string) => localGridName(byId, id, fallback, language),
    [byId, language],
  );
  const above = useCallback(
    (id: number | null | undefined, chineseName: string) =>
      localAncestorName(byId, id, chineseName, language),
    [byId, language],
  );
  return useMemo(
    () => ({
      name,
      above,
      path: (id: number | null | undefined, gridName: string, aboveName: string | null) =>
        [aboveName && above(id, aboveName), name(id, gridName)].filter(Boolean).join(" / "),
    }),
    [name, above],
  );
}
