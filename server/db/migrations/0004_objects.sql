-- The register of supervised objects (DOMAIN.md §3): enterprises, drinking-water source zones, hazards,
-- construction projects, ecological areas, rural remediation sites. Each is located (point or polygon)
-- and placed in a grid by the database itself, on every write of its location and on every change of a
-- grid boundary, whoever makes it. See docs/decisions/0004-supervised-objects.md.

CREATE TABLE supervised_objects (
  id                  serial PRIMARY KEY,
  type                text NOT NULL CHECK (type IN ('enterprise','water_source','hazard',
                        'construction_project','ecological_area','rural_site')),
  name                text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  address             text,
  contact_name        text,
  contact_phone       text,
  -- 行业 for an enterprise, 类别 for the other types (hazard kind, project kind, area kind …).
  category            text,
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active','suspended','retired')),
  location            geometry(Geometry, 4326) NOT NULL
                        CHECK (GeometryType(location) IN ('POINT','POLYGON','MULTIPOLYGON') AND ST_IsValid(location)),
  -- Set by trigger: the deepest live grid containing the location (a village on the demo); NULL only when
  -- a boundary change left the object outside every grid (flagged as unplaced; writes never create one).
  grid_id             integer REFERENCES grids(id),
  -- enterprise (排污企业)
  uscc                text CHECK (uscc ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'),
  permit_number       text CHECK (permit_number ~ '^[0-9A-Z]{17}[0-9A-Za-z][0-9]{3}[A-Z]$'),
  pollutants          text[] NOT NULL DEFAULT '{}',
  key_unit            boolean NOT NULL DEFAULT false,
  -- [{ pollutant, amount, unit, year, disclosed }]: each figure carries its own disclosure flag.
  emissions           jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(emissions) = 'array'),
  -- water_source (饮用水源地保护区): 1 = 一级保护区, 2 = 二级保护区
  water_zone_level    smallint CHECK (water_zone_level IN (1, 2)),
  -- hazard (环境安全隐患/风险源): 重大 / 较大 / 一般
  risk_level          text CHECK (risk_level IN ('major','large','general')),
  -- construction_project (建设项目): 环评状态
  eia_status          text CHECK (eia_status IN ('approved','pending','not_submitted','built_before_approval')),
  -- rural_site (农村环境综合整治点)
  remediation_status  text CHECK (remediation_status IN ('planned','in_progress','completed')),
  retired_at          timestamptz,
  retired_reason      text,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((type = 'enterprise') = (uscc IS NOT NULL)),
  CHECK (type = 'enterprise' OR (permit_number IS NULL AND NOT key_unit AND emissions = '[]'::jsonb)),
  CHECK (type <> 'water_source' OR (water_zone_level IS NOT NULL AND GeometryType(location) <> 'POINT')),
  CHECK (type <> 'hazard' OR risk_level IS NOT NULL),
  CHECK (type <> 'construction_project' OR eia_status IS NOT NULL),
  CHECK (type <> 'rural_site' OR remediation_status IS NOT NULL),
  CHECK ((status = 'retired') = (retired_at IS NOT NULL))
);
CREATE INDEX supervised_objects_location_gist ON supervised_objects USING gist (location);
CREATE INDEX supervised_objects_grid ON supervised_objects (grid_id);
CREATE INDEX supervised_objects_type ON supervised_objects (type, id);
-- One live record per site: a company with several sites (固定污染源) has one permit number per site.
CREATE UNIQUE INDEX supervised_objects_site ON supervised_objects (uscc, coalesce(permit_number, ''))
  WHERE status <> 'retired' AND uscc IS NOT NULL;

-- The grid an object belongs in: the deepest live grid its location touches; a point on a shared border
-- goes to the lower id, a polygon to the grid holding the largest part of it (planar area is enough to
-- rank pieces of one small shape against each other). An invalid geometry has no grid (and the table's
-- CHECK refuses it right after this runs in the BEFORE trigger).
CREATE FUNCTION object_grid_for(geom geometry) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT g.id
    FROM grids g
   WHERE ST_IsValid(geom) AND g.retired_at IS NULL AND g.boundary IS NOT NULL AND ST_Intersects(g.boundary, geom)
   ORDER BY g.level DESC,
            CASE WHEN GeometryType(geom) = 'POINT' THEN 0 ELSE ST_Area(ST_Intersection(g.boundary, geom)) END DESC,
            g.id
   LIMIT 1
$$;

CREATE FUNCTION supervised_objects_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.grid_id := object_grid_for(NEW.location);
  RETURN NEW;
END $$;
CREATE TRIGGER supervised_objects_place BEFORE INSERT OR UPDATE OF location ON supervised_objects
  FOR EACH ROW EXECUTE FUNCTION supervised_objects_place();

-- A grid appears, changes its boundary, level or retires: every object it could win or lose is placed
-- again, and each move is written to the audit log (as "system") so the object's archive shows it.
CREATE FUNCTION grids_replace_objects() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_boundary geometry;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- Compared here, not in the trigger's WHEN: a WHEN clause is stored parsed, and `geometry IS DISTINCT
    -- FROM geometry` cannot be re-created by pg_restore (its empty search_path leaves `=` ambiguous).
    IF OLD.boundary IS NOT DISTINCT FROM NEW.boundary AND OLD.retired_at IS NOT DISTINCT FROM NEW.retired_at
       AND OLD.level IS NOT DISTINCT FROM NEW.level THEN
      RETURN NULL;
    END IF;
    old_boundary := OLD.boundary;
  END IF;
  WITH candidates AS (
    SELECT o.id, o.grid_id AS old_grid, object_grid_for(o.location) AS new_grid
      FROM supervised_objects o
     WHERE o.grid_id = NEW.id
        OR o.grid_id IS NULL
        OR (NEW.boundary IS NOT NULL AND ST_Intersects(o.location, NEW.boundary))
        OR (old_boundary IS NOT NULL AND ST_Intersects(o.location, old_boundary))
  ), moved AS (
    UPDATE supervised_objects o SET grid_id = c.new_grid
      FROM candidates c
     WHERE o.id = c.id AND c.old_grid IS DISTINCT FROM c.new_grid
    RETURNING o.id, c.old_grid, c.new_grid
  )
  INSERT INTO audit_log (actor_name, action, entity_type, entity_id, before, after)
  SELECT 'system', 'object.replace', 'object', m.id::text,
         jsonb_build_object('gridId', m.old_grid),
         jsonb_build_object('gridId', m.new_grid, 'cause', jsonb_build_object('gridId', NEW.id, 'change', lower(TG_OP)))
    FROM moved m;
  RETURN NULL;
END $$;
CREATE TRIGGER grids_replace_objects_insert AFTER INSERT ON grids
  FOR EACH ROW WHEN (NEW.boundary IS NOT NULL) EXECUTE FUNCTION grids_replace_objects();
CREATE TRIGGER grids_replace_objects_update AFTER UPDATE OF boundary, retired_at, level ON grids
  FOR EACH ROW EXECUTE FUNCTION grids_replace_objects();
