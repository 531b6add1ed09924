import type { TFunction } from "i18next";
import type { ObjectStatus, ObjectSummary, ObjectType } from "../api/objects";
import type { GridNames } from "../grids/useGridNames";

export const typeLabel = (t: TFunction, type: ObjectType) => t(`objects.types.${type}`);
export const statusLabel = (t: TFunction, status: ObjectStatus) => t(`objects.statuses.${status}`);

/** Tag colours per type, so a long list can be scanned by kind. */
export const typeColor: Record<ObjectType, string> = {
  enterprise: "volcano",
  water_source: "blue",
  hazard: "red",
  construction_project: "gold",
  ecological_area: "green",
  rural_site: "cyan",
};

export const statusColor: Record<ObjectStatus, string> = {
  active: "success",
  suspended: "warning",
  retired: "default",
};

/** The one attribute that matters most for each type, for the list's "主要属性" column. */
export function mainAttribute(t: TFunction, o: ObjectSummary): string {
  switch (o.type) {
    case "enterprise":
      return o.uscc ?? "";
    case "water_source":
      return o.waterZoneLevel ? t(`objects.zoneLevels.${o.waterZoneLevel}`) : "";
    case "hazard":
      return o.riskLevel ? `${t("objects.fields.riskLevel")}：${t(`objects.riskLevels.${o.riskLevel}`)}` : "";
    case "construction_project":
      return o.eiaStatus
        ? `${t("objects.fields.eiaStatus")}：${t(`objects.eiaStatuses.${o.eiaStatus}`)}`
        : "";
    case "rural_site":
      return o.remediationStatus ? t(`objects.remediationStatuses.${o.remediationStatus}`) : "";
    default:
      return o.category ?? "";
  }
}

/**
 * "亚尔镇 / 亚尔村", or the flag for an object a boundary change left outside every grid. With `names`
 * (useGridNames), the names are in the user's language.
 */
export function gridText(
  t: TFunction,
  o: Pick<ObjectSummary, "gridId" | "gridName" | "parentGridName">,
  names?: Pick<GridNames, "path">,
): string {
  if (!o.gridName) return t("objects.list.unplaced");
  if (names) return names.path(o.gridId, o.gridName, o.parentGridName);
  return o.parentGridName ? `${o.parentGridName} / ${o.gridName}` : o.gridName;
}
