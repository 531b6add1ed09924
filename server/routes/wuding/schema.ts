import {
  type TNull,
  type TNumber,
  type TProperties,
  type TSchema,
  type TUnion,
  Type,
} from "@sinclair/typebox";
import { errorResponses, IdempotencyHeaders, IdParams } from "../shared-schemas.ts";

// Written out (not mapped from the domain's code lists) so that TypeBox keeps the literal types;
// server/domain/wuding/terms.ts has the same codes, and the unit test there checks they agree.
export const DutyRoleSchema = Type.Union([Type.Literal("head"), Type.Literal("member")]);
export const ResponsibilitySchema = Type.Union([Type.Literal("lead"), Type.Literal("assist")]);
export const FrequencySchema = Type.Union([
  Type.Literal("daily"),
  Type.Literal("weekly"),
  Type.Literal("monthly"),
  Type.Literal("quarterly"),
]);
export const ObjectTypeSchema = Type.Union([
  Type.Literal("enterprise"),
  Type.Literal("water_source"),
  Type.Literal("hazard"),
  Type.Literal("construction_project"),
  Type.Literal("ecological_area"),
  Type.Literal("rural_site"),
]);
export const ObjectFlagSchema = Type.Union([Type.Literal("key_unit")]);
const RuleKindSchema = Type.Union([Type.Literal("reward"), Type.Literal("penalty")]);
// The app's validator coerces types: in a union whose first branch is a number, null would become 0. So null
// comes first for strings (where "" is then read as null — no value), and numbers use a type list, which
// leaves a value of a listed type alone.
const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const NullableNumber = (options: { minimum: number; maximum: number; integer?: boolean }) =>
  Type.Unsafe({
    type: [options.integer ? "integer" : "number", "null"],
    minimum: options.minimum,
    maximum: options.maximum,
  }) as unknown as TUnion<[TNumber, TNull]>;

const DateString = Type.String({ pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description: "YYYY-MM-DD" });
const Phone = Type.String({ pattern: "^[0-9+\\- ]{3,32}$", maxLength: 32 });
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Version = Type.Integer({ minimum: 0, maximum: 2147483647 });
const SortOrder = Type.Optional(Type.Integer({ minimum: -10000, maximum: 10000 }));
const Level = Type.Integer({ minimum: 1, maximum: 10 });
const CategoryCode = Type.String({ pattern: "^[a-z][a-z0-9_]{0,63}$" });

export const VersionQuery = Type.Object({ version: Version }, { additionalProperties: false });

const Removed = Type.Object({ id: Type.Integer(), removed: Type.Boolean() });
const Retired = Type.Object({ id: Type.Integer(), retired: Type.Boolean() });
const Saved = Type.Object({ id: Type.Integer(), version: Type.Integer() });

const Personnel = Type.Object({
  id: Type.Integer(),
  gridId: Type.Integer(),
  userId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  dutyRole: DutyRoleSchema,
  phone: Nullable(Type.String()),
  dutyPhone: Nullable(Type.String()),
  startsOn: Type.String(),
  endsOn: Nullable(Type.String()),
  inForce: Type.Boolean(),
  version: Type.Integer(),
});

const LineWhere = {
  gridLevel: Nullable(Type.Integer()),
  gridId: Nullable(Type.Integer()),
  gridName: Nullable(Type.String()),
};

export const DutyLine = Type.Object({
  id: Type.Integer(),
  ...LineWhere,
  matterCategory: Nullable(Type.String()),
  matterCategoryName: Nullable(Type.String()),
  departmentId: Nullable(Type.Integer()),
  departmentName: Nullable(Type.String()),
  responsibility: ResponsibilitySchema,
  dutyText: Type.String(),
  sortOrder: Type.Integer(),
  version: Type.Integer(),
});

export const PatrolRule = Type.Object({
  id: Type.Integer(),
  ...LineWhere,
  objectType: Nullable(Type.String()),
  objectFlag: Nullable(Type.String()),
  frequency: FrequencySchema,
  timesPerPeriod: Type.Integer(),
  description: Type.String(),
  sortOrder: Type.Integer(),
  version: Type.Integer(),
});

