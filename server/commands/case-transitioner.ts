import { sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import type { CaseAction } from "../domain/cases/case-actions.ts";
import type { RefusalCode } from "../domain/cases/case-machine.ts";
import { type CaseCommand, decide } from "../domain/cases/case-machine.ts";
import { REFUSALS } from "../domain/cases/case-refusals.ts";
import { type CaseState, isTerminal } from "../domain/cases/case-state.ts";
import type { NotificationMessage } from "../domain/notification-messages.ts";
import { AppError, forbidden } from "../errors.ts";
import { caseActorFacts } from "../policies/case-access.ts";
import { gridDutyHolders } from "../queries/assignment-in-force-sql.ts";
import { type CaseRow, intArrayParam, rowToState, stateAssignments } from "../queries/case-row.ts";
import { loadVisibleCase } from "../queries/cases.ts";
import { pathGridIds } from "../queries/grid-ancestry.ts";
import { loadCaseRules } from "../queries/work-calendar.ts";
import { recordAudit } from "./audit-recorder.ts";
import { warnCalendarExhausted } from "./calendar-warning.ts";
import {
  caseStakeholders,
  districtOffice,
  insertNotifications,
  type NewNotification,
  whoMustAct,
} from "./case-notifier.ts";
import type { CommandContext } from "./context.ts";

/** A transition as the API receives it: the action, the version the client saw, and the action's fields. */
export interface TransitionInput {
  action: CaseAction;
  version: number;
  reason?: string;
  note?: string;
  summary?: string;
  targetCaseId?: number;
  departmentId?: number;
  handlingDays?: number;
  leadDepartmentId?: number;
  participantDepartmentIds?: number[];
  days?: number;
  result?: string;
  evidenceIds?: number[];
  assigneeId?: number;
  passed?: boolean;
}

/** The fields each action reads; anything else the client sent is not passed on or recorded. */
const FIELDS: Record<CaseAction, (keyof TransitionInput)[]> = {
  accept: [],
  reject: ["reason"],
  merge_into: ["targetCaseId"],
  register: [],
  handle_locally: [],
  transfer: ["departmentId", "handlingDays"],
  accept_transfer: [],
  return_transfer: ["reason"],
  organize_joint: ["leadDepartmentId", "participantDepartmentIds"],
  arrive_on_site: [],
  request_extension: ["days", "reason"],
  approve_extension: [],
  deny_extension: ["reason"],
  record_handling: ["result", "summary", "evidenceIds"],
  give_feedback: ["summary"],
  reply_to_reporter: ["summary"],
  inform_lower_grid: [],
  request_verification: ["assigneeId"],
  record_verification: ["passed", "note", "evidenceIds"],
  close: [],
  disclose: ["summary"],
};

const ID_FIELDS = new Set(["targetCaseId", "departmentId", "leadDepartmentId", "assigneeId"]);
const ID_LIST_FIELDS = new Set(["participantDepartmentIds", "evidenceIds"]);

/** The domain's command: ids become strings, as the machine keeps them. */
function toDomainCommand(input: TransitionInput): { command: CaseCommand; payload: Record<string, unknown> } {
  const payload: Record<string, unknown> = {};
  const command: Record<string, unknown> = { action: input.action, version: input.version };
  for (const field of FIELDS[input.action] ?? []) {
    const value = input[field];
    if (value === undefined) continue;
    payload[field] = value;
    if (ID_FIELDS.has(field)) command[field] = String(value);
    else if (ID_LIST_FIELDS.has(field)) command[field] = (value as number[]).map(String);
    else command[field] = value;
  }
  if (input.note !== undefined && !("note" in payload)) payload.note = input.note;
  return { command: command as unknown as CaseCommand, payload };
}

export function refusalError(code: RefusalCode): AppError {
  const r = REFUSALS[code];
  return new AppError(code, r.status, r.zh, r.en);
}

const invalid = (code: RefusalCode | string, zh: string, en: string) => new AppError(code, 422, zh, en);

/** Checks the references a payload makes (departments, cases, users, files); returns names for the timeline. */
async function checkReferences(
  tx: Db,
  ctx: CommandContext,
  row: CaseRow,
  input: TransitionInput,
): Promise<Record<string, unknown>> {
  const departments = async (ids: number[]) =>
    rows<{ id: number; name: string }>(
      tx,
      sql`select id, name from departments where kind = 'department' and id = any(${intArrayParam(ids)})`,
    );
  switch (input.action) {
    case "transfer": {
      const [d] = await departments([input.departmentId ?? 0]);
      if (!d) throw refusalError("invalid_target");
      return { departmentName: d.name };
    }
    case "organize_joint": {
      const ids = [input.leadDepartmentId ?? 0, ...(input.participantDepartmentIds ?? [])];
      const found = await departments(ids);
      if (found.length !== new Set(ids).size) throw refusalError("invalid_departments");
      const name = (id: number) => found.find((d) => d.id === id)?.name;
      return {
        leadDepartmentName: name(ids[0]),
        participantDepartmentNames: ids.slice(1).map(name),
      };
    }
    case "merge_into": {
      if (!ctx.actor) throw forbidden();
      const target = await loadVisibleCase(tx, ctx.actor, input.targetCaseId ?? 0).catch(() => null);
      if (!target || target.id === row.id || target.stage === "rejected" || target.stage === "merged")
        throw invalid(
          "invalid_target",
          "合并目标案件不存在、不可见或已终结",
          "No such live case to merge into",
        );
      return { targetTrackingNo: target.trackingNo };
    }
    case "request_verification": {
      const [assignee] = await rows<{ id: number; displayName: string }>(
        tx,
        sql`select u.id, u.display_name as "displayName" from users u
              join (${gridDutyHolders(pathGridIds(sql`${row.gridPath}`))}) d on d.user_id = u.id
             where u.id = ${input.assigneeId ?? 0} and u.disabled_at is null
             limit 1`,
      );
      if (!assignee)
        throw invalid(
          "invalid_assignee",
          "核查人须为本网格的网格员或网格长",
          "The re-check goes to a member of the case's grid",
        );
      if (row.handledBy === assignee.id) throw refusalError("self_verification");
      return { assigneeName: assignee.displayName };
    }
    case "record_handling":
    case "record_verification": {
      const ids = input.evidenceIds ?? [];
      if (ids.length === 0) return {};
      const found = await rows<{ id: number }>(
        tx,
        sql`select id from case_evidence where case_id = ${row.id} and event_id is null and id = any(${intArrayParam(ids)})`,
      );
      if (found.length !== new Set(ids).size)
        throw invalid(
          "invalid_evidence",
          "所附材料不属于本案件或已被使用",
          "Evidence must be unused files of this case",
        );
      return {};
    }
    default:
      return {};
  }
}

/**
 * One transition of the case loop: load in scope (404 otherwise), let the machine decide (version first),
 * check what the payload refers to, then `update … where version = ?` — a concurrent winner leaves no row,
 * so the loser gets 409 and nothing changes. Timeline event, evidence links, notifications and the audit
 * event go in the same transaction.
 */
export async function transitionCase(
  ctx: CommandContext,
  caseId: number,
  input: TransitionInput,
  now: Date,
): Promise<{ id: number; version: number }> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await loadVisibleCase(tx, actor, caseId);
    const state = rowToState(row);
    const rules = await loadCaseRules(tx);
    const { command, payload } = toDomainCommand(input);
    const decision = decide(state, command, caseActorFacts(actor, row), now, rules);
    if (!decision.ok) throw refusalError(decision.reason);
    const names = await checkReferences(tx, ctx, row, input);
    const next = decision.next;

    const involved = [
      ...new Set([
        ...row.involvedDepartmentIds,
        ...(next.assignedDepartmentId ? [Number(next.assignedDepartmentId)] : []),
        ...next.participantDepartmentIds.map(Number),
      ]),
    ];
    const deadlineMoved = (next.deadline?.dueAt.toISOString() ?? null) !== row.deadlineDueAt;
    const updated = await rows<{ id: number }>(
      tx,
      sql`update cases set ${stateAssignments(next)},
             involved_department_ids = ${intArrayParam(involved)},
             disclosure_summary = ${input.action === "disclose" ? (input.summary ?? null) : row.disclosureSummary},
             escalation_level = ${deadlineMoved ? 0 : row.escalationLevel},
             escalated_due_at = ${deadlineMoved ? null : row.escalatedDueAt}::timestamptz,
             updated_at = now()
           where id = ${caseId} and version = ${state.version}
           returning id`,
    );
    if (updated.length === 0) throw refusalError("stale_version");

    let eventId = 0;
    for (const event of decision.events) {
      if (event.type === "transition") {
        const [inserted] = await rows<{ id: number }>(
          tx,
          sql`insert into case_events (case_id, kind, action, from_stage, to_stage, actor_id, at, version, data)
              values (${caseId}, 'transition', ${event.action}, ${event.from}, ${event.to}, ${actor.userId},
                      ${event.at.toISOString()}::timestamptz, ${next.version},
                      ${JSON.stringify({ ...payload, ...names })}::jsonb)
              returning id::int as id`,
        );
        eventId = inserted.id;
      } else {
        await warnCalendarExhausted(tx, {
          caseId,
          at: event.at,
          dueAt: event.dueAt,
          rules,
          version: next.version,
        });
      }
    }
    if ((input.evidenceIds ?? []).length > 0)
      await tx.execute(
        sql`update case_evidence set event_id = ${eventId}
             where case_id = ${caseId} and id = any(${intArrayParam(input.evidenceIds ?? [])})`,
      );

    await notifyAfterTransition(tx, row, state, next, input.action, actor.userId);
    await recordAudit(tx, ctx, {
      action: `case.${input.action}`,
      entityType: "case",
      entityId: caseId,
      before: { stage: state.stage, version: state.version },
      after: { stage: next.stage, version: next.version, ...payload },
    });
    return { id: caseId, version: next.version };
  });
}

