import { Type } from "@sinclair/typebox";
import { verifyAuditChain } from "../../audit/verify-chain.ts";
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
  const config = { permission: "audit.read" } as const;
  app.get(
    "/api/audit",
    { config, schema: { tags: ["audit"], summary: "审计日志（审计管理员）", querystring: AuditQuery } },
    async (request) => {
      return listAudit(database.db, request.query);
    },
  );
  app.get(
    "/api/audit/verify",
    { config, schema: { tags: ["audit"], summary: "校验审计日志哈希链" } },
    async (_request) => {
      return verifyAuditChain(database.db);
    },
  );
}
