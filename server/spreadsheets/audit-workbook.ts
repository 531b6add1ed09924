import ExcelJS from "exceljs";
import { auditActionLabel, auditEntityLabel } from "../domain/audit-actions.ts";
import type { AuditRow } from "../queries/audit.ts";

// to the second: an audit trail orders events that happen within one minute
const SHANGHAI_SECONDS = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

// A cell holds at most 32,767 characters (Excel's limit); a longer before/after is cut with a mark.
const CELL_MAX = 32_000;
const json = (value: unknown) => {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > CELL_MAX ? `${text.slice(0, CELL_MAX)}…（已截断）` : text;
};

/** 审计日志 as XLSX: one row per event, Beijing times, actions and objects named in words, codes kept beside. */
export async function buildAuditWorkbook(rows: readonly AuditRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "envgrid";
  const sheet = workbook.addWorksheet("审计日志");
  sheet.columns = [
    { header: "编号", key: "id", width: 9 },
    { header: "时间（北京时间）", key: "at", width: 20 },
    { header: "操作人", key: "actor", width: 14 },
    { header: "操作", key: "action", width: 18 },
    { header: "操作代码", key: "code", width: 24 },
    { header: "对象类型", key: "entityType", width: 12 },
    { header: "对象编号", key: "entityId", width: 10 },
    { header: "IP 地址", key: "ip", width: 16 },
    { header: "变更前", key: "before", width: 40 },
    { header: "变更后", key: "after", width: 40 },
    { header: "哈希", key: "hash", width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow({
      id: r.id,
      at: SHANGHAI_SECONDS.format(new Date(r.at)),
      actor: r.actorName ?? (r.actorId === null ? "" : `#${r.actorId}`),
      action: auditActionLabel(r.action),
      code: r.action,
      entityType: r.entityType ? auditEntityLabel(r.entityType) : "",
      entityId: r.entityId ?? "",
      ip: r.ip ?? "",
      before: json(r.before),
      after: json(r.after),
      hash: r.hash,
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 11 } };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
