import type { PatrolLedgerRow } from "../../api-types/patrols.ts";
import { formatShanghai } from "../domain/shanghai-time.ts";
import { type LedgerColumn, ledgerWorkbook, xlsxBuffer } from "./ledger-sheet.ts";

const COLUMNS: LedgerColumn<PatrolLedgerRow>[] = [
  { header: "编号", width: 8, cell: (r) => r.id },
  { header: "网格", width: 14, cell: (r) => r.gridName },
  { header: "巡查人员", width: 12, cell: (r) => r.memberName },
  { header: "开始时间（北京时间）", width: 20, cell: (r) => formatShanghai(new Date(r.startedAt)) },
  {
    header: "结束时间（北京时间）",
    width: 20,
    cell: (r) => (r.finishedAt ? formatShanghai(new Date(r.finishedAt)) : "进行中"),
  },
  { header: "里程（米）", width: 10, cell: (r) => r.distanceM },
  { header: "轨迹点数", width: 10, cell: (r) => r.pointCount },
  { header: "签到次数", width: 10, cell: (r) => r.checkins },
  { header: "发现问题", width: 10, cell: (r) => r.findings },
  { header: "巡查对象", width: 50, cell: (r) => r.objects },
];

/** 巡查台账 as XLSX: one row per patrol, Beijing times. */
export async function buildPatrolLedger(rows: readonly PatrolLedgerRow[]): Promise<Buffer> {
  return xlsxBuffer(ledgerWorkbook("巡查台账", COLUMNS, rows));
}
