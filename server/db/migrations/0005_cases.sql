-- The case loop (DOMAIN.md §4): cases with one column per field of the domain's CaseState, their timeline,
-- evidence files, in-app notifications, idempotency keys for client submissions, and the editable
-- working-day calendar the deadlines are counted on. Deadline rules stay in code (DEFAULT_DEADLINE_RULES).

CREATE TABLE cases (
  id                          serial PRIMARY KEY,
  -- Given to the reporter to follow the case; unguessable, never carries the reporter's identity.
  tracking_no                 text NOT NULL UNIQUE,
  version                     integer NOT NULL DEFAULT 1,
  source                      text NOT NULL CHECK (source IN ('patrol_finding','public_report','petition','dispute',
                                'monitoring_alert','superior_task')),
  petition_channel            text CHECK (petition_channel IN ('12345','12369','letter','visit')),
  dispute_parties             jsonb,
  title                       text NOT NULL,
  description                 text NOT NULL,
  category                    text NOT NULL,
  priority                    text NOT NULL CHECK (priority IN ('urgent','important','normal')),
  supervision_level           text NOT NULL CHECK (supervision_level IN ('rapid','full_course','periodic')),
  location                    geometry(Point, 4326) NOT NULL,
  address                     text,
  grid_id                     integer NOT NULL REFERENCES grids(id),
  -- Copy of grids.path for scoped lists without a join; rewritten with grid_id (routing override).
  grid_path                   text NOT NULL,
  routing                     jsonb NOT NULL,
  -- Who filed it: an official (patrol, entry on behalf) or a resident's account. A resident's account id is
  -- never shown to anyone else; their name and contact are kept encrypted below.
  reporter_user_id            integer REFERENCES users(id),
  reporter_official           boolean NOT NULL DEFAULT false,
  reporter_anonymous          boolean NOT NULL DEFAULT false,
  -- AES-256-GCM ciphertexts ('v1.<keyId>.<iv>.<tag>.<data>'), bound to the tracking number.
  reporter_name_enc           text,
  reporter_contact_enc        text,
  reporter_key_id             text,
  created_by                  integer REFERENCES users(id),

  -- CaseState, one column per field
  stage                       text NOT NULL CHECK (stage IN ('reported','accepted','rejected','merged','registered',
                                'transferred','joint_investigation','handling','handled','feedback_given',
                                'verifying','verified','closed')),
  reported_at                 timestamptz NOT NULL,
  stage_entered_at            timestamptz NOT NULL,
  close_due_at                timestamptz,
  deadline_stage              text,
  deadline_phase              text,
  deadline_due_at             timestamptz,
  deadline_limit_kind         text CHECK (deadline_limit_kind IN ('working_days','hours')),
  deadline_limit              integer,
  deadline_capped_by_close    boolean,
  deadline_beyond_calendar    boolean,
  handler_kind                text CHECK (handler_kind IN ('grid','department','joint')),
  assigned_department_id      integer REFERENCES departments(id),
  participant_department_ids  integer[] NOT NULL DEFAULT '{}',
  handling_days               integer,
  on_site_at                  timestamptz,
  handled_by                  integer REFERENCES users(id),
  handling_result             text CHECK (handling_result IN ('rectification_order','penalty','no_violation','other')),
  reporter_reply_required     boolean NOT NULL,
  feedback_to_transferrer_at  timestamptz,
  reporter_replied_at         timestamptz,
  lower_grid_informed_at      timestamptz,
  verifier_id                 integer REFERENCES users(id),
  verification_passed_at      timestamptz,
  pending_extension           jsonb,
  extensions_granted          integer NOT NULL DEFAULT 0,
  stage_extension_days        integer NOT NULL DEFAULT 0,
  rework_count                integer NOT NULL DEFAULT 0,
  transfer_return_count       integer NOT NULL DEFAULT 0,
  rejection_reason            text,
  merged_into_id              integer REFERENCES cases(id),
  closed_at                   timestamptz,
  disclosed_at                timestamptz,

  -- Every department ever assigned or taking part: they keep read access to the case's history.
  involved_department_ids     integer[] NOT NULL DEFAULT '{}',
  disclosure_summary          text,
  -- Supervision: how far the current overdue deadline has been escalated (0 none, 1 one level up, 2 leaders).
  escalation_level            smallint NOT NULL DEFAULT 0,
  escalated_due_at            timestamptz,
  created_at                  timestamptz NOT NULL DEFAULT now(),
  updated_at                  timestamptz NOT NULL DEFAULT now(),
  CHECK ((deadline_due_at IS NULL) = (stage IN ('rejected','merged','closed'))),
  CHECK (source = 'petition' OR petition_channel IS NULL),
  CHECK (source <> 'petition' OR petition_channel IS NOT NULL)
);
-- The overdue list and the sweep: open cases by their current deadline.
CREATE INDEX cases_deadline_due ON cases (deadline_due_at) WHERE deadline_due_at IS NOT NULL;
CREATE INDEX cases_grid_path ON cases (grid_path text_pattern_ops);
CREATE INDEX cases_reported_at ON cases (reported_at DESC, id DESC);
CREATE INDEX cases_stage ON cases (stage);
CREATE INDEX cases_category_reported ON cases (category, reported_at);
CREATE INDEX cases_assigned_department ON cases (assigned_department_id) WHERE assigned_department_id IS NOT NULL;
CREATE INDEX cases_involved_departments ON cases USING gin (involved_department_ids);
CREATE INDEX cases_location ON cases USING gist (location);
CREATE INDEX cases_created_by ON cases (created_by);

