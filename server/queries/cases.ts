import { type SQL, sql } from "drizzle-orm";
import type {
  CaseDeadline,
  CasePriority,
  CaseRouting,
  DisputeParty,
  Duplicate,
  EvidenceEntry,
  CaseDetail as SharedCaseDetail,
  CaseSummary as SharedCaseSummary,
  TimelineEntry,
} from "../../api-types/cases.ts";
import type { Config } from "../config.ts";
import { type Db, preparedRows, rows } from "../db/client.ts";
import { type CaseAction, permittedActions } from "../domain/cases/case-actions.ts";
import {
  CASE_ACTION_LABELS,
  DEADLINE_PHASE_LABELS,
  HANDLING_RESULT_LABELS,
} from "../domain/cases/case-labels.ts";
import type { Routing } from "../domain/cases/case-routing.ts";
import { CASE_SOURCE_NAMES, type CaseSource, PETITION_CHANNEL_NAMES } from "../domain/cases/case-sources.ts";
import {
  type CaseStage,
  type HandlerKind,
  type HandlingResult,
  isTerminal,
  STAGE_NAMES,
} from "../domain/cases/case-state.ts";
import { DEFAULT_EXTENSION_POLICY, type LimitKind } from "../domain/cases/deadline-rules.ts";
import { matterCategory } from "../domain/cases/matter-categories.ts";
import { type Priority, SUPERVISION_LEVELS } from "../domain/cases/priorities.ts";
import type { Equal, Expect } from "../domain/type-equality.ts";
import { notFound } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import {
  caseActorFacts,
  caseVisibleTo,
  mayRevealReporter,
  maySeeOriginalEvidence,
} from "../policies/case-access.ts";
import { openComplainant } from "../security/dispute-complainant.ts";
import { decryptField, maskContact, maskName, reporterAad } from "../security/reporter-crypto.ts";
import { assertExportFits } from "../spreadsheets/export-cap.ts";
import { gridDutyHolders } from "./assignment-in-force-sql.ts";
import { CASE_COLUMNS, type CaseRow, isoOf, rowToState, tsParam } from "./case-row.ts";
import { pathGridIds } from "./grid-ancestry.ts";
import { withinDateRange } from "./sql-time.ts";

export interface CaseFilter {
  page: number;
  pageSize: number;
  stage?: CaseStage[];
  category?: string;
  priority?: string;
  source?: string;
  gridId?: number;
  departmentId?: number;
  overdue?: boolean;
  /** Only cases still open (not rejected, merged or closed). */
  open?: boolean;
  /** The to-do inbox: cases on which the caller may act now. */
  todo?: boolean;
  q?: string;
  from?: string;
  to?: string;
  /** Open cases whose current deadline falls before this instant (the board's "due soon"). */
  dueBefore?: Date;
}

/** What the list shows about a case: never the description's details or anything about the reporter. */
export type CaseSummary = SharedCaseSummary<CaseStage, CaseAction>;

/**
 * The API's types (api-types/cases.ts) spell these unions out, as they may import nothing: a list changed
 * here or there fails to compile until both agree.
 */
export type CaseApiUnionsAgree = [
  Expect<Equal<CasePriority, Priority>>,
  Expect<Equal<CaseDeadline["limitKind"], LimitKind>>,
  Expect<Equal<NonNullable<CaseDetail["handlerKind"]>, HandlerKind>>,
  Expect<Equal<NonNullable<CaseDetail["handlingResult"]>, HandlingResult>>,
  Expect<Equal<CaseRouting, Routing>>,
];

type ListRow = CaseRow & {
  gridName: string;
  townshipName: string | null;
  assignedDepartmentName: string | null;
};

const LIST_COLUMNS = sql`${CASE_COLUMNS}, g.name as "gridName",
  (select t.name from grids t where t.id = nullif(split_part(c.grid_path, '/', 3), '')::int) as "townshipName",
  (select d.name from departments d where d.id = c.assigned_department_id) as "assignedDepartmentName"`;

