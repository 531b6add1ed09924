import { type Static, Type } from "@sinclair/typebox";
import type {
  MemberActivity,
  PatrolDetail,
  PatrolLedgerRow,
  PatrolPlanEntry,
} from "../../../api-types/patrols.ts";
import type { Equal, Expect } from "../../domain/type-equality.ts";
import {
  CalendarDay,
  ErrorBody,
  errorResponses,
  IdempotencyHeaders,
  IdParams,
  Pagination,
} from "../shared-schemas.ts";

const tags = ["patrols"];
const DateTime = Type.String({ format: "date-time", maxLength: 40 });
const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Accuracy = Type.Union([Type.Number({ minimum: 0, maximum: 100000 }), Type.Null()]);
const writeResponses = { ...errorResponses, 422: ErrorBody };
const GridQuery = { gridId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })) };

const PlanEntry = Type.Object({
  objectId: Type.Integer(),
  objectName: Type.String(),
  objectType: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  gridId: Type.Integer(),
  gridName: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
  ruleId: Type.Integer(),
  frequency: Type.String(),
  required: Type.Integer(),
  done: Type.Integer(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  nextDueAt: Type.Union([Type.String(), Type.Null()]),
  lastVisitAt: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  previousMissed: Type.Boolean(),
  status: Type.String(),
  checklist: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
});

export const planSchema = {
  tags,
  summary: "巡查计划：调用者网格内应巡查的监管对象（本周期次数、下次期限、是否逾期）",
  querystring: Type.Object(GridQuery, { additionalProperties: false }),
  response: {
    200: Type.Object({ now: Type.String(), items: Type.Array(PlanEntry) }),
    ...errorResponses,
  },
};

export const blindSpotsSchema = {
  tags,
  summary: "巡查盲区：应巡未巡（本周期逾期或上周期未完成）的监管对象",
  querystring: Type.Object(GridQuery, { additionalProperties: false }),
  response: { 200: Type.Object({ items: Type.Array(PlanEntry) }), ...errorResponses },
};

const LedgerQuery = {
  ...GridQuery,
  memberId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  from: Type.Optional(CalendarDay("起始日期（含），北京时间 YYYY-MM-DD / first day, Beijing time, included")),
  to: Type.Optional(CalendarDay("截止日期（含当天全天），北京时间 / last day, Beijing time, included")),
};

const LedgerRow = Type.Object({
  id: Type.Integer(),
  memberId: Type.Integer(),
  memberName: Type.String(),
  gridId: Type.Integer(),
  gridName: Type.String(),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  distanceM: Type.Integer(),
  pointCount: Type.Integer(),
  checkins: Type.Integer(),
  findings: Type.Integer(),
  objects: Type.String(),
});

export const listPatrolsSchema = {
  tags,
  summary: "巡查台账（按网格、人员、日期筛选，分页）",
  querystring: Type.Object({ ...LedgerQuery, ...Pagination }, { additionalProperties: false }),
  response: {
    200: Type.Object({
      total: Type.Integer(),
      page: Type.Integer(),
      pageSize: Type.Integer(),
      items: Type.Array(LedgerRow),
    }),
    ...errorResponses,
  },
};

export const exportPatrolsSchema = {
  tags,
  summary: "导出巡查台账（XLSX）",
  querystring: Type.Object(LedgerQuery, { additionalProperties: false }),
};

const ActivityRow = Type.Object({
  memberId: Type.Integer(),
  memberName: Type.String(),
  patrols: Type.Integer(),
  daysActive: Type.Integer(),
  distanceM: Type.Integer(),
  checkins: Type.Integer(),
});

export const activitySchema = {
  tags,
  summary: "网格员巡查活跃度（出勤天数、巡查次数、里程、签到）",
  querystring: Type.Object(LedgerQuery, { additionalProperties: false }),
  response: {
    200: Type.Object({
      items: Type.Array(ActivityRow),
    }),
    ...errorResponses,
  },
};

export const checkinPhotoSchema = {
  tags,
  summary: "签到照片（巡查在权限范围内；照片已去除 EXIF/GPS 等元数据）",
  params: Type.Object({
    id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    checkinId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  }),
};

export const getPatrolSchema = {
  tags,
  summary: "一次巡查：轨迹（回放）与签到",
  params: IdParams,
  response: {
    200: Type.Intersect([
      Type.Omit(LedgerRow, ["checkins"]),
      Type.Object({
        track: Type.Array(
          Type.Object({
            t: Type.String(),
            lon: Type.Number(),
            lat: Type.Number(),
            accuracy: Type.Union([Type.Number(), Type.Null()]),
            flags: Type.Array(Type.String()),
          }),
        ),
        checkins: Type.Array(Type.Unknown()),
      }),
    ]),
    ...errorResponses,
  },
};

const Started = Type.Object({
  id: Type.Integer(),
  gridId: Type.Integer(),
  startedAt: Type.String(),
  status: Type.String(),
});

export const startPatrolSchema = {
  tags,
  summary: "开始巡查（Idempotency-Key：同一键返回同一次巡查）",
  headers: IdempotencyHeaders,
  body: Type.Object(
    {
      ...GridQuery,
      startedAt: Type.Optional(DateTime),
      note: Type.Optional(Type.String({ maxLength: 2000 })),
    },
    { additionalProperties: false },
  ),
  response: { 200: Started, ...writeResponses },
};

export const finishPatrolSchema = {
  tags,
  summary: "结束巡查",
  params: IdParams,
  headers: IdempotencyHeaders,
  body: Type.Object({ finishedAt: Type.Optional(DateTime) }, { additionalProperties: false }),
  response: {
    200: Type.Object({
      id: Type.Integer(),
      status: Type.String(),
      finishedAt: Type.String(),
      distanceM: Type.Integer(),
      pointCount: Type.Integer(),
    }),
    ...writeResponses,
  },
};

export const trackSchema = {
  tags,
  summary: "上传轨迹点（批量；重复与乱序的批次幂等；不合理的点保留并标记）",
  params: IdParams,
  body: Type.Object(
    {
      points: Type.Array(
        Type.Object(
          { t: DateTime, lon: Lon, lat: Lat, accuracy: Type.Optional(Accuracy) },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 1000 },
      ),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      received: Type.Integer(),
      stored: Type.Integer(),
      duplicates: Type.Integer(),
      flagged: Type.Integer(),
      pointCount: Type.Integer(),
      distanceM: Type.Integer(),
    }),
    ...writeResponses,
  },
};

