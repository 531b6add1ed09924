-- Department KPIs at scale (docs/performance.md "Department KPIs"): GET /api/dashboard/departments reads
-- pre-aggregated counts, as the district dashboard does (migration 0009), instead of a quarter's events and
-- department cases, which grew tenfold with tenfold data. Every change to `cases` and every department-work
-- event appends signed deltas (insert-only: concurrent writers never wait on a shared counter row);
-- `department_kpi_fold()` (run by the deadline sweep) moves them into one row per department, township and
-- day, plus one per department and day for all townships together (what district-wide and department readers
-- read: bounded by departments × days, whatever the number of townships). Open cases per department and
-- township are a snapshot. The endpoint reads rollups + pending deltas: exact whether or not the fold has run.

-- What a department case counts for, once for every department it is with (the assigned one, which receives,
-- handles or leads, and any joint participants): 应结案数 and how many of them were closed, on time, or were
-- extended (by the day its close limit falls); closures (by close day); open now (no day).
CREATE FUNCTION department_kpi_case_facts(c cases)
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
     UNION ALL SELECT NULL::date, 'open' WHERE c.deadline_due_at IS NOT NULL) f(day, measure)
   WHERE c.assigned_department_id IS NOT NULL
$$;

-- What a timeline event counts for, on the day it happened and in the township of its case: a hand-over
-- (移交 to one department; a joint investigation to its lead and each participant), and for the departments
-- the case is with when it happens, a re-check (a rework when it failed) and an approved extension.
CREATE FUNCTION department_kpi_event_facts(e case_events, c cases)
RETURNS TABLE (department_id integer, township_id integer, day date, measure text, n bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT h.dept::int, case_kpi_township(c.grid_path), case_kpi_day(e.at), 'handed', 1::bigint
    FROM jsonb_array_elements_text(CASE e.action
           WHEN 'transfer' THEN jsonb_build_array(e.data -> 'departmentId')
           WHEN 'organize_joint' THEN jsonb_build_array(e.data -> 'leadDepartmentId')
                                      || coalesce(e.data -> 'participantDepartmentIds', '[]')
           ELSE '[]' END) h(dept)
   WHERE h.dept IS NOT NULL
  UNION ALL
  SELECT d.dept, case_kpi_township(c.grid_path), case_kpi_day(e.at), w.measure, 1
    FROM unnest(array[c.assigned_department_id] || c.participant_department_ids) d(dept)
   CROSS JOIN LATERAL (
           SELECT 'rechecks' WHERE e.action = 'record_verification'
     UNION ALL SELECT 'reworks' WHERE e.action = 'record_verification' AND e.to_stage <> 'verified'
     UNION ALL SELECT 'extensions' WHERE e.action = 'approve_extension') w(measure)
   WHERE c.assigned_department_id IS NOT NULL
$$;

-- Signed changes not yet folded; no index: the fold empties it every few minutes.
CREATE TABLE department_kpi_deltas (
  department_id integer NOT NULL,
  township_id   integer NOT NULL,
  day           date,
  measure       text NOT NULL,
  n             bigint NOT NULL
);

-- township_id: the level-2 unit (0: the root grid), or -1 for all townships together.
CREATE TABLE department_kpi_daily (
  department_id      integer NOT NULL,
  township_id        integer NOT NULL,
  day                date NOT NULL,
  handed             bigint NOT NULL DEFAULT 0,
  rechecks           bigint NOT NULL DEFAULT 0,
  reworks            bigint NOT NULL DEFAULT 0,
  extensions         bigint NOT NULL DEFAULT 0,
  due                bigint NOT NULL DEFAULT 0,
  due_closed         bigint NOT NULL DEFAULT 0,
  due_closed_on_time bigint NOT NULL DEFAULT 0,
  due_extended       bigint NOT NULL DEFAULT 0,
  closed             bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (township_id, day, department_id)
);

CREATE TABLE department_kpi_open (
  department_id integer NOT NULL,
  township_id   integer NOT NULL,
  n             bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (department_id, township_id)
);

-- Inserts are captured row by row, and only for a case that already has a department (the seed, bulk loads):
-- the WHEN clause is checked without calling the function, so intake (no department yet) pays nothing.
CREATE FUNCTION department_kpi_case_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO department_kpi_deltas (department_id, township_id, day, measure, n)
  SELECT * FROM department_kpi_case_facts(NEW);
  RETURN NULL;
END $$;
CREATE TRIGGER department_kpi_insert AFTER INSERT ON cases
  FOR EACH ROW WHEN (NEW.assigned_department_id IS NOT NULL) EXECUTE FUNCTION department_kpi_case_inserted();

-- Updates and deletes statement by statement with transition tables, as case_kpi_capture: a bulk update (a key
-- rotation, a grid move) appends one grouped delta per key, and a change that moves no fact appends nothing.
CREATE FUNCTION department_kpi_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO department_kpi_deltas (department_id, township_id, day, measure, n)
    SELECT x.department_id, x.township_id, x.day, x.measure, sum(x.n)
      FROM (SELECT f.* FROM new_rows r CROSS JOIN LATERAL department_kpi_case_facts(r) f
            UNION ALL
            SELECT f.department_id, f.township_id, f.day, f.measure, -f.n
              FROM old_rows r CROSS JOIN LATERAL department_kpi_case_facts(r) f) x
     GROUP BY 1, 2, 3, 4
    HAVING sum(x.n) <> 0;
  ELSE
    INSERT INTO department_kpi_deltas (department_id, township_id, day, measure, n)
    SELECT f.department_id, f.township_id, f.day, f.measure, -sum(f.n)
      FROM old_rows r CROSS JOIN LATERAL department_kpi_case_facts(r) f
     GROUP BY 1, 2, 3, 4;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER department_kpi_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION department_kpi_case_changed();
CREATE TRIGGER department_kpi_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION department_kpi_case_changed();

-- The timeline is append-only: inserts are all there is to count, and only of the four department-work actions
-- (checked in the WHEN clause: intake's 'created' event pays nothing). After-row triggers run at the end of
-- the statement, and the transitioner updates the case before it writes the event, so the case is read as the
-- event leaves it: work is credited to the departments that did it.
CREATE FUNCTION department_kpi_event_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO department_kpi_deltas (department_id, township_id, day, measure, n)
  SELECT f.* FROM cases c CROSS JOIN LATERAL department_kpi_event_facts(NEW, c) f WHERE c.id = NEW.case_id;
  RETURN NULL;
END $$;
CREATE TRIGGER department_kpi_events AFTER INSERT ON case_events
  FOR EACH ROW WHEN (NEW.action IN ('transfer', 'organize_joint', 'record_verification', 'approve_extension'))
  EXECUTE FUNCTION department_kpi_event_inserted();

-- Moves the pending deltas into the rollups; returns how many delta rows it folded (rows appended by
-- transactions that commit meanwhile stay for the next fold). Each day-keyed delta goes to its township's
-- row and to the all-townships row (-1) of its department and day.
CREATE FUNCTION department_kpi_fold() RETURNS bigint LANGUAGE plpgsql AS $$
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
      FROM moved WHERE day IS NOT NULL
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
    INSERT INTO department_kpi_open AS o (department_id, township_id, n)
    SELECT department_id, township_id, sum(n) FROM moved WHERE measure = 'open' GROUP BY 1, 2
    ON CONFLICT (department_id, township_id) DO UPDATE SET n = o.n + excluded.n
    RETURNING 1
  )
  SELECT count(*) INTO folded FROM moved;
  RETURN folded;
END $$;

-- Existing cases and timelines: counted once, then folded.
INSERT INTO department_kpi_deltas (department_id, township_id, day, measure, n)
SELECT f.department_id, f.township_id, f.day, f.measure, sum(f.n)
  FROM cases c CROSS JOIN LATERAL department_kpi_case_facts(c) f GROUP BY 1, 2, 3, 4;
INSERT INTO department_kpi_deltas (department_id, township_id, day, measure, n)
SELECT f.department_id, f.township_id, f.day, f.measure, sum(f.n)
  FROM case_events e JOIN cases c ON c.id = e.case_id CROSS JOIN LATERAL department_kpi_event_facts(e, c) f
 WHERE e.action IN ('transfer', 'organize_joint', 'record_verification', 'approve_extension')
 GROUP BY 1, 2, 3, 4;
SELECT department_kpi_fold();

-- The slices migration 0018 indexed are no longer read. Overdue stays live (it depends on the clock): an
-- index-only range scan of the overdue department cases, carrying what the count is split by.
DROP INDEX IF EXISTS case_events_department_work;
DROP INDEX IF EXISTS cases_department_close_due;
DROP INDEX IF EXISTS cases_department_closed;
DROP INDEX IF EXISTS cases_open_department;
CREATE INDEX cases_department_deadline ON cases (deadline_due_at)
  INCLUDE (assigned_department_id, participant_department_ids, grid_path)
  WHERE deadline_due_at IS NOT NULL AND assigned_department_id IS NOT NULL;
