import { type Static, Type } from "@sinclair/typebox";
import type { Department } from "../../../api-types/departments.ts";
import type { Equal, Expect } from "../../domain/type-equality.ts";
import { errorResponses } from "../shared-schemas.ts";

const DepartmentRow = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String({ description: "官方中文名称" }),
  nameUg: Type.Union([Type.String(), Type.Null()], { description: "维吾尔文名称（未录入为 null）" }),
  nameEn: Type.Union([Type.String(), Type.Null()], { description: "英文名称（未录入为 null）" }),
  kind: Type.Union([Type.Literal("department"), Type.Literal("supervisory")]),
});

export const listDepartmentsSchema = {
  tags: ["departments"],
  summary: "部门与监督机构（含维吾尔文、英文名称）",
  response: { 200: Type.Object({ items: Type.Array(DepartmentRow) }), ...errorResponses },
};

/** The schema is the type api-types/departments.ts gives the web: one changed side fails here. */
export type DepartmentSchemasAgree = [Expect<Equal<Static<typeof DepartmentRow>, Department>>];
