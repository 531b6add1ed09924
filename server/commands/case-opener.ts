import { randomInt } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import type { DisputeParty } from "../../api-types/cases.ts";
import type { Config } from "../config.ts";
import { type Db, preparedRows, rows } from "../db/client.ts";
import { isUniqueViolation } from "../db/pg-errors.ts";
import { openCase } from "../domain/cases/case-machine.ts";
import { routeCase } from "../domain/cases/case-routing.ts";
import {
  type CaseSource,
  mayFile,
  type PetitionChannel,
  reporterReplyRequired,
} from "../domain/cases/case-sources.ts";
import type { CaseState } from "../domain/cases/case-state.ts";
import { matterCategory } from "../domain/cases/matter-categories.ts";
import type { Priority } from "../domain/cases/priorities.ts";
import { supervisionLevelOf } from "../domain/cases/supervision.ts";
import { trackingNumber } from "../domain/cases/tracking-number.ts";
import type { Role } from "../domain/roles.ts";
import { AppError, forbidden } from "../errors.ts";
import { intArrayParam, jsonParam, stateColumns, tsParam } from "../queries/case-row.ts";
import { duplicatesJsonb } from "../queries/cases.ts";
import { placeIntake } from "../queries/intake-placement.ts";
import { loadCaseRules } from "../queries/work-calendar.ts";
import { sealDisputeParties } from "../security/dispute-complainant.ts";
import { encryptField, reporterAad } from "../security/reporter-crypto.ts";
import { warnCalendarExhausted } from "./calendar-warning.ts";
import {
  districtOffice,
  type NewNotification,
  notificationColumns,
  uniqueNotifications,
  whoMustAct,
} from "./case-notifier.ts";
import { checkPatrolLink } from "./case-patrol-link.ts";
import { type CaseReceipt, caseReceipt } from "./case-receipt.ts";
import type { CommandContext } from "./context.ts";
import {
  claimCte,
  type IdempotencyClaim,
  type IdempotentResult,
  priorResponse,
  type RequestHash,
  requestHashOf,
  storedResponse,
} from "./idempotency.ts";

export interface NewCase {
  source: CaseSource;
  petitionChannel?: PetitionChannel;
  /** The complainant first (kept encrypted), then the party complained about. */
  disputeParties?: DisputeParty[];
  title: string;
  description: string;
  category: string;
  priority?: Priority;
  location: { lng: number; lat: number };
  address?: string;
  /** A resident's identity, when staff enter a report, petition or dispute for them; or the resident's own. */
  reporter?: { name?: string; contact?: string; anonymous?: boolean };
  /** A patrol finding's own patrol (the caller's), and the supervised object concerned (within scope). */
  patrolId?: number;
  objectId?: number;
}

const unprocessable = (code: string, zh: string, en: string) => new AppError(code, 422, zh, en);

/** Tracking numbers drawn per intake: a number another case of the day holds is drawn again. */
const TRACKING_DRAWS = 3;

const RESIDENT_SOURCES: readonly CaseSource[] = ["public_report", "petition", "dispute"];

/**
 * Intake (发现/上报): checks who may file from this source, routes by location and category, opens the case
 * in the machine's first stage, keeps a resident's identity encrypted, and tells the level-2 unit (and, for
 * urgent and important matters, the district office) in the one statement that also claims the
 * Idempotency-Key and writes the audit row. Answers the receipt, or the stored one for a key already used.
 */
export async function openNewCase(
  ctx: CommandContext,
  config: Config,
  input: NewCase,
  now: Date,
  claim: IdempotencyClaim,
): Promise<IdempotentResult<CaseReceipt>> {
  const requestHash = requestHashOf(config, claim);
  for (let draw = 1; ; draw++) {
    const trackingNo = trackingNumber(now, randomInt);
    try {
      return await fileCase({ ctx, config, input, now, claim, requestHash, trackingNo });
    } catch (error) {
      // the failed statement (or transaction) wrote nothing, the key's claim included
      if (draw < TRACKING_DRAWS && isUniqueViolation(error, "cases_tracking_no_key")) continue;
      throw error;
    }
  }
}

