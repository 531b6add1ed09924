import { Type } from "@sinclair/typebox";
import { ROLES } from "../../domain/roles.ts";
import { errorResponses, IdParams, Pagination } from "../shared-schemas.ts";

export const RoleCode = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const listUsersSchema = {
  tags: ["users"],
  summary: "账户列表（安全管理员）",
  querystring: Type.Object(
    { ...Pagination, q: Type.Optional(Type.String({ maxLength: 64 })) },
    { additionalProperties: false },
  ),
};

export const createUserSchema = {
  tags: ["users"],
  summary: "创建账户（安全管理员）",
  body: Type.Object(
    {
      username: Type.String({ minLength: 2, maxLength: 64, pattern: "^[A-Za-z0-9_.-]+$" }),
      displayName: Type.String({ minLength: 1, maxLength: 64 }),
      phone: Type.Optional(
        Type.Union([Type.String({ maxLength: 32, pattern: "^[0-9+\\- ]*$" }), Type.Null()]),
      ),
      password: Type.String({ minLength: 1, maxLength: 128 }),
      role: RoleCode,
      gridId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
      departmentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    },
    { additionalProperties: false },
  ),
  response: {
    201: Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() }),
    ...errorResponses,
  },
};

export const userStatusSchema = {
  tags: ["users"],
  params: IdParams,
  response: { 200: Type.Object({ id: Type.Integer(), alreadyInState: Type.Boolean() }), ...errorResponses },
};
