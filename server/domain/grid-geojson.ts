import { GRID_KINDS, type GridKind } from "../db/schema/grids.ts";

/**
 * Checks on grid boundaries and boundary imports that need no database: GeoJSON structure, coordinate
 * ranges, ring closure. Validity proper (self-intersection, holes outside shells …) is PostGIS's job
 * (ST_IsValidDetail, see queries/grid-boundary-check.ts); its English reasons are translated here.
 */

export type LonLat = [number, number];

export type PolygonalGeometry =
  | { type: "Polygon"; coordinates: number[][][] }
  | { type: "MultiPolygon"; coordinates: number[][][][] };

/** Why a geometry was refused, and where. `reason` is Chinese, for the user. */
export interface ShapeProblem {
  reason: string;
  location: LonLat | null;
  /** The PostGIS/GEOS reason, when the problem came from ST_IsValidDetail. */
  geosReason?: string;
}

/** Grid codes: 区划代码-style digits, or any short token of letters, digits, `_`, `.` and `-`. */
export const GRID_CODE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** Upper bound on vertices per boundary: a village or township needs thousands at most. */
export const MAX_VERTICES = 200_000;
/** Upper bound on features per import. */
export const MAX_IMPORT_FEATURES = 5_000;

const KIND_LIST = GRID_KINDS.join("、");

/**
 * Checks that `value` is a GeoJSON Polygon or MultiPolygon with well-formed, in-range, closed rings, and returns
 * a clean copy (type and 2D coordinates only; altitude, bbox and foreign members dropped).
 */
export function checkBoundaryShape(
  value: unknown,
): { ok: true; geometry: PolygonalGeometry; vertices: number } | { ok: false; problem: ShapeProblem } {
  const fail = (reason: string, location: LonLat | null = null) =>
    ({ ok: false, problem: { reason, location } }) as const;
  if (!isObject(value) || typeof value.type !== "string")
    return fail("不是有效的 GeoJSON 几何对象（缺少 type）");
  if (value.type !== "Polygon" && value.type !== "MultiPolygon")
    return fail(`几何类型为 ${clip(value.type)}，只接受 Polygon 或 MultiPolygon`);
  if (!Array.isArray(value.coordinates)) return fail("缺少坐标数组（coordinates）");
  const polygons = value.type === "Polygon" ? [value.coordinates] : value.coordinates;
  if (polygons.length === 0) return fail("多边形没有坐标");
  const clean: number[][][][] = [];
  let vertices = 0;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return fail("多边形没有坐标（环为空）");
    const rings: number[][][] = [];
    for (const ring of polygon) {
      if (!Array.isArray(ring)) return fail("坐标格式不正确：环应为坐标点数组");
      const points: number[][] = [];
      for (const position of ring) {
        if (
          !Array.isArray(position) ||
          position.length < 2 ||
          typeof position[0] !== "number" ||
          typeof position[1] !== "number" ||
          !Number.isFinite(position[0]) ||
          !Number.isFinite(position[1])
        )
          return fail("坐标格式不正确：每个坐标点应为 [经度, 纬度] 两个数字");
        const [lon, lat] = position as number[];
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
          return fail("坐标超出范围（经度须在 -180～180，纬度须在 -90～90）", [lon, lat]);
        points.push([lon, lat]);
      }
      vertices += points.length;
      if (vertices > MAX_VERTICES) return fail(`顶点过多（上限 ${MAX_VERTICES} 个）`);
      if (points.length < 4)
        return fail("环的坐标点不足（至少 4 个，且首尾相同）", (points[0] as LonLat | undefined) ?? null);
      const first = points[0];
      const last = points[points.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1])
        return fail("环未闭合（首尾坐标不同）", [first[0], first[1]]);
      rings.push(points);
    }
    clean.push(rings);
  }
  const geometry: PolygonalGeometry =
    value.type === "Polygon"
      ? { type: "Polygon", coordinates: clean[0] }
      : { type: "MultiPolygon", coordinates: clean };
  return { ok: true, geometry, vertices };
}

const GEOS_REASONS: [RegExp, string][] = [
  [/^ring self-intersection/i, "环自相交"],
  [/^self-intersection/i, "自相交（边界线相互交叉，例如“8”字形）"],
  [/^too few (distinct )?points/i, "有效坐标点不足（环退化为线或点）"],
  [/^interior is disconnected/i, "内部不连通（内环把多边形分割开）"],
  [/^hole lies outside shell/i, "内环（洞）位于外环之外"],
  [/^nested holes/i, "内环（洞）相互嵌套"],
  [/^nested shells/i, "多个外环相互嵌套"],
  [/^duplicate rings/i, "存在重复的环"],
  [/^invalid coordinate/i, "坐标无效"],
  [/^ring is not closed/i, "环未闭合"],
];

/** Translates a PostGIS/GEOS validity reason ("Self-intersection[89.1 42.9]") into Chinese. */
export function translateGeosReason(reason: string): string {
  const text = reason.replace(/\[[^\]]*\]\s*$/, "").trim();
  for (const [pattern, chinese] of GEOS_REASONS) if (pattern.test(text)) return chinese;
  return `几何无效（${text || "原因未知"}）`;
}

export function formatLocation(location: LonLat): string {
  return `${round6(location[0])} ${round6(location[1])}`;
}

/** "边界多边形无效：自相交（位置 89.1 42.9）" */
export function boundaryMessage(problem: ShapeProblem): string {
  const where = problem.location ? `（位置 ${formatLocation(problem.location)}）` : "";
  return `边界多边形无效：${problem.reason}${where}`;
}

