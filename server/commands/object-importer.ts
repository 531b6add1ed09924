import { randomUUID } from "node:crypto";
import { columnOfField, SHEET_COLUMNS, type SheetError, type SheetRow } from "../domain/object-sheet.ts";
import { assertAllowed } from "../policies/allow.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { checkObjectBatch, insertObjects, isDuplicateSite } from "./object-register.ts";

export interface ImportSource {
  fileName: string;
  format: "xlsx" | "csv";
  sha256: string;
}

export type ImportResult =
  | { ok: true; created: number; importId: string; byGrid: { gridName: string; count: number }[] }
  | { ok: false; errors: SheetError[] };

const columnOrder = new Map<string, number>(SHEET_COLUMNS.map((c, i) => [c.header, i]));

/**
 * Imports the rows of one file all-or-nothing: every row is checked (rules, geometry, placement, the
 * caller's scope, duplicates within the file and against the register) before anything is written; one
 * bad row and nothing is imported, and the answer lists every problem with its row and column. A good
 * file is written in one transaction with one audit event per object (so each object's archive starts
 * with its own creation) plus one event for the file itself (who imported what, its SHA-256).
 */
export async function importObjects(
  ctx: CommandContext,
  source: ImportSource,
  rows: readonly SheetRow[],
  sheetErrors: readonly SheetError[],
): Promise<ImportResult> {
  if (ctx.actor) assertAllowed(ctx.actor, "object.manage");
  const inputByRow = new Map(rows.map((r) => [r.row, r.input]));
  const { checked, errors } = await checkObjectBatch(ctx.db, ctx.actor, rows);
  const all: SheetError[] = [
    ...sheetErrors,
    ...errors.map((e) => ({
      row: e.row,
      field: columnOf(e, inputByRow.get(e.row)),
      message: e.message,
    })),
  ];
  if (all.length > 0) return { ok: false, errors: sortErrors(all) };

  const importId = randomUUID();
  try {
    return await ctx.db.transaction(async (tx) => {
      const created = await insertObjects(tx, ctx, checked, {
        action: "object.import",
        extra: { importId, fileName: source.fileName },
      });
      const counts = new Map<string, number>();
      for (const c of checked) counts.set(c.gridName, (counts.get(c.gridName) ?? 0) + 1);
      const byGrid = [...counts].map(([gridName, count]) => ({ gridName, count }));
      await recordAudit(tx, ctx, {
        action: "object.import_file",
        entityType: "object_import",
        entityId: importId,
        actorName: ctx.actor ? undefined : "system",
        after: { ...source, rows: rows.length, created: created.length, byGrid },
      });
      return { ok: true as const, created: created.length, importId, byGrid };
    });
  } catch (error) {
    // Someone registered one of these sites between the check and the write: report it like the check would.
    if (isDuplicateSite(error))
      return {
        ok: false,
        errors: [
          {
            row: 0,
            field: "统一社会信用代码",
            message: "导入期间有相同企业厂址被他人登记，请重新导入以查看具体行",
          },
        ],
      };
    throw error;
  }
}

function columnOf(error: { field: string; message: string }, input: SheetRow["input"] | undefined): string {
  return input ? columnOfField(error, input) : error.field;
}

function sortErrors(errors: SheetError[]): SheetError[] {
  return [...errors].sort(
    (a, b) => a.row - b.row || (columnOrder.get(a.field) ?? 99) - (columnOrder.get(b.field) ?? 99),
  );
}
