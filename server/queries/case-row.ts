import { type SQL, sql } from "drizzle-orm";
import type { DisputeParty } from "../../api-types/cases.ts";
import type { Routing } from "../domain/cases/case-routing.ts";
import type { CaseDeadline, CaseStage, CaseState, HandlingResult } from "../domain/cases/case-state.ts";
import type { DeadlinePhase, LimitKind } from "../domain/cases/deadline-rules.ts";
import type { Priority } from "../domain/cases/priorities.ts";

/** A timestamptz as an ISO string in UTC, identical on PGlite and PostgreSQL (both drivers return text). */
export function isoOf(column: SQL | string): SQL {
  const col = typeof column === "string" ? sql.raw(column) : column;
  return sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A Date (or null) as a timestamptz parameter. */
export function tsParam(date: Date | null | undefined): SQL {
  return sql`${date ? date.toISOString() : null}::timestamptz`;
}

/** A list of ids as an integer[] parameter (both drivers accept the text form). */
export function intArrayParam(ids: readonly (number | string)[]): SQL {
  return sql`string_to_array(${ids.join(",")}, ',')::int[]`;
}

export function jsonParam(value: unknown): SQL {
  return sql`${value === null || value === undefined ? null : JSON.stringify(value)}::jsonb`;
}

const dateOf = (s: string | null): Date | null => (s === null ? null : new Date(s));
const idOf = (n: number | null): string | null => (n === null ? null : String(n));
const numOf = (s: string | null): number | null => (s === null ? null : Number(s));

/** Every column of a case row as the queries read it (timestamps as ISO strings). */
export interface CaseRow {
  id: number;
  trackingNo: string;
  version: number;
  source: string;
  petitionChannel: string | null;
  /** The parties other than the complainant, who is sealed in disputeComplainantEnc (migration 0017). */
  disputeParties: DisputeParty[] | null;
  disputeComplainantEnc: string | null;
  title: string;
  description: string;
  category: string;
  priority: Priority;
  supervisionLevel: string;
  lng: number;
  lat: number;
  address: string | null;
  gridId: number;
  gridPath: string;
  routing: Routing;
  reporterUserId: number | null;
  reporterOfficial: boolean;
  reporterAnonymous: boolean;
  reporterNameEnc: string | null;
  reporterContactEnc: string | null;
  createdBy: number | null;
  stage: CaseStage;
  reportedAt: string;
  stageEnteredAt: string;
  closeDueAt: string | null;
  deadlineStage: CaseStage | null;
  deadlinePhase: DeadlinePhase | null;
  deadlineDueAt: string | null;
  deadlineLimitKind: LimitKind | null;
  deadlineLimit: number | null;
  deadlineCappedByClose: boolean | null;
  deadlineBeyondCalendar: boolean | null;
  handlerKind: CaseState["handlerKind"];
  assignedDepartmentId: number | null;
  participantDepartmentIds: number[];
  handlingDays: number | null;
  onSiteAt: string | null;
  handledBy: number | null;
  handlingResult: HandlingResult | null;
  reporterReplyRequired: boolean;
  feedbackToTransferrerAt: string | null;
  reporterRepliedAt: string | null;
  lowerGridInformedAt: string | null;
  verifierId: number | null;
  verificationPassedAt: string | null;
  pendingExtension: { days: number; reason: string; requestedBy: string; requestedAt: string } | null;
  extensionsGranted: number;
  stageExtensionDays: number;
  reworkCount: number;
  transferReturnCount: number;
  rejectionReason: string | null;
  mergedIntoId: number | null;
  closedAt: string | null;
  disclosedAt: string | null;
  involvedDepartmentIds: number[];
  disclosureSummary: string | null;
  escalationLevel: number;
  escalatedDueAt: string | null;
  patrolId: number | null;
  objectId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** The select list producing a CaseRow from `cases c`. */
export const CASE_COLUMNS = sql`c.id, c.tracking_no as "trackingNo", c.version, c.source,
  c.petition_channel as "petitionChannel", c.dispute_parties as "disputeParties",
  c.dispute_complainant_enc as "disputeComplainantEnc", c.title, c.description,
  c.category, c.priority, c.supervision_level as "supervisionLevel",
  ST_X(c.location) as lng, ST_Y(c.location) as lat, c.address, c.grid_id as "gridId", c.grid_path as "gridPath",
  c.routing, c.reporter_user_id as "reporterUserId", c.reporter_official as "reporterOfficial",
  c.reporter_anonymous as "reporterAnonymous", c.reporter_name_enc as "reporterNameEnc",
  c.reporter_contact_enc as "reporterContactEnc", c.created_by as "createdBy",
  c.stage, ${isoOf("c.reported_at")} as "reportedAt", ${isoOf("c.stage_entered_at")} as "stageEnteredAt",
  ${isoOf("c.close_due_at")} as "closeDueAt", c.deadline_stage as "deadlineStage",
  c.deadline_phase as "deadlinePhase", ${isoOf("c.deadline_due_at")} as "deadlineDueAt",
  c.deadline_limit_kind as "deadlineLimitKind", c.deadline_limit as "deadlineLimit",
  c.deadline_capped_by_close as "deadlineCappedByClose", c.deadline_beyond_calendar as "deadlineBeyondCalendar",
  c.handler_kind as "handlerKind", c.assigned_department_id as "assignedDepartmentId",
  c.participant_department_ids as "participantDepartmentIds", c.handling_days as "handlingDays",
  ${isoOf("c.on_site_at")} as "onSiteAt", c.handled_by as "handledBy", c.handling_result as "handlingResult",
  c.reporter_reply_required as "reporterReplyRequired",
  ${isoOf("c.feedback_to_transferrer_at")} as "feedbackToTransferrerAt",
  ${isoOf("c.reporter_replied_at")} as "reporterRepliedAt",
  ${isoOf("c.lower_grid_informed_at")} as "lowerGridInformedAt", c.verifier_id as "verifierId",
  ${isoOf("c.verification_passed_at")} as "verificationPassedAt", c.pending_extension as "pendingExtension",
  c.extensions_granted as "extensionsGranted", c.stage_extension_days as "stageExtensionDays",
  c.patrol_id as "patrolId", c.object_id as "objectId", c.rework_count as "reworkCount", c.transfer_return_count as "transferReturnCount",
  c.rejection_reason as "rejectionReason", c.merged_into_id as "mergedIntoId",
  ${isoOf("c.closed_at")} as "closedAt", ${isoOf("c.disclosed_at")} as "disclosedAt",
  c.involved_department_ids as "involvedDepartmentIds", c.disclosure_summary as "disclosureSummary",
  c.escalation_level as "escalationLevel", ${isoOf("c.escalated_due_at")} as "escalatedDueAt",
  ${isoOf("c.created_at")} as "createdAt", ${isoOf("c.updated_at")} as "updatedAt"`;

function deadlineOf(row: CaseRow): CaseDeadline | null {
  if (row.deadlineDueAt === null || row.deadlinePhase === null || row.deadlineStage === null) return null;
  return {
    stage: row.deadlineStage,
    phase: row.deadlinePhase,
    dueAt: new Date(row.deadlineDueAt),
    limitKind: row.deadlineLimitKind ?? "working_days",
    limit: row.deadlineLimit ?? 0,
    cappedByClose: row.deadlineCappedByClose ?? false,
    beyondCalendar: row.deadlineBeyondCalendar ?? false,
  };
}

/** The domain's view of a case row: ids as strings, instants as Dates. */
export function rowToState(row: CaseRow): CaseState {
  const pending = row.pendingExtension;
  return {
    id: String(row.id),
    version: row.version,
    stage: row.stage,
    category: row.category,
    priority: row.priority,
    reportedAt: new Date(row.reportedAt),
    stageEnteredAt: new Date(row.stageEnteredAt),
    closeDueAt: dateOf(row.closeDueAt),
    deadline: deadlineOf(row),
    handlerKind: row.handlerKind,
    assignedDepartmentId: idOf(row.assignedDepartmentId),
    participantDepartmentIds: row.participantDepartmentIds.map(String),
    handlingDays: row.handlingDays,
    onSiteAt: dateOf(row.onSiteAt),
    handledBy: idOf(row.handledBy),
    handlingResult: row.handlingResult,
    reporterReplyRequired: row.reporterReplyRequired,
    feedbackToTransferrerAt: dateOf(row.feedbackToTransferrerAt),
    reporterRepliedAt: dateOf(row.reporterRepliedAt),
    lowerGridInformedAt: dateOf(row.lowerGridInformedAt),
    verifierId: idOf(row.verifierId),
    verificationPassedAt: dateOf(row.verificationPassedAt),
    pendingExtension: pending ? { ...pending, requestedAt: new Date(pending.requestedAt) } : null,
    extensionsGranted: row.extensionsGranted,
    stageExtensionDays: row.stageExtensionDays,
    reworkCount: row.reworkCount,
    transferReturnCount: row.transferReturnCount,
    rejectionReason: row.rejectionReason,
    mergedIntoId: idOf(row.mergedIntoId),
    closedAt: dateOf(row.closedAt),
    disclosedAt: dateOf(row.disclosedAt),
  };
}

/** The CaseState columns and their values, for an INSERT or an UPDATE of the same row. */
export function stateColumns(s: CaseState): [string, SQL][] {
  const d = s.deadline;
  return [
    ["version", sql`${s.version}`],
    ["stage", sql`${s.stage}`],
    ["category", sql`${s.category}`],
    ["priority", sql`${s.priority}`],
    ["reported_at", tsParam(s.reportedAt)],
    ["stage_entered_at", tsParam(s.stageEnteredAt)],
    ["close_due_at", tsParam(s.closeDueAt)],
    ["deadline_stage", sql`${d?.stage ?? null}`],
    ["deadline_phase", sql`${d?.phase ?? null}`],
    ["deadline_due_at", tsParam(d?.dueAt)],
    ["deadline_limit_kind", sql`${d?.limitKind ?? null}`],
    ["deadline_limit", sql`${d?.limit ?? null}::int`],
    ["deadline_capped_by_close", sql`${d ? d.cappedByClose : null}::boolean`],
    ["deadline_beyond_calendar", sql`${d ? d.beyondCalendar : null}::boolean`],
    ["handler_kind", sql`${s.handlerKind}`],
    ["assigned_department_id", sql`${numOf(s.assignedDepartmentId)}::int`],
    ["participant_department_ids", intArrayParam(s.participantDepartmentIds)],
    ["handling_days", sql`${s.handlingDays}::int`],
    ["on_site_at", tsParam(s.onSiteAt)],
    ["handled_by", sql`${numOf(s.handledBy)}::int`],
    ["handling_result", sql`${s.handlingResult}`],
    ["reporter_reply_required", sql`${s.reporterReplyRequired}::boolean`],
    ["feedback_to_transferrer_at", tsParam(s.feedbackToTransferrerAt)],
    ["reporter_replied_at", tsParam(s.reporterRepliedAt)],
    ["lower_grid_informed_at", tsParam(s.lowerGridInformedAt)],
    ["verifier_id", sql`${numOf(s.verifierId)}::int`],
    ["verification_passed_at", tsParam(s.verificationPassedAt)],
    [
      "pending_extension",
      jsonParam(
        s.pendingExtension
          ? { ...s.pendingExtension, requestedAt: s.pendingExtension.requestedAt.toISOString() }
          : null,
      ),
    ],
    ["extensions_granted", sql`${s.extensionsGranted}::int`],
    ["stage_extension_days", sql`${s.stageExtensionDays}::int`],
    ["rework_count", sql`${s.reworkCount}::int`],
    ["transfer_return_count", sql`${s.transferReturnCount}::int`],
    ["rejection_reason", sql`${s.rejectionReason}`],
    ["merged_into_id", sql`${numOf(s.mergedIntoId)}::int`],
    ["closed_at", tsParam(s.closedAt)],
    ["disclosed_at", tsParam(s.disclosedAt)],
  ];
}

/** `col = value, …` for an UPDATE. */
export function stateAssignments(s: CaseState): SQL {
  return sql.join(
    stateColumns(s).map(([col, value]) => sql`${sql.raw(col)} = ${value}`),
    sql`, `,
  );
}
