import type { MatterCategory } from "./matter-categories.ts";
import { MATTER_CATEGORIES } from "./matter-categories.ts";
import {
  chineseRoutingExplanation,
  type DutyParams,
  type OverriddenExplanation,
  type RoutedExplanation,
  type RoutingExplanation,
  readRoutingExplanation,
} from "./routing-explanation.ts";

/** The grid a location fell in, with the names of its ancestors from the top (高昌区, 亚尔镇). */
export interface RoutedGrid {
  id: number;
  name: string;
  level: number;
  ancestorNames: readonly string[];
}

export interface RoutedDepartment {
  id: number;
  code: string;
  name: string;
}

/** What a case carries about where it went and why (issue 4 point 2). */
export interface Routing {
  gridId: number;
  /** The competent departments, lead first. Empty: the township or the district office decides. */
  departmentIds: number[];
  /** The category's line in the duty list leads with the township (属地) rather than a department. */
  townshipLeads: boolean;
  /** The explanation in Chinese: the record, kept as it always read (exports and the audit trail read it). */
  explanation: string;
  /** The same explanation as a code with parameters (routing-explanation.ts); absent on older rows. */
  explanationCode?: RoutingExplanation["code"];
  explanationParams?: RoutingExplanation["params"];
  /** Set when staff changed the automatic routing. */
  override?: { by: string; reason: string; at: string };
}

/** The explanation's fields of a routing. */
function explained(
  e: RoutingExplanation,
): Pick<Routing, "explanation" | "explanationCode" | "explanationParams"> {
  return { explanation: chineseRoutingExplanation(e), explanationCode: e.code, explanationParams: e.params };
}

/** The grid, the duty-list line (责任清单第N项) and the departments, as the explanation names them. */
function dutyParams(
  grid: RoutedGrid,
  category: MatterCategory,
  departments: readonly RoutedDepartment[],
): DutyParams {
  return {
    grid: { id: grid.id, name: grid.name, level: grid.level, ancestorNames: [...grid.ancestorNames] },
    category: category.code,
    dutyItem: MATTER_CATEGORIES.findIndex((c) => c.code === category.code) + 1,
    townshipLeads: category.townshipLeads === true,
    departments: departments.map(({ id, name }) => ({ id, name })),
  };
}

/**
 * Routing on intake: the level-3 (deepest) grid that contains the location receives the case through its
 * level-2 unit; the category's duty-list line names the competent departments. The explanation says both
 * in words, so anyone can see why the case went where it did.
 */
export function routeCase(input: {
  lng: number;
  lat: number;
  grid: RoutedGrid;
  category: MatterCategory;
  departments: readonly RoutedDepartment[];
}): Routing {
  const { grid, category, departments } = input;
  const routed: RoutedExplanation = {
    code: "routed",
    params: { lng: input.lng, lat: input.lat, ...dutyParams(grid, category, departments) },
  };
  return {
    gridId: grid.id,
    departmentIds: departments.map((d) => d.id),
    townshipLeads: category.townshipLeads === true,
    ...explained(routed),
  };
}

/**
 * The automatic routing an override replaces: the previous one's own, or the one it had replaced in turn. A
 * routing recorded before explanations had codes gives its Chinese sentence (after "原分派：" when it was an
 * override itself).
 */
function originalRouting(previous: Routing): OverriddenExplanation["params"]["original"] {
  const known = readRoutingExplanation(previous.explanationCode, previous.explanationParams);
  if (known) return known.code === "routed" ? known : known.params.original;
  const text = previous.override ? previous.explanation.split("原分派：").at(-1) : previous.explanation;
  return { text: text ?? previous.explanation };
}

/**
 * A staff override of grid and/or departments: says who changed it and why, what applies now, and keeps the
 * automatic explanation it replaced.
 */
export function overriddenRouting(input: {
  previous: Routing;
  grid: RoutedGrid;
  category: MatterCategory;
  departments: readonly RoutedDepartment[];
  by: string;
  reason: string;
  at: Date;
}): Routing {
  const { grid, category, departments } = input;
  const overridden: OverriddenExplanation = {
    code: "overridden",
    params: {
      by: input.by,
      reason: input.reason,
      ...dutyParams(grid, category, departments),
      original: originalRouting(input.previous),
    },
  };
  return {
    gridId: grid.id,
    departmentIds: departments.map((d) => d.id),
    townshipLeads: departments.length === 0 && category.townshipLeads === true,
    ...explained(overridden),
    override: { by: input.by, reason: input.reason, at: input.at.toISOString() },
  };
}
