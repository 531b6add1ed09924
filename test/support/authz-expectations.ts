import type { Role } from "../../server/domain/roles.ts";

/** One demo account per role (server/db/seed/demo-users.ts). */
export const DEMO_ACCOUNT: Record<Role, string> = {
  grid_member: "member",
  grid_head: "gridhead",
  township_officer: "township",
  district_office: "office",
  district_leader: "leader",
  department_officer: "dept",
  department_head: "depthead",
  supervisor: "supervisor",
  public: "resident",
  sys_admin: "sysadmin",
  sec_admin: "secadmin",
  audit_admin: "auditor",
};

const BUSINESS: Role[] = [
  "grid_member",
  "grid_head",
  "township_officer",
  "district_office",
  "district_leader",
  "department_officer",
  "department_head",
  "supervisor",
];

const REPORTERS: Role[] = [...BUSINESS.filter((r) => r !== "supervisor"), "public"];
const OVERSEERS: Role[] = ["district_office", "district_leader", "supervisor"];

const WUDING_MANAGERS: Role[] = ["district_office", "township_officer"];
const PATROL_READERS: Role[] = [
  "grid_member",
  "grid_head",
  "township_officer",
  "district_office",
  "district_leader",
  "supervisor",
];
// patrol.perform comes with a grid post (grid_member/grid_head role, also from a personnel assignment): the
// demo's township officer and district office accounts serve on their grids' personnel (docs/wuding.md), so
// they may patrol too; department staff, leaders, supervisors and the 三员 never may.
const PATROL_WALKERS: Role[] = ["grid_member", "grid_head", "township_officer", "district_office"];
const CONTRACT_READERS: Role[] = [
  "grid_member",
  "grid_head",
  "township_officer",
  "district_office",
  "district_leader",
  "supervisor",
];

/**
 * Who may call each API route, written down once and independently of the code: "public" means without
 * a session, "any" any logged-in account, otherwise the roles listed. The matrix test fails when a route
 * exists that is not listed here, so a new route cannot be forgotten.
 */
