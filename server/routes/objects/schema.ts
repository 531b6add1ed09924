import { type TSchema, Type } from "@sinclair/typebox";
import {
  EIA_STATUSES,
  OBJECT_STATUSES,
  OBJECT_TYPES,
  REMEDIATION_STATUSES,
  RISK_LEVELS,
} from "../../domain/supervised-object.ts";
import {
  ErrorBody,
  errorResponses,
  IdempotencyHeaders,
  IdParams,
  multipartUpload,
  Pagination,
} from "../shared-schemas.ts";

const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Enum(
    Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K },
    description ? { description } : {},
  );
const nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));

export const ObjectTypeSchema = literals(OBJECT_TYPES, "对象类型");

// The structure only; rings closed, points in range and validity are checked with Chinese messages by the
// domain rules and PostGIS, answering 422 with the field.
const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 });
const Ring = Type.Array(Position, { maxItems: 10000 });
export const ObjectGeometrySchema = Type.Union(
  [
    Type.Object({ type: Type.Literal("Point"), coordinates: Position }, { additionalProperties: false }),
    Type.Object(
      { type: Type.Literal("Polygon"), coordinates: Type.Array(Ring, { minItems: 1, maxItems: 100 }) },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        type: Type.Literal("MultiPolygon"),
        coordinates: Type.Array(Type.Array(Ring, { minItems: 1, maxItems: 100 }), {
          minItems: 1,
          maxItems: 100,
        }),
      },
      { additionalProperties: false },
    ),
  ],
  { description: "GeoJSON geometry, WGS84 longitude/latitude" },
);

const Emission = Type.Object(
  {
    pollutant: Type.String({ maxLength: 50 }),
    amount: Type.Number(),
    unit: Type.String({ maxLength: 16 }),
    year: nullable(Type.Integer()),
    disclosed: Type.Boolean({ description: "可公开（信息公开时显示）" }),
  },
  { additionalProperties: false },
);

const objectFields = {
  name: Type.String({ maxLength: 200 }),
  address: nullable(Type.String({ maxLength: 300 })),
  contactName: nullable(Type.String({ maxLength: 64 })),
  contactPhone: nullable(Type.String({ maxLength: 32 })),
  category: nullable(Type.String({ maxLength: 64, description: "行业（企业）或类别" })),
  status: Type.Optional(literals(OBJECT_STATUSES)),
  location: ObjectGeometrySchema,
  uscc: nullable(Type.String({ maxLength: 40, description: "统一社会信用代码（排污企业必填）" })),
  permitNumber: nullable(Type.String({ maxLength: 40, description: "排污许可证编号" })),
  pollutants: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 30 })),
  keyUnit: Type.Optional(Type.Boolean({ description: "重点排污单位" })),
  emissions: Type.Optional(Type.Array(Emission, { maxItems: 50 })),
  waterZoneLevel: nullable(Type.Union([Type.Literal(1), Type.Literal(2)])),
  riskLevel: nullable(literals(RISK_LEVELS)),
  eiaStatus: nullable(literals(EIA_STATUSES)),
  remediationStatus: nullable(literals(REMEDIATION_STATUSES)),
};

const ObjectFilterFields = {
  type: Type.Optional(ObjectTypeSchema),
  gridId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: "该网格及其下级网格" })),
  q: Type.Optional(Type.String({ maxLength: 64, description: "名称、地址、统一社会信用代码或许可证编号" })),
  keyUnit: Type.Optional(Type.Boolean()),
  status: Type.Optional(literals(["active", "suspended", "retired", "all"] as const)),
  unplaced: Type.Optional(Type.Boolean({ description: "仅列出边界调整后不在任何网格内的对象" })),
};

const summaryFields = {
  id: Type.Integer(),
  type: Type.String({ description: "对象类型" }),
  name: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  category: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  gridId: Type.Union([Type.Integer(), Type.Null()]),
  gridName: Type.Union([Type.String(), Type.Null()]),
  parentGridName: Type.Union([Type.String(), Type.Null()]),
  uscc: Type.Union([Type.String(), Type.Null()]),
  permitNumber: Type.Union([Type.String(), Type.Null()]),
  keyUnit: Type.Boolean(),
  waterZoneLevel: Type.Union([Type.Integer(), Type.Null()]),
  riskLevel: Type.Union([Type.String(), Type.Null()]),
  eiaStatus: Type.Union([Type.String(), Type.Null()]),
  remediationStatus: Type.Union([Type.String(), Type.Null()]),
  geometryType: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
  version: Type.Integer(),
  updatedAt: Type.String({ format: "date-time" }),
};
export const ObjectSummary = Type.Object(summaryFields);

