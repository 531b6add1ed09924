import { Type } from "@sinclair/typebox";
import { ErrorBody } from "../shared-schemas.ts";

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);

export const LoginReply = Type.Object({
  user: Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() }),
});

export const loginSchema = {
  tags: ["auth"],
  summary: "登录",
  body: LoginBody,
  response: { 200: LoginReply, 400: ErrorBody, 401: ErrorBody, 423: ErrorBody, 429: ErrorBody },
};
