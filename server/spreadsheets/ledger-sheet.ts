import ExcelJS from "exceljs";

/** One column of a ledger sheet: its header, its width, and the cell it shows for a record. */
export interface LedgerColumn<R> {
  header: string;
  width: number;
  cell: (record: R) => string | number;
}

/**
 * A workbook whose first sheet is a ledger (台账): a bold, frozen header row with filters, then one row per
 * record. A caller may add sheets (what was exported, and how) before `xlsxBuffer`.
 */
export function ledgerWorkbook<R>(
  sheetName: string,
  columns: readonly LedgerColumn<R>[],
  records: readonly R[],
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "envgrid";
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) sheet.addRow(columns.map((c) => c.cell(record)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return workbook;
}

export async function xlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
