import type { AuditEntry } from "../../api-types/audit.ts";
import { auditActionLabel, auditEntityLabel } from "../domain/audit-actions.ts";
import { formatShanghaiSeconds } from "../domain/shanghai-time.ts";
import { type LedgerColumn, ledgerWorkbook, xlsxBuffer } from "./ledger-sheet.ts";

// A cell holds at most 32,767 characters (Excel's limit); a longer before/after is cut with a mark.
const CELL_MAX = 32_000;
const json = (value: unknown) => {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > CELL_MAX ? `${text.slice(0, CELL_MAX)}…（已截断）` : text;
};

const COLUMNS: LedgerColumn<AuditEntry>[] = [
  { header: "编号", width: 9, cell: (r) => r.id },
  { header: "时间（北京时间）", width: 20, cell: (r) => formatShanghaiSeconds(new Date(r.at)) },
  { header: "操作人", width: 14, cell: (r) => r.actorName ?? (r.actorId === null ? "" : `#${r.actorId}`) },
  { header: "操作", width: 18, cell: (r) => auditActionLabel(r.action) },
  { header: "操作代码", width: 24, cell: (r) => r.action },
  { header: "对象类型", width: 12, cell: (r) => (r.entityType ? auditEntityLabel(r.entityType) : "") },
  { header: "对象编号", width: 10, cell: (r) => r.entityId ?? "" },
  { header: "IP 地址", width: 16, cell: (r) => r.ip ?? "" },
  { header: "变更前", width: 40, cell: (r) => json(r.before) },
  { header: "变更后", width: 40, cell: (r) => json(r.after) },
  { header: "哈希", width: 20, cell: (r) => r.hash },
];

/** 审计日志 as XLSX: one row per event, Beijing times, actions and objects named in words, codes kept beside. */
export async function buildAuditWorkbook(rows: readonly AuditEntry[]): Promise<Buffer> {
  return xlsxBuffer(ledgerWorkbook("审计日志", COLUMNS, rows));
}
