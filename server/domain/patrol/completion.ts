import { governingRule, type PlanObject, type PlanRule, periodOf, visitDeadlines } from "./plan.ts";

/** Check-ins at one object: `n` of them at `at` (epoch ms; one row per day is enough, see below). */
export interface VisitCount {
  at: number;
  n: number;
}

export interface ObjectCompletion {
  objectId: number;
  due: number;
  done: number;
}

/**
 * Patrol completion over a window (巡查完成率, DOMAIN.md §5), by the plan's own rule (plan.ts): an object's
 * governing rule asks for n visits per period, the k-th due by start + k·length/n, and a visit is any check-in
 * at the object in the period. A visit counts as due when its deadline falls in the window — after
 * `window.start`, by `window.end` and by `now` — and as done when the object had at least k check-ins in that
 * period by `now`, as the plan counts `done`. Periods begin at Shanghai midnight, so per-day check-in counts
 * give the same answer as single check-ins.
 */
export function patrolCompletion(
  rules: readonly PlanRule[],
  objects: readonly PlanObject[],
  visits: ReadonlyMap<number, readonly VisitCount[]>,
  window: { start: number; end: number },
  now: number,
): ObjectCompletion[] {
  const limit = Math.min(window.end, now);
  // Objects alike (type, flags, grid) share a rule, and objects under one rule share its periods and deadlines
  // in the window: both are worked out once, not per object (a province has ~100k objects and a few rules).
  const ruleOf = new Map<string, PlanRule | null>();
  const scheduleOf = new Map<PlanRule, { start: number; end: number; dueVisits: number[] }[]>();
  const schedule = (rule: PlanRule) => {
    const periods = [];
    for (
      let p = periodOf(rule.frequency, window.start);
      p.start < limit;
      p = periodOf(rule.frequency, p.end)
    ) {
      const dueVisits = visitDeadlines(p.start, p.end, rule.timesPerPeriod).flatMap((deadline, k) =>
        deadline <= window.start || deadline > limit ? [] : [k],
      );
      periods.push({ ...p, dueVisits });
    }
    return periods;
  };
  const result: ObjectCompletion[] = [];
  for (const object of objects) {
    const key = `${object.type}|${object.flags.join(",")}|${object.gridId}|${object.gridLevel}`;
    if (!ruleOf.has(key)) ruleOf.set(key, governingRule(rules, object));
    const rule = ruleOf.get(key);
    if (!rule) continue;
    if (!scheduleOf.has(rule)) scheduleOf.set(rule, schedule(rule));
    const made = (visits.get(object.id) ?? []).filter((v) => v.at <= now);
    let due = 0;
    let done = 0;
    for (const p of scheduleOf.get(rule) ?? []) {
      if (p.dueVisits.length === 0) continue;
      const inPeriod = made.reduce((sum, v) => (v.at >= p.start && v.at < p.end ? sum + v.n : sum), 0);
      due += p.dueVisits.length;
      for (const k of p.dueVisits) if (inPeriod > k) done += 1;
    }
    result.push({ objectId: object.id, due, done });
  }
  return result;
}
