import { type TLiteral, Type } from "@sinclair/typebox";
import { CASE_ACTION_NAMES } from "../../domain/cases/case-actions.ts";
import { CASE_SOURCES, PETITION_CHANNELS } from "../../domain/cases/case-sources.ts";
import { CASE_STAGES } from "../../domain/cases/case-state.ts";
import { MATTER_CATEGORY_CODES } from "../../domain/cases/matter-categories.ts";
import { PRIORITIES } from "../../domain/cases/priorities.ts";
import {
  DateRangeBound,
  ErrorBody,
  errorResponses,
  IdempotencyHeaders,
  IdParams,
  multipartUpload,
  Pagination,
} from "../shared-schemas.ts";

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)) as TLiteral[]);

const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });

/** A dispute party as filed, and the complainant as a reveal answers it. */
const DisputePartySchema = Type.Object(
  { name: Text(100, 1), role: Type.Optional(Text(50)) },
  { additionalProperties: false },
);

/** A report as submitted. Coordinates are WGS 84 (EPSG:4326), longitude first. */
export const NewCaseBody = Type.Object(
  {
    source: literals(CASE_SOURCES),
    petitionChannel: Type.Optional(literals(PETITION_CHANNELS)),
    disputeParties: Type.Optional(Type.Array(DisputePartySchema, { maxItems: 10 })),
    title: Text(100, 2),
    description: Text(2000, 2),
    category: literals(MATTER_CATEGORY_CODES),
    priority: Type.Optional(literals(PRIORITIES)),
    location: Type.Object(
      {
        lng: Type.Number({ minimum: 73, maximum: 136 }),
        lat: Type.Number({ minimum: 3, maximum: 54 }),
      },
      { additionalProperties: false },
    ),
    address: Type.Optional(Text(200)),
    reporter: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Text(50)),
          contact: Type.Optional(Text(100)),
          anonymous: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    // a patrol finding from the field app: the caller's patrol and the object checked (docs/patrol.md)
    patrolId: Type.Optional(Id),
    objectId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

/** Any action's fields; which ones an action reads, and whether they make sense, the case machine decides. */
export const TransitionBody = Type.Object(
  {
    action: literals(CASE_ACTION_NAMES),
    version: Type.Integer({ minimum: 0, maximum: 2147483647 }),
    reason: Type.Optional(Text(1000)),
    note: Type.Optional(Text(1000)),
    summary: Type.Optional(Text(4000)),
    targetCaseId: Type.Optional(Id),
    departmentId: Type.Optional(Id),
    handlingDays: Type.Optional(Type.Integer({ minimum: -1000, maximum: 1000 })),
    leadDepartmentId: Type.Optional(Id),
    participantDepartmentIds: Type.Optional(Type.Array(Id, { maxItems: 30 })),
    days: Type.Optional(Type.Integer({ minimum: -1000, maximum: 1000 })),
    result: Type.Optional(Text(40)),
    evidenceIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
    assigneeId: Type.Optional(Id),
    passed: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const RoutingBody = Type.Object(
  {
    version: Type.Integer({ minimum: 0, maximum: 2147483647 }),
    reason: Text(500, 1),
    gridId: Type.Optional(Id),
    departmentIds: Type.Optional(Type.Array(Id, { maxItems: 10 })),
  },
  { additionalProperties: false },
);

export const RevealBody = Type.Object({ reason: Text(200, 2) }, { additionalProperties: false });

const caseFilterFields = {
  stage: Type.Optional(Type.Array(literals(CASE_STAGES), { maxItems: 13 })),
  category: Type.Optional(literals(MATTER_CATEGORY_CODES)),
  priority: Type.Optional(literals(PRIORITIES)),
  source: Type.Optional(literals(CASE_SOURCES)),
  gridId: Type.Optional(Id),
  departmentId: Type.Optional(Id),
  overdue: Type.Optional(Type.Boolean()),
  open: Type.Optional(Type.Boolean()),
  q: Type.Optional(Text(100)),
  from: Type.Optional(
    DateRangeBound(
      "上报时间起（含）：YYYY-MM-DD 为北京时间当天零点起；也可写时间，无时区按北京时间 / " +
        "reported from (included): a date is the whole Beijing day; a time without offset is Beijing time",
    ),
  ),
  to: Type.Optional(
    DateRangeBound(
      "上报时间止（含）：YYYY-MM-DD 含当天全天（北京时间）；也可写时间 / " +
        "reported until (included): a date includes that whole Beijing day",
    ),
  ),
};

export const CaseListQuery = Type.Object(
  { ...Pagination, ...caseFilterFields, todo: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

/** The list's filters, without paging and the to-do inbox. */
export const CaseExportQuery = Type.Object(caseFilterFields, { additionalProperties: false });

const Deadline = Type.Union([
  Type.Object({
    phase: Type.String(),
    phaseName: Type.String(),
    dueAt: Type.String(),
    limitKind: Type.String(),
    limit: Type.Integer(),
  }),
  Type.Null(),
]);

export const CaseSummary = Type.Object({
  id: Type.Integer(),
  trackingNo: Type.String(),
  title: Type.String(),
  source: Type.String(),
  sourceName: Type.String(),
  category: Type.String(),
  categoryName: Type.String(),
  priority: Type.String(),
  supervisionLevel: Type.String(),
  supervisionLevelName: Type.String(),
  stage: Type.String(),
  stageName: Type.String(),
  version: Type.Integer(),
  gridId: Type.Integer(),
  gridName: Type.String(),
  townshipName: Type.Union([Type.String(), Type.Null()]),
  assignedDepartmentId: Type.Union([Type.Integer(), Type.Null()]),
  assignedDepartmentName: Type.Union([Type.String(), Type.Null()]),
  reportedAt: Type.String(),
  deadline: Deadline,
  overdue: Type.Boolean(),
  escalationLevel: Type.Integer(),
  location: Type.Object({ lng: Type.Number(), lat: Type.Number() }),
  allowedActions: Type.Array(Type.String()),
});

const Detail = Type.Object({}, { additionalProperties: true, description: "case detail" });

const Duplicate = Type.Object({
  id: Type.Integer(),
  trackingNo: Type.String(),
  title: Type.String(),
  stage: Type.String(),
  stageName: Type.String(),
  reportedAt: Type.String(),
  distanceMeters: Type.Integer(),
});

const withErrors = { ...errorResponses, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody };

const Receipt = Type.Object(
  {
    id: Type.Integer(),
    trackingNo: Type.String(),
    stage: Type.String(),
    stageName: Type.String(),
    sourceName: Type.String(),
    categoryName: Type.String(),
    gridName: Type.String(),
    reportedAt: Type.String(),
    message: Type.String(),
    source: Type.Optional(Type.String()),
    priority: Type.Optional(Type.String()),
    departments: Type.Optional(Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() }))),
    deadlineDueAt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    possibleDuplicates: Type.Optional(Type.Array(Duplicate)),
  },
  { description: "receipt of a filed case (the detail is GET /api/cases/:id)" },
);

export const createCaseSchema = {
  tags: ["cases"],
  summary: "上报案件（需 Idempotency-Key）：按位置定网格、按类别定部门，返回回执与可能的重复件",
  headers: IdempotencyHeaders,
  body: NewCaseBody,
  response: { 200: Receipt, 201: Receipt, ...withErrors },
};

export const listCasesSchema = {
  tags: ["cases"],
  summary: "案件列表（按权限范围，可筛选、分页；todo=true 为待办，overdue=true 为已逾期）",
  querystring: CaseListQuery,
  response: { 200: Type.Object({ items: Type.Array(CaseSummary), total: Type.Integer() }), ...withErrors },
};

export const exportCasesSchema = {
  tags: ["cases"],
  summary:
    "案件列表导出 Excel（与列表相同的权限范围和筛选条件；不含举报人信息；超过导出上限时 422，请缩小筛选范围）",
  querystring: CaseExportQuery,
};

export const getCaseSchema = {
  tags: ["cases"],
  summary: "案件详情：时间线、期限、证据、当前可执行操作",
  params: IdParams,
  response: { 200: Detail, ...withErrors },
};

export const duplicatesSchema = {
  tags: ["cases"],
  summary: "可能的重复件（同类别、一定距离和天数内）",
  params: IdParams,
  response: { 200: Type.Object({ items: Type.Array(Duplicate) }), ...withErrors },
};

export const transitionSchema = {
  tags: ["cases"],
  summary: "案件流转（先校验版本：过期版本一律 409）",
  params: IdParams,
  headers: IdempotencyHeaders,
  body: TransitionBody,
  response: { 200: Detail, ...withErrors },
};

export const routingSchema = {
  tags: ["cases"],
  summary: "人工调整分派（须填写理由，留痕审计）",
  params: IdParams,
  body: RoutingBody,
  response: { 200: Detail, ...withErrors },
};

export const revealSchema = {
  tags: ["cases"],
  summary: "查看举报人信息（仅限授权角色，每次查看均审计）",
  params: IdParams,
  body: RevealBody,
  response: {
    200: Type.Object({
      name: Type.Union([Type.String(), Type.Null()]),
      contact: Type.Union([Type.String(), Type.Null()]),
      complainant: Type.Union([DisputePartySchema, Type.Null()]),
    }),
    ...withErrors,
  },
};

export const uploadEvidenceSchema = {
  tags: ["cases"],
  summary: "上传证据（multipart，字段 file；JPEG/PNG/WebP/PDF，按内容识别）",
  ...multipartUpload("file"),
  params: IdParams,
  headers: IdempotencyHeaders,
  response: {
    201: Type.Object({
      id: Type.Integer(),
      sha256: Type.String(),
      mime: Type.String(),
      sizeBytes: Type.Integer(),
    }),
    200: Type.Object({
      id: Type.Integer(),
      sha256: Type.String(),
      mime: Type.String(),
      sizeBytes: Type.Integer(),
    }),
    ...withErrors,
  },
};

export const caseMetaSchema = {
  tags: ["cases"],
  summary: "案件字典：事项类别（含责任部门）、来源（含本人可否上报）、环节、操作、办理结果",
  response: { 200: Type.Object({}, { additionalProperties: true }), ...withErrors },
};
