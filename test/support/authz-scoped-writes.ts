import type { Role } from "../../server/domain/roles.ts";

/**
 * Out-of-scope writes, by route: for every mutating API route with an id in its path, and every role the
 * route lets in (ROUTE_ACCESS), the records that role must not be able to change — a grid, case, object…
 * of another village, township or department, a line of the district level, someone else's patrol or
 * notification. The matrix test sends each a request that would succeed in scope and expects 403/404 with
 * every table unchanged. A route or an allowed role missing here fails the test, so a new route cannot be
 * forgotten.
 */
export interface ScopedWrite {
  /** fixture name → SQL returning one row: `id` (the path parameter) and what the request needs. */
  fixtures: Record<string, string>;
  /** A request that would pass validation and succeed on a record in the caller's scope. */
  request: (row: Row) => { body?: unknown; query?: Record<string, string>; upload?: "png" };
  /** Per allowed role: the fixtures out of its reach, or why nothing is (a district-wide role). */
  outOfScope: Partial<Record<Role, string[] | DistrictWide>>;
  /**
   * The same request by a role that does reach the record: it must get past the scope check (no 403/404),
   * which shows the refusals above came from the scope and not from a request that could never succeed.
   */
  control?: { role: Role; fixture: string };
}

export type Row = Record<string, string | number | null>;

export interface DistrictWide {
  districtWide: string;
}

const everywhere = (why: string): DistrictWide => ({ districtWide: why });
const WHOLE_DISTRICT = everywhere("scope is the whole district");

/** Two grids outside 亚尔镇 (the township officer's and grid head's township): a village and a township. */
const otherTownshipGrids = {
  otherTownshipVillage: "select id, version, parent_id from grids where name = '胜金村'",
  otherTownship: "select id, version, parent_id from grids where name = '胜金乡'",
};

const gridWrite = (request: ScopedWrite["request"]): ScopedWrite => ({
  fixtures: otherTownshipGrids,
  request,
  outOfScope: {
    district_office: WHOLE_DISTRICT,
    township_officer: ["otherTownshipVillage", "otherTownship"],
  },
  control: { role: "district_office", fixture: "otherTownshipVillage" },
});

/**
 * Cases outside each role's reach (`where` narrows them to ones the request could act on); none of them was
 * ever sent to the eco department (the demo's department).
 */
const caseFixturesWhere = (where: string) => ({
  ownTownshipCase: `select c.id, c.version from cases c join grids g on g.id = c.grid_id where g.name <> '亚尔村' and c.grid_path like (select path from grids where name = '亚尔镇') || '%' and c.involved_department_ids = '{}' and ${where} order by c.id limit 1`,
  otherTownshipCase: `select c.id, c.version from cases c where c.grid_path like (select path from grids where name = '胜金乡') || '%' and c.involved_department_ids = '{}' and ${where} order by c.id limit 1`,
  ownVillageCase: `select c.id, c.version from cases c join grids g on g.id = c.grid_id where g.name = '亚尔村' and c.involved_department_ids = '{}' and ${where} order by c.id limit 1`,
});

const caseReach: ScopedWrite["outOfScope"] = {
  grid_member: ["ownTownshipCase", "otherTownshipCase"],
  grid_head: ["otherTownshipCase"],
  township_officer: ["otherTownshipCase"],
  department_officer: ["ownVillageCase", "otherTownshipCase"],
  department_head: ["ownVillageCase", "otherTownshipCase"],
  district_office: WHOLE_DISTRICT,
  district_leader: WHOLE_DISTRICT,
  supervisor: WHOLE_DISTRICT,
};

const caseWrite = (
  request: ScopedWrite["request"],
  control: ScopedWrite["control"],
  extra: ScopedWrite["outOfScope"] = {},
  where = "c.stage = 'reported'",
): ScopedWrite => ({
  fixtures: caseFixturesWhere(where),
  request,
  outOfScope: { ...caseReach, ...extra },
  control,
});
// Accepting a new report is the township's; rerouting, revealing and adding evidence anywhere, the office's.
const townshipOnItsCase = { role: "township_officer", fixture: "ownTownshipCase" } as const;
const officeOnAnyCase = { role: "district_office", fixture: "otherTownshipCase" } as const;

const objectWrite = (request: ScopedWrite["request"]): ScopedWrite => ({
  fixtures: {
    otherTownshipObject:
      "select o.id, o.version, o.name from supervised_objects o join grids g on g.id = o.grid_id where g.path like (select path from grids where name = '胜金乡') || '%' and o.retired_at is null order by o.id limit 1",
  },
  request,
  outOfScope: { district_office: WHOLE_DISTRICT, township_officer: ["otherTownshipObject"] },
  control: { role: "district_office", fixture: "otherTownshipObject" },
});