/** One try at filing: the request, its key and body hash, and the tracking number drawn for this try. */
interface Filing {
  ctx: CommandContext;
  config: Config;
  input: NewCase;
  now: Date;
  claim: IdempotencyClaim;
  requestHash: RequestHash;
  trackingNo: string;
}

async function fileCase(filing: Filing): Promise<IdempotentResult<CaseReceipt>> {
  const { ctx, claim, requestHash } = filing;
  let intake: PreparedIntake;
  try {
    intake = await prepareIntake(filing);
  } catch (error) {
    // A resend after a lost answer gets the first answer even when its body would be refused today (the
    // object retired, a boundary moved): the phone's outbox must not mark a filed case as refused.
    if (error instanceof AppError) {
      const prior = await storedResponse<CaseReceipt>(ctx.db, claim, requestHash);
      if (prior) return prior;
    }
    throw error;
  }
  const { statement, calendarWarning } = intake;
  const write = (tx: Db) => preparedRows<{ id: number; response: CaseReceipt }>(tx, statement);
  // rare (a deadline past the loaded calendar): its event and the administrators' notice commit with the case
  const [created] = calendarWarning
    ? await ctx.db.transaction(async (tx) => {
        const done = await write(tx);
        if (done[0]) await warnCalendarExhausted(tx, { ...calendarWarning, caseId: done[0].id });
        return done;
      })
    : await write(ctx.db);
  if (!created) return priorResponse<CaseReceipt>(ctx.db, claim, requestHash);
  return { status: 201, body: created.response, replayed: false };
}

interface PreparedIntake {
  /** Claims the key and files the case; returns `{ id, response }`, or no row when the key was taken. */
  statement: SQL;
  calendarWarning: Omit<Parameters<typeof warnCalendarExhausted>[1], "caseId"> | null;
}

/** Who may file from this source, and what the source requires; the category and the priority it gets. */
function checkIntake(input: NewCase, roles: Role[]) {
  if (!mayFile(input.source, roles)) throw forbidden();
  const category = matterCategory(input.category);
  if (!category) throw unprocessable("unknown_category", "事项类别不存在", "Unknown matter category");
  if (input.source === "petition" && !input.petitionChannel)
    throw unprocessable("petition_channel_required", "信访件须注明来源渠道", "A petition needs its channel");
  if (input.source !== "petition" && input.petitionChannel)
    throw unprocessable(
      "petition_channel_unexpected",
      "只有信访件有来源渠道",
      "Only petitions have a channel",
    );
  // parties are a dispute's only: its first is the complainant, kept as confidential as a reporter
  if (input.source !== "dispute" && input.disputeParties?.length)
    throw unprocessable("dispute_parties_unexpected", "只有污染纠纷有当事人", "Only a dispute has parties");
  if (input.source === "dispute" && (input.disputeParties?.length ?? 0) < 2)
    throw unprocessable(
      "dispute_parties_required",
      "污染纠纷须列明至少两方当事人",
      "A dispute needs two parties",
    );
  const isResident = roles.includes("public") && roles.every((r) => r === "public");
  // residents triage nothing: their report gets the category's default priority
  const priority: Priority = isResident
    ? category.defaultPriority
    : (input.priority ?? category.defaultPriority);
  return { category, isResident, priority };
}

/**
 * Who the reporter is: an official filing in their own name, or a resident (a report, petition or dispute),
 * whose name and contact are kept only encrypted (bound to the tracking number). A resident filing without
 * them gives their account's. A dispute's complainant is kept encrypted too; the other parties in clear.
 */
