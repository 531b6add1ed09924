import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import {
  featureProblem,
  type ImportFeature,
  type ImportProblem,
  readBoundaryImport,
} from "../domain/grid-geojson.ts";
import { notFound, unprocessable } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { assertAllowed } from "../policies/allow.ts";
import { canManageGridAt, canPlaceUnder } from "../policies/grid-admin-scope.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { findInvalidBoundaries } from "../queries/grid-boundary-check.ts";
import { isoUtc } from "../queries/sql-time.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { applyGridChange, type GridChange, type GridRow, insertGrid, lockGrid } from "./grid-rows.ts";

export interface BoundaryImport {
  /** Where features with a new code are created, unless they name a `parentCode`. */
  parentId?: number | null;
  /** A GeoJSON FeatureCollection (or one Feature); each feature's `properties.code` says which grid it is. */
  geojson: unknown;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
  items: { feature: number; code: string; id: number; action: "created" | "updated" | "unchanged" }[];
}

/** At most this many problems are listed; the message says how many there were. */
const MAX_LISTED_PROBLEMS = 200;

interface Existing extends GridRow {
  visible: boolean;
  sameBoundary: boolean;
  parentCode: string | null;
}

/**
 * Imports grid boundaries from GeoJSON, all or nothing: a feature whose `code` names an existing grid updates it
 * (boundary, and name/kind when given), any other feature creates a grid under its `parentCode` or the given
 * parent. Every problem of every feature is collected first — structure, coordinates, PostGIS validity with the
 * place, codes, permissions — and if there is any, the answer is 422 listing them and nothing is written.
 */
export async function importGridBoundaries(
  ctx: CommandContext & { actor: Actor },
  input: BoundaryImport,
): Promise<ImportOutcome> {
  const actor = ctx.actor;
  assertAllowed(actor, "grid.manage");
  const read = readBoundaryImport(input.geojson);
  if (read.fatal) {
    throw unprocessable("invalid_geojson", `导入失败：${read.fatal}`, `Import refused: ${read.fatal}`, []);
  }
  const problems = [...read.problems];

  // Validity before the transaction: a failing statement would abort a PostgreSQL transaction.
  const located = read.features.filter((f) => f.geometry !== null);
  const invalid = await findInvalidBoundaries(
    ctx.db,
    located.map((f) => f.geometry as NonNullable<ImportFeature["geometry"]>),
  );
  const valid: ImportFeature[] = [];
  const invalidFeatures = new Set<number>();
  const refusedCodes = new Set<string>(read.problems.flatMap((p) => (p.code ? [p.code] : [])));
  invalid.forEach((problem, i) => {
    const f = located[i];
    invalidFeatures.add(f.feature);
    refusedCodes.add(f.code);
    problems.push(
      featureProblem(f.feature, f.code, "geometry", problem.reason, problem.location, problem.geosReason),
    );
  });
  for (const f of read.features) if (!invalidFeatures.has(f.feature)) valid.push(f);

  return ctx.db.transaction(async (tx) => {
    const defaultParent =
      input.parentId === undefined || input.parentId === null
        ? null
        : await lockGrid(tx, actor.scope, input.parentId);
    if (defaultParent && !canPlaceUnder(actor.scope, defaultParent.path)) throw notFound();

    const existing = await existingByCode(tx, actor, valid);
    const plan = planImport(actor, valid, existing, defaultParent, refusedCodes, problems);
    if (problems.length > 0) throw importRefused(problems);

    const outcome: ImportOutcome = { created: 0, updated: 0, unchanged: 0, items: [] };
    for (const { feature, row, change } of plan.updates) {
      if (!change) {
        outcome.unchanged++;
        outcome.items.push({ feature: feature.feature, code: feature.code, id: row.id, action: "unchanged" });
        continue;
      }
      // Lock, then write: the version seen while planning must still be the current one.
      const locked = await lockGrid(tx, actor.scope, row.id);
      if (locked.version !== row.version) throw importRefused([staleProblem(feature, locked.version)]);
      await applyGridChange(tx, ctx, locked, change, "import");
      outcome.updated++;
      outcome.items.push({ feature: feature.feature, code: feature.code, id: row.id, action: "updated" });
    }
    const createdIds = new Map<string, { id: number; path: string; level: number }>();
    for (const { feature, parent } of plan.creates) {
      const under = typeof parent === "string" ? createdIds.get(parent) : parent;
      if (!under) throw new Error(`import plan: parent ${String(parent)} not created before ${feature.code}`);
      const created = await insertGrid(
        tx,
        ctx,
        {
          code: feature.code,
          name: feature.name as string,
          nameUg: feature.nameUg,
          nameEn: feature.nameEn,
          kind: feature.kind as NonNullable<ImportFeature["kind"]>,
          boundary: feature.geometry,
        },
        under,
        "import",
      );
      createdIds.set(feature.code, created);
      outcome.created++;
      outcome.items.push({ feature: feature.feature, code: feature.code, id: created.id, action: "created" });
    }
    outcome.items.sort((a, b) => a.feature - b.feature);
    await recordAudit(tx, ctx, {
      action: "grid.import",
      entityType: "grid",
      entityId: defaultParent?.id ?? null,
      after: {
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        codes: outcome.items.filter((i) => i.action !== "unchanged").map((i) => i.code),
      },
    });
    return outcome;
  });
}

