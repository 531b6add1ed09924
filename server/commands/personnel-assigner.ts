import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import { isCalendarDate, todayInShanghai } from "../domain/wuding/dates.ts";
import type { DutyRole } from "../domain/wuding/terms.ts";
import { badRequest, conflict } from "../errors.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";
import { lockManagedGrid } from "./wuding-targets.ts";

export interface PersonnelTerm {
  dutyRole: DutyRole;
  phone?: string | null;
  startsOn?: string;
  endsOn?: string | null;
}

export interface NewAssignment extends PersonnelTerm {
  gridId: number;
  userId: number;
}

/** Dates exist and the term does not end before it starts; the start defaults to today (Beijing time). */
export function checkTerm(term: PersonnelTerm): { startsOn: string; endsOn: string | null } {
  const startsOn = term.startsOn ?? todayInShanghai();
  const endsOn = term.endsOn ?? null;
  if (!isCalendarDate(startsOn) || (endsOn !== null && !isCalendarDate(endsOn))) {
    throw badRequest("invalid_date", "日期无效，请使用 YYYY-MM-DD 格式", "Invalid date; use YYYY-MM-DD");
  }
  if (endsOn !== null && endsOn < startsOn) {
    throw badRequest(
      "term_ends_before_start",
      "任职结束日期不能早于开始日期",
      "The term ends before it starts",
    );
  }
  return { startsOn, endsOn };
}

/**
 * A grid has one head at a time, and a person holds one post per grid at a time: a term overlapping another
 * such term is refused (the caller holds the grid's row lock, so two managers cannot both slip one in).
 */
export async function checkNoOverlap(
  tx: Db,
  input: { gridId: number; userId: number; dutyRole: DutyRole; startsOn: string; endsOn: string | null },
  exceptId: number | null,
): Promise<void> {
  const overlapping = await rows<{ userId: number; dutyRole: string }>(
    tx,
    sql`select user_id as "userId", duty_role as "dutyRole" from grid_personnel
         where grid_id = ${input.gridId} and removed_at is null and id <> ${exceptId ?? 0}
           and (user_id = ${input.userId} or (${input.dutyRole} = 'head' and duty_role = 'head'))
           and daterange(starts_on, ends_on, '[]') && daterange(${input.startsOn}::date, ${input.endsOn}::date, '[]')`,
  );
  if (overlapping.some((o) => o.userId === input.userId)) {
    throw conflict("此人在该网格的任职期间与已有任职重叠", "This person already serves in this grid then");
  }
  if (overlapping.length > 0) {
    throw conflict(
      "该网格在此期间已有网格长，请先结束现任网格长的任职",
      "The grid already has a head for that period; end the current head's term first",
    );
  }
}

/** An enabled account that may carry a business duty: not one of the three administrators, not public-only. */
export async function checkAssignable(tx: Db, userId: number) {
  const [person] = await rows<{ id: number; displayName: string; assignable: boolean }>(
    tx,
    sql`select u.id, u.display_name as "displayName",
               (u.disabled_at is null
                and not exists (select 1 from user_roles r where r.user_id = u.id
                                 and r.role in ('sys_admin', 'sec_admin', 'audit_admin'))
                and exists (select 1 from user_roles r where r.user_id = u.id and r.role <> 'public')) as assignable
          from users u where u.id = ${userId}`,
  );
  if (!person?.assignable) {
    throw badRequest(
      "person_not_assignable",
      "该账户不存在、已停用或不能承担网格职责（系统管理员、安全管理员、审计管理员及公众账户除外）",
      "That account does not exist, is disabled, or cannot hold a grid duty",
    );
  }
  return person;
}

/** 定人员: puts a person on a grid as its head or a member, for a term. */
export async function assignPersonnel(ctx: CommandContext, input: NewAssignment) {
  const { startsOn, endsOn } = checkTerm(input);
  return ctx.db.transaction(async (tx) => {
    const grid = await lockManagedGrid(tx, ctx.actor, input.gridId);
    const person = await checkAssignable(tx, input.userId);
    await checkNoOverlap(tx, { ...input, gridId: grid.id, startsOn, endsOn }, null);
    const [row] = await rows<{ id: number; version: number }>(
      tx,
      sql`insert into grid_personnel (grid_id, user_id, duty_role, phone, starts_on, ends_on)
          values (${grid.id}, ${input.userId}, ${input.dutyRole}, ${input.phone || null}, ${startsOn}, ${endsOn})
          returning id, version`,
    );
    await recordAudit(tx, ctx, {
      action: "personnel.assign",
      entityType: "grid_personnel",
      entityId: row.id,
      actorName: ctx.actor ? undefined : "system",
      after: {
        gridId: grid.id,
        gridName: grid.name,
        userId: person.id,
        displayName: person.displayName,
        dutyRole: input.dutyRole,
        phone: input.phone || null,
        startsOn,
        endsOn,
      },
    });
    return { id: row.id, version: row.version };
  });
}