async function notifyAfterTransition(
  tx: Db,
  row: CaseRow,
  before: CaseState,
  next: CaseState,
  action: CaseAction,
  actorId: number,
): Promise<void> {
  const departmentIds = [
    ...(next.assignedDepartmentId ? [Number(next.assignedDepartmentId)] : []),
    ...next.participantDepartmentIds.map(Number),
  ];
  const stakeholders = await caseStakeholders(tx, { gridPath: row.gridPath, departmentIds });
  const about = { trackingNo: row.trackingNo, title: row.title };
  const dueAt = next.deadline?.dueAt.toISOString() ?? null;
  const notes: NewNotification[] = [];
  if (!isTerminal(next.stage))
    for (const w of whoMustAct(next, row.gridPath, stakeholders))
      if (w.userId !== actorId)
        notes.push({
          userId: w.userId,
          caseId: row.id,
          kind: "action_required",
          message: {
            code: "case_action_required",
            params: { ...about, stage: next.stage, actions: w.actions, dueAt },
          },
        });
  const stageChanged = next.stage !== before.stage;
  // 全程督办 / 迅速督办: the district office follows every stage of important and urgent cases;
  // 立案 is reported to level 1 for every case (plan §三(五)2)
  if (stageChanged && (row.priority !== "normal" || action === "register")) {
    const change = { ...about, action, fromStage: before.stage, toStage: next.stage, dueAt };
    const message: NotificationMessage =
      row.priority === "normal"
        ? { code: "case_registered", params: change }
        : { code: "case_stage_supervised", params: { ...change, priority: row.priority } };
    for (const userId of districtOffice(stakeholders))
      if (userId !== actorId)
        notes.push({
          userId,
          caseId: row.id,
          kind: row.priority === "urgent" ? "urgent_alert" : "stage_update",
          message,
        });
  }
  // the filer hears how it ended (a resident through their own account, never by name to anyone else)
  if (
    row.createdBy !== null &&
    row.createdBy !== actorId &&
    (next.stage === "rejected" ||
      next.stage === "closed" ||
      next.stage === "merged" ||
      action === "reply_to_reporter")
  )
    notes.push({
      userId: row.createdBy,
      caseId: row.id,
      kind: "stage_update",
      message:
        action === "reply_to_reporter"
          ? { code: "filed_case_replied", params: { ...about, reason: next.rejectionReason } }
          : {
              code: "filed_case_ended",
              params: { ...about, stage: next.stage, reason: next.rejectionReason },
            },
    });
  await insertNotifications(tx, notes);
}
