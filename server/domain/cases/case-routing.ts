import type { MatterCategory } from "./matter-categories.ts";
import { MATTER_CATEGORIES } from "./matter-categories.ts";

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
  explanation: string;
  /** Set when staff changed the automatic routing. */
  override?: { by: string; reason: string; at: string };
}

const fmt = (n: number) => n.toFixed(5);

function listNames(names: readonly string[]): string {
  return names.join("、");
}

/** The duty-list line used, as a person would cite it: 责任清单第5项“建筑施工扬尘”. */
export function dutyLine(category: MatterCategory): string {
  const index = MATTER_CATEGORIES.findIndex((c) => c.code === category.code);
  return `责任清单第${index + 1}项“${category.name}”`;
}

/** The receiving level-2 unit of a grid: its level-2 ancestor, or itself when it is one. */
function receiverOf(grid: RoutedGrid): string {
  return grid.ancestorNames.length >= 2 ? grid.ancestorNames[1] : grid.name;
}

function gridPathName(grid: RoutedGrid): string {
  return [...grid.ancestorNames, grid.name].join("");
}

/** Which duty-list line applies and what it says about who handles the matter. */
function dutyExplanation(
  receiver: string,
  category: MatterCategory,
  departments: readonly RoutedDepartment[],
): string {
  const names = departments.map((d) => d.name);
  if (category.townshipLeads)
    return names.length > 0
      ? `按${dutyLine(category)}由属地${receiver}负责，${listNames(names)}协助`
      : `按${dutyLine(category)}由属地${receiver}负责`;
  if (names.length === 0) return `事项类别“${category.name}”未列入责任清单的部门职责，由区网格办研判分派`;
  if (names.length === 1) return `按${dutyLine(category)}由${names[0]}主办`;
  return `按${dutyLine(category)}由${names[0]}主办，${listNames(names.slice(1))}协办`;
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
  const receiver = receiverOf(grid);
  const where = `位置（东经${fmt(input.lng)}°，北纬${fmt(input.lat)}°）位于${gridPathName(grid)}网格（第${grid.level}级网格）内，由${receiver}受理`;
  return {
    gridId: grid.id,
    departmentIds: departments.map((d) => d.id),
    townshipLeads: category.townshipLeads === true,
    explanation: `${where}；${dutyExplanation(receiver, category, departments)}。`,
  };
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
  const { grid, category, departments, previous } = input;
  const receiver = receiverOf(grid);
  const original = previous.override ? previous.explanation.split("原分派：").at(-1) : previous.explanation;
  const who =
    departments.length > 0
      ? `${departments[0].name}主办${departments.length > 1 ? `，${listNames(departments.slice(1).map((d) => d.name))}协办` : ""}`
      : dutyExplanation(receiver, category, departments);
  return {
    gridId: grid.id,
    departmentIds: departments.map((d) => d.id),
    townshipLeads: departments.length === 0 && category.townshipLeads === true,
    explanation: `${input.by}人工调整（理由：${input.reason}）：由${gridPathName(grid)}网格（第${grid.level}级网格）所属${receiver}受理，${who}。原分派：${original}`,
    override: { by: input.by, reason: input.reason, at: input.at.toISOString() },
  };
}
