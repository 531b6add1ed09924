import { sql } from "drizzle-orm";
import { recordAudit } from "../commands/audit-recorder.ts";
import {
  caseStakeholders,
  departmentHeads,
  insertNotifications,
  type NewNotification,
  usersWithRole,
  whoMustAct,
} from "../commands/case-notifier.ts";
import { reattachCasesLeftBehind } from "../commands/grid-mover.ts";
import { FIELD_SCOPE_PATTERNS } from "../commands/idempotency.ts";
import { type Db, rows } from "../db/client.ts";
import { shanghaiDate } from "../domain/calendar/work-calendar.ts";
import {
  escalationTargets,
  responsibleUnit,
  SECOND_ESCALATION_AFTER_WORKING_DAYS,
} from "../domain/cases/supervision.ts";
import type { NotificationMessageCode } from "../domain/notification-messages.ts";
import { CASE_COLUMNS, type CaseRow, rowToState } from "../queries/case-row.ts";
import { loadCaseRules } from "../queries/work-calendar.ts";

/** One lock id per job; only one app instance sweeps at a time, the others skip the round. */
const SWEEP_LOCK = 727200;
const BATCH = 500;
/**
 * How long an Idempotency-Key answers a resend. What the field app records (a report and its photos, a
 * patrol's start, check-ins and finish) waits in the phone's outbox while it is offline, and a lost answer is
 * resent with the same key when it is back: its key must outlive any realistic time out of coverage, or the
 * resend would write twice. The desk's keys (transitions, creations) only guard against a double tap and a
 * retry.
 */
const IDEMPOTENCY_KEEP_DAYS = { field: 90, desk: 7 } as const;
const FIELD_SCOPES = sql`(${sql.join(
  FIELD_SCOPE_PATTERNS.map((pattern) => sql`scope like ${pattern}`),
  sql` or `,
)})`;

export interface SweepResult {
  escalated: number;
  escalatedToLeaders: number;
  notifications: number;
  digests: number;
  prunedKeys: number;
  /** Cases filed into a grid while it moved, brought under its new path (grid-mover.ts). */
  casesReattached: number;
}

/**
 * 督查督办 sweep: overdue cases are escalated one level above whoever owes the step (once per deadline), and
 * again to the district leaders when still overdue after five more working days; the people who must act
 * are reminded; the district office gets its daily 定期督办 digest. Runs in one transaction under an advisory
 * lock, so concurrent app instances never escalate twice.
 */
