-- Grid administration: every earlier state of a grid is kept, and grids are never deleted.

-- One row per superseded state of a grid: the row as it was at `version`, boundary included. The current
-- state stays in `grids`; together they are the grid's full history. Rows are written by the trigger below,
-- so no write path (API, import, seed, a future command) can change a grid without leaving its old state.
CREATE TABLE grid_versions (
  id            bigserial PRIMARY KEY,
  grid_id       integer NOT NULL REFERENCES grids(id),
  version       integer NOT NULL,
  parent_id     integer,
  level         smallint NOT NULL,
  code          text NOT NULL,
  name          text NOT NULL,
  name_ug       text,
  kind          text NOT NULL,
  path          text NOT NULL,
  boundary      geometry(MultiPolygon, 4326),
  retired_at    timestamptz,
  -- When this state began (the grid's updated_at then) and when it was replaced.
  valid_from    timestamptz NOT NULL,
  valid_to      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (grid_id, version)
);

-- Only versioned changes are history: a command bumps `version` for every change it makes (the subtree of a
-- moved grid included), so each superseded version is recorded exactly once.
CREATE FUNCTION grid_versions_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO grid_versions (grid_id, version, parent_id, level, code, name, name_ug, kind, path, boundary,
                             retired_at, valid_from)
  VALUES (OLD.id, OLD.version, OLD.parent_id, OLD.level, OLD.code, OLD.name, OLD.name_ug, OLD.kind, OLD.path,
          OLD.boundary, OLD.retired_at, OLD.updated_at);
  RETURN NEW;
END $$;
CREATE TRIGGER grid_versions_record AFTER UPDATE ON grids
  FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version) EXECUTE FUNCTION grid_versions_record();

-- A grid is retired (retired_at), never deleted: cases, patrols and contracts keep pointing at it.
CREATE FUNCTION grids_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'grids are retired, never deleted' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER grids_no_delete BEFORE DELETE ON grids FOR EACH ROW EXECUTE FUNCTION grids_refuse_delete();