export function summaryOf(actor: Actor, row: ListRow, now: Date): CaseSummary {
  const state = rowToState(row);
  const level = SUPERVISION_LEVELS[row.priority];
  return {
    id: row.id,
    trackingNo: row.trackingNo,
    title: row.title,
    source: row.source,
    sourceName: CASE_SOURCE_NAMES[row.source as CaseSource] ?? row.source,
    category: row.category,
    categoryName: matterCategory(row.category)?.name ?? row.category,
    priority: row.priority,
    supervisionLevel: row.supervisionLevel,
    supervisionLevelName: level?.name ?? row.supervisionLevel,
    stage: row.stage,
    stageName: STAGE_NAMES[row.stage],
    version: row.version,
    gridId: row.gridId,
    gridName: row.gridName,
    townshipName: row.townshipName,
    assignedDepartmentId: row.assignedDepartmentId,
    assignedDepartmentName: row.assignedDepartmentName,
    reportedAt: row.reportedAt,
    deadline:
      row.deadlineDueAt && row.deadlinePhase
        ? {
            phase: row.deadlinePhase,
            phaseName: DEADLINE_PHASE_LABELS[row.deadlinePhase],
            dueAt: row.deadlineDueAt,
            limitKind: row.deadlineLimitKind ?? "working_days",
            limit: row.deadlineLimit ?? 0,
          }
        : null,
    overdue: row.deadlineDueAt !== null && new Date(row.deadlineDueAt).getTime() < now.getTime(),
    escalationLevel: row.escalationLevel,
    location: { lng: row.lng, lat: row.lat },
    allowedActions: permittedActions(state, caseActorFacts(actor, row), DEFAULT_EXTENSION_POLICY),
  };
}