/** One feature of a boundary import, as read from the file (before any database check). */
export interface ImportFeature {
  /** 1-based position in the file's `features`, as users count. */
  feature: number;
  code: string;
  name: string | null;
  nameUg: string | null;
  nameEn: string | null;
  kind: GridKind | null;
  parentCode: string | null;
  version: number | null;
  /** null: the feature carries no geometry (an attribute-only row, or a grid created without boundary). */
  geometry: PolygonalGeometry | null;
}

/** A problem with one feature of an import; `message` is the full Chinese sentence. */
export interface ImportProblem {
  feature: number;
  code: string | null;
  field: string;
  reason: string;
  message: string;
  location: LonLat | null;
  geosReason?: string;
}

export function featureProblem(
  feature: number,
  code: string | null,
  field: string,
  reason: string,
  location: LonLat | null = null,
  geosReason?: string,
): ImportProblem {
  const which = `第 ${feature} 个要素${code ? `（编码 ${code}）` : ""}`;
  const what =
    field === "geometry"
      ? boundaryMessage({ reason, location })
      : `${reason}${location ? `（位置 ${formatLocation(location)}）` : ""}`;
  return {
    feature,
    code,
    field,
    reason,
    message: `${which}：${what}`,
    location,
    ...(geosReason ? { geosReason } : {}),
  };
}

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature) of grid boundaries. Returns the readable features
 * and the problems of the others; `fatal` is set when the document as a whole is not usable.
 */
export function readBoundaryImport(doc: unknown): {
  features: ImportFeature[];
  problems: ImportProblem[];
  fatal: string | null;
} {
  const features: ImportFeature[] = [];
  const problems: ImportProblem[] = [];
  const none = (fatal: string) => ({ features, problems, fatal });
  if (!isObject(doc)) return none("文件内容不是 GeoJSON 对象");
  const list = doc.type === "Feature" ? [doc] : doc.type === "FeatureCollection" ? doc.features : undefined;
  if (doc.type !== "Feature" && doc.type !== "FeatureCollection")
    return none("文件不是 GeoJSON FeatureCollection（type 应为 FeatureCollection）");
  if (!Array.isArray(list)) return none("FeatureCollection 缺少 features 数组");
  if (list.length === 0) return none("文件中没有要素");
  if (list.length > MAX_IMPORT_FEATURES) return none(`要素过多（一次最多导入 ${MAX_IMPORT_FEATURES} 个）`);

  const seen = new Map<string, number>();
  list.forEach((raw: unknown, index: number) => {
    const n = index + 1;
    if (!isObject(raw) || raw.type !== "Feature") {
      problems.push(featureProblem(n, null, "type", "不是 GeoJSON 要素（type 应为 Feature）"));
      return;
    }
    const props = isObject(raw.properties) ? raw.properties : {};
    const code = textOf(props.code);
    if (!code || !GRID_CODE_PATTERN.test(code)) {
      problems.push(
        featureProblem(
          n,
          code && code.length <= 64 ? code : null,
          "code",
          "缺少网格编码（properties.code），或编码不合规：只能包含字母、数字、下划线、点和短横线，不超过 64 个字符",
        ),
      );
      return;
    }
    const before = seen.get(code);
    if (before !== undefined) {
      problems.push(featureProblem(n, code, "code", `编码与第 ${before} 个要素重复`));
      return;
    }
    seen.set(code, n);

    const name = textOf(props.name);
    const nameUg = textOf(props.nameUg);
    const nameEn = textOf(props.nameEn);
    if (name && name.length > 64) {
      problems.push(featureProblem(n, code, "name", "名称过长（不超过 64 个字符）"));
      return;
    }
    const translation =
      nameUg && nameUg.length > 128 ? "nameUg" : nameEn && nameEn.length > 128 ? "nameEn" : null;
    if (translation) {
      problems.push(featureProblem(n, code, translation, "译名过长（不超过 128 个字符）"));
      return;
    }
    const kindText = textOf(props.kind);
    if (kindText && !GRID_KINDS.includes(kindText as GridKind)) {
      problems.push(featureProblem(n, code, "kind", `类型 ${clip(kindText)} 无效，可选：${KIND_LIST}`));
      return;
    }
    const version = props.version;
    if (
      version !== undefined &&
      version !== null &&
      !(Number.isInteger(version) && (version as number) > 0)
    ) {
      problems.push(featureProblem(n, code, "version", "版本号（properties.version）应为正整数"));
      return;
    }
    let geometry: PolygonalGeometry | null = null;
    if (raw.geometry !== null && raw.geometry !== undefined) {
      const shape = checkBoundaryShape(raw.geometry);
      if (!shape.ok) {
        problems.push(featureProblem(n, code, "geometry", shape.problem.reason, shape.problem.location));
        return;
      }
      geometry = shape.geometry;
    }
    features.push({
      feature: n,
      code,
      name,
      nameUg,
      nameEn,
      kind: (kindText as GridKind | null) ?? null,
      parentCode: textOf(props.parentCode),
      version: typeof version === "number" ? version : null,
      geometry,
    });
  });
  return { features, problems, fatal: null };
}

export function isGridKind(value: string): value is GridKind {
  return GRID_KINDS.includes(value as GridKind);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A property as trimmed text; numbers are accepted (codes like 650402 often arrive as numbers). */
function textOf(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  return text === "" ? null : text;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function round6(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
