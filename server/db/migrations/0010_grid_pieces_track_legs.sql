-- Placing a point in its grid (case intake routing, benchmarks) against whole boundaries costs a
-- point-in-polygon test over every vertex of each candidate, and the district's and townships' outlines have
-- thousands. Boundaries cut into small pieces (ST_Subdivide, at most 64 vertices each) with their own GiST
-- index make each test a short one. Only live grids with a boundary have pieces; the trigger keeps them in
-- step with every write to grids, so no command has to remember them.
CREATE TABLE grid_pieces (
  grid_id integer NOT NULL REFERENCES grids(id) ON DELETE CASCADE,
  level   smallint NOT NULL,
  piece   geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX grid_pieces_piece_gist ON grid_pieces USING gist (piece);
CREATE INDEX grid_pieces_grid ON grid_pieces (grid_id);

CREATE FUNCTION grid_pieces_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM grid_pieces WHERE grid_id = NEW.id;
  IF NEW.retired_at IS NULL AND NEW.boundary IS NOT NULL THEN
    INSERT INTO grid_pieces (grid_id, level, piece)
    SELECT NEW.id, NEW.level, p.geom
      FROM ST_Subdivide(NEW.boundary, 64) s(geom), ST_Dump(s.geom) p
     WHERE GeometryType(p.geom) = 'POLYGON';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER grid_pieces_on_insert AFTER INSERT ON grids
  FOR EACH ROW EXECUTE FUNCTION grid_pieces_refresh();
CREATE TRIGGER grid_pieces_on_update AFTER UPDATE OF boundary, retired_at, level ON grids
  FOR EACH ROW EXECUTE FUNCTION grid_pieces_refresh();

INSERT INTO grid_pieces (grid_id, level, piece)
SELECT g.id, g.level, p.geom
  FROM grids g, ST_Subdivide(g.boundary, 64) s(geom), ST_Dump(s.geom) p
 WHERE g.retired_at IS NULL AND g.boundary IS NOT NULL AND GeometryType(p.geom) = 'POLYGON';
ANALYZE grid_pieces;

-- Each track point keeps the length of its leg from the previous unflagged point (NULL when flagged or first),
-- so a patrol's distance is a plain sum and a batch only measures the legs it changed, not the whole walk
-- again (a four-hour patrol has ~5,000 points; the field app sends them ten at a time).
ALTER TABLE patrol_track_points ADD COLUMN leg_m double precision;
UPDATE patrol_track_points p SET leg_m = l.leg
  FROM (SELECT patrol_id, t,
               ST_Distance(geography(ST_SetSRID(ST_MakePoint(lon, lat), 4326)),
                           geography(ST_SetSRID(ST_MakePoint(lag(lon) OVER w, lag(lat) OVER w), 4326))) AS leg
          FROM patrol_track_points WHERE flags = 0
        WINDOW w AS (PARTITION BY patrol_id ORDER BY t)) l
 WHERE p.patrol_id = l.patrol_id AND p.t = l.t;
