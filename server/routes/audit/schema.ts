import { Type } from "@sinclair/typebox";
import { DateRangeBound, Pagination } from "../shared-schemas.ts";

const tags = ["audit"];

/** The filters the list and the export share. */
const AuditFilters = {
  action: Type.Optional(
    Type.String({
      maxLength: 64,
      description: "操作代码（如 auth.login，精确匹配），或以“.”结尾的操作组（如 case.，匹配该组全部操作）",
    }),
  ),
  actor: Type.Optional(Type.String({ maxLength: 64, description: "操作人用户名（包含即匹配）" })),
  entityType: Type.Optional(Type.String({ maxLength: 64 })),
  entityId: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(
    DateRangeBound(
      "时间起（含）：YYYY-MM-DD 为北京时间当天零点起；也可写时间，无时区按北京时间 / " +
        "from (included): a date is the whole Beijing day; a time without offset is Beijing time",
    ),
  ),
  to: Type.Optional(
    DateRangeBound(
      "时间止（含）：YYYY-MM-DD 含当天全天（北京时间）；也可写时间 / " +
        "until (included): a date includes that whole Beijing day",
    ),
  ),
};

export const listAuditSchema = {
  tags,
  summary: "审计日志（审计管理员）",
  querystring: Type.Object({ ...Pagination, ...AuditFilters }, { additionalProperties: false }),
};

export const exportAuditSchema = {
  tags,
  summary: "导出审计日志（XLSX，审计管理员；导出本身记入审计日志）",
  description: "筛选条件同列表；符合条件的记录超过 50,000 条时拒绝（422），请缩小时间范围。",
  querystring: Type.Object(AuditFilters, { additionalProperties: false }),
};

export const verifyAuditSchema = { tags, summary: "校验审计日志哈希链" };
