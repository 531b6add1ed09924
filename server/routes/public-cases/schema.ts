import { type Static, type TSchema, Type } from "@sinclair/typebox";
import type { PublicCaseProgress, PublicProgress } from "../../../api-types/public-cases.ts";
import { PUBLIC_PROGRESS } from "../../domain/cases/public-progress.ts";
import { TRACKING_NO_PATTERN } from "../../domain/cases/tracking-number-shape.ts";
import type { Equal, Expect } from "../../domain/type-equality.ts";
import { ErrorBody } from "../shared-schemas.ts";

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * The public answer, closed: the serializer drops anything a later change to the query might add, so the
 * public learns only these fields (never the reporter, the grid, departments or people).
 */
const PublicCaseProgressBody = Type.Object(
  {
    trackingNo: Type.String(),
    category: Type.String(),
    categoryName: Type.String(),
    progress: Type.Unsafe<PublicProgress>(
      Type.String({ enum: [...new Set(Object.values(PUBLIC_PROGRESS))] }),
    ),
    reportedAt: Type.String({ format: "date-time" }),
    repliedAt: Nullable(Type.String({ format: "date-time" })),
    closedAt: Nullable(Type.String({ format: "date-time" })),
    result: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

export const publicCaseProgressSchema = {
  tags: ["public"],
  summary: "按查询编号查看举报办理进度（公开，无需登录，不含任何个人信息）",
  params: Type.Object({ trackingNo: Type.String({ pattern: TRACKING_NO_PATTERN }) }),
  response: { 200: PublicCaseProgressBody, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody },
};

/** The schema is the type api-types/public-cases.ts gives the web: one changed side fails here. */
export type PublicCaseSchemasAgree = [
  Expect<Equal<Static<(typeof publicCaseProgressSchema.response)[200]>, PublicCaseProgress>>,
];