export const RewardPenaltyRule = Type.Object({
  id: Type.Integer(),
  ...LineWhere,
  kind: RuleKindSchema,
  ruleText: Type.String(),
  points: Nullable(Type.Number()),
  veto: Type.Boolean(),
  sortOrder: Type.Integer(),
  version: Type.Integer(),
});

const DisclosureFlags = {
  headName: Type.Boolean(),
  headPhone: Type.Boolean(),
  memberNames: Type.Boolean(),
  memberPhones: Type.Boolean(),
  duties: Type.Boolean(),
  tasks: Type.Boolean(),
  rules: Type.Boolean(),
};
const Disclosure = Type.Object({ ...DisclosureFlags, version: Type.Integer() });

const WudingGrid = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  parentName: Nullable(Type.String()),
  level: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  nameUg: Nullable(Type.String()),
  nameEn: Nullable(Type.String()),
  kind: Type.String(),
  areaKm2: Nullable(Type.Number()),
  childCount: Type.Integer(),
});

export const getWudingSchema = {
  tags: ["wuding"],
  summary: "网格“五定”：区域、人员、职责、任务、奖惩及公开设置",
  params: IdParams,
  response: {
    200: Type.Object({
      grid: WudingGrid,
      personnel: Type.Array(Personnel),
      duties: Type.Array(DutyLine),
      tasks: Type.Array(PatrolRule),
      rules: Type.Array(RewardPenaltyRule),
      disclosure: Disclosure,
      policies: Type.Object({
        managePersonnel: Type.Boolean(),
        manageGridLines: Type.Boolean(),
        manageLevelLines: Type.Boolean(),
        manageDisclosure: Type.Boolean(),
      }),
    }),
    ...errorResponses,
  },
};

const PublicPerson = Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) });
export const publicWudingSchema = {
  tags: ["wuding"],
  summary: "网格“五定”公示信息（无需登录，仅含公开字段）",
  params: IdParams,
  response: {
    200: Type.Object({
      grid: WudingGrid,
      head: Nullable(PublicPerson),
      members: Nullable(Type.Array(PublicPerson)),
      duties: Nullable(
        Type.Array(
          Type.Object({
            matterCategoryName: Nullable(Type.String()),
            departmentName: Nullable(Type.String()),
            responsibility: Type.String(),
            dutyText: Type.String(),
          }),
        ),
      ),
      tasks: Nullable(
        Type.Array(
          Type.Object({
            objectType: Nullable(Type.String()),
            objectFlag: Nullable(Type.String()),
            frequency: Type.String(),
            timesPerPeriod: Type.Integer(),
            description: Type.String(),
          }),
        ),
      ),
      rules: Nullable(
        Type.Array(
          Type.Object({
            kind: Type.String(),
            ruleText: Type.String(),
            points: Nullable(Type.Number()),
            veto: Type.Boolean(),
          }),
        ),
      ),
    }),
    ...errorResponses,
  },
};

export const wudingMetaSchema = {
  tags: ["wuding"],
  summary: "“五定”取值：事项类别、巡查对象类型与标记、频次",
  response: {
    200: Type.Object({
      categories: Type.Array(
        Type.Object({ code: Type.String(), name: Type.String(), departments: Type.Array(Type.String()) }),
      ),
      objectTypes: Type.Array(Type.String()),
      objectFlags: Type.Array(Type.String()),
      frequencies: Type.Array(Type.String()),
    }),
    ...errorResponses,
  },
};

export const candidatesSchema = {
  tags: ["wuding"],
  summary: "可安排到网格的人员（按权限范围）",
  querystring: Type.Object(
    { q: Type.Optional(Type.String({ maxLength: 64 })) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      items: Type.Array(
        Type.Object({
          id: Type.Integer(),
          username: Type.String(),
          displayName: Type.String(),
          phone: Nullable(Type.String()),
        }),
      ),
    }),
    ...errorResponses,
  },
};

const PersonnelTerm = {
  dutyRole: DutyRoleSchema,
  phone: Type.Optional(Nullable(Phone)),
  startsOn: Type.Optional(DateString),
  endsOn: Type.Optional(Nullable(DateString)),
};

