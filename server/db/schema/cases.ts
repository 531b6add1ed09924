import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/** A Point in SRID 4326, written with ST_SetSRID(ST_MakePoint(lng, lat), 4326) and read with ST_X/ST_Y. */
const point = customType<{ data: string; driverData: string }>({
  dataType() {
    return "geometry(Point, 4326)";
  },
});

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Mirrors 0005_cases.sql (+ 0008's patrol and object link, 0017's sealed dispute complainant); the CaseState fields are written through commands/case-columns.ts. */
export const cases = pgTable("cases", {
  id: serial("id").primaryKey(),
  trackingNo: text("tracking_no").notNull(),
  version: integer("version").notNull(),
  source: text("source").notNull(),
  petitionChannel: text("petition_channel"),
  /** A dispute's parties other than the complainant (the first party), who is in disputeComplainantEnc. */
  disputeParties: jsonb("dispute_parties"),
  disputeComplainantEnc: text("dispute_complainant_enc"),
  title: text("title").notNull(),
  description: text("description").notNull(),
  category: text("category").notNull(),
  priority: text("priority").notNull(),
  supervisionLevel: text("supervision_level").notNull(),
  location: point("location").notNull(),
  address: text("address"),
  gridId: integer("grid_id").notNull(),
  gridPath: text("grid_path").notNull(),
  routing: jsonb("routing").notNull(),
  reporterUserId: integer("reporter_user_id"),
  reporterOfficial: boolean("reporter_official").notNull(),
  reporterAnonymous: boolean("reporter_anonymous").notNull(),
  reporterNameEnc: text("reporter_name_enc"),
  reporterContactEnc: text("reporter_contact_enc"),
  reporterKeyId: text("reporter_key_id"),
  createdBy: integer("created_by"),
  stage: text("stage").notNull(),
  reportedAt: ts("reported_at").notNull(),
  stageEnteredAt: ts("stage_entered_at").notNull(),
  closeDueAt: ts("close_due_at"),
  deadlineStage: text("deadline_stage"),
  deadlinePhase: text("deadline_phase"),
  deadlineDueAt: ts("deadline_due_at"),
  deadlineLimitKind: text("deadline_limit_kind"),
  deadlineLimit: integer("deadline_limit"),
  deadlineCappedByClose: boolean("deadline_capped_by_close"),
  deadlineBeyondCalendar: boolean("deadline_beyond_calendar"),
  handlerKind: text("handler_kind"),
  assignedDepartmentId: integer("assigned_department_id"),
  participantDepartmentIds: integer("participant_department_ids").array().notNull(),
  handlingDays: integer("handling_days"),
  onSiteAt: ts("on_site_at"),
  handledBy: integer("handled_by"),
  handlingResult: text("handling_result"),
  reporterReplyRequired: boolean("reporter_reply_required").notNull(),
  feedbackToTransferrerAt: ts("feedback_to_transferrer_at"),
  reporterRepliedAt: ts("reporter_replied_at"),
  lowerGridInformedAt: ts("lower_grid_informed_at"),
  verifierId: integer("verifier_id"),
  verificationPassedAt: ts("verification_passed_at"),
  pendingExtension: jsonb("pending_extension"),
  extensionsGranted: integer("extensions_granted").notNull(),
  stageExtensionDays: integer("stage_extension_days").notNull(),
  reworkCount: integer("rework_count").notNull(),
  transferReturnCount: integer("transfer_return_count").notNull(),
  rejectionReason: text("rejection_reason"),
  mergedIntoId: integer("merged_into_id"),
  closedAt: ts("closed_at"),
  disclosedAt: ts("disclosed_at"),
  involvedDepartmentIds: integer("involved_department_ids").array().notNull(),
  disclosureSummary: text("disclosure_summary"),
  escalationLevel: smallint("escalation_level").notNull(),
  escalatedDueAt: ts("escalated_due_at"),
  // 0008: the patrol a finding came from and the object it concerns
  patrolId: integer("patrol_id"),
  objectId: integer("object_id"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const caseEvents = pgTable("case_events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  caseId: integer("case_id").notNull(),
  kind: text("kind").notNull(),
  action: text("action"),
  fromStage: text("from_stage"),
  toStage: text("to_stage"),
  actorId: integer("actor_id"),
  at: ts("at").notNull(),
  version: integer("version").notNull(),
  data: jsonb("data").notNull(),
  // re-checks and extensions: the departments credited (migration 0026, filled by trigger)
  kpiDepartmentIds: integer("kpi_department_ids").array(),
});

export const caseEvidence = pgTable("case_evidence", {
  id: serial("id").primaryKey(),
  caseId: integer("case_id").notNull(),
  eventId: bigint("event_id", { mode: "number" }),
  uploadedBy: integer("uploaded_by"),
  mime: text("mime").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  sha256: text("sha256").notNull(),
  storagePath: text("storage_path").notNull(),
  publicPath: text("public_path"),
  publicSize: integer("public_size"),
  width: integer("width"),
  height: integer("height"),
  note: text("note"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const notifications = pgTable("notifications", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  userId: integer("user_id").notNull(),
  caseId: integer("case_id"),
  kind: text("kind").notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  /** A code of domain/notification-messages.ts; NULL for rows from before migration 0021. */
  message: text("message"),
  params: jsonb("params").notNull().default({}),
  createdAt: ts("created_at").notNull().defaultNow(),
  readAt: ts("read_at"),
});

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: integer("user_id").notNull(),
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code"),
    response: jsonb("response"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.scope, t.key] })],
);

export const workCalendarYears = pgTable("work_calendar_years", {
  year: integer("year").primaryKey(),
  source: text("source").notNull(),
  version: integer("version").notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const workCalendarDays = pgTable("work_calendar_days", {
  day: date("day", { mode: "string" }).primaryKey(),
  kind: text("kind").$type<"holiday" | "workday">().notNull(),
  name: text("name"),
});