/** 五定 lines: a district-level line only the district office may change; a grid line of 亚尔镇 is in scope. */
const lineWrite = (table: string, request: ScopedWrite["request"]): ScopedWrite => ({
  fixtures: { districtLevelLine: `select * from ${table} where grid_level is not null order by id limit 1` },
  request,
  outOfScope: { district_office: WHOLE_DISTRICT, township_officer: ["districtLevelLine"] },
  control: { role: "district_office", fixture: "districtLevelLine" },
});

/** A patrol is its walker's own: one in another township, and someone else's in the walker's own township. */
const patrolWrite = (request: ScopedWrite["request"]): ScopedWrite => ({
  fixtures: {
    otherTownshipPatrol:
      "select p.id from patrols p join grids g on g.id = p.grid_id where g.name = '胜金村' order by p.id limit 1",
    someoneElsesPatrol:
      "select p.id from patrols p join users u on u.id = p.member_id join grids g on g.id = p.grid_id where u.username not in ('member', 'gridhead', 'township', 'office') and g.path like (select path from grids where name = '亚尔镇') || '%' order by p.id limit 1",
    membersOwnPatrol:
      "select p.id from patrols p join users u on u.id = p.member_id where u.username = 'member' order by p.id desc limit 1",
  },
  request,
  outOfScope: {
    grid_member: ["otherTownshipPatrol", "someoneElsesPatrol"],
    grid_head: ["otherTownshipPatrol", "someoneElsesPatrol"],
    township_officer: ["otherTownshipPatrol", "someoneElsesPatrol"],
    district_office: ["otherTownshipPatrol", "someoneElsesPatrol"],
  },
  control: { role: "grid_member", fixture: "membersOwnPatrol" },
});

// Patrol records older than 14 days are refused before anything else; "now" is always acceptable.
const now = () => new Date().toISOString();