export const ROUTE_ACCESS: Record<string, "public" | "any" | Role[]> = {
  "GET /healthz": "public",
  "GET /readyz": "public",
  "GET /api/config/public": "public",
  "POST /api/auth/login": "public",
  "POST /api/auth/logout": "any",
  "GET /api/me": "any",
  // answers everyone: the caller's own session, or `me: null` without one
  "GET /api/session": "public",
  "GET /api/grids": [...BUSINESS, "sec_admin"],
  "GET /api/grids/geojson": [...BUSINESS, "sec_admin"],
  "GET /api/grids/{id}": [...BUSINESS, "sec_admin"],
  "POST /api/grids": ["district_office", "township_officer"],
  "PATCH /api/grids/{id}": ["district_office", "township_officer"],
  "POST /api/grids/{id}/move": ["district_office", "township_officer"],
  "POST /api/grids/{id}/retire": ["district_office", "township_officer"],
  "POST /api/grids/import": ["district_office", "township_officer"],
  "GET /api/grids/export": [...BUSINESS, "sec_admin"],
  "GET /api/grids/{id}/history": [...BUSINESS, "sec_admin"],
  "GET /api/grids/{id}/coverage": [...BUSINESS, "sec_admin"],
  "GET /api/departments": [...BUSINESS, "sec_admin"],
  "GET /api/users": ["sec_admin"],
  "POST /api/users": ["sec_admin"],
  "POST /api/users/{id}/disable": ["sec_admin"],
  "POST /api/users/{id}/enable": ["sec_admin"],
  "GET /api/settings": ["sys_admin"],
  "PUT /api/settings": ["sys_admin"],
  "GET /api/audit": ["audit_admin"],
  "GET /api/audit/export.xlsx": ["audit_admin"],
  "GET /api/audit/verify": ["audit_admin"],
  // 五定 and responsibility contracts (docs/wuding.md)
  "GET /api/grids/{id}/wuding": BUSINESS,
  "GET /api/public/grids/{id}/wuding": "public",
  "GET /api/wuding/meta": BUSINESS,
  "GET /api/wuding/candidates": WUDING_MANAGERS,
  "POST /api/grids/{id}/personnel": WUDING_MANAGERS,
  "PUT /api/personnel/{id}": WUDING_MANAGERS,
  "DELETE /api/personnel/{id}": WUDING_MANAGERS,
  "PUT /api/grids/{id}/disclosure": WUDING_MANAGERS,
  "GET /api/duty-lines": BUSINESS,
  "POST /api/duty-lines": WUDING_MANAGERS,
  "PUT /api/duty-lines/{id}": WUDING_MANAGERS,
  "DELETE /api/duty-lines/{id}": WUDING_MANAGERS,
  "GET /api/patrol-rules": BUSINESS,
  "POST /api/patrol-rules": WUDING_MANAGERS,
  "PUT /api/patrol-rules/{id}": WUDING_MANAGERS,
  "DELETE /api/patrol-rules/{id}": WUDING_MANAGERS,
  "GET /api/reward-penalty-rules": BUSINESS,
  "POST /api/reward-penalty-rules": WUDING_MANAGERS,
  "PUT /api/reward-penalty-rules/{id}": WUDING_MANAGERS,
  "DELETE /api/reward-penalty-rules/{id}": WUDING_MANAGERS,
  "GET /api/contracts": CONTRACT_READERS,
  "GET /api/contracts/awaiting": CONTRACT_READERS,
  "GET /api/contracts/{id}": CONTRACT_READERS,
  "POST /api/contracts/generate": WUDING_MANAGERS,
  "POST /api/contracts/{id}/sign": ["grid_head"],
  // the case loop (issue 4); finer checks (who may reroute or reveal) happen per case, after the route's
  "GET /api/case-meta": "any",
  "POST /api/cases": REPORTERS,
  "GET /api/cases": BUSINESS,
  "GET /api/cases/export.xlsx": BUSINESS,
  "GET /api/cases/{id}": BUSINESS,
  "GET /api/cases/{id}/duplicates": BUSINESS,
  "POST /api/cases/{id}/transitions": BUSINESS,
  "POST /api/cases/{id}/routing": BUSINESS,
  "POST /api/cases/{id}/reporter/reveal": BUSINESS,
  "POST /api/cases/{id}/evidence": REPORTERS,
  "GET /api/evidence/{id}": BUSINESS,
  "GET /api/notifications": "any",
  "POST /api/notifications/{id}/read": "any",
  "POST /api/notifications/read-all": "any",
  "GET /api/supervision/board": OVERSEERS,
  // District KPIs: township officers see their township's, the overseers all (docs/performance.md); department
  // KPIs also to department staff, for their own department (docs/cases.md).
  "GET /api/dashboard/kpis": ["township_officer", ...OVERSEERS],
  "GET /api/dashboard/patrols": ["township_officer", ...OVERSEERS],
  "GET /api/dashboard/departments": [
    "township_officer",
    "department_officer",
    "department_head",
    ...OVERSEERS,
  ],
  "GET /api/work-calendar": [...BUSINESS, "sys_admin"],
  "PUT /api/work-calendar/{year}": ["sys_admin"],
  "GET /api/public/cases/{trackingNo}": "public",
  // The register of supervised objects: read by every business role within its scope, kept by the district
  // office and township officers.
  "GET /api/objects": BUSINESS,
  "GET /api/objects/geojson": BUSINESS,
  "GET /api/objects/export.xlsx": BUSINESS,
  "GET /api/objects/template.xlsx": ["district_office", "township_officer"],
  "POST /api/objects/import": ["district_office", "township_officer"],
  "POST /api/objects": ["district_office", "township_officer"],
  "GET /api/objects/{id}": BUSINESS,
  "GET /api/objects/{id}/archive": BUSINESS,
  "PUT /api/objects/{id}": ["district_office", "township_officer"],
  "POST /api/objects/{id}/retire": ["district_office", "township_officer"],
  // Patrol (docs/patrol.md): grid staff patrol; the levels above and oversight read plans, ledgers, coverage.
  "GET /api/patrols/plan": PATROL_READERS,
  "GET /api/patrols/blind-spots": PATROL_READERS,
  "GET /api/patrols": PATROL_READERS,
  "GET /api/patrols/export.xlsx": PATROL_READERS,
  "GET /api/patrols/activity": PATROL_READERS,
  "GET /api/patrols/{id}": PATROL_READERS,
  "GET /api/patrols/{id}/checkins/{checkinId}/photo": PATROL_READERS,
  "POST /api/patrols": PATROL_WALKERS,
  "POST /api/patrols/{id}/finish": PATROL_WALKERS,
  "POST /api/patrols/{id}/track": PATROL_WALKERS,
  "POST /api/patrols/{id}/checkins": PATROL_WALKERS,
};

