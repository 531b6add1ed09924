/**
 * The 五定 of a grid (定区域、定人员、定职责、定任务、定奖惩): what server/queries/wuding.ts and
 * server/routes/wuding answer, as web/src/api/wuding.ts uses them. Type-only, importing only other api-types
 * modules, so both the server and the web project can use it (docs/decisions/0006). The unions are those of
 * server/domain/wuding/terms.ts; `WudingApiUnionsAgree` in server/queries/wuding.ts checks they agree.
 */

import type { GridFacts } from "./grids.ts";

export type DutyRole = "head" | "member";
export type Responsibility = "lead" | "assist";
export type Frequency = "daily" | "weekly" | "monthly" | "quarterly";
export type RuleKind = "reward" | "penalty";

/** A live grid the scope reaches, with what the card shows of 定区域. */
export interface WudingGrid extends GridFacts {
  id: number;
  /** The live grids directly below. */
  childCount: number;
}

/** One assignment of a person to the grid (定人员). */
export interface Personnel {
  id: number;
  gridId: number;
  userId: number;
  username: string;
  displayName: string;
  dutyRole: DutyRole;
  /** The number to call: the duty phone, else the account's. */
  phone: string | null;
  /** The duty phone recorded on the assignment itself, if any. */
  dutyPhone: string | null;
  startsOn: string;
  endsOn: string | null;
  inForce: boolean;
  version: number;
}

/** Where a line applies: every grid of a level (gridLevel) or one grid (gridId, gridName). */
export interface LineWhere {
  id: number;
  gridLevel: number | null;
  gridId: number | null;
  gridName: string | null;
  sortOrder: number;
  version: number;
}

/** A line of the duty list (定职责). */
export interface DutyLine extends LineWhere {
  matterCategory: string | null;
  matterCategoryName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  responsibility: Responsibility;
  dutyText: string;
}

/** A patrol task (定任务). */
export interface PatrolRule extends LineWhere {
  objectType: string | null;
  objectFlag: string | null;
  frequency: Frequency;
  timesPerPeriod: number;
  description: string;
}

/** A reward or penalty rule (定奖惩). */
export interface RewardPenaltyRule extends LineWhere {
  kind: RuleKind;
  ruleText: string;
  points: number | null;
  veto: boolean;
}

/** Which 五定 fields the grid discloses to the public, and the settings' version. */
export interface Disclosure {
  headName: boolean;
  headPhone: boolean;
  memberNames: boolean;
  memberPhones: boolean;
  duties: boolean;
  tasks: boolean;
  rules: boolean;
  version: number;
}

/** The whole 五定 of one grid, as staff in scope see it (GET /api/grids/:id/wuding). */
export interface Wuding {
  grid: WudingGrid;
  personnel: Personnel[];
  duties: DutyLine[];
  tasks: PatrolRule[];
  rules: RewardPenaltyRule[];
  disclosure: Disclosure;
  policies: {
    managePersonnel: boolean;
    manageGridLines: boolean;
    manageLevelLines: boolean;
    manageDisclosure: boolean;
  };
}

/** The codes a 五定 form offers (GET /api/wuding/meta). */
export interface WudingMeta {
  categories: { code: string; name: string; departments: string[] }[];
  objectTypes: string[];
  objectFlags: string[];
  frequencies: Frequency[];
}

/** An account a manager may put on a grid (GET /api/wuding/candidates). */
export interface Candidate {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
}
