import { Type } from "@sinclair/typebox";
import { GRID_KINDS } from "../../db/schema/grids.ts";
import { ErrorBody, errorResponses, IdempotencyHeaders, IdParams } from "../shared-schemas.ts";

const withUnprocessable = { ...errorResponses, 422: ErrorBody };

const GridCode = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: "^[A-Za-z0-9_.-]+$",
  description: "网格编码（如区划代码）：字母、数字、下划线、点、短横线",
});
const GridName = Type.String({ minLength: 1, maxLength: 64, pattern: "\\S" });
const GridNameUg = Type.Union([Type.String({ maxLength: 128 }), Type.Null()]);
/** Blank is refused rather than stored (the column's CHECK): no English name is null. */
const GridNameEn = Type.Union([Type.String({ minLength: 1, maxLength: 128, pattern: "\\S" }), Type.Null()]);
const GridKind = Type.Union(GRID_KINDS.map((k) => Type.Literal(k)));
const Version = Type.Integer({ minimum: 1, maximum: 2147483647, description: "客户端看到的版本号" });
const Boundary = Type.Unknown({
  description: "GeoJSON Polygon 或 MultiPolygon（WGS84 经纬度）；无效多边形 → 422 invalid_geometry",
});
/** ISO 8601 in UTC (queries/sql-time.ts). */
const DateTime = Type.String({ format: "date-time" });
const Timestamp = Type.Union([DateTime, Type.Null()]);

export const GridRecord = Type.Object({
  id: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  level: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  nameUg: Type.Union([Type.String(), Type.Null()]),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
  path: Type.String(),
  version: Type.Integer(),
  retiredAt: Timestamp,
  areaKm2: Type.Union([Type.Number(), Type.Null()]),
});

export const createGridSchema = {
  tags: ["grid-admin"],
  summary: "新建网格（区网格办；乡镇工作人员限本辖区）",
  headers: IdempotencyHeaders,
  body: Type.Object(
    {
      parentId: Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Null()]),
      code: GridCode,
      name: GridName,
      nameUg: Type.Optional(GridNameUg),
      nameEn: Type.Optional(GridNameEn),
      kind: GridKind,
      boundary: Type.Optional(Boundary),
    },
    { additionalProperties: false },
  ),
  response: { 201: GridRecord, ...withUnprocessable },
};

export const updateGridSchema = {
  tags: ["grid-admin"],
  summary: "修改网格名称（中文、维吾尔文、英文）、编码、类型或边界（带版本号，过期 → 409）",
  params: IdParams,
  body: Type.Object(
    {
      version: Version,
      code: Type.Optional(GridCode),
      name: Type.Optional(GridName),
      nameUg: Type.Optional(GridNameUg),
      nameEn: Type.Optional(GridNameEn),
      kind: Type.Optional(GridKind),
      boundary: Type.Optional(Boundary),
    },
    { additionalProperties: false, minProperties: 2 },
  ),
  response: { 200: GridRecord, ...withUnprocessable },
};

export const moveGridSchema = {
  tags: ["grid-admin"],
  summary: "移动网格到新的上级（整棵子树的路径与层级一并改写）",
  params: IdParams,
  body: Type.Object(
    { parentId: Type.Integer({ minimum: 1, maximum: 2147483647 }), version: Version },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Composite([
      GridRecord,
      Type.Object({
        moved: Type.Integer({ description: "改写的网格数" }),
        casesMoved: Type.Integer({ description: "随网格移至新上级辖区的案件数" }),
      }),
    ]),
    ...withUnprocessable,
  },
};

export const retireGridSchema = {
  tags: ["grid-admin"],
  summary: "撤销网格（保留历史，永不删除；有未撤销下级时 → 409）",
  params: IdParams,
  body: Type.Object(
    { version: Version, reason: Type.Optional(Type.String({ maxLength: 500 })) },
    { additionalProperties: false },
  ),
  response: { 200: GridRecord, ...withUnprocessable },
};

export const gridHistorySchema = {
  tags: ["grid-admin"],
  summary: "网格历史版本（当前版本在前，含边界）",
  params: IdParams,
  response: {
    200: Type.Object({
      items: Type.Array(
        Type.Object({
          version: Type.Integer(),
          current: Type.Boolean(),
          parentId: Type.Union([Type.Integer(), Type.Null()]),
          parentName: Type.Union([Type.String(), Type.Null()]),
          level: Type.Integer(),
          code: Type.String(),
          name: Type.String(),
          nameUg: Type.Union([Type.String(), Type.Null()]),
          nameEn: Type.Union([Type.String(), Type.Null()]),
          kind: Type.String(),
          path: Type.String(),
          retiredAt: Timestamp,
          validFrom: DateTime,
          validTo: Timestamp,
          areaKm2: Type.Union([Type.Number(), Type.Null()]),
          boundary: Type.Unknown(),
        }),
      ),
    }),
    ...errorResponses,
  },
};

export const gridCoverageSchema = {
  tags: ["grid-admin"],
  summary: "覆盖分析：下级网格的空白、重叠与越界（横向到边、纵向到底）",
  description:
    "面积按 WGS84 椭球计算（geography），单位 km²。叠加运算在 1e-7° 精度网格上进行；小于 1 m² 的碎片视为浮点误差，不计入结果（ignoredSlivers 给出其个数）。",
  params: IdParams,
  response: {
    200: Type.Object({
      gridId: Type.Integer(),
      areaKm2: Type.Number(),
      childCount: Type.Integer(),
      childrenWithoutBoundary: Type.Integer(),
      coveredRatio: Type.Union([Type.Number(), Type.Null()]),
      gapAreaKm2: Type.Number(),
      overlapAreaKm2: Type.Number(),
      outsideAreaKm2: Type.Number(),
      gaps: Type.Unknown({ description: "GeoJSON FeatureCollection；properties.areaKm2" }),
      overlaps: Type.Unknown({
        description:
          "GeoJSON FeatureCollection；properties.areaKm2, gridIds, gridCodes, gridNames（两个网格）",
      }),
      outside: Type.Unknown({
        description: "GeoJSON FeatureCollection；properties.areaKm2, gridId, gridCode, gridName",
      }),
      sliverAreaM2: Type.Number(),
      ignoredSlivers: Type.Integer(),
    }),
    ...withUnprocessable,
  },
};

export const importGridsSchema = {
  tags: ["grid-admin"],
  summary: "从 GeoJSON 导入网格边界（全部成功或全部不保存）",
  description:
    "要素的 properties.code 与已有网格相同则更新其边界（及 name/nameUg/nameEn/kind），否则在 parentCode 或 parentId 指定的上级下新建（须有 name 与 kind）。任一要素有问题 → 422，details 列出 { feature（从 1 起）, code, field, reason, message, location }，不保存任何内容。",
  body: Type.Object(
    {
      parentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Null()])),
      geojson: Type.Unknown({ description: "GeoJSON FeatureCollection" }),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      created: Type.Integer(),
      updated: Type.Integer(),
      unchanged: Type.Integer(),
      items: Type.Array(
        Type.Object({
          feature: Type.Integer(),
          code: Type.String(),
          id: Type.Integer(),
          action: Type.Union([Type.Literal("created"), Type.Literal("updated"), Type.Literal("unchanged")]),
        }),
      ),
    }),
    ...withUnprocessable,
  },
};

export const exportGridsSchema = {
  tags: ["grid-admin"],
  summary: "导出权限范围内的网格为 GeoJSON（可编辑后再导入）",
  querystring: Type.Object(
    {
      rootId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
      includeRetired: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
};