export const checkinSchema = {
  tags,
  summary: "在监管对象处签到（超出签到半径时拒绝并给出距离）",
  params: IdParams,
  headers: IdempotencyHeaders,
  body: Type.Object(
    {
      objectId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
      at: Type.Optional(DateTime),
      lon: Lon,
      lat: Lat,
      accuracy: Type.Optional(Accuracy),
      answers: Type.Optional(
        Type.Record(Type.String({ pattern: "^[a-z_]{1,40}$" }), Type.String({ maxLength: 20 }), {
          maxProperties: 30,
        }),
      ),
      finding: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
      photo: Type.Optional(Type.Union([Type.String({ maxLength: 4_500_000 }), Type.Null()])),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      id: Type.Integer(),
      patrolId: Type.Integer(),
      objectId: Type.Integer(),
      at: Type.String(),
      distanceM: Type.Integer(),
      hasPhoto: Type.Boolean(),
    }),
    ...writeResponses,
  },
};

/** The response schemas name the fields api-types/patrols.ts types: a field added to one side fails here. */
export type PatrolSchemasAgree = [
  Expect<Equal<keyof Static<typeof PlanEntry>, keyof PatrolPlanEntry>>,
  Expect<Equal<keyof Static<typeof LedgerRow>, keyof PatrolLedgerRow>>,
  Expect<Equal<keyof Static<typeof ActivityRow>, keyof MemberActivity>>,
  Expect<Equal<keyof Static<(typeof getPatrolSchema.response)[200]>, keyof PatrolDetail>>,
];
