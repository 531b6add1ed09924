import { verifyAuditChain } from "../../audit/verify-chain.ts";
import { exportAuditLog } from "../../commands/audit-exporter.ts";
import { actorOf } from "../../plugins/auth.ts";
import { listAudit } from "../../queries/audit.ts";
import { buildAuditWorkbook } from "../../spreadsheets/audit-workbook.ts";
import { XLSX_MIME } from "../../spreadsheets/object-workbook.ts";
import type { App, RouteDeps } from "../types.ts";
import { exportAuditSchema, listAuditSchema, verifyAuditSchema } from "./schema.ts";

const attachment = (name: string) =>
  `attachment; filename="audit-log.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

const shanghaiDate = () =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date()).replaceAll("-", "");

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
    return reply
      .type(XLSX_MIME)
      .header("content-disposition", attachment(`审计日志_${shanghaiDate()}.xlsx`))
      .header("cache-control", "no-store")
      .send(await buildAuditWorkbook(items));
  });
  app.get("/api/audit/verify", { config, schema: verifyAuditSchema }, async (_request) => {
    return verifyAuditChain(database.db);
  });
}
