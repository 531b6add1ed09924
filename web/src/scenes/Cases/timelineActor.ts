import type { TFunction } from "i18next";
import type { TimelineActorKind } from "../../api/cases";

/** Who took a step or uploaded a file, as the API gives it. */
export interface ActorRef {
  kind: TimelineActorKind | null;
  grid?: { id: number; name: string } | null;
  department?: { id: number; name: string } | null;
  /** As stored: a user's name, or the Chinese label of an actor that is not a user. */
  name: string | null;
}

/** Grid and department names in the reader's language (useGridNames, useDepartmentNames). */
export interface UnitNames {
  grid: (id: number, chineseName: string) => string;
  department: (id: number, chineseName: string) => string;
}

/** The kinds worded with their unit's name ("Yar Town staff"). */
const UNIT_OF: Partial<Record<TimelineActorKind, "grid" | "department">> = {
  grid_staff: "grid",
  grid_member: "grid",
  department_staff: "department",
};

/**
 * The actor in the reader's language: a user by name, anyone else by kind (and unit). A kind whose unit is
 * missing or has no name keeps the stored label, as do rows stored before kinds existed.
 */
export function actorText(t: TFunction, actor: ActorRef, names: UnitNames): string {
  const stored = actor.name ?? t("cases.detail.system");
  if (!actor.kind) return stored;
  const unitType = UNIT_OF[actor.kind];
  if (!unitType) return t(`cases.detail.actorKinds.${actor.kind}`);
  const unit = actor[unitType];
  const unitName = unit ? names[unitType](unit.id, unit.name) : "";
  return unitName ? t(`cases.detail.actorKinds.${actor.kind}`, { name: unitName }) : stored;
}

/**
 * The assignee of a seeded request for a re-check when it is staff without an account (the demo stores its
 * kind and grid id beside the Chinese label); null for a user, whose name `assigneeName` already is.
 */
export function seededAssignee(data: Record<string, unknown>): ActorRef | null {
  const { assigneeKind, assigneeGridId, assigneeName } = data;
  if (assigneeKind !== "grid_member" || typeof assigneeGridId !== "number") return null;
  return {
    kind: assigneeKind,
    // no Chinese grid name is stored: an unknown grid keeps the whole label
    grid: { id: assigneeGridId, name: "" },
    name: typeof assigneeName === "string" ? assigneeName : null,
  };
}