export const SCOPED_WRITES: Record<string, ScopedWrite> = {
  "PATCH /api/grids/{id}": gridWrite((g) => ({ body: { version: g.version, name: "越权改名" } })),
  "POST /api/grids/{id}/move": gridWrite((g) => ({ body: { version: g.version, parentId: g.parent_id } })),
  "POST /api/grids/{id}/retire": gridWrite((g) => ({ body: { version: g.version, reason: "越权撤销" } })),
  "POST /api/grids/{id}/personnel": gridWrite(() => ({
    body: { userId: 1, dutyRole: "member", startsOn: "2026-01-01" },
  })),
  "PUT /api/grids/{id}/disclosure": gridWrite(() => ({
    body: {
      headName: false,
      headPhone: false,
      memberNames: false,
      memberPhones: false,
      duties: false,
      tasks: false,
      rules: false,
      version: 0,
    },
  })),
  "PUT /api/personnel/{id}": {
    fixtures: {
      otherTownshipPost:
        "select p.id, p.version, p.duty_role from grid_personnel p join grids g on g.id = p.grid_id where g.path like (select path from grids where name = '胜金乡') || '%' and p.removed_at is null order by p.id limit 1",
    },
    request: (p) => ({ body: { dutyRole: p.duty_role, version: p.version } }),
    outOfScope: { district_office: WHOLE_DISTRICT, township_officer: ["otherTownshipPost"] },
    control: { role: "district_office", fixture: "otherTownshipPost" },
  },
  "DELETE /api/personnel/{id}": {
    fixtures: {
      otherTownshipPost:
        "select p.id, p.version from grid_personnel p join grids g on g.id = p.grid_id where g.path like (select path from grids where name = '胜金乡') || '%' and p.removed_at is null order by p.id limit 1",
    },
    request: (p) => ({ query: { version: String(p.version) } }),
    outOfScope: { district_office: WHOLE_DISTRICT, township_officer: ["otherTownshipPost"] },
    control: { role: "district_office", fixture: "otherTownshipPost" },
  },
  "PUT /api/duty-lines/{id}": lineWrite("duty_lines", (l) => ({
    body: {
      matterCategory: l.matter_category,
      departmentId: l.department_id,
      responsibility: l.responsibility,
      dutyText: "越权修改",
      version: l.version,
    },
  })),
  "DELETE /api/duty-lines/{id}": lineWrite("duty_lines", (l) => ({ query: { version: String(l.version) } })),
  "PUT /api/patrol-rules/{id}": lineWrite("patrol_rules", (l) => ({
    body: {
      objectType: l.object_type,
      objectFlag: l.object_flag,
      frequency: l.frequency,
      timesPerPeriod: l.times_per_period,
      description: "越权修改",
      version: l.version,
    },
  })),
  "DELETE /api/patrol-rules/{id}": lineWrite("patrol_rules", (l) => ({
    query: { version: String(l.version) },
  })),
  "PUT /api/reward-penalty-rules/{id}": lineWrite("reward_penalty_rules", (l) => ({
    body: {
      kind: l.kind,
      ruleText: "越权修改",
      points: l.points === null ? null : Number(l.points),
      veto: false,
      version: l.version,
    },
  })),
  "DELETE /api/reward-penalty-rules/{id}": lineWrite("reward_penalty_rules", (l) => ({
    query: { version: String(l.version) },
  })),
  "POST /api/contracts/{id}/sign": {
    fixtures: {
      otherTownshipContract:
        "select c.id, c.version from responsibility_contracts c join grids g on g.id = c.lower_grid_id where g.name = '胜金村' order by c.id limit 1",
      // the contract the demo grid head signs: the one of their own township
      ownTownshipContract:
        "select c.id, c.version from responsibility_contracts c join grids g on g.id = c.lower_grid_id where g.name = '亚尔镇' order by c.id limit 1",
    },
    request: (c) => ({ body: { version: c.version, confirm: true } }),
    outOfScope: { grid_head: ["otherTownshipContract"] },
    control: { role: "grid_head", fixture: "ownTownshipContract" },
  },
  "POST /api/cases/{id}/transitions": caseWrite(
    (c) => ({ body: { action: "accept", version: c.version } }),
    townshipOnItsCase,
  ),
  "POST /api/cases/{id}/routing": caseWrite(
    (c) => ({ body: { version: c.version, reason: "越权改派" } }),
    officeOnAnyCase,
  ),
  // on cases a resident reported (a staff filer is no secret: revealing one is refused for everybody)
  "POST /api/cases/{id}/reporter/reveal": caseWrite(
    () => ({ body: { reason: "越权查看举报人" } }),
    officeOnAnyCase,
    {},
    "c.reporter_name_enc is not null and not c.reporter_official",
  ),
  // A resident reaches only the cases they filed.
  "POST /api/cases/{id}/evidence": caseWrite(
    () => ({ upload: "png" }),
    officeOnAnyCase,
    { public: ["ownVillageCase"] },
    "c.stage = 'reported' and c.created_by is distinct from (select id from users where username = 'resident')",
  ),
  "PUT /api/objects/{id}": objectWrite((o) => ({
    body: { name: o.name, location: { type: "Point", coordinates: [89.5, 42.9] }, version: o.version },
  })),
  "POST /api/objects/{id}/retire": objectWrite((o) => ({ body: { version: o.version, reason: "越权注销" } })),
  "POST /api/patrols/{id}/finish": patrolWrite(() => ({ body: { finishedAt: now() } })),
  "POST /api/patrols/{id}/track": patrolWrite(() => ({
    body: { points: [{ t: now(), lon: 89.5, lat: 42.9, accuracy: 5 }] },
  })),
  "POST /api/patrols/{id}/checkins": patrolWrite(() => ({
    body: { objectId: 1, at: now(), lon: 89.5, lat: 42.9, accuracy: 5 },
  })),
  // A notification is its addressee's own: every account is out of reach of everybody else's.
  "POST /api/notifications/{id}/read": {
    fixtures: {
      officesNotification:
        "select n.id from notifications n join users u on u.id = n.user_id where u.username = 'office' order by n.id limit 1",
      townshipsNotification:
        "select n.id from notifications n join users u on u.id = n.user_id where u.username = 'township' order by n.id limit 1",
    },
    request: () => ({}),
    outOfScope: {
      grid_member: ["officesNotification", "townshipsNotification"],
      grid_head: ["officesNotification", "townshipsNotification"],
      township_officer: ["officesNotification"],
      district_office: ["townshipsNotification"],
      district_leader: ["officesNotification", "townshipsNotification"],
      department_officer: ["officesNotification", "townshipsNotification"],
      department_head: ["officesNotification", "townshipsNotification"],
      supervisor: ["officesNotification", "townshipsNotification"],
      public: ["officesNotification", "townshipsNotification"],
      sys_admin: ["officesNotification", "townshipsNotification"],
      sec_admin: ["officesNotification", "townshipsNotification"],
      audit_admin: ["officesNotification", "townshipsNotification"],
    },
    control: { role: "district_office", fixture: "officesNotification" },
  },
  // Accounts and the work calendar are district-wide by nature: their administrators reach all of them.
  "POST /api/users/{id}/disable": {
    fixtures: {},
    request: () => ({}),
    outOfScope: { sec_admin: everywhere("accounts are managed district-wide") },
  },
  "POST /api/users/{id}/enable": {
    fixtures: {},
    request: () => ({}),
    outOfScope: { sec_admin: everywhere("accounts are managed district-wide") },
  },
  "PUT /api/work-calendar/{year}": {
    fixtures: {},
    request: () => ({}),
    outOfScope: { sys_admin: everywhere("one calendar for the whole district") },
  },
};
