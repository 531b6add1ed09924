-- Department work follows its case to another township (docs/performance.md "Department KPIs"). Migration 0025
-- made a grid move rewrite its cases' paths, and the trigger on `cases` moved each case's own facts (due,
-- closed, open); but the facts of its timeline (hand-overs, re-checks, reworks, extensions), appended once when
-- the event was written, stayed in the old township. A re-check or an extension is credited to the departments
-- the case is with at that moment, which the event did not record, so a later move could not take back exactly
-- what was added: the event now records them, and a case whose township changes (a grid move, a routing
-- override) takes its timeline's facts along, minus under the old township and plus under the new one.

-- The departments a re-check or an extension was credited to (null: written before this migration, or in the
-- same statement as its case, where a before-trigger cannot see the case; read as the case's current ones).
ALTER TABLE case_events ADD COLUMN kpi_department_ids integer[];

-- The departments work on a case is credited to now: the assigned one (receives, handles or leads) and any
-- joint participants; none while no department has the case.
CREATE FUNCTION department_kpi_credited(c cases) RETURNS integer[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN c.assigned_department_id IS NULL THEN '{}'::integer[]
              ELSE array[c.assigned_department_id] || c.participant_department_ids END
$$;

-- Existing events get their case's current departments, which is what migration 0020 counted them for, and
-- exactly what the case machine credited since: a case's departments change only before handling starts
-- (transfer, return, joint investigation from `registered` or `transferred`), and re-checks and extensions
-- come after.
UPDATE case_events e
   SET kpi_department_ids = department_kpi_credited(c)
  FROM cases c
 WHERE c.id = e.case_id AND e.action IN ('record_verification', 'approve_extension');

-- As migration 0020's, except that re-checks and extensions go to the departments their event records.
CREATE OR REPLACE FUNCTION department_kpi_event_facts(e case_events, c cases)
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
    FROM unnest(coalesce(e.kpi_department_ids, department_kpi_credited(c))) d(dept)
   CROSS JOIN LATERAL (
           SELECT 'rechecks' WHERE e.action = 'record_verification'
     UNION ALL SELECT 'reworks' WHERE e.action = 'record_verification' AND e.to_stage <> 'verified'
     UNION ALL SELECT 'extensions' WHERE e.action = 'approve_extension') w(measure)
$$;

-- Fills the credited departments as the event is written. The transitioner updates the case before it writes
-- the event, so the case is read as the event leaves it (as the after-trigger of migration 0020 reads it). The
-- WHEN clause keeps every other event free, and a writer that fills the column (the bulk generator) too.
CREATE FUNCTION department_kpi_event_credit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT department_kpi_credited(c) INTO NEW.kpi_department_ids FROM cases c WHERE c.id = NEW.case_id;
  RETURN NEW;
END $$;
CREATE TRIGGER department_kpi_event_credit BEFORE INSERT ON case_events
  FOR EACH ROW WHEN (NEW.action IN ('record_verification', 'approve_extension') AND NEW.kpi_department_ids IS NULL)
  EXECUTE FUNCTION department_kpi_event_credit();

-- A case whose township changed (a grid move, a routing override) takes its timeline's facts along: each
-- department-work event's facts minus under the old township, plus under the new one. Row by row, and only for
-- an UPDATE that sets grid_path and changes the township (checked in the WHEN clause without calling the
-- function): a transition never sets grid_path and pays nothing. A statement-level trigger would group a large
-- move into fewer deltas, but would cost every transition a look at its transition tables; moves are rare.
CREATE FUNCTION department_kpi_case_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO department_kpi_deltas (department_id, township_id, day, measure, n)
  SELECT x.department_id, x.township_id, x.day, x.measure, sum(x.n)
    FROM case_events e
   CROSS JOIN LATERAL (SELECT f.* FROM department_kpi_event_facts(e, NEW) f
                       UNION ALL
                       SELECT f.department_id, f.township_id, f.day, f.measure, -f.n
                         FROM department_kpi_event_facts(e, OLD) f) x
   WHERE e.case_id = NEW.id
     AND e.action IN ('transfer', 'organize_joint', 'record_verification', 'approve_extension')
   GROUP BY 1, 2, 3, 4
  HAVING sum(x.n) <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER department_kpi_case_moved AFTER UPDATE OF grid_path ON cases
  FOR EACH ROW WHEN (case_kpi_township(OLD.grid_path) <> case_kpi_township(NEW.grid_path))
  EXECUTE FUNCTION department_kpi_case_moved();

-- Repair of moves made before this migration (and of any other drift of the four event measures): correcting
-- deltas, what the timelines count now minus what the township rows and pending deltas hold, rather than a
-- rebuild of the four measures. Only the cells that differ get a delta (a moved village's days, in the old and
-- the new township), the fold adds them to the all-townships rows too (where a pure move nets to zero), and the
-- rollup keeps its rows. One statement, so the events and the deltas their transactions appended are read
-- under one snapshot (an instance still serving during a deploy cannot make it count an event twice).
INSERT INTO department_kpi_deltas (department_id, township_id, day, measure, n)
SELECT x.department_id, x.township_id, x.day, x.measure, sum(x.n)
  FROM (SELECT f.*
          FROM case_events e JOIN cases c ON c.id = e.case_id CROSS JOIN LATERAL department_kpi_event_facts(e, c) f
         WHERE e.action IN ('transfer', 'organize_joint', 'record_verification', 'approve_extension')
        UNION ALL
        SELECT d.department_id, d.township_id, d.day, m.measure, -m.n
          FROM department_kpi_daily d
         CROSS JOIN LATERAL (VALUES ('handed', d.handed), ('rechecks', d.rechecks), ('reworks', d.reworks),
                                    ('extensions', d.extensions)) m(measure, n)
         WHERE d.township_id >= 0 AND m.n <> 0
        UNION ALL
        SELECT p.department_id, p.township_id, p.day, p.measure, -p.n
          FROM department_kpi_deltas p
         WHERE p.measure IN ('handed', 'rechecks', 'reworks', 'extensions')) x
 GROUP BY 1, 2, 3, 4
HAVING sum(x.n) <> 0;
