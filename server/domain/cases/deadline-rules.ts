import { MATTER_CATEGORY_CODES } from "./matter-categories.ts";
import { PRIORITIES, type Priority } from "./priorities.ts";

/**
 * What each stage of a case must achieve, and so what its deadline is about. `overall_close` is the limit on
 * the whole case from acceptance (受理) to close (销号); every later stage deadline is capped by it.
 */
export const DEADLINE_PHASES = [
  "acceptance", // tell the reporter whether the report is accepted
  "registration", // register (立案) and report to level 1
  "dispatch", // decide: handle locally, transfer, or joint investigation
  "transfer_acceptance", // the receiving department accepts or returns the transfer
  "site_arrival", // someone of the handling unit reaches the site (urgent matters)
  "handling",
  "rework", // handling again after a failed verification
  "feedback", // feedback to the transferring unit, reply to the reporter, inform the lower grid
  "verification_request", // the supervising side sends a grid member to re-check
  "verification", // the on-site re-check
  "closing", // 销号
  "overall_close",
] as const;
export type DeadlinePhase = (typeof DEADLINE_PHASES)[number];

export type LimitKind = "working_days" | "hours";
export interface Limit {
  kind: LimitKind;
  amount: number;
}

/**
 * One line of the editable rule table. A missing category or priority matches any; the most specific line
 * wins (category outweighs priority). `limit: null` means the phase has no deadline and is skipped, which
 * only makes sense for `site_arrival`.
 */
export interface DeadlineRule {
  phase: DeadlinePhase;
  category?: string;
  priority?: Priority;
  limit: Limit | null;
}

export interface ExtensionPolicy {
  maxExtensions: number;
  maxDays: number;
}

/** 12369 practice: one extension (延期) of at most 30 days, approved above. */
export const DEFAULT_EXTENSION_POLICY: ExtensionPolicy = { maxExtensions: 1, maxDays: 30 };

const days = (amount: number): Limit => ({ kind: "working_days", amount });
const hours = (amount: number): Limit => ({ kind: "hours", amount });

/** The line without category or priority is the `normal` value and the fallback for every category. */
function byPriority(
  phase: DeadlinePhase,
  urgent: Limit,
  important: Limit,
  normal: Limit | null,
): DeadlineRule[] {
  return [
    { phase, limit: normal },
    { phase, priority: "important", limit: important },
    { phase, priority: "urgent", limit: urgent },
  ];
}

/**
 * Defaults from 12369 practice (DOMAIN.md §4): answer whether a report is accepted within 15 days, close
 * within 60 days of acceptance; urgent matters move in calendar hours until someone is on site. The normal
 * stage limits after acceptance add up to 55 working days, inside the 60.
 */
export const DEFAULT_DEADLINE_RULES: readonly DeadlineRule[] = [
  ...byPriority("acceptance", hours(2), days(5), days(15)),
  ...byPriority("registration", hours(2), days(2), days(3)),
  ...byPriority("dispatch", hours(2), days(2), days(3)),
  ...byPriority("transfer_acceptance", hours(2), days(2), days(3)),
  ...byPriority("site_arrival", hours(2), hours(24), null),
  // a discharge into a drinking-water source needs someone on site fast even if triaged as normal
  { phase: "site_arrival", category: "drinking_water_source", limit: hours(2) },
  ...byPriority("handling", days(10), days(20), days(30)),
  ...byPriority("rework", days(5), days(10), days(15)),
  ...byPriority("feedback", days(1), days(3), days(5)),
  ...byPriority("verification_request", days(1), days(2), days(3)),
  ...byPriority("verification", days(2), days(3), days(5)),
  ...byPriority("closing", days(1), days(2), days(3)),
  { phase: "overall_close", limit: days(60) },
];

function specificity(rule: DeadlineRule): number {
  return (rule.category === undefined ? 0 : 2) + (rule.priority === undefined ? 0 : 1);
}

/** The limit for a phase, or null when the phase has none; throws if the table has no line at all for it. */
export function resolveLimit(
  rules: readonly DeadlineRule[],
  phase: DeadlinePhase,
  category: string,
  priority: Priority,
): Limit | null {
  let best: DeadlineRule | undefined;
  for (const rule of rules) {
    if (rule.phase !== phase) continue;
    if (rule.category !== undefined && rule.category !== category) continue;
    if (rule.priority !== undefined && rule.priority !== priority) continue;
    if (best === undefined || specificity(rule) > specificity(best)) best = rule;
  }
  if (best === undefined) throw new Error(`no deadline rule for phase ${phase}`);
  return best.limit;
}

/** Problems with an edited rule table, in words; empty when `resolveLimit` is safe for every case. */
export function deadlineRuleErrors(rules: readonly DeadlineRule[]): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const key = `${rule.phase}/${rule.category ?? "*"}/${rule.priority ?? "*"}`;
    if (!DEADLINE_PHASES.includes(rule.phase)) errors.push(`${key}: unknown phase`);
    if (rule.category !== undefined && !MATTER_CATEGORY_CODES.includes(rule.category as never))
      errors.push(`${key}: unknown category`);
    if (rule.priority !== undefined && !PRIORITIES.includes(rule.priority))
      errors.push(`${key}: unknown priority`);
    if (seen.has(key)) errors.push(`${key}: duplicate line`);
    seen.add(key);
    if (rule.limit === null) {
      if (rule.phase !== "site_arrival") errors.push(`${key}: only site_arrival may have no limit`);
    } else if (!Number.isInteger(rule.limit.amount) || rule.limit.amount < 1) {
      errors.push(`${key}: the limit must be a whole number of at least 1`);
    } else if (rule.limit.kind !== "working_days" && rule.limit.kind !== "hours") {
      errors.push(`${key}: unknown limit kind`);
    }
  }
  for (const phase of DEADLINE_PHASES)
    if (!rules.some((r) => r.phase === phase && r.category === undefined && r.priority === undefined))
      errors.push(`${phase}: a line for any category and priority is required`);
  return errors;
}
