// Shapes of the 五定 and responsibility-contract API (server/routes/wuding, server/routes/contracts).

export type { ContractDetail, ContractStatus, ContractSummary } from "../../../api-types/contracts";

export type DutyRole = "head" | "member";
export type Frequency = "daily" | "weekly" | "monthly" | "quarterly";

export interface WudingGrid {
  id: number;
  parentId: number | null;
  parentName: string | null;
  level: number;
  code: string;
  name: string;
  nameUg: string | null;
  kind: string;
  areaKm2: number | null;
  childCount: number;
}

export interface Personnel {
  id: number;
  gridId: number;
  userId: number;
  username: string;
  displayName: string;
  dutyRole: DutyRole;
  phone: string | null;
  dutyPhone: string | null;
  startsOn: string;
  endsOn: string | null;
  inForce: boolean;
  version: number;
}

interface LineWhere {
  id: number;
  gridLevel: number | null;
  gridId: number | null;
  gridName: string | null;
  sortOrder: number;
  version: number;
}

export interface DutyLine extends LineWhere {
  matterCategory: string | null;
  matterCategoryName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  responsibility: "lead" | "assist";
  dutyText: string;
}

export interface PatrolRule extends LineWhere {
  objectType: string | null;
  objectFlag: string | null;
  frequency: Frequency;
  timesPerPeriod: number;
  description: string;
}

export interface RewardPenaltyRule extends LineWhere {
  kind: "reward" | "penalty";
  ruleText: string;
  points: number | null;
  veto: boolean;
}

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

export interface WudingMeta {
  categories: { code: string; name: string; departments: string[] }[];
  objectTypes: string[];
  objectFlags: string[];
  frequencies: Frequency[];
}

export interface Candidate {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
}

export interface GenerationResult {
  year: number;
  created: number[];
  redrafted: number[];
  revised: number[];
  withdrawn: number[];
  unchanged: number;
}