/**
 * Records that belong to someone's jurisdiction, by route: for each role, the fixture names it may and may
 * not reach. Out-of-scope reads must answer 404, like records that do not exist.
 */
export interface ScopedRoute {
  route: string;
  // fixture name → SQL returning one row: `id`, and a column for each other placeholder of the route
  fixtures: Record<string, string>;
  reach: Partial<Record<Role, { inScope: string[]; outOfScope: string[] }>>;
}

const everything = { inScope: ["ownVillage", "otherTownshipVillage", "ownTownship"], outOfScope: [] };
const yarTownship = { inScope: ["ownVillage", "ownTownship"], outOfScope: ["otherTownshipVillage"] };

const gridFixtures = {
  ownVillage: "select id from grids where name = '亚尔村'",
  ownTownship: "select id from grids where name = '亚尔镇'",
  otherTownshipVillage: "select id from grids where name = '胜金村'",
};

const gridReach: ScopedRoute["reach"] = {
  grid_member: { inScope: ["ownVillage"], outOfScope: ["ownTownship", "otherTownshipVillage"] },
  grid_head: yarTownship,
  township_officer: yarTownship,
  district_office: everything,
  district_leader: everything,
  department_officer: everything,
  department_head: everything,
  supervisor: everything,
  sec_admin: everything,
};

const objectFixtures = {
  ownVillage:
    "select o.id from supervised_objects o join grids g on g.id = o.grid_id where g.name = '亚尔村' order by o.id limit 1",
  ownTownship:
    "select o.id from supervised_objects o join grids g on g.id = o.grid_id join grids p on p.id = g.parent_id where p.name = '亚尔镇' and g.name <> '亚尔村' order by o.id limit 1",
  otherTownshipVillage:
    "select o.id from supervised_objects o join grids g on g.id = o.grid_id where g.name = '胜金村' order by o.id limit 1",
};
// As for grids, but the security administrator has no access to objects at all.
const { sec_admin: _noObjectsForSecAdmin, ...objectReach } = gridReach;

// A demo patrol of each village (seeded history, server/db/seed/demo-patrols.ts).
const patrolFixtures = {
  ownVillage:
    "select p.id from patrols p join grids g on g.id = p.grid_id where g.name = '亚尔村' order by p.id limit 1",
  ownTownship:
    "select p.id from patrols p join grids g on g.id = p.grid_id join grids t on t.id = g.parent_id where t.name = '亚尔镇' and g.name <> '亚尔村' order by p.id limit 1",
  otherTownshipVillage:
    "select p.id from patrols p join grids g on g.id = p.grid_id where g.name = '胜金村' order by p.id limit 1",
};
const { sec_admin: _s, department_officer: _d, department_head: _h, ...patrolReach } = gridReach;

// A check-in photo of each village's demo patrols (the seed photographs each village's latest check-in).
const checkinPhoto = (village: string) =>
  `select c.patrol_id as id, c.id as "checkinId" from patrol_checkins c join patrols p on p.id = c.patrol_id
     join grids g on g.id = p.grid_id where ${village} and c.photo is not null order by c.id limit 1`;
