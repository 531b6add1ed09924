import { Type } from "@sinclair/typebox";
import { verifyAuditChain } from "../../audit/verify-chain.ts";
import { actorOf } from "../../plugins/auth.ts";
import { assertAllowed } from "../../policies/allow.ts";
import { listAudit } from "../../queries/audit.ts";
import { Pagination } from "../shared-schemas.ts";
import type { App, RouteDeps } from "../types.ts";

const AuditQuery = Type.Object(
  {
    ...Pagination,
    action: Type.Optional(Type.String({ maxLength: 64 })),
    actor: Type.Optional(Type.String({ maxLength: 64 })),
    entityType: Type.Optional(Type.String({ maxLength: 64 })),
    entityId: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(Type.String({ format: "date-time" })),
    to: Type.Optional(Type.String({ format: "date-time" })),
  },
  { additionalProperties: false },
);

export function auditRoutes(app: App, { database }: RouteDeps): void {
  app.get(
    "/api/audit",
    { schema: { tags: ["audit"], summary: "审计日志（审计管理员）", querystring: AuditQuery } },
    async (request) => {
      assertAllowed(actorOf(request), "audit.read");
      return listAudit(database.db, request.query);
    },
  );
  app.get(
    "/api/audit/verify",
    { schema: { tags: ["audit"], summary: "校验审计日志哈希链" } },
    async (request) => {
      assertAllowed(actorOf(request), "audit.read");
      return verifyAuditChain(database.db);
    },
  );
}
