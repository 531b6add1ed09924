import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useDepartmentNames } from "../../departments/useDepartmentNames";
import { useGridNames } from "../../grids/useGridNames";
import { routingExplanationText, type StoredRoutingExplanation } from "../../i18n/routing-text";

/**
 * Words a stored routing explanation in the reader's language, naming grids from the grid tree and
 * departments from the department list (both cached, one request each for the whole app).
 */
export function useRoutingExplanation(): (stored: StoredRoutingExplanation) => string {
  const { t } = useTranslation();
  const grids = useGridNames();
  const departments = useDepartmentNames();
  return useCallback(
    (stored: StoredRoutingExplanation) =>
      routingExplanationText(t, stored, {
        grid: grids.name,
        gridAbove: grids.above,
        department: departments.name,
      }),
    [t, grids, departments],
  );
}
