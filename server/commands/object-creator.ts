import type { ObjectInput } from "../domain/supervised-object.ts";
import { assertAllowed } from "../policies/allow.ts";
import type { CommandContext } from "./context.ts";
import {
  checkObjectBatch,
  duplicateSite,
  insertObjects,
  invalidObject,
  isDuplicateSite,
  type RowFieldError,
} from "./object-register.ts";

/**
 * Registers one supervised object. It is placed in the grid holding its location; a location outside every
 * grid, or (for a township officer) outside the officer's subtree, is refused with 422, as is a broken rule.
 */
export async function createObject(ctx: CommandContext, input: ObjectInput) {
  if (ctx.actor) assertAllowed(ctx.actor, "object.manage");
  try {
    return await ctx.db.transaction(async (tx) => {
      const { checked, errors } = await checkObjectBatch(tx, ctx.actor, [{ row: 1, input }]);
      if (errors.length > 0) throw invalidObject(errors.map(({ row: _row, ...e }) => e));
      const [created] = await insertObjects(tx, ctx, checked, { action: "object.create" });
      return { id: created.id, gridId: created.gridId, gridName: checked[0].gridName };
    });
  } catch (error) {
    if (isDuplicateSite(error)) throw duplicateSite();
    throw error;
  }
}

/**
 * Registers many objects at once, all or none (the demo seed; the spreadsheet import has its own command
 * with file-level reporting). Problems come back with the index of the input (1-based) as `row`.
 */
export async function createObjects(
  ctx: CommandContext,
  inputs: readonly ObjectInput[],
): Promise<{ ok: true; ids: number[] } | { ok: false; errors: RowFieldError[] }> {
  if (ctx.actor) assertAllowed(ctx.actor, "object.manage");
  return ctx.db.transaction(async (tx) => {
    const { checked, errors } = await checkObjectBatch(
      tx,
      ctx.actor,
      inputs.map((input, i) => ({ row: i + 1, input })),
    );
    if (errors.length > 0) return { ok: false as const, errors };
    const created = await insertObjects(tx, ctx, checked, { action: "object.create" });
    return { ok: true as const, ids: created.map((c) => c.id) };
  });
}
