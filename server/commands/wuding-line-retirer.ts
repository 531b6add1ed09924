import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { staleVersion } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import type { LineTable } from "../queries/wuding.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { checkExistingLine } from "./wuding-targets.ts";

const ENTITY = {
  duty_lines: "duty_line",
  patrol_rules: "patrol_rule",
  reward_penalty_rules: "reward_penalty_rule",
} as const satisfies Record<LineTable, string>;

/**
 * Takes a duty line, patrol rule or reward/penalty rule out of force. Rows are never deleted: patrol plans,
 * evaluations and signed contracts of the past refer to them.
 */
export async function retireWudingLine(
  ctx: CommandContext & { actor: Actor },
  table: LineTable,
  id: number,
  version: number,
) {
  return ctx.db.transaction(async (tx) => {
    await checkExistingLine(tx, ctx.actor, table, id);
    const [row] = await rows<Record<string, unknown>>(
      tx,
      sql`update ${sql.raw(table)} set retired_at = now(), version = version + 1, updated_at = now()
           where id = ${id} and version = ${version} and retired_at is null
          returning *`,
    );
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, {
      action: `${ENTITY[table]}.retire`,
      entityType: ENTITY[table],
      entityId: id,
      before: { ...row, retired_at: null, version },
      after: { retired: true },
    });
    return { id, retired: true };
  });
}
