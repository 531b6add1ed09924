import type {
  DutyParams,
  ExplainedGrid,
  OverriddenExplanation,
  RoutedExplanation,
  RoutingExplanation,
} from "../../../api-types/routing-explanation.ts";
import { fillTemplate, type TemplateWords } from "../message-template.ts";
import { matterCategory } from "./matter-categories.ts";

export type {
  DutyParams,
  ExplainedDepartment,
  ExplainedGrid,
  OverriddenExplanation,
  RoutedExplanation,
  RoutingExplanation,
} from "../../../api-types/routing-explanation.ts";

/*
 * Why a case went where it did, as a code with parameters (the types: api-types/routing-explanation.ts),
 * stored in `cases.routing` as `explanationCode` and `explanationParams` beside the Chinese `explanation` built
 * from them here. The server keeps the Chinese sentence as the record (exports and the audit trail read it);
 * the web words the same explanation in the reader's language with the same renderer.
 */

/** The Chinese texts, the record's wording; the web's en and ug texts have the same keys and placeholders. */
export const ROUTING_TEXT_ZH = {
  parts: {
    listSeparator: "、",
    pathSeparator: "",
    dutyLine: "责任清单第{{item}}项“{{category}}”",
  },
  duty: {
    lead: "按{{dutyLine}}由{{lead}}主办",
    leadAssisted: "按{{dutyLine}}由{{lead}}主办，{{assisting}}协办",
    townshipLeads: "按{{dutyLine}}由属地{{receiver}}负责",
    townshipLeadsAssisted: "按{{dutyLine}}由属地{{receiver}}负责，{{assisting}}协助",
    unlisted: "事项类别“{{category}}”未列入责任清单的部门职责，由区网格办研判分派",
  },
  assigned: {
    lead: "{{lead}}主办",
    leadAssisted: "{{lead}}主办，{{assisting}}协办",
  },
  messages: {
    routed:
      "位置（东经{{longitude}}°，北纬{{latitude}}°）位于{{gridPath}}网格（第{{level}}级网格）内，由{{receiver}}受理；{{duty}}。",
    overridden:
      "{{by}}人工调整（理由：{{reason}}）：由{{gridPath}}网格（第{{level}}级网格）所属{{receiver}}受理，{{who}}。原分派：{{original}}",
  },
};
export type RoutingTexts = typeof ROUTING_TEXT_ZH;
export type RoutingTextKey = {
  [G in keyof RoutingTexts]: `${G}.${Extract<keyof RoutingTexts[G], string>}`;
}[keyof RoutingTexts];

/** One language's words: its templates and its names of the categories, grids and departments named. */
export interface RoutingWording {
  text(key: RoutingTextKey, words?: TemplateWords): string;
  category(code: string): string;
  grid(id: number, chineseName: string): string;
  /** The ancestor of grid `id` whose Chinese name is `chineseName`. */
  gridAbove(id: number, chineseName: string): string;
  department(id: number, chineseName: string): string;
}

/** The explanation in the language of `w`. */
export function renderRoutingExplanation(explained: RoutingExplanation, w: RoutingWording): string {
  const p = explained.params;
  const place = placeWords(p.grid, w);
  if (explained.code === "routed")
    return w.text("messages.routed", {
      // not `lng`: i18next reads that word of its options as the language to translate into
      longitude: explained.params.lng.toFixed(5),
      latitude: explained.params.lat.toFixed(5),
      ...place,
      duty: dutyWords(p, place.receiver, w),
    });
  const { by, reason, original } = explained.params;
  const [lead, ...others] = departmentNames(p, w);
  const assisting = others.join(w.text("parts.listSeparator"));
  const who =
    lead === undefined
      ? dutyWords(p, place.receiver, w)
      : w.text(others.length > 0 ? "assigned.leadAssisted" : "assigned.lead", { lead, assisting });
  return w.text("messages.overridden", {
    by,
    reason,
    ...place,
    who,
    original: "text" in original ? original.text : renderRoutingExplanation(original, w),
  });
}

