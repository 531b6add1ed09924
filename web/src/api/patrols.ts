import type { PatrolPlanEntry } from "../../../api-types/patrols";
import { request } from "./client";

export type { PatrolPlanEntry } from "../../../api-types/patrols";

const PLAN_CACHE = "envgrid-field-plan";

/** The caller's due list; the last one fetched is kept for offline use. */
export async function fetchPlan(): Promise<{ items: PatrolPlanEntry[]; offline: boolean }> {
  try {
    const plan = await request<{ items: PatrolPlanEntry[] }>("GET", "/api/patrols/plan");
    localStorage.setItem(PLAN_CACHE, JSON.stringify(plan.items));
    return { items: plan.items, offline: false };
  } catch (error) {
    const cached = localStorage.getItem(PLAN_CACHE);
    if (cached) return { items: JSON.parse(cached) as PatrolPlanEntry[], offline: true };
    throw error;
  }
}
