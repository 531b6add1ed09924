/**
 * Cases (案件): what server/queries/cases.ts, server/commands/case-receipt.ts and server/routes/cases answer, and
 * the supervision board of server/queries/supervision.ts, as
 * web/src/api/cases.ts reads them. Type-only and import-free, so both the server and the web project can use it
 * (docs/decisions/0006). The unions are those of server/domain/cases (priorities.ts, deadline-rules.ts); the
 * case stages and actions are type parameters (`Stage`, `Action`): the server fills in its unions, the web reads
 * them as strings.
 */

import type { RoutingExplanation } from "./routing-explanation.ts";

export type CasePriority = "urgent" | "important" | "normal";

/** The current deadline: its phase, when it falls due and the limit it was counted from. */
export interface CaseDeadline {
  phase: string;
  phaseName: string;
  dueAt: string;
  limitKind: "working_days" | "hours";
  limit: number;
}

/** What the list shows about a case: never the description's details or anything about the reporter. */
export interface CaseSummary<Stage extends string = string, Action extends string = string> {
  id: number;
  trackingNo: string;
  title: string;
  source: string;
  sourceName: string;
  category: string;
  categoryName: string;
  priority: CasePriority;
  supervisionLevel: string;
  supervisionLevelName: string;
  stage: Stage;
  stageName: string;
  version: number;
  gridId: number;
  gridName: string;
  townshipName: string | null;
  assignedDepartmentId: number | null;
  assignedDepartmentName: string | null;
  reportedAt: string;
  deadline: CaseDeadline | null;
  overdue: boolean;
  escalationLevel: number;
  location: { lng: number; lat: number };
  allowedActions: Action[];
}

/** One event of a case's history, oldest first; a resident reporter's own steps are shown as 举报人. */
export interface TimelineEntry {
  id: number;
  kind: string;
  action: string | null;
  actionName: string | null;
  fromStage: string | null;
  toStage: string | null;
  toStageName: string | null;
  actorId: number | null;
  /** As stored: a user's name, or the Chinese label of an actor that is not a user. */
  actorName: string | null;
  /**
   * An actor that is not a user, for the reader's language: the deadline system, the intake desk, the reporter,
   * or staff named by their unit (the demo's seeded history) — `actorGrid` or `actorDepartment` names it.
   */
  actorKind: TimelineActorKind | null;
  /** The grid of a `grid_staff` or `grid_member` actor, with its Chinese name. */
  actorGrid: { id: number; name: string } | null;
  /** The department of a `department_staff` actor, with its Chinese name. */
  actorDepartment: { id: number; name: string } | null;
  at: string;
  version: number;
  data: Record<string, unknown>;
}

export type TimelineActorKind =
  | "system"
  | "intake_desk"
  | "reporter"
  | "grid_staff"
  | "grid_member"
  | "department_staff"
  | "district_office"
  | "district_leader";

/** One evidence file of a case; a resident's upload is named 举报人 (and `uploadedBy` null) to every role. */
export interface EvidenceEntry {
  id: number;
  eventId: number | null;
  mime: string;
  sizeBytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  note: string | null;
  uploadedBy: number | null;
  /** As stored: the uploader's name, or 举报人 for a resident reporter (the Chinese record). */
  uploadedByName: string | null;
  /** A resident reporter's upload, for the reader's language; null when `uploadedByName` is a user's name. */
  uploaderKind: "reporter" | null;
  createdAt: string;
  /** The variant this caller is served at /api/evidence/:id. */
  variant: "original" | "public";
}

/** A possible duplicate of a case (same category, near in place and time), nearest first. */
export interface Duplicate {
  id: number;
  trackingNo: string;
  title: string;
  stage: string;
  stageName: string;
  reportedAt: string;
  distanceMeters: number;
}

/** Where a case went and why (server/domain/cases/case-routing.ts `Routing`). */
export interface CaseRouting {
  gridId: number;
  /** The competent departments, lead first. Empty: the township or the district office decides. */
  departmentIds: number[];
  /** The category's line in the duty list leads with the township (属地) rather than a department. */
  townshipLeads: boolean;
  /** The explanation in Chinese, as stored: the record, and what the web shows of a routing without a code. */
  explanation: string;
  /** The same explanation as a code with parameters, worded in the reader's language; absent on older rows. */
  explanationCode?: RoutingExplanation["code"];
  explanationParams?: RoutingExplanation["params"];
  /** Set when staff changed the automatic routing. */
  override?: { by: string; reason: string; at: string };
}

