/**
 * Patrols (巡查): what server/queries/patrols.ts answers, as the field app's due list and the ledger read it
 * (web/src/api/patrols.ts, web/src/api/patrolLedger.ts). Type-only, importing only other api-types modules
 * (docs/decisions/0006). Times are ISO 8601 strings.
 */

import type { Frequency } from "./wuding.ts";

/** One object due for patrol under a 定任务 rule, this period (server/domain/patrol/plan.ts). */
export interface PatrolPlanEntry {
  objectId: number;
  ruleId: number;
  frequency: Frequency;
  required: number;
  done: number;
  periodStart: string;
  periodEnd: string;
  /** When the next visit is due (null when the period's visits are done). */
  nextDueAt: string | null;
  overdue: boolean;
  /** The previous period ended with fewer visits than required. */
  previousMissed: boolean;
  lastVisitAt: string | null;
  status: "done" | "due" | "overdue";
  objectName: string;
  objectType: string;
  address: string | null;
  gridId: number;
  gridName: string;
  lon: number;
  lat: number;
  checklist: { key: string; label: string }[];
}

/** One row of the 巡查台账. */
export interface PatrolLedgerRow {
  id: number;
  memberId: number;
  memberName: string;
  gridId: number;
  gridName: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  distanceM: number;
  pointCount: number;
  checkins: number;
  findings: number;
  /** The objects checked in at, in order, joined with 、. */
  objects: string;
}

/** One patrol for playback: the ledger row with its track and check-ins. */
export interface PatrolDetail extends Omit<PatrolLedgerRow, "checkins"> {
  track: { t: string; lon: number; lat: number; accuracy: number | null; flags: string[] }[];
  checkins: {
    id: number;
    objectId: number;
    objectName: string;
    at: string;
    distanceM: number;
    answers: Record<string, string>;
    finding: string | null;
    hasPhoto: boolean;
  }[];
}

/** A member's patrolling over a period. */
export interface MemberActivity {
  memberId: number;
  memberName: string;
  patrols: number;
  daysActive: number;
  distanceM: number;
  checkins: number;
}
