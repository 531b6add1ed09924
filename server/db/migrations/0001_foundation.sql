-- Foundation: grid tree, departments, users and roles, sessions, settings, tamper-evident audit log.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE grids (
  id          serial PRIMARY KEY,
  parent_id   integer REFERENCES grids(id),
  level       smallint NOT NULL CHECK (level >= 1),
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  name_ug     text,
  kind        text NOT NULL CHECK (kind IN ('district','subdistrict','town','township','farm','zone','village','community')),
  -- Materialized path of ids ('/1/4/27/'): subtree = prefix match, depth is data.
  path        text NOT NULL UNIQUE,
  boundary    geometry(MultiPolygon, 4326),
  retired_at  timestamptz,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((parent_id IS NULL) = (level = 1))
);
CREATE INDEX grids_boundary_gist ON grids USING gist (boundary);
CREATE INDEX grids_path_prefix ON grids (path text_pattern_ops);
CREATE INDEX grids_parent ON grids (parent_id);

CREATE TABLE departments (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  -- 'department': a competent authority cases are routed to; 'supervisory': 人大/政协/督查室/纪检监察.
  kind        text NOT NULL CHECK (kind IN ('department','supervisory')),
  sort_order  integer NOT NULL DEFAULT 0
);

CREATE TABLE users (
  id                  serial PRIMARY KEY,
  username            text NOT NULL,
  display_name        text NOT NULL,
  phone               text,
  password_hash       text NOT NULL,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  failed_login_count  integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  disabled_at         timestamptz,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_ci ON users (lower(username));

CREATE TABLE user_roles (
  id             serial PRIMARY KEY,
  user_id        integer NOT NULL REFERENCES users(id),
  role           text NOT NULL CHECK (role IN ('grid_member','grid_head','township_officer','district_office',
                   'district_leader','department_officer','department_head','supervisor','public',
                   'sys_admin','sec_admin','audit_admin')),
  grid_id        integer REFERENCES grids(id),
  department_id  integer REFERENCES departments(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (role NOT IN ('grid_member','grid_head','township_officer') OR grid_id IS NOT NULL),
  CHECK (role NOT IN ('department_officer','department_head') OR department_id IS NOT NULL)
);
CREATE UNIQUE INDEX user_roles_unique ON user_roles (user_id, role, coalesce(grid_id, 0), coalesce(department_id, 0));

CREATE TABLE sessions (
  id                   serial PRIMARY KEY,
  -- SHA-256 of the opaque cookie token: a leaked table gives no usable session.
  token_hash           text NOT NULL UNIQUE,
  user_id              integer NOT NULL REFERENCES users(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  last_seen_at         timestamptz NOT NULL DEFAULT now(),
  absolute_expires_at  timestamptz NOT NULL,
  ip                   text,
  user_agent           text,
  revoked_at           timestamptz,
  revoked_reason       text
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE system_settings (
  id                      integer PRIMARY KEY CHECK (id = 1),
  tile_url                text NOT NULL DEFAULT '',
  tile_attribution        text NOT NULL DEFAULT '',
  session_idle_minutes    integer NOT NULL DEFAULT 30 CHECK (session_idle_minutes BETWEEN 1 AND 1440),
  session_absolute_hours  integer NOT NULL DEFAULT 12 CHECK (session_absolute_hours BETWEEN 1 AND 168),
  version                 integer NOT NULL DEFAULT 1,
  updated_at              timestamptz NOT NULL DEFAULT now()
);

-- Append-only audit log, hash-chained. Rows are spread over 16 independent chains by transaction id so
-- concurrent writers rarely wait on each other; each chain is serialized by its own advisory lock.
CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  chain        smallint NOT NULL,
  seq          bigint NOT NULL,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     integer,
  actor_name   text,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text,
  ip           text,
  before       jsonb,
  after        jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  UNIQUE (chain, seq)
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);

-- The canonical content of a row: jsonb's text form is deterministic (keys sorted), so the verifier
-- recomputes exactly what the writer hashed.
CREATE FUNCTION audit_row_digest(prev text, r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(prev || '|' || jsonb_build_object(
    'id', r.id, 'chain', r.chain, 'seq', r.seq,
    'at', to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'actorId', r.actor_id, 'actorName', r.actor_name, 'action', r.action,
    'entityType', r.entity_type, 'entityId', r.entity_id, 'ip', r.ip,
    'before', r.before, 'after', r.after)::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  NEW.chain := (txid_current() % 16)::smallint;
  PERFORM pg_advisory_xact_lock(727100, NEW.chain);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_log WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_row_digest(NEW.prev_hash, NEW);
  RETURN NEW;
END $$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