/** The grid's path, its level and the receiving level-2 unit (its level-2 ancestor, or itself). */
function placeWords(grid: ExplainedGrid, w: RoutingWording) {
  const above = grid.ancestorNames.map((name) => w.gridAbove(grid.id, name));
  const own = w.grid(grid.id, grid.name);
  return {
    gridPath: [...above, own].join(w.text("parts.pathSeparator")),
    level: grid.level,
    receiver: above.length >= 2 ? above[1] : own,
  };
}

function departmentNames(p: DutyParams, w: RoutingWording): string[] {
  return p.departments.map((d) => w.department(d.id, d.name));
}

/** Which duty-list line applies and what it says about who handles the matter. */
function dutyWords(p: DutyParams, receiver: string, w: RoutingWording): string {
  const category = w.category(p.category);
  const dutyLine = w.text("parts.dutyLine", { item: p.dutyItem, category });
  const [lead, ...others] = departmentNames(p, w);
  const separator = w.text("parts.listSeparator");
  if (p.townshipLeads)
    return lead === undefined
      ? w.text("duty.townshipLeads", { dutyLine, receiver })
      : w.text("duty.townshipLeadsAssisted", {
          dutyLine,
          receiver,
          assisting: [lead, ...others].join(separator),
        });
  if (lead === undefined) return w.text("duty.unlisted", { category });
  if (others.length === 0) return w.text("duty.lead", { dutyLine, lead });
  return w.text("duty.leadAssisted", { dutyLine, lead, assisting: others.join(separator) });
}

const asIs = (_id: number, chineseName: string) => chineseName;

const CHINESE: RoutingWording = {
  text(key, words) {
    const [group, name] = key.split(".") as [keyof RoutingTexts, string];
    return fillTemplate((ROUTING_TEXT_ZH[group] as Record<string, string>)[name], words);
  },
  category: (code) => matterCategory(code)?.name ?? code,
  grid: asIs,
  gridAbove: asIs,
  department: asIs,
};

/** The Chinese sentence stored as `routing.explanation`: the record, and what readers of Chinese see. */
export function chineseRoutingExplanation(explained: RoutingExplanation): string {
  return renderRoutingExplanation(explained, CHINESE);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string";
const isNamed = (v: unknown): boolean => isRecord(v) && Number.isSafeInteger(v.id) && isText(v.name);

function hasDutyParams(p: Record<string, unknown>): boolean {
  const grid = p.grid;
  return (
    isNamed(grid) &&
    isRecord(grid) &&
    Number.isSafeInteger(grid.level) &&
    Array.isArray(grid.ancestorNames) &&
    grid.ancestorNames.every(isText) &&
    isText(p.category) &&
    Number.isSafeInteger(p.dutyItem) &&
    typeof p.townshipLeads === "boolean" &&
    Array.isArray(p.departments) &&
    p.departments.every(isNamed)
  );
}

function readRouted(code: unknown, params: unknown): RoutedExplanation | null {
  return code === "routed" &&
    isRecord(params) &&
    hasDutyParams(params) &&
    Number.isFinite(params.lng) &&
    Number.isFinite(params.lat)
    ? { code, params: params as unknown as RoutedExplanation["params"] }
    : null;
}

/**
 * A stored explanation as this build knows it, or null: a routing recorded before explanations had codes, a
 * code from a later build, parameters amiss (rows are data from another build). Null means: show the stored
 * Chinese sentence.
 */
export function readRoutingExplanation(code: unknown, params: unknown): RoutingExplanation | null {
  if (code === "routed") return readRouted(code, params);
  if (code !== "overridden" || !isRecord(params) || !hasDutyParams(params)) return null;
  const original = params.original;
  const originalKnown =
    isRecord(original) && (isText(original.text) || readRouted(original.code, original.params) !== null);
  return originalKnown && isText(params.by) && isText(params.reason)
    ? { code, params: params as unknown as OverriddenExplanation["params"] }
    : null;
}