export async function runDeadlineSweep(db: Db, now: Date): Promise<SweepResult | null> {
  return db.transaction(async (tx) => {
    const [lock] = await rows<{ ok: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as ok`,
    );
    if (!lock.ok) return null;
    const { calendar } = await loadCaseRules(tx);
    const nowP = sql`${now.toISOString()}::timestamptz`;

    const first = await rows<CaseRow>(
      tx,
      sql`select ${CASE_COLUMNS} from cases c
           where c.deadline_due_at < ${nowP} and c.escalated_due_at is distinct from c.deadline_due_at
           order by c.deadline_due_at, c.id limit ${BATCH}`,
    );
    const second = (
      await rows<CaseRow>(
        tx,
        sql`select ${CASE_COLUMNS} from cases c
             where c.deadline_due_at < ${nowP} and c.escalation_level = 1 and c.escalated_due_at = c.deadline_due_at
             order by c.deadline_due_at, c.id limit ${BATCH}`,
      )
    ).filter(
      (c) =>
        calendar.workingDaysBetween(new Date(c.deadlineDueAt as string), now) >=
        SECOND_ESCALATION_AFTER_WORKING_DAYS,
    );

    const notes: NewNotification[] = [];
    const escalatedIds: number[] = [];
    for (const [level, batch] of [
      [1, first],
      [2, second],
    ] as const) {
      for (const c of batch) {
        const state = rowToState(c);
        const unit = responsibleUnit(state.stage, state.handlerKind, state.pendingExtension !== null);
        const roles = escalationTargets(unit, level);
        const stakeholders = await caseStakeholders(tx, {
          gridPath: c.gridPath,
          departmentIds: c.assignedDepartmentId ? [c.assignedDepartmentId] : [],
        });
        const targets = new Set([
          ...usersWithRole(
            stakeholders,
            roles.filter((r) => r !== "department_head"),
          ),
          ...(roles.includes("department_head") ? departmentHeads(stakeholders, c.assignedDepartmentId) : []),
        ]);
        const overdue = {
          trackingNo: c.trackingNo,
          title: c.title,
          stage: c.stage,
          phase: c.deadlinePhase,
          dueAt: c.deadlineDueAt,
        };
        if (level === 1)
          for (const w of whoMustAct(state, c.gridPath, stakeholders))
            notes.push({
              userId: w.userId,
              caseId: c.id,
              kind: "overdue",
              message: { code: "case_overdue", params: { ...overdue, actions: w.actions } },
            });
        for (const userId of targets)
          notes.push({
            userId,
            caseId: c.id,
            kind: "escalation",
            message:
              level === 2
                ? {
                    code: "case_escalated_again",
                    params: { ...overdue, workingDays: SECOND_ESCALATION_AFTER_WORKING_DAYS },
                  }
                : { code: "case_escalated", params: overdue },
          });
        await tx.execute(
          sql`insert into case_events (case_id, kind, actor_id, at, version, data)
              values (${c.id}, 'escalated', null, ${nowP}, ${c.version},
                      ${JSON.stringify({ level, unit, phase: c.deadlinePhase, dueAt: c.deadlineDueAt, roles, actorLabel: "督查督办（系统）", actorKind: "system" })}::jsonb)`,
        );
        await tx.execute(
          sql`update cases set escalation_level = ${level}, escalated_due_at = deadline_due_at where id = ${c.id}`,
        );
        escalatedIds.push(c.id);
      }
    }

    const digests = await dailyDigest(tx, now, notes);
    await insertNotifications(tx, notes);
    const pruned = await rows<{ n: number }>(
      tx,
      sql`with d as (delete from idempotency_keys
                      where created_at < ${nowP} - ${`${IDEMPOTENCY_KEEP_DAYS.desk} days`}::interval
                        and (not ${FIELD_SCOPES}
                             or created_at < ${nowP} - ${`${IDEMPOTENCY_KEEP_DAYS.field} days`}::interval)
                     returning 1) select count(*)::int as n from d`,
    );
    const casesReattached = await reattachCasesLeftBehind(tx);
    // The dashboard's KPI rollups absorb the case changes since the last round (migrations 0009, 0020).
    await tx.execute(sql`select case_kpi_fold(), department_kpi_fold()`);
    const result: SweepResult = {
      escalated: first.length,
      escalatedToLeaders: second.length,
      notifications: notes.length,
      digests,
      prunedKeys: pruned[0]?.n ?? 0,
      casesReattached,
    };
    if (escalatedIds.length > 0)
      await recordAudit(
        tx,
        { actor: null, ip: null },
        {
          action: "case.escalate",
          entityType: "case",
          actorName: "system",
          after: {
            caseIds: escalatedIds,
            levelOne: first.length,
            levelTwo: second.length,
            at: now.toISOString(),
          },
        },
      );
    return result;
  });
}

const DIGEST = "daily_digest" satisfies NotificationMessageCode;

/**
 * 一般事项定期督办: once per Shanghai day the district office gets one message counting the normal-priority
 * cases that are overdue or due within three days (urgent and important ones were alerted individually).
 * "Already sent today" is the message code and its day, not the wording of the stored title; a digest stored
 * before messages had codes (migration 0021) is still recognised by the day in its title.
 */
async function dailyDigest(tx: Db, now: Date, notes: NewNotification[]): Promise<number> {
  const day = shanghaiDate(now);
  const recipients = await rows<{ id: number }>(
    tx,
    sql`select distinct ur.user_id as id from user_roles ur join users u on u.id = ur.user_id
         where ur.role = 'district_office' and u.disabled_at is null
           and not exists (select 1 from notifications n where n.user_id = ur.user_id and n.kind = 'digest'
                            and (n.message = ${DIGEST} and n.params->>'day' = ${day}
                                 or n.message is null and n.title like ${`%${day}%`}))`,
  );
  if (recipients.length === 0) return 0;
  const [counts] = await rows<{ overdue: number; soon: number; open: number }>(
    tx,
    sql`select count(*) filter (where deadline_due_at < ${now.toISOString()}::timestamptz)::int as overdue,
               count(*) filter (where deadline_due_at >= ${now.toISOString()}::timestamptz
                                  and deadline_due_at < ${now.toISOString()}::timestamptz + interval '3 days')::int as soon,
               count(*)::int as open
          from cases where priority = 'normal' and deadline_due_at is not null`,
  );
  for (const r of recipients)
    notes.push({
      userId: r.id,
      caseId: null,
      kind: "digest",
      message: { code: DIGEST, params: { day, ...counts } },
    });
  return recipients.length;
}

/**
 * Runs the sweep every few minutes, the first time shortly after start (not at once: on the embedded engine's
 * single connection it would hold up the first requests); returns a stop function for shutdown.
 */
export function scheduleDeadlineSweep(
  db: Db,
  minutes: number,
  log: (line: string) => void,
  firstRunAfterMs = 60_000,
): () => void {
  const run = () =>
    runDeadlineSweep(db, new Date()).then(
      (r) => {
        if (r && (r.escalated > 0 || r.escalatedToLeaders > 0))
          log(
            `deadline sweep: ${r.escalated} escalated, ${r.escalatedToLeaders} to leaders, ${r.notifications} notifications`,
          );
      },
      (error: Error) => log(`deadline sweep failed: ${error.message}`),
    );
  const first = setTimeout(run, Math.min(firstRunAfterMs, minutes * 60_000));
  first.unref();
  const timer = setInterval(run, minutes * 60_000);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