export const assignPersonnelSchema = {
  tags: ["wuding"],
  summary: "定人员：安排网格长或网格员",
  params: IdParams,
  headers: IdempotencyHeaders,
  body: Type.Object({ userId: Id, ...PersonnelTerm }, { additionalProperties: false }),
  response: { 201: Saved, ...errorResponses },
};

export const updatePersonnelSchema = {
  tags: ["wuding"],
  summary: "修改任职（职务、值班电话、任期）",
  params: IdParams,
  body: Type.Object({ ...PersonnelTerm, version: Version }, { additionalProperties: false }),
  response: { 200: Saved, ...errorResponses },
};

export const removePersonnelSchema = {
  tags: ["wuding"],
  summary: "撤销任职（保留历史）",
  params: IdParams,
  querystring: VersionQuery,
  response: { 200: Removed, ...errorResponses },
};

const LineTarget = {
  gridLevel: Type.Optional(NullableNumber({ minimum: 1, maximum: 10, integer: true })),
  gridId: Type.Optional(NullableNumber({ minimum: 1, maximum: 2147483647, integer: true })),
};

const LineListQuery = Type.Object(
  { level: Type.Optional(Level), gridId: Type.Optional(Id), category: Type.Optional(CategoryCode) },
  { additionalProperties: false },
);

const DutyContent = {
  matterCategory: Nullable(CategoryCode),
  departmentId: NullableNumber({ minimum: 1, maximum: 2147483647, integer: true }),
  responsibility: ResponsibilitySchema,
  dutyText: Type.String({ minLength: 1, maxLength: 2000 }),
  sortOrder: SortOrder,
};

const PatrolContent = {
  objectType: Nullable(ObjectTypeSchema),
  objectFlag: Nullable(ObjectFlagSchema),
  frequency: FrequencySchema,
  timesPerPeriod: Type.Integer({ minimum: 1, maximum: 100 }),
  description: Type.String({ maxLength: 2000 }),
  sortOrder: SortOrder,
};

const RewardPenaltyContent = {
  kind: RuleKindSchema,
  ruleText: Type.String({ minLength: 1, maxLength: 2000 }),
  points: NullableNumber({ minimum: -1000, maximum: 1000 }),
  veto: Type.Boolean(),
  sortOrder: SortOrder,
};

function lineSchemas<I extends TSchema, C extends TProperties>(name: string, item: I, content: C) {
  return {
    list: {
      tags: ["wuding"],
      summary: `${name}列表（全区统一的按层级条目及权限范围内网格的条目）`,
      querystring: LineListQuery,
      response: { 200: Type.Object({ items: Type.Array(item) }), ...errorResponses },
    },
    create: {
      tags: ["wuding"],
      summary: `新增${name}（按层级：区网格办；按网格：上级网格管理人员）`,
      headers: IdempotencyHeaders,
      body: Type.Object({ ...LineTarget, ...content }, { additionalProperties: false }),
      response: { 201: Saved, ...errorResponses },
    },
    update: {
      tags: ["wuding"],
      summary: `修改${name}`,
      params: IdParams,
      body: Type.Object({ ...content, version: Version }, { additionalProperties: false }),
      response: { 200: Saved, ...errorResponses },
    },
    retire: {
      tags: ["wuding"],
      summary: `停用${name}（保留历史）`,
      params: IdParams,
      querystring: VersionQuery,
      response: { 200: Retired, ...errorResponses },
    },
  };
}

export const dutyLineSchemas = lineSchemas("职责清单条目", DutyLine, DutyContent);
export const patrolRuleSchemas = lineSchemas("巡查任务", PatrolRule, PatrolContent);
export const rewardPenaltySchemas = lineSchemas("奖惩规则", RewardPenaltyRule, RewardPenaltyContent);

export const updateDisclosureSchema = {
  tags: ["wuding"],
  summary: "设置“五定”公开公示字段",
  params: IdParams,
  body: Type.Object({ ...DisclosureFlags, version: Version }, { additionalProperties: false }),
  response: { 200: Disclosure, ...errorResponses },
};
