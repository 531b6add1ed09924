-- Patrol in the field (issue 5, docs/patrol.md): patrols, GPS tracks, check-ins at supervised objects,
-- and the idempotency keys of the field app's submissions.

CREATE TABLE patrols (
  id            serial PRIMARY KEY,
  member_id     integer NOT NULL REFERENCES users(id),
  -- The grid the member patrols (copied path for the scoped ledger).
  grid_id       integer NOT NULL REFERENCES grids(id),
  started_at    timestamptz NOT NULL,
  finished_at   timestamptz,
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active','finished')),
  -- Distance of the plausible track in metres, computed on finish (and kept fresh by late batches).
  distance_m    integer NOT NULL DEFAULT 0,
  point_count   integer NOT NULL DEFAULT 0,
  note          text CHECK (length(note) <= 2000),
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'finished') = (finished_at IS NOT NULL)),
  CHECK (finished_at IS NULL OR finished_at >= started_at)
);
CREATE INDEX patrols_grid_started ON patrols (grid_id, started_at DESC);
CREATE INDEX patrols_member_started ON patrols (member_id, started_at DESC);

-- GPS track points. Designed for hundreds of millions of rows: range-partitioned by month on t (one
-- partition per calendar month, UTC), no geometry column (two doubles are half the size and a geography
-- is built only when a distance is needed), the primary key (patrol_id, t) makes replayed and out-of-order
-- batches idempotent and serves "one patrol's track in time order" from one index range per partition.
-- Old months can be detached and archived (ALTER TABLE … DETACH PARTITION) without touching live ones.
-- flags (bit mask): 1 speed above the limit from the previous point, 2 accuracy worse than the limit,
-- 4 time went backwards within its batch (device clock), 8 outside the district.
CREATE TABLE patrol_track_points (
  patrol_id   integer NOT NULL,
  t           timestamptz NOT NULL,
  lon         double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat         double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  accuracy    real CHECK (accuracy >= 0),
  flags       smallint NOT NULL DEFAULT 0,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (patrol_id, t)
) PARTITION BY RANGE (t);

-- Creates the month's partition when missing; the ingest calls it for every month a batch touches, so a
-- point never lacks a partition (no DEFAULT partition: it would have to be scanned on every new month).
CREATE FUNCTION patrol_track_ensure_partition(at timestamptz) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', at AT TIME ZONE 'UTC')::date;
  name text := 'patrol_track_points_' || to_char(m, 'YYYYMM');
BEGIN
  IF to_regclass(name) IS NULL THEN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF patrol_track_points FOR VALUES FROM (%L) TO (%L)',
                   name, (m::timestamp AT TIME ZONE 'UTC'), ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
  END IF;
  RETURN name;
END $$;

-- Partitions ahead: the last 12 months and the next 12.
DO $$
DECLARE i integer;
BEGIN
  FOR i IN -12..12 LOOP
    PERFORM patrol_track_ensure_partition(date_trunc('month', now()) + make_interval(months => i));
  END LOOP;
END $$;

CREATE TABLE patrol_checkins (
  id              serial PRIMARY KEY,
  patrol_id       integer NOT NULL REFERENCES patrols(id),
  object_id       integer NOT NULL REFERENCES supervised_objects(id),
  at              timestamptz NOT NULL,
  lon             double precision NOT NULL,
  lat             double precision NOT NULL,
  accuracy        real,
  distance_m      integer NOT NULL,
  -- { itemKey: "ok" | "problem" | "na" } against the object type's checklist
  answers         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(answers) = 'object'),
  -- What was found (a case is opened from it once the case loop is in the tree).
  finding         text CHECK (length(finding) <= 2000),
  photo           bytea,
  photo_type      text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patrol_checkins_object_at ON patrol_checkins (object_id, at DESC);
CREATE INDEX patrol_checkins_patrol ON patrol_checkins (patrol_id);

-- Idempotency keys of the field app's submissions: the same key from the same account returns the first
-- answer (ARCHITECTURE.md house rules). Kept for 30 days by nothing yet (small rows).
CREATE TABLE patrol_idempotency (
  user_id     integer NOT NULL REFERENCES users(id),
  key         text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  operation   text NOT NULL,
  response    jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