async function reporterIdentity(
  db: Db,
  config: Config,
  input: NewCase,
  me: { userId: number; isResident: boolean },
  trackingNo: string,
) {
  const residentReport = RESIDENT_SOURCES.includes(input.source);
  let name: string | null = null;
  let contact: string | null = null;
  if (residentReport && !input.reporter?.anonymous) {
    name = input.reporter?.name?.trim() || null;
    contact = input.reporter?.contact?.trim() || null;
    if (me.isResident) {
      const [account] = await rows<{ displayName: string; phone: string | null }>(
        db,
        sql`select display_name as "displayName", phone from users where id = ${me.userId}`,
      );
      name ??= account?.displayName ?? null;
      contact ??= account?.phone ?? null;
    }
  }
  const parties = sealDisputeParties(config.reporterKeys, trackingNo, input.disputeParties);
  return {
    residentReport,
    anonymous: residentReport && !name && !contact,
    nameEnc: name ? encryptField(config.reporterKeys, name, reporterAad(trackingNo, "name")) : null,
    contactEnc: contact
      ? encryptField(config.reporterKeys, contact, reporterAad(trackingNo, "contact"))
      : null,
    complainantEnc: parties.complainantEnc,
    otherParties: parties.others,
  };
}

/** 上报 goes to the level-2 unit; urgent and important matters reach the district office at once. */
function intakeNotifications(c: {
  state: CaseState;
  grid: { id: number; name: string; path: string };
  stakeholders: Parameters<typeof whoMustAct>[2];
  filerId: number;
  source: CaseSource;
  category: string;
  trackingNo: string;
  title: string;
}): NewNotification[] {
  const place = {
    trackingNo: c.trackingNo,
    title: c.title,
    category: c.category,
    gridId: c.grid.id,
    gridName: c.grid.name,
    dueAt: c.state.deadline?.dueAt.toISOString() ?? null,
  };
  const notes: NewNotification[] = whoMustAct(c.state, c.grid.path, c.stakeholders)
    .filter((w) => w.userId !== c.filerId)
    .map((w) => ({
      userId: w.userId,
      caseId: null,
      kind: "action_required",
      message: { code: "case_reported", params: { ...place, source: c.source } },
    }));
  const priority = c.state.priority;
  if (priority !== "normal")
    for (const userId of districtOffice(c.stakeholders))
      notes.push({
        userId,
        caseId: null,
        kind: priority === "urgent" ? "urgent_alert" : "stage_update",
        message: { code: "case_reported_supervised", params: { ...place, priority } },
      });
  return uniqueNotifications(notes);
}

