import { type SQL, sql } from "drizzle-orm";
import type {
  Candidate,
  Disclosure as DisclosureSettings,
  DutyLine,
  DutyRole,
  Frequency,
  PatrolRule,
  Personnel,
  Responsibility,
  RewardPenaltyRule,
  WudingGrid as SharedWudingGrid,
} from "../../api-types/wuding.ts";
import { type Db, rows } from "../db/client.ts";
import type { Equal, Expect } from "../domain/type-equality.ts";
import { dutyCategory } from "../domain/wuding/duty-categories.ts";
import {
  DEFAULT_DISCLOSURE,
  type Disclosure,
  type DisclosureField,
  type DutyRole as DomainDutyRole,
  type Responsibility as DomainResponsibility,
  type PatrolFrequency,
} from "../domain/wuding/terms.ts";
import { notFound } from "../errors.ts";
import type { Scope } from "../policies/actor.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { assignmentInForce } from "./assignment-in-force-sql.ts";

/**
 * The API's types (api-types/wuding.ts) spell these unions out, as they may import nothing: a list changed
 * here or there fails to compile until both agree.
 */
export type WudingApiUnionsAgree = [
  Expect<Equal<DutyRole, DomainDutyRole>>,
  Expect<Equal<Responsibility, DomainResponsibility>>,
  Expect<Equal<Frequency, PatrolFrequency>>,
  Expect<Equal<keyof Omit<DisclosureSettings, "version">, DisclosureField>>,
];

/** The grid as the API shows it, with its path for the scope checks (the route's schema leaves it out). */
export interface WudingGrid extends SharedWudingGrid {
  path: string;
}

/** A live grid the scope reaches, with what the card shows of 定区域; out of scope → 404. */
export async function wudingGrid(db: Db, scope: Scope | "public", gridId: number): Promise<WudingGrid> {
  const within = scope === "public" ? sql`true` : gridWithinScope(sql`g.path`, scope);
  const [grid] = await rows<WudingGrid>(
    db,
    sql`select g.id, g.parent_id as "parentId", p.name as "parentName", g.level, g.code, g.name,
               g.name_ug as "nameUg", g.name_en as "nameEn", g.kind, g.path,
               round((ST_Area(g.boundary::geography) / 1e6)::numeric, 2)::float8 as "areaKm2",
               (select count(*)::int from grids c where c.parent_id = g.id and c.retired_at is null) as "childCount"
          from grids g left join grids p on p.id = g.parent_id
         where g.id = ${gridId} and g.retired_at is null and ${within}`,
  );
  if (!grid) throw notFound();
  return grid;
}

const PERSONNEL_COLUMNS = sql`p.id, p.grid_id as "gridId", p.user_id as "userId", u.username,
  u.display_name as "displayName", p.duty_role as "dutyRole", coalesce(p.phone, u.phone) as phone,
  p.phone as "dutyPhone", to_char(p.starts_on, 'YYYY-MM-DD') as "startsOn",
  to_char(p.ends_on, 'YYYY-MM-DD') as "endsOn", ${assignmentInForce("p")} as "inForce", p.version`;

/** The grid's people (not removed): the head first, then members; current before future or lapsed. */
export function gridPersonnel(db: Db, gridId: number): Promise<Personnel[]> {
  return rows<Personnel>(
    db,
    sql`select ${PERSONNEL_COLUMNS}
          from grid_personnel p join users u on u.id = p.user_id
         where p.grid_id = ${gridId} and p.removed_at is null
         order by (p.duty_role = 'head') desc, ${assignmentInForce("p")} desc, p.starts_on, p.id`,
  );
}

/** One assignment with its grid's path, for the commands; never out of the scope. */
export async function personnelInScope(db: Db, scope: Scope, id: number) {
  const [row] = await rows<Personnel & { gridPath: string; removed: boolean }>(
    db,
    sql`select ${PERSONNEL_COLUMNS}, g.path as "gridPath", (p.removed_at is not null) as removed
          from grid_personnel p join users u on u.id = p.user_id join grids g on g.id = p.grid_id
         where p.id = ${id} and ${gridWithinScope(sql`g.path`, scope)}`,
  );
  if (!row) throw notFound();
  return row;
}

/** Where a line applies: every grid of a level (the district's list) or one grid. */
export type LineScope = { gridLevel: number; gridId: null } | { gridLevel: null; gridId: number };

/**
 * Which lines a list shows. `forGrid`: the lines that apply to that grid (its level's and its own). Otherwise
 * the district's level lines (optionally one level) plus the grid-specific lines of grids in scope.
 */
