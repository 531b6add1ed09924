/** The KPI page shows the parts the user may read: townships' and patrols' (first), departments' (second). */
export const DASHBOARD_PERMISSIONS = ["dashboard.read", "department_kpis.read"] as const;