/**
 * The existing grids the file names (as features or as parents), whether the actor may see them, and whether a
 * feature's boundary equals the stored one (then re-importing an export changes nothing).
 */
async function existingByCode(
  tx: Db,
  actor: Actor,
  features: ImportFeature[],
): Promise<Map<string, Existing>> {
  const wanted = new Map<string, ImportFeature["geometry"]>();
  for (const f of features) if (f.parentCode && !wanted.has(f.parentCode)) wanted.set(f.parentCode, null);
  for (const f of features) wanted.set(f.code, f.geometry);
  if (wanted.size === 0) return new Map();
  const list = [...wanted].map(([code, geometry]) => ({ code, geometry }));
  const found = await rows<Existing>(
    tx,
    sql`select g.id, g.parent_id as "parentId", g.level, g.code, g.name, g.name_ug as "nameUg",
               g.name_en as "nameEn", g.kind, g.path, g.version, ${isoUtc(sql`g.retired_at`)} as "retiredAt",
               round((ST_Area(g.boundary::geography) / 1e6)::numeric, 6)::float8 as "areaKm2",
               ${gridWithinScope(sql`g.path`, actor.scope)} as visible,
               case when jsonb_typeof(t.f->'geometry') = 'object' and g.boundary is not null
                    then ST_Equals(g.boundary,
                           ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON((t.f->'geometry')::text), 4326))))
                    else false end as "sameBoundary",
               p.code as "parentCode"
          from jsonb_array_elements(${JSON.stringify(list)}::jsonb) as t(f)
          join grids g on g.code = t.f->>'code'
          left join grids p on p.id = g.parent_id`,
  );
  return new Map(found.map((row) => [row.code, row]));
}

interface Plan {
  updates: { feature: ImportFeature; row: Existing; change: GridChange | null }[];
  /** In creation order: a parent (existing row, or the code of a feature created earlier) before its children. */
  creates: { feature: ImportFeature; parent: { id: number; path: string; level: number } | string }[];
}

