import ExcelJS from "exceljs";
import type { PatrolLedgerRow } from "../../api-types/patrols.ts";
import { formatShanghai } from "../errors.ts";

/** 巡查台账 as XLSX: one row per patrol, Beijing times. */
export async function buildPatrolLedger(rows: readonly PatrolLedgerRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "envgrid";
  const sheet = workbook.addWorksheet("巡查台账");
  sheet.columns = [
    { header: "编号", key: "id", width: 8 },
    { header: "网格", key: "grid", width: 14 },
    { header: "巡查人员", key: "member", width: 12 },
    { header: "开始时间（北京时间）", key: "start", width: 20 },
    { header: "结束时间（北京时间）", key: "end", width: 20 },
    { header: "里程（米）", key: "distance", width: 10 },
    { header: "轨迹点数", key: "points", width: 10 },
    { header: "签到次数", key: "checkins", width: 10 },
    { header: "发现问题", key: "findings", width: 10 },
    { header: "巡查对象", key: "objects", width: 50 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow({
      id: r.id,
      grid: r.gridName,
      member: r.memberName,
      start: formatShanghai(new Date(r.startedAt)),
      end: r.finishedAt ? formatShanghai(new Date(r.finishedAt)) : "进行中",
      distance: r.distanceM,
      points: r.pointCount,
      checkins: r.checkins,
      findings: r.findings,
      objects: r.objects,
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 10 } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