-- The timeline: every transition and every other thing that happened to a case, in order.
CREATE TABLE case_events (
  id          bigserial PRIMARY KEY,
  case_id     integer NOT NULL REFERENCES cases(id),
  -- transition | created | routing_override | escalated | evidence_added | calendar_exhausted
  kind        text NOT NULL,
  action      text,
  from_stage  text,
  to_stage    text,
  -- null: the system (sweep job, seeding)
  actor_id    integer REFERENCES users(id),
  at          timestamptz NOT NULL,
  -- the case's version after the event
  version     integer NOT NULL,
  data        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE case_evidence (
  id             serial PRIMARY KEY,
  case_id        integer NOT NULL REFERENCES cases(id),
  -- the transition that used it (handling record, re-check), once used
  event_id       bigint REFERENCES case_events(id),
  uploaded_by    integer REFERENCES users(id),
  mime           text NOT NULL CHECK (mime IN ('image/jpeg','image/png','image/webp','application/pdf')),
  size_bytes     integer NOT NULL,
  sha256         text NOT NULL,
  -- relative to ENVGRID_UPLOAD_DIR; never under the web root
  storage_path   text NOT NULL,
  -- photos only: a re-encoded copy without EXIF/GPS, the only one shown beyond the allowed roles
  public_path    text,
  public_size    integer,
  width          integer,
  height         integer,
  note           text,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_evidence_case ON case_evidence (case_id, id);

CREATE TABLE notifications (
  id          bigserial PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES users(id),
  case_id     integer REFERENCES cases(id),
  -- action_required | urgent_alert | stage_update | overdue | escalation | digest | calendar_exhausted
  kind        text NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- A client submission's key: a replay with the same key returns the first answer.
CREATE TABLE idempotency_keys (
  user_id       integer NOT NULL REFERENCES users(id),
  scope         text NOT NULL,
  key           text NOT NULL,
  -- HMAC of the request body (keyed, so a low-entropy body such as a phone number cannot be guessed back)
  request_hash  text NOT NULL,
  status_code   integer,
  response      jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- The working-day calendar: a year is "loaded" once its State Council notice is entered (a year may have no
-- adjusted working day, so the years are listed on their own).
CREATE TABLE work_calendar_years (
  year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  source      text NOT NULL DEFAULT '',
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE work_calendar_days (
  day   date PRIMARY KEY,
  -- holiday: a public holiday (放假); workday: a weekend day worked (调休上班)
  kind  text NOT NULL CHECK (kind IN ('holiday','workday')),
  name  text,
  CHECK (kind = 'workday' OR name IS NOT NULL)
);

INSERT INTO work_calendar_years (year, source) VALUES
  (2025, '国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024-11-12'),
  (2026, '国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04');
INSERT INTO work_calendar_days (day, kind, name) VALUES
  ('2025-01-01', 'holiday', '元旦'),
  ('2025-01-28', 'holiday', '春节'),
  ('2025-01-29', 'holiday', '春节'),
  ('2025-01-30', 'holiday', '春节'),
  ('2025-01-31', 'holiday', '春节'),
  ('2025-02-01', 'holiday', '春节'),
  ('2025-02-02', 'holiday', '春节'),
  ('2025-02-03', 'holiday', '春节'),
  ('2025-02-04', 'holiday', '春节'),
  ('2025-04-04', 'holiday', '清明节'),
  ('2025-04-05', 'holiday', '清明节'),
  ('2025-04-06', 'holiday', '清明节'),
  ('2025-05-01', 'holiday', '劳动节'),
  ('2025-05-02', 'holiday', '劳动节'),
  ('2025-05-03', 'holiday', '劳动节'),
  ('2025-05-04', 'holiday', '劳动节'),
  ('2025-05-05', 'holiday', '劳动节'),
  ('2025-05-31', 'holiday', '端午节'),
  ('2025-06-01', 'holiday', '端午节'),
  ('2025-06-02', 'holiday', '端午节'),
  ('2025-10-01', 'holiday', '国庆节、中秋节'),
  ('2025-10-02', 'holiday', '国庆节、中秋节'),
  ('2025-10-03', 'holiday', '国庆节、中秋节'),
  ('2025-10-04', 'holiday', '国庆节、中秋节'),
  ('2025-10-05', 'holiday', '国庆节、中秋节'),
  ('2025-10-06', 'holiday', '国庆节、中秋节'),
  ('2025-10-07', 'holiday', '国庆节、中秋节'),
  ('2025-10-08', 'holiday', '国庆节、中秋节'),
  ('2025-01-26', 'workday', NULL),
  ('2025-02-08', 'workday', NULL),
  ('2025-04-27', 'workday', NULL),
  ('2025-09-28', 'workday', NULL),
  ('2025-10-11', 'workday', NULL),
  ('2026-01-01', 'holiday', '元旦'),
  ('2026-01-02', 'holiday', '元旦'),
  ('2026-01-03', 'holiday', '元旦'),
  ('2026-02-15', 'holiday', '春节'),
  ('2026-02-16', 'holiday', '春节'),
  ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'),
  ('2026-02-19', 'holiday', '春节'),
  ('2026-02-20', 'holiday', '春节'),
  ('2026-02-21', 'holiday', '春节'),
  ('2026-02-22', 'holiday', '春节'),
  ('2026-02-23', 'holiday', '春节'),
  ('2026-04-04', 'holiday', '清明节'),
  ('2026-04-05', 'holiday', '清明节'),
  ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'),
  ('2026-05-02', 'holiday', '劳动节'),
  ('2026-05-03', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'),
  ('2026-05-05', 'holiday', '劳动节'),
  ('2026-06-19', 'holiday', '端午节'),
  ('2026-06-20', 'holiday', '端午节'),
  ('2026-06-21', 'holiday', '端午节'),
  ('2026-09-25', 'holiday', '中秋节'),
  ('2026-09-26', 'holiday', '中秋节'),
  ('2026-09-27', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'),
  ('2026-10-02', 'holiday', '国庆节'),
  ('2026-10-03', 'holiday', '国庆节'),
  ('2026-10-04', 'holiday', '国庆节'),
  ('2026-10-05', 'holiday', '国庆节'),
  ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-01-04', 'workday', NULL),
  ('2026-02-14', 'workday', NULL),
  ('2026-02-28', 'workday', NULL),
  ('2026-05-09', 'workday', NULL),
  ('2026-09-20', 'workday', NULL),
  ('2026-10-10', 'workday', NULL);
