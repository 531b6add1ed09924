import { request } from "./client";

export interface PlanEntry {
  objectId: number;
  objectName: string;
  objectType: string;
  address: string | null;
  gridName: string;
  lon: number;
  lat: number;
  frequency: string;
  required: number;
  done: number;
  nextDueAt: string | null;
  lastVisitAt: string | null;
  overdue: boolean;
  status: "done" | "due" | "overdue";
  checklist: { key: string; label: string }[];
}

const PLAN_CACHE = "envgrid-field-plan";

/** The caller's due list; the last one fetched is kept for offline use. */
export async function fetchPlan(): Promise<{ items: PlanEntry[]; offline: boolean }> {
  try {
    const plan = await request<{ items: PlanEntry[] }>("GET", "/api/patrols/plan");
    localStorage.setItem(PLAN_CACHE, JSON.stringify(plan.items));
    return { items: plan.items, offline: false };
  } catch (error) {
    const cached = localStorage.getItem(PLAN_CACHE);
    if (cached) return { items: JSON.parse(cached) as PlanEntry[], offline: true };
    throw error;
  }
}
