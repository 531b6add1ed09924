import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import type { CaseRules } from "../domain/cases/case-state.ts";
import { insertNotifications } from "./case-notifier.ts";

/**
 * A deadline was counted into a year whose holiday notice is not loaded (Mon–Fri was assumed): the case's
 * timeline says so, and the system administrators are told — once a day, not once per case — to load the
 * next year's calendar.
 */
export async function warnCalendarExhausted(
  tx: Db,
  e: { caseId: number; at: Date; dueAt: Date; rules: CaseRules; version: number },
): Promise<void> {
  const lastLoadedYear = e.rules.calendar.lastLoadedYear;
  await tx.execute(
    sql`insert into case_events (case_id, kind, actor_id, at, version, data)
        values (${e.caseId}, 'calendar_exhausted', null, ${e.at.toISOString()}::timestamptz, ${e.version},
                ${JSON.stringify({ dueAt: e.dueAt.toISOString(), lastLoadedYear })}::jsonb)`,
  );
  const admins = await rows<{ id: number }>(
    tx,
    sql`select distinct ur.user_id as id from user_roles ur join users u on u.id = ur.user_id
         where ur.role = 'sys_admin' and u.disabled_at is null
           and not exists (select 1 from notifications n where n.user_id = ur.user_id
                            and n.kind = 'calendar_exhausted' and n.created_at > now() - interval '1 day')`,
  );
  await insertNotifications(
    tx,
    admins.map((a) => ({
      userId: a.id,
      caseId: null,
      kind: "calendar_exhausted" as const,
      message: {
        code: "calendar_exhausted" as const,
        params: {
          year: (lastLoadedYear ?? new Date().getUTCFullYear()) + 1,
          dueAt: e.dueAt.toISOString(),
          lastLoadedYear,
        },
      },
    })),
  );
}
