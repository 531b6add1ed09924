-- Department KPIs (DOMAIN.md §5, docs/performance.md): GET /api/dashboard/departments counts a period's
-- department work without scanning every case or every timeline event. All three indexes are partial, so
-- intake (no department yet, a 'created' event) never writes to them.

-- Hand-overs (移交, joint investigations), re-checks and approved extensions of a period, by time.
CREATE INDEX case_events_department_work ON case_events (at)
  WHERE action IN ('transfer', 'organize_joint', 'record_verification', 'approve_extension');
-- 应结案数 and closures of department cases in a period.
CREATE INDEX cases_department_close_due ON cases (close_due_at) WHERE assigned_department_id IS NOT NULL;
CREATE INDEX cases_department_closed ON cases (closed_at) WHERE assigned_department_id IS NOT NULL;
-- Open department cases now (and which of them are overdue).
CREATE INDEX cases_open_department ON cases (assigned_department_id) INCLUDE (deadline_due_at)
  WHERE deadline_due_at IS NOT NULL AND assigned_department_id IS NOT NULL;