export const ObjectDetail = Type.Object({
  ...summaryFields,
  contactName: Type.Union([Type.String(), Type.Null()]),
  contactPhone: Type.Union([Type.String(), Type.Null()]),
  pollutants: Type.Array(Type.String()),
  emissions: Type.Array(Emission),
  location: Type.Unknown({ description: "GeoJSON geometry" }),
  areaKm2: Type.Union([Type.Number(), Type.Null()]),
  retiredAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  retiredReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: "date-time" }),
  policies: Type.Object({ update: Type.Boolean(), retire: Type.Boolean() }),
});

const UnprocessableBody = Type.Object({
  error: Type.String(),
  message: Type.String(),
  messageEn: Type.Optional(Type.String()),
  details: Type.Optional(
    Type.Object({ errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })) }),
  ),
});

const writeResponses = { ...errorResponses, 422: UnprocessableBody };

export const listObjectsSchema = {
  tags: ["objects"],
  summary: "监管对象列表（按权限范围，分页）",
  querystring: Type.Object({ ...Pagination, ...ObjectFilterFields }, { additionalProperties: false }),
  response: {
    200: Type.Object({ items: Type.Array(ObjectSummary), total: Type.Integer() }),
    ...errorResponses,
  },
};

export const objectFilterSchema = Type.Object(ObjectFilterFields, { additionalProperties: false });

export const exportObjectsSchema = {
  tags: ["objects"],
  summary: "导出监管对象（XLSX，与列表相同的筛选条件）",
  querystring: objectFilterSchema,
};

export const objectGeojsonSchema = {
  tags: ["objects"],
  summary: "监管对象点位 GeoJSON（地图图层）",
  querystring: objectFilterSchema,
};

export const templateSchema = { tags: ["objects"], summary: "下载导入模板（XLSX）" };

export const ImportError = Type.Object({
  row: Type.Integer({ description: "表格中的行号（表头为第1行）" }),
  field: Type.String({ description: "列名" }),
  message: Type.String(),
});

export const importObjectsSchema = {
  tags: ["objects"],
  summary: "导入监管对象（multipart 上传 XLSX 或 UTF-8 CSV；任一行有误则整体不导入）",
  ...multipartUpload("file"),
  response: {
    201: Type.Object({
      created: Type.Integer(),
      importId: Type.String(),
      byGrid: Type.Array(Type.Object({ gridName: Type.String(), count: Type.Integer() })),
    }),
    ...errorResponses,
    413: ErrorBody,
    415: ErrorBody,
    422: Type.Object({
      error: Type.String(),
      message: Type.String(),
      messageEn: Type.Optional(Type.String()),
      errors: Type.Array(ImportError),
    }),
  },
};

export const createObjectSchema = {
  tags: ["objects"],
  summary: "登记监管对象（自动归入所在网格）",
  headers: IdempotencyHeaders,
  body: Type.Object({ type: ObjectTypeSchema, ...objectFields }, { additionalProperties: false }),
  response: {
    201: Type.Object({
      id: Type.Integer(),
      gridId: Type.Union([Type.Integer(), Type.Null()]),
      gridName: Type.String(),
    }),
    ...writeResponses,
  },
};

export const getObjectSchema = {
  tags: ["objects"],
  summary: "监管对象详情",
  params: IdParams,
  response: { 200: ObjectDetail, ...errorResponses },
};

export const objectArchiveSchema = {
  tags: ["objects"],
  summary: "一企一档：对象详情、变更历史，及巡查、案件、文书（由后续功能填充）",
  params: IdParams,
  response: {
    200: Type.Object({
      object: ObjectDetail,
      history: Type.Array(
        Type.Object({
          id: Type.Integer(),
          at: Type.String({ format: "date-time" }),
          actorName: Type.Union([Type.String(), Type.Null()]),
          action: Type.String(),
          before: Type.Unknown(),
          after: Type.Unknown(),
        }),
      ),
      archive: Type.Object({
        patrols: Type.Array(Type.Unknown()),
        cases: Type.Array(Type.Unknown()),
        documents: Type.Array(Type.Unknown()),
      }),
    }),
    ...errorResponses,
  },
};

export const updateObjectSchema = {
  tags: ["objects"],
  summary: "修改监管对象（携带读取时的版本号）",
  params: IdParams,
  body: Type.Object(
    { ...objectFields, version: Type.Integer({ minimum: 1 }) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      id: Type.Integer(),
      version: Type.Integer(),
      gridId: Type.Union([Type.Integer(), Type.Null()]),
      changed: Type.Array(Type.String()),
    }),
    ...writeResponses,
  },
};

export const retireObjectSchema = {
  tags: ["objects"],
  summary: "注销监管对象（移出在管名录，档案保留）",
  params: IdParams,
  body: Type.Object(
    { version: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 1, maxLength: 200 }) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      id: Type.Integer(),
      version: Type.Integer(),
      retiredAt: Type.String({ format: "date-time" }),
    }),
    ...errorResponses,
  },
};