/** Everything before the write: the checks, placement, the machine's first state, texts; then the statement. */
async function prepareIntake({
  ctx,
  config,
  input,
  now,
  claim,
  requestHash,
  trackingNo,
}: Filing): Promise<PreparedIntake> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const { category, isResident, priority } = checkIntake(
    input,
    actor.roles.map((r) => r.role as Role),
  );
  const db = ctx.db;
  const link = await checkPatrolLink(db, actor, input.source, input);
  // one round trip for the grid, the duty list, who must be told, and the calendar's revision
  const placed = await placeIntake(db, input.location, category.code, category.departments);
  if (!placed)
    throw unprocessable(
      "location_outside_grids",
      "该位置不在高昌区任何网格范围内，请在地图上重新选择位置",
      "The location is outside every grid",
    );
  const { grid, departments, stakeholders } = placed;
  const routing = routeCase({ ...input.location, grid, category, departments });
  const rules = await loadCaseRules(db, placed.calendarRevision);
  const state = openCase(
    {
      id: "new",
      category: category.code,
      priority,
      reporterReplyRequired: reporterReplyRequired(input.source),
    },
    now,
    rules,
  );
  const reporter = await reporterIdentity(
    db,
    config,
    input,
    { userId: actor.userId, isResident },
    trackingNo,
  );
  const notifications = intakeNotifications({
    state,
    grid,
    stakeholders,
    filerId: actor.userId,
    source: input.source,
    category: category.code,
    trackingNo,
    title: input.title.trim(),
  });

  // the audit trail records what was filed, never who the resident is
  const audited = {
    trackingNo,
    source: input.source,
    petitionChannel: input.petitionChannel ?? null,
    category: category.code,
    priority,
    gridId: grid.id,
    departmentIds: routing.departmentIds,
    reporter: reporter.residentReport ? (reporter.anonymous ? "anonymous" : "confidential") : "official",
    ...(link.patrolId ? { patrolId: link.patrolId } : {}),
    ...(link.objectId ? { objectId: link.objectId } : {}),
  };

  const staff = actor.permissions.includes("case.read");
  const receipt = caseReceipt({
    trackingNo,
    state,
    source: input.source,
    categoryName: category.name,
    gridName: grid.name,
    departments: departments.map(({ id, name }) => ({ id, name })),
    staff,
  });
  // The answer is the receipt with the new id and, for staff, the possible duplicates in their scope (read
  // in the statement's snapshot, so never the new case itself).
  const here = sql`ST_SetSRID(ST_MakePoint(${input.location.lng}::float8, ${input.location.lat}::float8), 4326)`;
  const answer = sql`jsonb_build_object('id', new_case.id) || ${jsonParam(receipt)}${
    staff
      ? sql` || jsonb_build_object('possibleDuplicates', ${duplicatesJsonb(
          actor,
          { caseId: sql`0`, category: sql`${category.code}`, point: here, at: tsParam(now) },
          config,
        )})`
      : sql``
  }`;

  // The key, the case, its created event, the notifications and the audit row in one statement: one round
  // trip, no BEGIN/COMMIT, and the audit trigger chains the row as before. A taken key writes nothing.
  const columns = stateColumns(state);
  const statement = sql`with new_case as (select nextval(pg_get_serial_sequence('cases', 'id')) as id),
        ${claimCte(claim, requestHash, 201, sql`select ${answer} from new_case`)},
        c as (
          insert into cases (id, tracking_no, source, petition_channel, dispute_parties, dispute_complainant_enc, title, description,
            supervision_level, location, address, grid_id, grid_path, routing, reporter_user_id, reporter_official,
            reporter_anonymous, reporter_name_enc, reporter_contact_enc, reporter_key_id, created_by,
            involved_department_ids, patrol_id, object_id, ${sql.raw(columns.map(([c]) => c).join(", "))})
          select new_case.id, ${trackingNo}, ${input.source}, ${input.petitionChannel ?? null}, ${jsonParam(reporter.otherParties)}, ${reporter.complainantEnc},
            ${input.title.trim()}, ${input.description.trim()}, ${supervisionLevelOf(priority)}, ${here},
            ${input.address?.trim() || null}, ${grid.id}, ${grid.path}, ${jsonParam(routing)},
            ${reporter.residentReport ? (isResident ? actor.userId : null) : actor.userId}, ${!reporter.residentReport},
            ${reporter.anonymous}, ${reporter.nameEnc}, ${reporter.contactEnc},
            ${reporter.nameEnc || reporter.contactEnc || reporter.complainantEnc ? config.reporterKeys.current.id : null}, ${actor.userId}, ${intArrayParam([])},
            ${link.patrolId}::int, ${link.objectId}::int,
            ${sql.join(
              columns.map(([, v]) => v),
              sql`, `,
            )}
            from new_case, claim
          returning id),
        e as (
          insert into case_events (case_id, kind, to_stage, actor_id, at, version, data)
          select c.id, 'created', 'reported', ${actor.userId}, ${now.toISOString()}::timestamptz, 1,
                 ${jsonParam({ source: input.source, category: category.code, priority, gridId: grid.id, routing: routing.explanation })}
            from c),
        n as (
          insert into notifications (user_id, case_id, kind, title, body, message, params)
          select x.user_id, c.id, x.kind, x.title, x.body, x.message, x.params
            from c, jsonb_to_recordset(${jsonParam(
              notifications.map((n) => ({ user_id: n.userId, kind: n.kind, ...notificationColumns(n) })),
            )}) as x(user_id int, kind text, title text, body text, message text, params jsonb)),
        a as (
          insert into audit_log (actor_id, actor_name, action, entity_type, entity_id, ip, after)
          select ${actor.userId}, ${actor.username}, 'case.create', 'case', c.id::text, ${ctx.ip},
                 ${jsonParam(audited)}
            from c)
        select c.id, claim.response from c, claim`;
  const deadline = state.deadline;
  return {
    statement,
    calendarWarning: deadline?.beyondCalendar ? { at: now, dueAt: deadline.dueAt, rules, version: 1 } : null,
  };
}
