-- District KPIs at scale (issue 7, docs/performance.md): the dashboard reads pre-aggregated counts instead
-- of scanning a million cases. Every write to `cases` appends its change as signed deltas (insert-only, so
-- concurrent intakes never wait on a shared counter row); `case_kpi_fold()` (run by the deadline sweep) moves
-- them into one row per (township, day) and one per (township, stage). The dashboard reads rollup + pending
-- deltas in one statement, so it is exact whether or not the fold has run.

-- The level-2 unit of a case ('/1/5/51/' → 5); 0 for a case on the root grid.
CREATE FUNCTION case_kpi_township(grid_path text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(nullif(split_part(grid_path, '/', 3), '')::int, 0)
$$;

-- KPI periods are civil dates in Asia/Shanghai (no DST since 1991).
CREATE FUNCTION case_kpi_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT (at AT TIME ZONE 'Asia/Shanghai')::date
$$;

-- What one case row counts for. Day-keyed measures: reported (by report day, and per source); due, due_closed,
-- due_closed_on_time (by the day its close limit falls: 应结案数 and how many of them were closed, on time);
-- closed and closed_hours (by close day: the average handling time). Stage counts have no day (a snapshot).
CREATE FUNCTION case_kpi_facts(c cases) RETURNS TABLE (township_id integer, day date, measure text, n bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT case_kpi_township(c.grid_path), case_kpi_day(c.reported_at), 'reported', 1::bigint
  UNION ALL SELECT case_kpi_township(c.grid_path), case_kpi_day(c.reported_at), 'source:' || c.source, 1
  UNION ALL SELECT case_kpi_township(c.grid_path), NULL::date, 'stage:' || c.stage, 1
  UNION ALL SELECT case_kpi_township(c.grid_path), case_kpi_day(c.close_due_at), 'due', 1
   WHERE c.close_due_at IS NOT NULL
  UNION ALL SELECT case_kpi_township(c.grid_path), case_kpi_day(c.close_due_at), 'due_closed', 1
   WHERE c.close_due_at IS NOT NULL AND c.closed_at IS NOT NULL
  UNION ALL SELECT case_kpi_township(c.grid_path), case_kpi_day(c.close_due_at), 'due_closed_on_time', 1
   WHERE c.close_due_at IS NOT NULL AND c.closed_at IS NOT NULL AND c.closed_at <= c.close_due_at
  UNION ALL SELECT case_kpi_township(c.grid_path), case_kpi_day(c.closed_at), 'closed', 1
   WHERE c.closed_at IS NOT NULL
  UNION ALL SELECT case_kpi_township(c.grid_path), case_kpi_day(c.closed_at), 'closed_hours',
         round(extract(epoch FROM c.closed_at - c.reported_at) / 3600)::bigint
   WHERE c.closed_at IS NOT NULL
$$;

-- Signed changes not yet folded; no index: the fold empties it every few minutes.
CREATE TABLE case_kpi_deltas (
  township_id integer NOT NULL,
  day         date,
  measure     text NOT NULL,
  n           bigint NOT NULL
);

CREATE TABLE case_kpi_daily (
  township_id             integer NOT NULL,
  day                     date NOT NULL,
  reported                bigint NOT NULL DEFAULT 0,
  src_patrol_finding      bigint NOT NULL DEFAULT 0,
  src_public_report       bigint NOT NULL DEFAULT 0,
  src_petition            bigint NOT NULL DEFAULT 0,
  src_dispute             bigint NOT NULL DEFAULT 0,
  src_monitoring_alert    bigint NOT NULL DEFAULT 0,
  src_superior_task       bigint NOT NULL DEFAULT 0,
  due                     bigint NOT NULL DEFAULT 0,
  due_closed              bigint NOT NULL DEFAULT 0,
  due_closed_on_time      bigint NOT NULL DEFAULT 0,
  closed                  bigint NOT NULL DEFAULT 0,
  closed_hours            bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (township_id, day)
);
-- A district-wide period reads every township's days: by day first.
CREATE INDEX case_kpi_daily_day ON case_kpi_daily (day);

CREATE TABLE case_kpi_stages (
  township_id integer NOT NULL,
  stage       text NOT NULL,
  n           bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (township_id, stage)
);

-- Statement-level with transition tables: a bulk insert of many cases appends one grouped delta per key.
CREATE FUNCTION case_kpi_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_kpi_deltas (township_id, day, measure, n)
    SELECT f.township_id, f.day, f.measure, sum(f.n)
      FROM new_rows r CROSS JOIN LATERAL case_kpi_facts(r) f
     GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO case_kpi_deltas (township_id, day, measure, n)
    SELECT x.township_id, x.day, x.measure, sum(x.n)
      FROM (SELECT f.township_id, f.day, f.measure, f.n
              FROM new_rows r CROSS JOIN LATERAL case_kpi_facts(r) f
            UNION ALL
            SELECT f.township_id, f.day, f.measure, -f.n
              FROM old_rows r CROSS JOIN LATERAL case_kpi_facts(r) f) x
     GROUP BY 1, 2, 3
    HAVING sum(x.n) <> 0;
  ELSE
    INSERT INTO case_kpi_deltas (township_id, day, measure, n)
    SELECT f.township_id, f.day, f.measure, -sum(f.n)
      FROM old_rows r CROSS JOIN LATERAL case_kpi_facts(r) f
     GROUP BY 1, 2, 3;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER case_kpi_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_kpi_capture();
CREATE TRIGGER case_kpi_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_kpi_capture();
CREATE TRIGGER case_kpi_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_kpi_capture();

-- Moves the pending deltas into the rollups; returns how many delta rows it folded. Rows appended by
-- transactions that commit meanwhile stay for the next fold (DELETE sees only what was committed).
CREATE FUNCTION case_kpi_fold() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  folded bigint;
BEGIN
  WITH moved AS (
    DELETE FROM case_kpi_deltas RETURNING township_id, day, measure, n
  ), daily AS (
    INSERT INTO case_kpi_daily AS d (township_id, day, reported, src_patrol_finding, src_public_report,
                                     src_petition, src_dispute, src_monitoring_alert, src_superior_task,
                                     due, due_closed, due_closed_on_time, closed, closed_hours)
    SELECT township_id, day,
           coalesce(sum(n) FILTER (WHERE measure = 'reported'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'source:patrol_finding'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'source:public_report'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'source:petition'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'source:dispute'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'source:monitoring_alert'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'source:superior_task'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'due'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'due_closed'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'due_closed_on_time'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'closed'), 0),
           coalesce(sum(n) FILTER (WHERE measure = 'closed_hours'), 0)
      FROM moved WHERE day IS NOT NULL GROUP BY township_id, day
    ON CONFLICT (township_id, day) DO UPDATE SET
      reported = d.reported + excluded.reported,
      src_patrol_finding = d.src_patrol_finding + excluded.src_patrol_finding,
      src_public_report = d.src_public_report + excluded.src_public_report,
      src_petition = d.src_petition + excluded.src_petition,
      src_dispute = d.src_dispute + excluded.src_dispute,
      src_monitoring_alert = d.src_monitoring_alert + excluded.src_monitoring_alert,
      src_superior_task = d.src_superior_task + excluded.src_superior_task,
      due = d.due + excluded.due,
      due_closed = d.due_closed + excluded.due_closed,
      due_closed_on_time = d.due_closed_on_time + excluded.due_closed_on_time,
      closed = d.closed + excluded.closed,
      closed_hours = d.closed_hours + excluded.closed_hours
    RETURNING 1
  ), stages AS (
    INSERT INTO case_kpi_stages AS s (township_id, stage, n)
    SELECT township_id, substr(measure, 7), sum(n) FROM moved WHERE measure LIKE 'stage:%' GROUP BY 1, 2
    ON CONFLICT (township_id, stage) DO UPDATE SET n = s.n + excluded.n
    RETURNING 1
  )
  SELECT count(*) INTO folded FROM moved;
  RETURN folded;
END $$;

-- Existing cases: counted once, then folded.
INSERT INTO case_kpi_deltas (township_id, day, measure, n)
SELECT f.township_id, f.day, f.measure, sum(f.n) FROM cases c CROSS JOIN LATERAL case_kpi_facts(c) f GROUP BY 1, 2, 3;
SELECT case_kpi_fold();

-- Overdue counts per township stay live (they depend on the clock): an index-only scan of the open
-- deadlines that carries each case's township (and its path, for a township officer's scope).
CREATE INDEX cases_open_deadline_township ON cases (deadline_due_at, case_kpi_township(grid_path)) INCLUDE (grid_path)
  WHERE deadline_due_at IS NOT NULL;
-- Working lists are mostly lists of open cases: scoped by subtree, or district-wide by category, newest first.
CREATE INDEX cases_open_path ON cases (grid_path text_pattern_ops) WHERE deadline_due_at IS NOT NULL;
CREATE INDEX cases_open_category ON cases (category, reported_at DESC, id DESC) WHERE deadline_due_at IS NOT NULL;