function filterConditions(actor: Actor, f: CaseFilter, now: Date): SQL {
  const where: SQL[] = [caseVisibleTo(actor)];
  if (f.stage && f.stage.length > 0)
    where.push(
      sql`c.stage in (${sql.join(
        f.stage.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (f.category) where.push(sql`c.category = ${f.category}`);
  if (f.priority) where.push(sql`c.priority = ${f.priority}`);
  if (f.source) where.push(sql`c.source = ${f.source}`);
  if (f.gridId)
    where.push(sql`c.grid_path like (select gg.path from grids gg where gg.id = ${f.gridId}) || '%'`);
  if (f.departmentId)
    where.push(
      sql`(c.assigned_department_id = ${f.departmentId} or ${f.departmentId}::int = any(c.involved_department_ids))`,
    );
  if (f.overdue) where.push(sql`c.deadline_due_at < ${now.toISOString()}::timestamptz`);
  if (f.open || f.todo) where.push(sql`c.deadline_due_at is not null`);
  if (f.dueBefore)
    where.push(sql`c.deadline_due_at >= ${now.toISOString()}::timestamptz
                   and c.deadline_due_at < ${f.dueBefore.toISOString()}::timestamptz`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(sql`(c.title ilike ${like} or c.description ilike ${like} or c.tracking_no ilike ${like})`);
  }
  // a date alone is the whole Beijing day, both ends included (the patrol ledger reads its range alike)
  where.push(...withinDateRange(sql`c.reported_at`, f));
  return sql.join(where, sql` and `);
}

/** Deadline lists (overdue, to-do, due soon) soonest first; everything else newest first. */
function listOrder(f: Omit<CaseFilter, "page" | "pageSize">): SQL {
  const byDeadline = f.overdue || f.todo || f.dueBefore !== undefined;
  return byDeadline ? sql`c.deadline_due_at asc, c.id asc` : sql`c.reported_at desc, c.id desc`;
}

/** Cases in the caller's scope, filtered and paginated; `todo` keeps those the caller may act on now. */
export async function listCases(
  db: Db,
  actor: Actor,
  f: CaseFilter,
  now: Date,
): Promise<{ items: CaseSummary[]; total: number }> {
  const where = filterConditions(actor, f, now);
  const order = listOrder(f);
  if (f.todo) {
    // whether the caller may act is the machine's decision: computed over the open cases in scope
    const all = await rows<ListRow>(
      db,
      sql`select ${LIST_COLUMNS} from cases c join grids g on g.id = c.grid_id where ${where}
           order by ${order} limit 5000`,
    );
    const mine = all.map((r) => summaryOf(actor, r, now)).filter((s) => s.allowedActions.length > 0);
    const start = (f.page - 1) * f.pageSize;
    return { items: mine.slice(start, start + f.pageSize), total: mine.length };
  }
  const page = await rows<ListRow>(
    db,
    sql`select ${LIST_COLUMNS} from cases c join grids g on g.id = c.grid_id where ${where}
         order by ${order} limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  const [{ total }] = await rows<{ total: number }>(
    db,
    sql`select count(*)::int as total from cases c where ${where}`,
  );
  return { items: page.map((r) => summaryOf(actor, r, now)), total };
}

/** The list's filters that an export takes: all but paging and the to-do inbox (decided per case in code). */
export type CaseExportFilter = Omit<CaseFilter, "page" | "pageSize" | "todo" | "dueBefore">;

/** A line of the case list's spreadsheet: the list's summary and when the case was closed; no reporter. */
export type CaseExportRow = CaseSummary & { closedAt: string | null };

/**
 * The case list as the caller sees it (the same scope and filters: filterConditions), for a spreadsheet, in
 * the list's order. All of it or nothing: more than `maxRows` cases is refused with 422, so a ledger cut
 * short is never taken for the whole.
 */
export async function casesForExport(
  db: Db,
  actor: Actor,
  f: CaseExportFilter,
  now: Date,
  maxRows: number,
): Promise<CaseExportRow[]> {
  const where = filterConditions(actor, { ...f, page: 1, pageSize: maxRows }, now);
  const [{ total }] = await rows<{ total: number }>(
    db,
    sql`select count(*)::int as total from cases c where ${where}`,
  );
  assertExportFits("cases", total, maxRows);
  const list = await rows<ListRow>(
    db,
    sql`select ${LIST_COLUMNS} from cases c join grids g on g.id = c.grid_id where ${where}
         order by ${listOrder(f)} limit ${maxRows}`,
  );
  return list.map((r) => ({ ...summaryOf(actor, r, now), closedAt: r.closedAt }));
}

/** The case row if the caller may read it; otherwise 404, exactly as for a case that does not exist. */
export async function loadVisibleCase(db: Db, actor: Actor, id: number, lock = false): Promise<CaseRow> {
  const [row] = await rows<CaseRow>(
    db,
    sql`select ${CASE_COLUMNS} from cases c where c.id = ${id} and ${caseVisibleTo(actor)}
        ${lock ? sql`for update of c` : sql``}`,
  );
  if (!row) throw notFound();
  return row;
}

type TimelineRow = Omit<TimelineEntry, "actionName" | "toStageName">;
type EvidenceRow = Omit<EvidenceEntry, "variant" | "uploaderKind"> & { hasPublic: boolean };

/** A case's events as one JSON array (the case by an SQL expression), oldest first. */
function timelineJson(caseId: SQL): SQL {
  return sql`(select coalesce(json_agg(json_build_object('id', e.id::int, 'kind', e.kind, 'action', e.action,
                 'fromStage', e.from_stage, 'toStage', e.to_stage, 'actorId', e.actor_id,
                 'actorName', coalesce(u.display_name, e.data->>'actorLabel'),
                 -- escalations written before events carried actorKind are the system's too
                 'actorKind', case when e.actor_id is null then coalesce(e.data->>'actorKind',
                                case when e.kind = 'escalated' then 'system' end) end,
                 'actorGrid', case when ag.id is not null then json_build_object('id', ag.id, 'name', ag.name) end,
                 'actorDepartment',
                   case when ad.id is not null then json_build_object('id', ad.id, 'name', ad.name) end,
                 'at', ${isoOf("e.at")},
                 'version', e.version, 'data', e.data) order by e.at, e.id), '[]'::json)
                from case_events e left join users u on u.id = e.actor_id
                -- the unit a staff actor without an account belongs to (seeded history)
                left join grids ag on e.actor_id is null and jsonb_typeof(e.data->'actorGridId') = 'number'
                                  and ag.id = (e.data->>'actorGridId')::int
                left join departments ad on e.actor_id is null
                                        and jsonb_typeof(e.data->'actorDepartmentId') = 'number'
                                        and ad.id = (e.data->>'actorDepartmentId')::int
               where e.case_id = ${caseId})`;
}

/** A case's evidence as one JSON array, by id. */
function evidenceJson(caseId: SQL): SQL {
  return sql`(select coalesce(json_agg(json_build_object('id', v.id, 'eventId', v.event_id::int, 'mime', v.mime,
                 'sizeBytes', v.size_bytes, 'sha256', v.sha256, 'width', v.width, 'height', v.height,
                 'note', v.note, 'uploadedBy', v.uploaded_by, 'uploadedByName', u.display_name,
                 'createdAt', ${isoOf("v.created_at")}, 'hasPublic', v.public_path is not null) order by v.id),
                 '[]'::json)
                from case_evidence v left join users u on u.id = v.uploaded_by
               where v.case_id = ${caseId})`;
}

/** The case's history; a resident reporter's own steps are shown as 举报人, never by name. */
export async function caseTimeline(
  db: Db,
  row: Pick<CaseRow, "id" | "reporterUserId" | "reporterOfficial">,
): Promise<TimelineEntry[]> {
  const [{ events }] = await rows<{ events: TimelineRow[] }>(
    db,
    sql`select ${timelineJson(sql`${row.id}::int`)} as events`,
  );
  return timelineOf(events, row);
}

function timelineOf(
  events: readonly TimelineRow[],
  row: Pick<CaseRow, "reporterUserId" | "reporterOfficial">,
): TimelineEntry[] {
  const resident = row.reporterOfficial ? null : row.reporterUserId;
  return events.map((e) => ({
    ...e,
    ...(resident !== null && e.actorId === resident
      ? { actorId: null, actorName: "举报人", actorKind: "reporter" as const }
      : {}),
    actionName: e.action ? (CASE_ACTION_LABELS[e.action as CaseAction] ?? e.action) : null,
    toStageName: e.toStage ? (STAGE_NAMES[e.toStage as CaseStage] ?? e.toStage) : null,
  }));
}

function evidenceOf(items: readonly EvidenceRow[], actor: Actor, row: CaseRow): EvidenceEntry[] {
  const resident = row.reporterOfficial ? null : row.reporterUserId;
  return items.map(({ hasPublic, ...e }) => ({
    ...e,
    // a resident's upload is named by nobody, only as the reporter: 举报人 on record, a kind for the reader
    ...(resident !== null && e.uploadedBy === resident
      ? { uploadedBy: null, uploadedByName: "举报人", uploaderKind: "reporter" as const }
      : { uploaderKind: null }),
    variant: !hasPublic || maySeeOriginalEvidence(actor, row, e) ? "original" : "public",
  }));
}

/**
 * What the caller may know about the reporter. Officials who filed a patrol finding are named; a resident's
 * name and contact are shown masked to the roles that may reveal them, and to nobody else at all.
 */
export function reporterView(actor: Actor, row: CaseRow, config: Config) {
  if (row.reporterOfficial) {
    return { kind: "official" as const, userId: row.reporterUserId, canReveal: false };
  }
  // a dispute's complainant is the reporter too: a sealed one can be revealed even when no name was given
  const hasIdentity =
    row.reporterNameEnc !== null || row.reporterContactEnc !== null || row.disputeComplainantEnc !== null;
  if (!hasIdentity)
    return { kind: row.reporterAnonymous ? ("anonymous" as const) : ("none" as const), canReveal: false };
  if (!mayRevealReporter(actor, row)) return { kind: "confidential" as const, canReveal: false };
  const clear = decryptReporter(row, config);
  return {
    kind: "confidential" as const,
    canReveal: true,
    maskedName: clear.name === null ? null : maskName(clear.name),
    maskedContact: clear.contact === null ? null : maskContact(clear.contact),
  };
}

/** What everyone but the roles that may reveal a reporter sees of a dispute's complainant. */
const SEALED_COMPLAINANT: DisputeParty = { name: "（保密）", role: "投诉方" };

/**
 * A dispute's parties as the caller may see them. Its first party is the complainant (the form's 投诉方), the
 * resident who reported it, stored encrypted: named, masked, only to the roles that may reveal the reporter,
 * and to nobody else (not even the role they gave). The other parties are stored and shown as entered.
 */
function disputePartiesView(actor: Actor, row: CaseRow, config: Config): DisputeParty[] | null {
  if (row.disputeComplainantEnc === null) return row.disputeParties;
  const complainant = mayRevealReporter(actor, row)
    ? maskedParty(openComplainant(config.reporterKeys, row.trackingNo, row.disputeComplainantEnc))
    : SEALED_COMPLAINANT;
  return [complainant, ...(row.disputeParties ?? [])];
}

const maskedParty = (party: DisputeParty): DisputeParty => ({ ...party, name: maskName(party.name) });

/** A dispute's complainant in clear, for the audited reveal; null when the case has none. */
export function decryptComplainant(
  row: Pick<CaseRow, "trackingNo" | "disputeComplainantEnc">,
  config: Config,
): DisputeParty | null {
  return row.disputeComplainantEnc === null
    ? null
    : openComplainant(config.reporterKeys, row.trackingNo, row.disputeComplainantEnc);
}

export function decryptReporter(
  row: Pick<CaseRow, "trackingNo" | "reporterNameEnc" | "reporterContactEnc">,
  config: Config,
): { name: string | null; contact: string | null } {
  return {
    name: row.reporterNameEnc
      ? decryptField(config.reporterKeys, row.reporterNameEnc, reporterAad(row.trackingNo, "name"))
      : null,
    contact: row.reporterContactEnc
      ? decryptField(config.reporterKeys, row.reporterContactEnc, reporterAad(row.trackingNo, "contact"))
      : null,
  };
}

/** Grid members and heads who can be sent to re-check this case on site. */
export async function verifierCandidates(db: Db, gridPath: string) {
  return rows<{ id: number; displayName: string; role: string; gridName: string }>(
    db,
    sql`select distinct on (u.id) u.id, u.display_name as "displayName", d.role, g.name as "gridName"
          from (${gridDutyHolders(pathGridIds(sql`${gridPath}`))}) d
          join users u on u.id = d.user_id and u.disabled_at is null
          join grids g on g.id = d.grid_id
         order by u.id, d.role`,
  );
}

/** Everything the case page shows, for this caller: timeline, deadlines, evidence, allowed actions. */
export async function getCaseDetail(
  db: Db,
  actor: Actor,
  id: number,
  now: Date,
  config: Config,
): Promise<CaseDetail> {
  // One round trip for the row, the names it refers to, its timeline and its evidence: the detail is also
  // the answer to every transition.
  const [row] = await preparedRows<
    ListRow & {
      departmentNames: { id: number; name: string }[];
      userNames: { id: number; name: string }[];
      timelineRows: TimelineRow[];
      evidenceRows: EvidenceRow[];
    }
  >(
    db,
    sql`select ${LIST_COLUMNS},
               (select coalesce(json_agg(json_build_object('id', d.id, 'name', d.name)), '[]'::json)
                  from departments d
                 where d.id in (select x::int from jsonb_array_elements_text(c.routing->'departmentIds') x)
                    or d.id = any(c.participant_department_ids) or d.id = any(c.involved_department_ids))
                 as "departmentNames",
               (select coalesce(json_agg(json_build_object('id', u.id, 'name', u.display_name)), '[]'::json)
                  from users u
                 where u.id in (c.handled_by, c.verifier_id, case when c.reporter_official then c.reporter_user_id end))
                 as "userNames",
               ${timelineJson(sql`c.id`)} as "timelineRows",
               ${evidenceJson(sql`c.id`)} as "evidenceRows"
          from cases c join grids g on g.id = c.grid_id
         where c.id = ${id} and ${caseVisibleTo(actor)}`,
  );
  if (!row) throw notFound();
  const summary = summaryOf(actor, row, now);
  const departments = new Map(row.departmentNames.map((d) => [d.id, d.name]));
  const users = new Map(row.userNames.map((u) => [u.id, u.name]));
  const [merged] = row.mergedIntoId
    ? await rows<{ id: number; trackingNo: string }>(
        db,
        sql`select id, tracking_no as "trackingNo" from cases where id = ${row.mergedIntoId}`,
      )
    : [];
  const reporter = reporterView(actor, row, config);
  const origin = await patrolOrigin(db, row);
  return {
    ...summary,
    description: row.description,
    address: row.address,
    petitionChannel: row.petitionChannel,
    petitionChannelName: row.petitionChannel
      ? PETITION_CHANNEL_NAMES[row.petitionChannel as keyof typeof PETITION_CHANNEL_NAMES]
      : null,
    disputeParties: disputePartiesView(actor, row, config),
    routing: {
      ...row.routing,
      departments: row.routing.departmentIds.map((d) => ({ id: d, name: departments.get(d) ?? String(d) })),
    },
    reporter: {
      ...reporter,
      ...(reporter.kind === "official" && row.reporterUserId
        ? { displayName: users.get(row.reporterUserId) ?? null }
        : {}),
    },
    reportedByMe: row.reporterUserId === actor.userId,
    ...origin,
    handlerKind: row.handlerKind,
    participantDepartments: row.participantDepartmentIds.map((d) => ({
      id: d,
      name: departments.get(d) ?? String(d),
    })),
    handlingDays: row.handlingDays,
    onSiteAt: row.onSiteAt,
    handledBy: row.handledBy ? { id: row.handledBy, name: users.get(row.handledBy) ?? null } : null,
    handlingResult: row.handlingResult,
    handlingResultName: row.handlingResult ? HANDLING_RESULT_LABELS[row.handlingResult] : null,
    reporterReplyRequired: row.reporterReplyRequired,
    feedbackToTransferrerAt: row.feedbackToTransferrerAt,
    reporterRepliedAt: row.reporterRepliedAt,
    lowerGridInformedAt: row.lowerGridInformedAt,
    verifier: row.verifierId ? { id: row.verifierId, name: users.get(row.verifierId) ?? null } : null,
    verificationPassedAt: row.verificationPassedAt,
    pendingExtension: row.pendingExtension,
    extensionsGranted: row.extensionsGranted,
    reworkCount: row.reworkCount,
    transferReturnCount: row.transferReturnCount,
    rejectionReason: row.rejectionReason,
    mergedInto: merged ?? null,
    closeDueAt: row.closeDueAt,
    stageEnteredAt: row.stageEnteredAt,
    deadlineDetail: row.deadlineDueAt
      ? {
          cappedByClose: row.deadlineCappedByClose ?? false,
          beyondCalendar: row.deadlineBeyondCalendar ?? false,
        }
      : null,
    closedAt: row.closedAt,
    disclosedAt: row.disclosedAt,
    disclosureSummary: row.disclosureSummary,
    terminal: isTerminal(row.stage),
    timeline: timelineOf(row.timelineRows, row),
    evidence: evidenceOf(row.evidenceRows, actor, row),
    verifierCandidates: summary.allowedActions.includes("request_verification")
      ? await verifierCandidates(db, row.gridPath)
      : [],
  };
}

/** The patrol a finding came from and the object it concerns (names for the detail page), or nulls. */
async function patrolOrigin(db: Db, row: CaseRow) {
  const [patrol] = row.patrolId
    ? await rows<{ id: number; startedAt: string; memberName: string }>(
        db,
        sql`select p.id, ${isoOf("p.started_at")} as "startedAt", u.display_name as "memberName"
              from patrols p join users u on u.id = p.member_id where p.id = ${row.patrolId}`,
      )
    : [];
  const [object] = row.objectId
    ? await rows<{ id: number; name: string; type: string }>(
        db,
        sql`select id, name, type from supervised_objects where id = ${row.objectId}`,
      )
    : [];
  return { patrol: patrol ?? null, object: object ?? null };
}

/** One case as its detail page shows it. */
export type CaseDetail = SharedCaseDetail<CaseStage, CaseAction>;

const STAGE_NAMES_JSON = JSON.stringify(STAGE_NAMES);

/**
 * The duplicate candidates around a point (same category, within the radius and the number of days either
 * side, still alive, in the caller's scope), nearest first, as one jsonb array expression: the intake statement
 * folds it into its answer, the duplicates endpoint selects it.
 */
export function duplicatesJsonb(
  actor: Actor,
  around: { caseId: SQL; category: SQL; point: SQL; at: SQL },
  config: Pick<Config, "duplicateRadiusMeters" | "duplicateDays">,
): SQL {
  const days = `${config.duplicateDays} days`;
  return sql`(select coalesce(jsonb_agg(
                 jsonb_build_object('id', d.id, 'trackingNo', d.tracking_no, 'title', d.title, 'stage', d.stage,
                   'stageName', ${STAGE_NAMES_JSON}::jsonb ->> d.stage, 'reportedAt', ${isoOf("d.reported_at")},
                   'distanceMeters', d.distance)
                 order by d.distance, d.id), '[]'::jsonb)
        from (select c.id, c.tracking_no, c.title, c.stage, c.reported_at,
                     round(ST_Distance(c.location::geography, ${around.point}::geography))::int as distance
                -- The candidates come from the GiST index on location alone (OFFSET 0 keeps the other tests
                -- out of this subquery): a prepared statement's generic plan, not knowing the point, otherwise
                -- scans the category's cases of the whole fortnight, which grows with the district's caseload.
                -- A degree box a tenth wider than the radius narrows the rows before the spheroid test decides
                -- (the geography cast cannot use the index).
                from (select * from cases c
                       where c.location && ST_Expand(${around.point},
                               ${config.duplicateRadiusMeters}::float8 * 1.1 / (111320 * greatest(cos(radians(ST_Y(${around.point}))), 0.01)),
                               ${config.duplicateRadiusMeters}::float8 * 1.1 / 110574.0)
                      offset 0) c
               where c.category = ${around.category}
                 and c.id <> ${around.caseId}
                 and c.stage not in ('rejected', 'merged')
                 and c.reported_at between ${around.at} - ${days}::interval and ${around.at} + ${days}::interval
                 and ST_DWithin(c.location::geography, ${around.point}::geography, ${config.duplicateRadiusMeters})
                 and ${caseVisibleTo(actor)}
               order by distance, c.id limit 20) d)`;
}

/** The possible duplicates of a case, for the caller (see `duplicatesJsonb`). */
export async function possibleDuplicates(
  db: Db,
  actor: Actor,
  around: { caseId: number; category: string; lng: number; lat: number; at: Date },
  config: Pick<Config, "duplicateRadiusMeters" | "duplicateDays">,
): Promise<Duplicate[]> {
  const [row] = await rows<{ items: Duplicate[] }>(
    db,
    sql`select ${duplicatesJsonb(
      actor,
      {
        caseId: sql`${around.caseId}::int`,
        category: sql`${around.category}`,
        point: sql`ST_SetSRID(ST_MakePoint(${around.lng}::float8, ${around.lat}::float8), 4326)`,
        at: tsParam(around.at),
      },
      config,
    )} as items`,
  );
  return row.items;
}

/** An object's cases for its archive, newest first: only those the caller may read (the case rules, not the object's). */
export async function objectCases(db: Db, actor: Actor, objectId: number, limit = 50) {
  if (!actor.permissions.includes("case.read")) return [];
  const list = await rows<{
    id: number;
    trackingNo: string;
    title: string;
    source: string;
    category: string;
    stage: CaseStage;
    reportedAt: string;
    patrolId: number | null;
  }>(
    db,
    sql`select c.id, c.tracking_no as "trackingNo", c.title, c.source, c.category, c.stage,
               ${isoOf("c.reported_at")} as "reportedAt", c.patrol_id as "patrolId"
          from cases c
         where c.object_id = ${objectId} and ${caseVisibleTo(actor)}
         order by c.reported_at desc, c.id desc limit ${limit}`,
  );
  return list.map((c) => ({
    ...c,
    sourceName: CASE_SOURCE_NAMES[c.source as CaseSource] ?? c.source,
    categoryName: matterCategory(c.category)?.name ?? c.category,
    stageName: STAGE_NAMES[c.stage],
  }));
}
