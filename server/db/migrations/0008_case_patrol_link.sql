-- A case found on patrol (网格巡查发现) keeps the patrol it was found on and the supervised object it concerns,
-- so the case shows where it came from and the object's archive lists its cases (issue 5, docs/patrol.md).
ALTER TABLE cases
  ADD COLUMN patrol_id integer REFERENCES patrols(id),
  ADD COLUMN object_id integer REFERENCES supervised_objects(id);

-- The object archive lists an object's cases newest first; few cases have an object, hence partial.
CREATE INDEX cases_object_idx ON cases (object_id, reported_at DESC) WHERE object_id IS NOT NULL;
CREATE INDEX cases_patrol_idx ON cases (patrol_id) WHERE patrol_id IS NOT NULL;
