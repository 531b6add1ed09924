import { Type } from "@sinclair/typebox";
import { errorResponses, IdParams } from "../shared-schemas.ts";

export const GridSummary = Type.Object({
  id: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  level: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  nameUg: Type.Union([Type.String(), Type.Null()]),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
  childCount: Type.Integer(),
  version: Type.Integer(),
  retiredAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});

export const LevelQuery = Type.Object(
  { level: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })) },
  { additionalProperties: false },
);

export const listGridsSchema = {
  tags: ["grids"],
  summary: "网格列表（按权限范围）",
  querystring: Type.Object(
    {
      level: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
      includeRetired: Type.Optional(Type.Boolean({ description: "包括已撤销的网格（网格管理用）" })),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({ items: Type.Array(GridSummary), total: Type.Integer() }),
    ...errorResponses,
  },
};

export const gridGeojsonSchema = {
  tags: ["grids"],
  summary: "网格边界 GeoJSON（按权限范围）",
  querystring: LevelQuery,
};

export const getGridSchema = {
  tags: ["grids"],
  summary: "网格详情（含边界）",
  params: IdParams,
  response: {
    200: Type.Composite([
      GridSummary,
      Type.Object({
        parentName: Type.Union([Type.String(), Type.Null()]),
        areaKm2: Type.Union([Type.Number(), Type.Null()]),
        version: Type.Integer(),
        boundary: Type.Union([Type.Unknown(), Type.Null()]),
      }),
    ]),
    ...errorResponses,
  },
};