export interface LineFilter {
  forGrid?: { id: number; level: number };
  level?: number;
  gridId?: number;
}

function lineWhere(alias: string, scope: Scope, filter: LineFilter): SQL {
  const l = sql.raw(alias);
  if (filter.forGrid) {
    return sql`${l}.retired_at is null and (${l}.grid_level = ${filter.forGrid.level} or ${l}.grid_id = ${filter.forGrid.id})`;
  }
  const level =
    filter.level === undefined ? sql`true` : sql`coalesce(${l}.grid_level, lg.level) = ${filter.level}`;
  const grid = filter.gridId === undefined ? sql`true` : sql`${l}.grid_id = ${filter.gridId}`;
  return sql`${l}.retired_at is null and ${level} and ${grid}
             and (${l}.grid_level is not null or ${gridWithinScope(sql`lg.path`, scope)})`;
}

export function listDutyLines(db: Db, scope: Scope, filter: LineFilter & { category?: string }) {
  const category = filter.category === undefined ? sql`true` : sql`d.matter_category = ${filter.category}`;
  return rows<DutyLine>(
    db,
    sql`select d.id, d.grid_level as "gridLevel", d.grid_id as "gridId", lg.name as "gridName",
               d.matter_category as "matterCategory", d.department_id as "departmentId",
               dep.name as "departmentName", d.responsibility, d.duty_text as "dutyText",
               d.sort_order as "sortOrder", d.version
          from duty_lines d
          left join grids lg on lg.id = d.grid_id
          left join departments dep on dep.id = d.department_id
         where ${lineWhere("d", scope, filter)} and ${category}
         order by coalesce(d.grid_level, lg.level), d.grid_id nulls first, d.sort_order, d.id`,
  ).then((lines) =>
    lines.map((line) => ({
      ...line,
      matterCategoryName: line.matterCategory
        ? (dutyCategory(line.matterCategory)?.name ?? line.matterCategory)
        : null,
    })),
  );
}

export function listPatrolRules(db: Db, scope: Scope, filter: LineFilter) {
  return rows<PatrolRule>(
    db,
    sql`select r.id, r.grid_level as "gridLevel", r.grid_id as "gridId", lg.name as "gridName",
               r.object_type as "objectType", r.object_flag as "objectFlag", r.frequency,
               r.times_per_period as "timesPerPeriod", r.description, r.sort_order as "sortOrder", r.version
          from patrol_rules r left join grids lg on lg.id = r.grid_id
         where ${lineWhere("r", scope, filter)}
         order by coalesce(r.grid_level, lg.level), r.grid_id nulls first, r.sort_order, r.id`,
  );
}

export function listRewardPenaltyRules(db: Db, scope: Scope, filter: LineFilter) {
  return rows<RewardPenaltyRule>(
    db,
    sql`select r.id, r.grid_level as "gridLevel", r.grid_id as "gridId", lg.name as "gridName", r.kind,
               r.rule_text as "ruleText", r.points::float8 as points, r.veto, r.sort_order as "sortOrder",
               r.version
          from reward_penalty_rules r left join grids lg on lg.id = r.grid_id
         where ${lineWhere("r", scope, filter)}
         order by coalesce(r.grid_level, lg.level), r.grid_id nulls first, r.kind desc, r.veto,
                  r.sort_order, r.id`,
  );
}

export type LineTable = "duty_lines" | "patrol_rules" | "reward_penalty_rules";

/** A live line with the path of its grid (null for level lines); a grid line out of scope → 404. */
export async function lineInScope(db: Db, table: LineTable, scope: Scope, id: number) {
  const [line] = await rows<{
    id: number;
    gridLevel: number | null;
    gridId: number | null;
    gridPath: string | null;
  }>(
    db,
    sql`select t.id, t.grid_level as "gridLevel", t.grid_id as "gridId", lg.path as "gridPath"
          from ${sql.raw(table)} t left join grids lg on lg.id = t.grid_id
         where t.id = ${id} and t.retired_at is null
           and (t.grid_level is not null or ${gridWithinScope(sql`lg.path`, scope)})`,
  );
  if (!line) throw notFound();
  return line;
}

export async function gridDisclosure(db: Db, gridId: number): Promise<Disclosure & { version: number }> {
  const [row] = await rows<Disclosure & { version: number }>(
    db,
    sql`select head_name as "headName", head_phone as "headPhone", member_names as "memberNames",
               member_phones as "memberPhones", duties, tasks, rules, version
          from grid_disclosure where grid_id = ${gridId}`,
  );
  return row ?? { ...DEFAULT_DISCLOSURE, version: 0 };
}

