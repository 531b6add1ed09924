import type { Role } from "../roles.ts";

/** Where a case comes from (DOMAIN.md §3): patrols, the public, petitions, disputes, monitoring, superiors. */
export const CASE_SOURCES = [
  "patrol_finding",
  "public_report",
  "petition",
  "dispute",
  "monitoring_alert",
  "superior_task",
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_SOURCE_NAMES: Record<CaseSource, string> = {
  patrol_finding: "网格巡查发现",
  public_report: "群众举报",
  petition: "信访件",
  dispute: "污染纠纷",
  monitoring_alert: "监测预警",
  superior_task: "上级交办",
};

/** 信访 channels: the 12345 government hotline, the 12369 environmental hotline, letters, visits. */
export const PETITION_CHANNELS = ["12345", "12369", "letter", "visit"] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];

export const PETITION_CHANNEL_NAMES: Record<PetitionChannel, string> = {
  "12345": "12345政务服务热线",
  "12369": "12369环保举报热线",
  letter: "来信",
  visit: "来访",
};

/**
 * Who may file a case from each source. Residents report for themselves; petitions and disputes are entered
 * by the staff who receive them; alerts and tasks come from the district level (or a department's monitoring).
 */
export const SOURCE_ROLES: Record<CaseSource, readonly Role[]> = {
  patrol_finding: ["grid_member", "grid_head", "township_officer"],
  public_report: ["public", "grid_member", "grid_head", "township_officer", "district_office"],
  petition: ["township_officer", "grid_head", "district_office"],
  dispute: ["grid_member", "grid_head", "township_officer", "district_office"],
  monitoring_alert: ["district_office", "department_officer", "department_head"],
  superior_task: ["district_office", "district_leader"],
};

export function mayFile(source: CaseSource, roles: readonly Role[]): boolean {
  return SOURCE_ROLES[source].some((r) => roles.includes(r));
}

/** Roles that may file a case from at least one source. */
export const REPORTING_ROLES: readonly Role[] = [...new Set(Object.values(SOURCE_ROLES).flat())];

/**
 * Whether someone is waiting for an answer: residents, petitioners and disputing parties are; an official's
 * own patrol finding, an alert or a task are answered through feedback to the grid, not a reply.
 */
export function reporterReplyRequired(source: CaseSource): boolean {
  return source === "public_report" || source === "petition" || source === "dispute";
}