const checkinPhotoFixtures = {
  ownVillage: checkinPhoto("g.name = '亚尔村'"),
  ownTownship: checkinPhoto(
    "g.name <> '亚尔村' and g.parent_id = (select id from grids where name = '亚尔镇')",
  ),
  otherTownshipVillage: checkinPhoto("g.name = '胜金村'"),
};

export const SCOPED_ROUTES: ScopedRoute[] = [
  { route: "GET /api/patrols/{id}", fixtures: patrolFixtures, reach: patrolReach },
  {
    route: "GET /api/patrols/{id}/checkins/{checkinId}/photo",
    fixtures: checkinPhotoFixtures,
    reach: patrolReach,
  },
  ...["GET /api/grids/{id}", "GET /api/grids/{id}/history", "GET /api/grids/{id}/coverage"].map((route) => ({
    route,
    fixtures: gridFixtures,
    reach: gridReach,
  })),
  {
    // Everyone who reads the 五定 and reaches the grid (the security administrator has no wuding.read).
    route: "GET /api/grids/{id}/wuding",
    fixtures: gridFixtures,
    reach: Object.fromEntries(Object.entries(gridReach).filter(([role]) => role !== "sec_admin")),
  },
  {
    // A contract belongs to its lower grid: the village's own people and everyone above see it.
    route: "GET /api/contracts/{id}",
    fixtures: {
      ownVillage:
        "select c.id from responsibility_contracts c join grids g on g.id = c.lower_grid_id where g.name = '亚尔村' limit 1",
      ownTownship:
        "select c.id from responsibility_contracts c join grids g on g.id = c.lower_grid_id where g.name = '亚尔镇' limit 1",
      otherTownshipVillage:
        "select c.id from responsibility_contracts c join grids g on g.id = c.lower_grid_id where g.name = '胜金村' limit 1",
    },
    reach: {
      grid_member: { inScope: ["ownVillage"], outOfScope: ["ownTownship", "otherTownshipVillage"] },
      grid_head: yarTownship,
      township_officer: yarTownship,
      district_office: everything,
      district_leader: everything,
      supervisor: everything,
    },
  },
  {
    // A case belongs to its grid: its village's and township's staff, the district level, and the
    // departments it went to; a case never sent to a department is out of that department's reach.
    route: "GET /api/cases/{id}",
    fixtures: {
      ownVillage:
        "select c.id from cases c join grids g on g.id = c.grid_id where g.name = '亚尔村' and c.involved_department_ids = '{}' order by c.id limit 1",
      ownTownship:
        "select c.id from cases c join grids g on g.id = c.grid_id where g.name <> '亚尔村' and c.grid_path like (select path from grids where name = '亚尔镇') || '%' and c.involved_department_ids = '{}' order by c.id limit 1",
      otherTownshipVillage:
        "select c.id from cases c join grids g on g.id = c.grid_id where g.name = '胜金村' and c.involved_department_ids = '{}' order by c.id limit 1",
      ecoCase:
        "select c.id from cases c where (select id from departments where code = 'eco') = any(c.involved_department_ids) order by c.id limit 1",
    },
    reach: {
      grid_member: { inScope: ["ownVillage"], outOfScope: ["ownTownship", "otherTownshipVillage"] },
      grid_head: yarTownship,
      township_officer: yarTownship,
      district_office: { inScope: [...everything.inScope, "ecoCase"], outOfScope: [] },
      district_leader: everything,
      supervisor: everything,
      department_officer: { inScope: ["ecoCase"], outOfScope: ["ownVillage", "otherTownshipVillage"] },
      department_head: { inScope: ["ecoCase"], outOfScope: ["ownVillage", "otherTownshipVillage"] },
    },
  },
  // "ownTownship" is an object in another village of 亚尔镇: the township sees it, the 亚尔村 member does not.
  ...["GET /api/objects/{id}", "GET /api/objects/{id}/archive"].map((route) => ({
    route,
    fixtures: objectFixtures,
    reach: objectReach,
  })),
];
