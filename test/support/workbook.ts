import type ExcelJS from "exceljs";

/** Every text cell of every sheet, to look for what must not be there. */
export function allText(wb: ExcelJS.Workbook): string {
  const parts: string[] = [];
  wb.eachSheet((s) =>
    s.eachRow((row) => {
      for (const v of row.values as unknown[]) if (v !== null && v !== undefined) parts.push(String(v));
    }),
  );
  return parts.join("\n");
}
