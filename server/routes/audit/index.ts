import { verifyAuditChain } from "../../audit/verify-chain.ts";
import { exportAuditLog } from "../../commands/audit-exporter.ts";
import { actorOf } from "../../plugins/auth.ts";
import { listAudit } from "../../queries/audit.ts";
import { buildAuditWorkbook } from "../../spreadsheets/audit-workbook.ts";
import type { App, RouteDeps } from "../types.ts";
import { fileDay, sendWorkbook } from "../workbook-download.ts";
import { exportAuditSchema, listAuditSchema, verifyAuditSchema } from "./schema.ts";

// 三员: only the audit administrator (`audit.read`) reads, verifies or exports the audit trail.
export function auditRoutes(app: App, { database }: RouteDeps): void {
  const config = { permission: "audit.read" } as const;
  app.get("/api/audit", { config, schema: listAuditSchema }, async (request) => {
    return listAudit(database.db, request.query);
  });
  app.get("/api/audit/export.xlsx", { config, schema: exportAuditSchema }, async (request, reply) => {
    const items = await exportAuditLog(
      { db: database.db, actor: actorOf(request), ip: request.ip },
      request.query,
    );
    const day = fileDay();
    return sendWorkbook(reply, await buildAuditWorkbook(items), {
      zh: `审计日志_${day}.xlsx`,
      ascii: `audit-log-${day}.xlsx`,
    });
  });
  app.get("/api/audit/verify", { config, schema: verifyAuditSchema }, async (_request) => {
    return verifyAuditChain(database.db);
  });
}
