/**
 * Patrol plans (巡查计划) from the 定任务 rules (patrol_rules) × the supervised objects of each grid.
 * Pure: no I/O, every time is epoch milliseconds, periods are calendar periods in Asia/Shanghai
 * (UTC+8 all year, no daylight saving since 1991): a day from 00:00, a week from Monday 00:00, a month from
 * the 1st, a quarter from 1 Jan/Apr/Jul/Oct. A rule asking for n visits per period spreads them evenly:
 * the k-th visit is due by start + k·(length/n); a visit is any check-in at the object in the period.
 * When several rules apply to one object the most demanding one (visits per day) is kept.
 * Holidays do not change patrol duty (issue 5: irrelevant unless configured).
 */

export type Frequency = "daily" | "weekly" | "monthly" | "quarterly";

export interface PlanRule {
  id: number;
  gridLevel: number | null;
  gridId: number | null;
  objectType: string | null;
  objectFlag: string | null;
  frequency: Frequency;
  timesPerPeriod: number;
}

export interface PlanObject {
  id: number;
  type: string;
  flags: readonly string[];
  gridId: number;
  gridLevel: number;
}

export interface PlanItem {
  objectId: number;
  ruleId: number;
  frequency: Frequency;
  required: number;
  done: number;
  periodStart: number;
  periodEnd: number;
  /** When the next visit is due (null when the period's visits are done). */
  nextDueAt: number | null;
  /** A visit's deadline in this period passed without it. */
  overdue: boolean;
  /** The previous period ended with fewer visits than required. */
  previousMissed: boolean;
  lastVisitAt: number | null;
  status: "done" | "due" | "overdue";
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR; // Asia/Shanghai

const NOMINAL_DAYS: Record<Frequency, number> = { daily: 1, weekly: 7, monthly: 30, quarterly: 91 };

/** [start, end) of the period containing `at`, in epoch ms. */
export function periodOf(frequency: Frequency, at: number): { start: number; end: number } {
  const local = new Date(at + OFFSET);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  const midnight = Date.UTC(y, m, d) - OFFSET;
  switch (frequency) {
    case "daily":
      return { start: midnight, end: midnight + DAY };
    case "weekly": {
      const sinceMonday = (local.getUTCDay() + 6) % 7;
      const start = midnight - sinceMonday * DAY;
      return { start, end: start + 7 * DAY };
    }
    case "monthly":
      return { start: Date.UTC(y, m, 1) - OFFSET, end: Date.UTC(y, m + 1, 1) - OFFSET };
    case "quarterly": {
      const q = Math.floor(m / 3) * 3;
      return { start: Date.UTC(y, q, 1) - OFFSET, end: Date.UTC(y, q + 3, 1) - OFFSET };
    }
  }
}

/** Deadlines of the visits of one period: the k-th (1-based) at start + k·length/n. */
export function visitDeadlines(start: number, end: number, times: number): number[] {
  const length = end - start;
  return Array.from({ length: times }, (_, i) => start + Math.round(((i + 1) * length) / times));
}

export function ruleApplies(rule: PlanRule, object: PlanObject): boolean {
  if (rule.gridId !== null ? rule.gridId !== object.gridId : rule.gridLevel !== object.gridLevel)
    return false;
  if (rule.objectType !== null && rule.objectType !== object.type) return false;
  if (rule.objectFlag !== null && !object.flags.includes(rule.objectFlag)) return false;
  return rule.objectType !== null || rule.objectFlag !== null;
}

const rate = (rule: PlanRule) => rule.timesPerPeriod / NOMINAL_DAYS[rule.frequency];

/** The rule governing an object: the most demanding applicable one (ties: the lower id). */
export function governingRule(rules: readonly PlanRule[], object: PlanObject): PlanRule | null {
  let best: PlanRule | null = null;
  for (const rule of rules) {
    if (!ruleApplies(rule, object)) continue;
    if (!best || rate(rule) > rate(best) || (rate(rule) === rate(best) && rule.id < best.id)) best = rule;
  }
  return best;
}

/**
 * One plan item per object that some rule covers. `visits` are check-in times per object id (any order).
 */
export function buildPlan(
  rules: readonly PlanRule[],
  objects: readonly PlanObject[],
  visits: ReadonlyMap<number, readonly number[]>,
  now: number,
): PlanItem[] {
  const items: PlanItem[] = [];
  for (const object of objects) {
    const rule = governingRule(rules, object);
    if (!rule) continue;
    const { start, end } = periodOf(rule.frequency, now);
    const previous = periodOf(rule.frequency, start - 1);
    const times = visits.get(object.id) ?? [];
    const done = times.filter((t) => t >= start && t < end && t <= now).length;
    const donePrevious = times.filter((t) => t >= previous.start && t < previous.end).length;
    const deadlines = visitDeadlines(start, end, rule.timesPerPeriod);
    const passed = deadlines.filter((d) => d <= now).length;
    const overdue = passed > done;
    const nextDueAt = done < deadlines.length ? deadlines[done] : null;
    const past = times.filter((t) => t <= now);
    items.push({
      objectId: object.id,
      ruleId: rule.id,
      frequency: rule.frequency,
      required: rule.timesPerPeriod,
      done: Math.min(done, rule.timesPerPeriod),
      periodStart: start,
      periodEnd: end,
      nextDueAt,
      overdue,
      previousMissed: donePrevious < rule.timesPerPeriod,
      lastVisitAt: past.length ? Math.max(...past) : null,
      status: overdue ? "overdue" : done >= rule.timesPerPeriod ? "done" : "due",
    });
  }
  // Overdue first, then by the next deadline, then by object id: a stable "what to do next" order.
  const rank = { overdue: 0, due: 1, done: 2 } as const;
  return items.sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (a.nextDueAt ?? Number.MAX_SAFE_INTEGER) - (b.nextDueAt ?? Number.MAX_SAFE_INTEGER) ||
      a.objectId - b.objectId,
  );
}

/**
 * A blind spot (盲区): an object whose required patrol is overdue now, or was missed last period and has not
 * been visited since. A visit this period closes last period's gap: the map and the member's list then agree.
 */
export const isBlindSpot = (item: Pick<PlanItem, "overdue" | "previousMissed" | "done">) =>
  item.overdue || (item.previousMissed && item.done === 0);