/** Decides per feature what happens, adding a problem for everything that cannot. */
function planImport(
  actor: Actor,
  features: ImportFeature[],
  existing: Map<string, Existing>,
  defaultParent: GridRow | null,
  refusedCodes: ReadonlySet<string>,
  problems: ImportProblem[],
): Plan {
  const plan: Plan = { updates: [], creates: [] };
  const newFeatures = new Map<string, ImportFeature>();
  for (const f of features) {
    const row = existing.get(f.code);
    if (!row) {
      newFeatures.set(f.code, f);
      continue;
    }
    const problem = (field: string, reason: string) =>
      problems.push(featureProblem(f.feature, f.code, field, reason));
    if (!row.visible) {
      problem("code", "该编码已被其他网格使用，或您无权访问该网格");
      continue;
    }
    if (row.retiredAt) {
      problem("code", "该网格已撤销，不能再导入边界");
      continue;
    }
    if (f.parentCode && f.parentCode !== row.parentCode) {
      problem(
        "parentCode",
        `导入不会移动已有网格（当前上级编码 ${row.parentCode ?? "无"}）；请使用“移动”功能`,
      );
      continue;
    }
    const change: GridChange = {};
    if (f.geometry && !row.sameBoundary) change.boundary = f.geometry;
    if (f.name && f.name !== row.name) change.name = f.name;
    if (f.nameUg && f.nameUg !== row.nameUg) change.nameUg = f.nameUg;
    if (f.nameEn && f.nameEn !== row.nameEn) change.nameEn = f.nameEn;
    if (f.kind && f.kind !== row.kind) change.kind = f.kind;
    const changes = Object.keys(change).length > 0;
    if (changes && !canManageGridAt(actor.scope, row.path)) {
      problem("code", "本网格由上级网格管理，您只能修改本辖区以下的网格");
      continue;
    }
    if (changes && f.version !== null && f.version !== row.version) {
      problems.push(staleProblem(f, row.version));
      continue;
    }
    plan.updates.push({ feature: f, row, change: changes ? change : null });
  }

  // New grids: resolve each parent (an existing grid, a new feature of the same file, or the default parent),
  // then order them so that parents come first.
  const parentOf = new Map<string, { id: number; path: string; level: number } | string>();
  for (const f of newFeatures.values()) {
    const problem = (field: string, reason: string) =>
      problems.push(featureProblem(f.feature, f.code, field, reason));
    if (!f.name) problem("name", "新建网格须填写名称（properties.name）");
    if (!f.kind) problem("kind", "新建网格须填写类型（properties.kind），如 village、community");
    if (f.parentCode) {
      const parentRow = existing.get(f.parentCode);
      if (newFeatures.has(f.parentCode)) parentOf.set(f.code, f.parentCode);
      else if (refusedCodes.has(f.parentCode))
        continue; // its own problem is already listed
      else if (!parentRow) problem("parentCode", `上级编码 ${f.parentCode} 不存在，文件中也没有该编码`);
      else if (!parentRow.visible || !canPlaceUnder(actor.scope, parentRow.path))
        problem("parentCode", `上级编码 ${f.parentCode} 不存在或无权访问`);
      else if (parentRow.retiredAt) problem("parentCode", `上级网格 ${f.parentCode} 已撤销`);
      else parentOf.set(f.code, parentRow);
    } else if (defaultParent) {
      if (defaultParent.retiredAt) problem("parentId", "所选上级网格已撤销");
      else parentOf.set(f.code, defaultParent);
    } else {
      problem("parentCode", "新建网格须指定上级：选择上级网格，或在要素属性中填写 parentCode");
    }
  }
  const placed = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const f of newFeatures.values()) {
      const parent = parentOf.get(f.code);
      if (placed.has(f.code) || parent === undefined) continue;
      if (typeof parent === "string" && !placed.has(parent)) continue;
      plan.creates.push({ feature: f, parent });
      placed.add(f.code);
      progress = true;
    }
  }
  for (const f of newFeatures.values()) {
    const parent = parentOf.get(f.code);
    if (!placed.has(f.code) && typeof parent === "string" && parentOf.has(parent))
      problems.push(featureProblem(f.feature, f.code, "parentCode", "上级编码相互引用，形成循环"));
  }
  return plan;
}

function staleProblem(f: ImportFeature, current: number): ImportProblem {
  return featureProblem(
    f.feature,
    f.code,
    "version",
    `该网格已被修改（文件中版本 ${f.version}，当前版本 ${current}），请重新导出后再编辑导入`,
  );
}

/** 422 listing every problem; `invalid_geometry` when all of them are about polygons. */
function importRefused(problems: ImportProblem[]) {
  const sorted = [...problems].sort((a, b) => a.feature - b.feature);
  const onlyGeometry = sorted.every((p) => p.field === "geometry");
  const more = sorted.length > 1 ? `；共 ${sorted.length} 个问题` : "";
  return unprocessable(
    onlyGeometry ? "invalid_geometry" : "import_rejected",
    `导入被拒绝，未保存任何内容：${sorted[0].message}${more}`,
    `Import refused, nothing saved: ${sorted.length} problem(s) in the file`,
    sorted.slice(0, MAX_LISTED_PROBLEMS),
  );
}
