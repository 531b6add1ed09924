import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import type { Disclosure } from "../domain/wuding/terms.ts";
import { staleVersion } from "../errors.ts";
import { gridDisclosure } from "../queries/wuding.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { lockManagedGrid } from "./wuding-targets.ts";

/** 公开公示: which of the grid's 五定 fields the public sees. Version 0 = the defaults, never saved before. */
export async function updateDisclosure(
  ctx: CommandContext,
  gridId: number,
  change: Disclosure & { version: number },
) {
  return ctx.db.transaction(async (tx) => {
    const grid = await lockManagedGrid(tx, ctx.actor, gridId);
    const before = await gridDisclosure(tx, grid.id);
    if (before.version !== change.version) throw staleVersion();
    const { version, ...flags } = change;
    const [row] = await rows<{ version: number }>(
      tx,
      sql`insert into grid_disclosure (grid_id, head_name, head_phone, member_names, member_phones, duties, tasks, rules)
          values (${grid.id}, ${flags.headName}, ${flags.headPhone}, ${flags.memberNames}, ${flags.memberPhones},
                  ${flags.duties}, ${flags.tasks}, ${flags.rules})
          on conflict (grid_id) do update
             set head_name = excluded.head_name, head_phone = excluded.head_phone,
                 member_names = excluded.member_names, member_phones = excluded.member_phones,
                 duties = excluded.duties, tasks = excluded.tasks, rules = excluded.rules,
                 version = grid_disclosure.version + 1, updated_at = now()
          returning version`,
    );
    await recordAudit(tx, ctx, {
      action: "disclosure.update",
      entityType: "grid_disclosure",
      entityId: grid.id,
      actorName: ctx.actor ? undefined : "system",
      before,
      after: { ...flags, version: row.version },
    });
    return { ...flags, version: row.version };
  });
}