/** The whole 五定 of one grid, as staff in scope see it. */
export async function gridWuding(db: Db, scope: Scope, gridId: number) {
  const grid = await wudingGrid(db, scope, gridId);
  const forGrid = { id: grid.id, level: grid.level };
  const [personnel, duties, tasks, rules, disclosure] = await Promise.all([
    gridPersonnel(db, grid.id),
    listDutyLines(db, scope, { forGrid }),
    listPatrolRules(db, scope, { forGrid }),
    listRewardPenaltyRules(db, scope, { forGrid }),
    gridDisclosure(db, grid.id),
  ]);
  return { grid, personnel, duties, tasks, rules, disclosure };
}

/**
 * What the public may see of a grid's 五定: the area always, every other field only as the grid discloses
 * it, and only the people in office today. Nothing here needs a login.
 */
export async function publicWuding(db: Db, gridId: number) {
  const grid = await wudingGrid(db, "public", gridId);
  const disclosure = await gridDisclosure(db, grid.id);
  const everyone: Scope = { allGrids: true, gridPaths: [], gridIds: [], departmentIds: [] };
  const forGrid = { id: grid.id, level: grid.level };
  const people = (await gridPersonnel(db, grid.id)).filter((p) => p.inForce);
  const head = people.find((p) => p.dutyRole === "head");
  const members = people.filter((p) => p.dutyRole === "member");
  const { path: _path, ...area } = grid;
  return {
    grid: area,
    head:
      head && (disclosure.headName || disclosure.headPhone)
        ? {
            name: disclosure.headName ? head.displayName : null,
            phone: disclosure.headPhone ? head.phone : null,
          }
        : null,
    members:
      disclosure.memberNames || disclosure.memberPhones
        ? members.map((m) => ({
            name: disclosure.memberNames ? m.displayName : null,
            phone: disclosure.memberPhones ? m.phone : null,
          }))
        : null,
    duties: disclosure.duties
      ? (await listDutyLines(db, everyone, { forGrid })).map((d) => ({
          matterCategoryName: d.matterCategoryName,
          departmentName: d.departmentName,
          responsibility: d.responsibility,
          dutyText: d.dutyText,
        }))
      : null,
    tasks: disclosure.tasks
      ? (await listPatrolRules(db, everyone, { forGrid })).map((t) => ({
          objectType: t.objectType,
          objectFlag: t.objectFlag,
          frequency: t.frequency,
          timesPerPeriod: t.timesPerPeriod,
          description: t.description,
        }))
      : null,
    rules: disclosure.rules
      ? (await listRewardPenaltyRules(db, everyone, { forGrid })).map((r) => ({
          kind: r.kind,
          ruleText: r.ruleText,
          points: r.points,
          veto: r.veto,
        }))
      : null,
  };
}

/**
 * Accounts a manager may put on a grid: enabled, not one of the three administrators (三员 hold no business
 * duty), not public-only; a scoped manager picks among people attached to grids in their scope.
 */
export function personnelCandidates(db: Db, scope: Scope, q: string | undefined) {
  const search = q
    ? sql`(u.username ilike ${`%${q}%`} or u.display_name ilike ${`%${q}%`} or u.phone like ${`%${q}%`})`
    : sql`true`;
  const attached = scope.allGrids
    ? sql`true`
    : sql`(exists (select 1 from user_roles ur join grids g on g.id = ur.grid_id
                    where ur.user_id = u.id and ${gridWithinScope(sql`g.path`, scope)})
           or exists (select 1 from grid_personnel p join grids g on g.id = p.grid_id
                       where p.user_id = u.id and p.removed_at is null and ${gridWithinScope(sql`g.path`, scope)}))`;
  return rows<Candidate>(
    db,
    sql`select u.id, u.username, u.display_name as "displayName", u.phone
          from users u
         where u.disabled_at is null and ${search} and ${attached}
           and exists (select 1 from user_roles ur where ur.user_id = u.id
                        and ur.role not in ('sys_admin', 'sec_admin', 'audit_admin', 'public'))
           and not exists (select 1 from user_roles ur where ur.user_id = u.id
                        and ur.role in ('sys_admin', 'sec_admin', 'audit_admin'))
         order by u.display_name, u.id
         limit 20`,
  );
}