/** A party to a pollution dispute, as filed. The first party is the complainant (投诉方). */
export interface DisputeParty {
  name: string;
  role?: string;
}

/** What an audited reveal answers: the resident reporter's name and contact, and a dispute's complainant. */
export interface RevealedReporter {
  name: string | null;
  contact: string | null;
  complainant: DisputeParty | null;
}

/** Who reported, as the caller may see it: an official's name, or a resident's identity masked (or hidden). */
export interface ReporterView {
  kind: "official" | "confidential" | "anonymous" | "none";
  /** May this caller reveal the identity (audited)? */
  canReveal: boolean;
  userId?: number | null;
  maskedName?: string | null;
  maskedContact?: string | null;
  displayName?: string | null;
}

/**
 * One case as its detail page shows it (and as every transition answers): the list's summary, the report, where
 * it went and why, who handles and verifies it, its deadlines, timeline and evidence.
 */
export interface CaseDetail<Stage extends string = string, Action extends string = string>
  extends CaseSummary<Stage, Action> {
  description: string;
  address: string | null;
  petitionChannel: string | null;
  petitionChannelName: string | null;
  /** The complainant first: masked to the roles that may reveal a reporter, （保密） to everyone else. */
  disputeParties: DisputeParty[] | null;
  routing: CaseRouting & { departments: { id: number; name: string }[] };
  reporter: ReporterView;
  reportedByMe: boolean;
  /** A patrol finding's patrol and the supervised object concerned (migration 0008). */
  patrol: { id: number; startedAt: string; memberName: string } | null;
  object: { id: number; name: string; type: string } | null;
  handlerKind: "grid" | "department" | "joint" | null;
  participantDepartments: { id: number; name: string }[];
  handlingDays: number | null;
  onSiteAt: string | null;
  handledBy: { id: number; name: string | null } | null;
  handlingResult: "no_violation" | "other" | "penalty" | "rectification_order" | null;
  handlingResultName: string | null;
  reporterReplyRequired: boolean;
  feedbackToTransferrerAt: string | null;
  reporterRepliedAt: string | null;
  lowerGridInformedAt: string | null;
  verifier: { id: number; name: string | null } | null;
  verificationPassedAt: string | null;
  pendingExtension: { days: number; reason: string; requestedBy: string; requestedAt: string } | null;
  extensionsGranted: number;
  reworkCount: number;
  transferReturnCount: number;
  rejectionReason: string | null;
  mergedInto: { id: number; trackingNo: string } | null;
  closeDueAt: string | null;
  stageEnteredAt: string;
  deadlineDetail: { cappedByClose: boolean; beyondCalendar: boolean } | null;
  closedAt: string | null;
  disclosedAt: string | null;
  disclosureSummary: string | null;
  terminal: boolean;
  timeline: TimelineEntry[];
  evidence: EvidenceEntry[];
  verifierCandidates: { id: number; displayName: string; role: string; gridName: string }[];
}

/**
 * What filing a case answers (201): enough to confirm it and move on (the id to open it, the tracking number
 * to quote), not the full detail, which is one GET away. Staff who read cases also see where it went, by when,
 * and the possible duplicates (added by the statement that files it); a resident sees none of the internal
 * view. The same body is stored for a replay.
 */
export interface CaseReceipt {
  id: number;
  trackingNo: string;
  stage: string;
  stageName: string;
  sourceName: string;
  categoryName: string;
  gridName: string;
  reportedAt: string;
  message: string;
  // staff only
  source?: string;
  priority?: CasePriority;
  departments?: { id: number; name: string }[];
  deadlineDueAt?: string | null;
  possibleDuplicates?: Duplicate[];
}

/** Open, overdue, due-soon and escalated cases of one level-2 unit or department on the supervision board. */
export interface UnitCounts {
  id: number;
  name: string;
  open: number;
  overdue: number;
  dueSoon: number;
  escalated: number;
}

/**
 * The district office's supervision board (督查督办, GET /api/supervision/board): open, overdue and due-soon
 * cases in total, per level-2 unit (where the case sits) and per department (who holds it now), and the most
 * pressing cases themselves.
 */
export interface SupervisionBoard<Stage extends string = string, Action extends string = string> {
  generatedAt: string;
  /** "Due soon": the current deadline falls within this many hours. */
  dueSoonHours: number;
  totals: Omit<UnitCounts, "id" | "name"> & { urgent: number; pendingExtensions: number };
  byTownship: UnitCounts[];
  byDepartment: UnitCounts[];
  overdueCases: CaseSummary<Stage, Action>[];
  dueSoonCases: CaseSummary<Stage, Action>[];
}
