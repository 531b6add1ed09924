-- The grid's 五定 (plan §三(二)1) and the yearly responsibility contracts between levels (§三(二)2).
-- 定区域 is the grid boundary itself (0001). Lines that apply to every grid of a level carry grid_level;
-- lines for one grid only carry grid_id; exactly one of the two is set.

-- 定人员: who serves in which grid, as what, for which period. A person may serve in several grids; an
-- active assignment widens that person's account scope (server/queries/actor-loader.ts).
CREATE TABLE grid_personnel (
  id          serial PRIMARY KEY,
  grid_id     integer NOT NULL REFERENCES grids(id),
  user_id     integer NOT NULL REFERENCES users(id),
  duty_role   text NOT NULL CHECK (duty_role IN ('head','member')),
  -- Contact number for this duty (a duty phone); null → the account's phone.
  phone       text CHECK (phone ~ '^[0-9+\- ]{3,32}$'),
  starts_on   date NOT NULL,
  -- Last day of service, inclusive; null = until further notice.
  ends_on     date,
  -- Taken off the grid by a manager; the row stays as history.
  removed_at  timestamptz,
  removed_by  integer REFERENCES users(id),
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX grid_personnel_user ON grid_personnel (user_id) WHERE removed_at IS NULL;
CREATE INDEX grid_personnel_grid ON grid_personnel (grid_id) WHERE removed_at IS NULL;

-- 定职责: the duty list (责任清单). department_id null = the grid's own responsible body (属地); matter_category
-- null = a general duty of the level. Category codes: server/domain/cases/matter-categories.ts.
CREATE TABLE duty_lines (
  id               serial PRIMARY KEY,
  grid_level       smallint CHECK (grid_level >= 1),
  grid_id          integer REFERENCES grids(id),
  matter_category  text CHECK (matter_category ~ '^[a-z][a-z0-9_]{0,63}$'),
  department_id    integer REFERENCES departments(id),
  responsibility   text NOT NULL CHECK (responsibility IN ('lead','assist')),
  duty_text        text NOT NULL CHECK (length(duty_text) BETWEEN 1 AND 2000),
  sort_order       integer NOT NULL DEFAULT 0,
  retired_at       timestamptz,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((grid_level IS NULL) <> (grid_id IS NULL))
);
CREATE INDEX duty_lines_level ON duty_lines (grid_level) WHERE retired_at IS NULL;
CREATE INDEX duty_lines_grid ON duty_lines (grid_id) WHERE retired_at IS NULL;
CREATE INDEX duty_lines_category ON duty_lines (matter_category) WHERE retired_at IS NULL;

-- 定任务: patrol rules. The grids the rule is attached to (a level, or one grid) do the patrolling; the patrol
-- module derives plans from these. object_type and object_flag null = the whole grid area.
CREATE TABLE patrol_rules (
  id                serial PRIMARY KEY,
  grid_level        smallint CHECK (grid_level >= 1),
  grid_id           integer REFERENCES grids(id),
  object_type       text CHECK (object_type IN ('enterprise','water_source','hazard','construction_project',
                      'ecological_area','rural_site')),
  object_flag       text CHECK (object_flag ~ '^[a-z][a-z0-9_]{0,31}$'),
  frequency         text NOT NULL CHECK (frequency IN ('daily','weekly','monthly','quarterly')),
  times_per_period  smallint NOT NULL CHECK (times_per_period BETWEEN 1 AND 100),
  description       text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  sort_order        integer NOT NULL DEFAULT 0,
  retired_at        timestamptz,
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((grid_level IS NULL) <> (grid_id IS NULL))
);
CREATE INDEX patrol_rules_level ON patrol_rules (grid_level) WHERE retired_at IS NULL;
CREATE INDEX patrol_rules_grid ON patrol_rules (grid_id) WHERE retired_at IS NULL;

-- 定奖惩: what the evaluation module adds or deducts (points), or a veto item (一票否决).
CREATE TABLE reward_penalty_rules (
  id          serial PRIMARY KEY,
  grid_level  smallint CHECK (grid_level >= 1),
  grid_id     integer REFERENCES grids(id),
  kind        text NOT NULL CHECK (kind IN ('reward','penalty')),
  rule_text   text NOT NULL CHECK (length(rule_text) BETWEEN 1 AND 2000),
  points      numeric(6,1),
  veto        boolean NOT NULL DEFAULT false,
  sort_order  integer NOT NULL DEFAULT 0,
  retired_at  timestamptz,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((grid_level IS NULL) <> (grid_id IS NULL)),
  CHECK (NOT veto OR (kind = 'penalty' AND points IS NULL)),
  CHECK (veto OR points IS NOT NULL),
  CHECK (points IS NULL OR (kind = 'reward' AND points > 0) OR (kind = 'penalty' AND points < 0))
);
CREATE INDEX reward_penalty_rules_level ON reward_penalty_rules (grid_level) WHERE retired_at IS NULL;
CREATE INDEX reward_penalty_rules_grid ON reward_penalty_rules (grid_id) WHERE retired_at IS NULL;

-- 公开公示: which of the grid's 五定 fields the public may see. No row = the defaults below (version 0).
CREATE TABLE grid_disclosure (
  grid_id        integer PRIMARY KEY REFERENCES grids(id),
  head_name      boolean NOT NULL DEFAULT true,
  head_phone     boolean NOT NULL DEFAULT true,
  member_names   boolean NOT NULL DEFAULT true,
  member_phones  boolean NOT NULL DEFAULT false,
  duties         boolean NOT NULL DEFAULT true,
  tasks          boolean NOT NULL DEFAULT true,
  rules          boolean NOT NULL DEFAULT true,
  version        integer NOT NULL DEFAULT 1,
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- 责任状: one contract per lower grid and year, between it and its parent. A signed text is frozen (trigger
-- below); a later change makes a new revision that supersedes the old one only once it is signed itself.
CREATE TABLE responsibility_contracts (
  id              serial PRIMARY KEY,
  year            smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  upper_grid_id   integer NOT NULL REFERENCES grids(id),
  lower_grid_id   integer NOT NULL REFERENCES grids(id),
  revision        smallint NOT NULL CHECK (revision >= 1),
  supersedes_id   integer REFERENCES responsibility_contracts(id),
  status          text NOT NULL CHECK (status IN ('draft','signed','superseded')),
  title           text NOT NULL,
  body            text NOT NULL,
  party_a         text NOT NULL,
  party_b         text NOT NULL,
  -- Who must sign: the lower grid's head when the text was drafted (their name is in the text).
  signer_user_id  integer REFERENCES users(id),
  signed_by       integer REFERENCES users(id),
  signed_by_name  text,
  signed_at       timestamptz,
  signed_ip       text,
  body_sha256     text CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
  superseded_at   timestamptz,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (upper_grid_id <> lower_grid_id),
  CHECK ((status = 'draft') = (signed_at IS NULL)),
  CHECK (status = 'draft' OR (signed_by IS NOT NULL AND body_sha256 IS NOT NULL)),
  CHECK ((status = 'superseded') = (superseded_at IS NOT NULL)),
  UNIQUE (lower_grid_id, year, revision)
);
CREATE UNIQUE INDEX responsibility_contracts_one_draft
  ON responsibility_contracts (lower_grid_id, year) WHERE status = 'draft';
CREATE UNIQUE INDEX responsibility_contracts_one_signed
  ON responsibility_contracts (lower_grid_id, year) WHERE status = 'signed';
CREATE INDEX responsibility_contracts_upper ON responsibility_contracts (upper_grid_id, year);
CREATE INDEX responsibility_contracts_signer ON responsibility_contracts (signer_user_id) WHERE status = 'draft';

-- The freeze is enforced by the database, not only by the commands: once signed, only the move to
-- 'superseded' (and the row's lock version) may change; a signature must carry the hash of the text it signs.
CREATE FUNCTION responsibility_contract_freeze() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'a signed responsibility contract cannot be deleted' USING ERRCODE = '42501';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'draft' THEN
    IF NEW.status = 'signed'
       AND NEW.body_sha256 IS DISTINCT FROM encode(sha256(convert_to(NEW.body, 'UTF8')), 'hex') THEN
      RAISE EXCEPTION 'the signature must carry the SHA-256 of the signed text' USING ERRCODE = '42501';
    END IF;
    IF NEW.status = 'superseded' THEN
      RAISE EXCEPTION 'a draft cannot be superseded' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  IF (to_jsonb(NEW) - 'status' - 'superseded_at' - 'updated_at' - 'version')
     IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'superseded_at' - 'updated_at' - 'version')
     OR NOT (NEW.status = OLD.status OR (OLD.status = 'signed' AND NEW.status = 'superseded')) THEN
    RAISE EXCEPTION 'a signed responsibility contract is frozen' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER responsibility_contracts_freeze BEFORE UPDATE OR DELETE ON responsibility_contracts
  FOR EACH ROW EXECUTE FUNCTION responsibility_contract_freeze();
