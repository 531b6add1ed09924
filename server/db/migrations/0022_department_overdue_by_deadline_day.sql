-- Department overdue counts from the rollup (docs/performance.md "Department KPIs"). Migration 0020 kept open
-- department cases as one count per department and township and counted overdue ones live from `cases`: that
-- part grew with the data (12,000 overdue department cases at 1M cases, ~5 ms of the endpoint's 7). The open
-- snapshot is now kept per deadline day too: every case whose deadline fell before today is overdue whatever
-- the hour, so only the cases whose deadline falls today are still counted live (bounded by a day's work).
-- As the day-keyed rollup, each row also goes to the all-townships row (-1) of its department and day.

-- Pending deltas of the old shape (open without a day) go into the old snapshot before it is rebuilt.
SELECT department_kpi_fold();

-- As migration 0020's, except that `open` carries the (Beijing) day of the running deadline.
CREATE OR REPLACE FUNCTION department_kpi_case_facts(c cases)
RETURNS TABLE (department_id integer, township_id integer, day date, measure text, n bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT d.dept, case_kpi_township(c.grid_path), f.day, f.measure, 1::bigint
    FROM unnest(array[c.assigned_department_id] || c.participant_department_ids) d(dept)
   CROSS JOIN LATERAL (
           SELECT case_kpi_day(c.close_due_at), 'due' WHERE c.close_due_at IS NOT NULL
     UNION ALL SELECT case_kpi_day(c.close_due_at), 'due_closed'
                WHERE c.close_due_at IS NOT NULL AND c.closed_at IS NOT NULL
     UNION ALL SELECT case_kpi_day(c.close_due_at), 'due_closed_on_time'
                WHERE c.close_due_at IS NOT NULL AND c.closed_at <= c.close_due_at
     UNION ALL SELECT case_kpi_day(c.close_due_at), 'due_extended'
                WHERE c.close_due_at IS NOT NULL AND c.extensions_granted > 0
     UNION ALL SELECT case_kpi_day(c.closed_at), 'closed' WHERE c.closed_at IS NOT NULL
     UNION ALL SELECT case_kpi_day(c.deadline_due_at), 'open' WHERE c.deadline_due_at IS NOT NULL) f(day, measure)
   WHERE c.assigned_department_id IS NOT NULL
$$;

-- township_id: the level-2 unit (0: the root grid), or -1 for all townships together; day: the deadline's.
CREATE TABLE department_kpi_open_by_day (
  township_id   integer NOT NULL,
  department_id integer NOT NULL,
  day           date NOT NULL,
  n             bigint NOT NULL,
  PRIMARY KEY (township_id, department_id, day)
);

INSERT INTO department_kpi_open_by_day (township_id, department_id, day, n)
SELECT coalesce(f.township_id, -1), f.department_id, f.day, sum(f.n)
  FROM cases c CROSS JOIN LATERAL department_kpi_case_facts(c) f
 WHERE f.measure = 'open'
 GROUP BY GROUPING SETS ((f.department_id, f.township_id, f.day), (f.department_id, f.day));

DROP TABLE department_kpi_open;

-- As migration 0020's fold; open deltas go to their township's and the all-townships row of their day, and a
-- day whose cases have all moved on is removed, so the snapshot stays as small as the open cases' deadlines.
CREATE OR REPLACE FUNCTION department_kpi_fold() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  folded bigint;
BEGIN
  WITH moved AS (
    DELETE FROM department_kpi_deltas RETURNING department_id, township_id, day, measure, n
  ), daily AS (
    INSERT INTO department_kpi_daily AS d (department_id, township_id, day, handed, rechecks, reworks, extensions,
                                           due, due_closed, due_closed_on_time, due_extended, closed)
    SELECT department_id, coalesce(township_id, -1), day,
           coalesce(sum(n) FILTER (WHERE measure = 'handed'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'rechecks'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'reworks'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'extensions'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'due'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'due_closed'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'due_closed_on_time'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'due_extended'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'closed'), 0)
      FROM moved WHERE day IS NOT NULL AND measure <> 'open'
     GROUP BY GROUPING SETS ((department_id, township_id, day), (department_id, day))
    ON CONFLICT (township_id, day, department_id) DO UPDATE SET
      handed = d.handed + excluded.handed,
      rechecks = d.rechecks + excluded.rechecks,
      reworks = d.reworks + excluded.reworks,
      extensions = d.extensions + excluded.extensions,
      due = d.due + excluded.due,
      due_closed = d.due_closed + excluded.due_closed,
      due_closed_on_time = d.due_closed_on_time + excluded.due_closed_on_time,
      due_extended = d.due_extended + excluded.due_extended,
      closed = d.closed + excluded.closed
    RETURNING 1
  ), open AS (
    INSERT INTO department_kpi_open_by_day AS o (township_id, department_id, day, n)
    SELECT coalesce(township_id, -1), department_id, day, sum(n)
      FROM moved WHERE measure = 'open'
     GROUP BY GROUPING SETS ((department_id, township_id, day), (department_id, day))
    ON CONFLICT (township_id, department_id, day) DO UPDATE SET n = o.n + excluded.n
    RETURNING 1
  )
  SELECT count(*) INTO folded FROM moved;
  DELETE FROM department_kpi_open_by_day WHERE n = 0;
  RETURN folded;
END $$;

-- The live part is now one day of deadlines: the same index serves its range.
COMMENT ON INDEX cases_department_deadline IS 'department cases whose deadline falls today (overdue so far)';
