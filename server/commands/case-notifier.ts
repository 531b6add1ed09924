import { type SQL, sql } from "drizzle-orm";
import { type Db, rows } from "../db/client.ts";
import { type CaseAction, permittedActions } from "../domain/cases/case-actions.ts";
import type { CaseState } from "../domain/cases/case-state.ts";
import { DEFAULT_EXTENSION_POLICY } from "../domain/cases/deadline-rules.ts";
import { responsibleUnit } from "../domain/cases/supervision.ts";
import type { NotificationKind } from "../domain/notification-kinds.ts";
import { chineseNotification, type NotificationMessage } from "../domain/notification-messages.ts";
import { DEPARTMENT_SCOPED_ROLES, GRID_SCOPED_ROLES, type Role } from "../domain/roles.ts";
import type { RoleAssignment } from "../policies/actor.ts";
import { type CaseActorSource, caseActorFacts } from "../policies/case-access.ts";
import { gridDutyHolders } from "../queries/assignment-in-force-sql.ts";
import { jsonParam } from "../queries/case-row.ts";
import { pathGridIds } from "../queries/grid-ancestry.ts";

export interface NewNotification {
  userId: number;
  caseId: number | null;
  kind: NotificationKind;
  message: NotificationMessage;
}

/** The columns of a notification: its message, and the Chinese title and body built from it. */
export function notificationColumns(n: NewNotification) {
  return { ...chineseNotification(n.message), message: n.message.code, params: n.message.params };
}

/** One user hears about one thing once per event, however many roles brought them here. */
export function uniqueNotifications(items: readonly NewNotification[]): NewNotification[] {
  const seen = new Set<string>();
  return items.filter((n) => {
    const key = `${n.userId}/${n.caseId}/${n.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function insertNotifications(tx: Db, items: NewNotification[]): Promise<void> {
  const unique = uniqueNotifications(items);
  if (unique.length === 0) return;
  await tx.execute(
    sql`insert into notifications (user_id, case_id, kind, title, body, message, params) values ${sql.join(
      unique.map((n) => {
        const c = notificationColumns(n);
        return sql`(${n.userId}, ${n.caseId}, ${n.kind}, ${c.title}, ${c.body}, ${c.message}, ${jsonParam(c.params)})`;
      }),
      sql`, `,
    )}`,
  );
}

/** A user loaded with the role assignments that tie them to a case. */
type Stakeholder = CaseActorSource & { roles: RoleAssignment[] };

/**
 * Everyone who might have to act on a case: grid staff of its grid and the grids above it, the staff of its
 * assigned and participating departments, the district office and leaders. Disabled accounts are left out.
 */
export async function caseStakeholders(
  tx: Db,
  c: { gridPath: string; departmentIds: readonly number[] },
): Promise<Stakeholder[]> {
  return groupStakeholders(
    await rows<StakeholderRow>(tx, stakeholderRowsSql(sql`${c.gridPath}`, c.departmentIds)),
  );
}

export type StakeholderRow = {
  userId: number;
  role: Role;
  gridPath: string | null;
  gridId: number | null;
  departmentId: number | null;
};

/**
 * The role assignments behind `caseStakeholders`, for a grid path given as an SQL expression: the district
 * roles, the grid staff of the grids on the path ('/1/4/27/' names the grid and its ancestors; members and
 * heads as 定人员 has them today) and the staff of the given departments. Three branches, each found by its own index (migration 0014), so the lookup
 * does not grow with the number of accounts in the district or province.
 */
export function stakeholderRowsSql(gridPath: SQL, departmentIds: readonly number[]): SQL {
  const departments = departmentIds.length > 0 ? departmentIds.join(",") : "";
  // The account and the grid path are looked up row by row (subplans on the primary keys) rather than
  // joined: intake runs this as a prepared statement whose generic plan, not knowing the path, joined by
  // scanning every account and grid, which grows with the province.
  return sql`select ur.user_id as "userId", ur.role,
               (select g.path from grids g where g.id = ur.grid_id) as "gridPath", ur.grid_id as "gridId",
               ur.department_id as "departmentId"
          from (select user_id, role, grid_id, department_id from user_roles
                 where role in ('district_office', 'district_leader')
                union all
                select user_id, role, grid_id, department_id from user_roles
                 where grid_id = any(${pathGridIds(gridPath)}) and role = 'township_officer'
                union all
                select user_id, role, grid_id, null from (${gridDutyHolders(pathGridIds(gridPath))}) duty
                union all
                select user_id, role, grid_id, department_id from user_roles
                 where department_id = any(string_to_array(${departments}, ',')::int[])
                   and role in ('department_officer', 'department_head')) ur
         where (select u.disabled_at is null from users u where u.id = ur.user_id)`;
}

export function groupStakeholders(assignments: readonly StakeholderRow[]): Stakeholder[] {
  const byUser = new Map<number, Stakeholder>();
  for (const a of assignments) {
    const user = byUser.get(a.userId) ?? { userId: a.userId, roles: [] };
    user.roles.push({
      role: a.role,
      gridId: a.gridId,
      gridName: null,
      gridPath: a.gridPath,
      departmentId: a.departmentId,
      departmentName: null,
    });
    byUser.set(a.userId, user);
  }
  return [...byUser.values()];
}

const isDistrictOnly = (s: Stakeholder) =>
  !s.roles.some(
    (r) => GRID_SCOPED_ROLES.includes(r.role as Role) || DEPARTMENT_SCOPED_ROLES.includes(r.role as Role),
  );

/**
 * Who must act next on the case in this state, with what they can do. Grid and department staff whose
 * actions the machine permits; the district level only when the step is the district's (an extension to
 * decide), so the office is not told about every case it could also touch. A re-check goes to its assignee.
 */
export function whoMustAct(
  state: CaseState,
  gridPath: string,
  stakeholders: Stakeholder[],
): { userId: number; actions: CaseAction[] }[] {
  if (state.stage === "verifying" && state.verifierId !== null)
    return [{ userId: Number(state.verifierId), actions: ["record_verification"] }];
  const unit = responsibleUnit(state.stage, state.handlerKind, state.pendingExtension !== null);
  const out: { userId: number; actions: CaseAction[] }[] = [];
  for (const s of stakeholders) {
    if (isDistrictOnly(s) && unit !== "district") continue;
    const facts = caseActorFacts(s, {
      gridPath,
      assignedDepartmentId: numberOrNull(state.assignedDepartmentId),
    });
    const actions = permittedActions(state, facts, DEFAULT_EXTENSION_POLICY);
    if (actions.length > 0) out.push({ userId: s.userId, actions });
  }
  return out;
}

function numberOrNull(id: string | null): number | null {
  return id === null ? null : Number(id);
}

/** The district office's accounts (supervision alerts and digests). */
export function districtOffice(stakeholders: Stakeholder[]): number[] {
  return stakeholders.filter((s) => s.roles.some((r) => r.role === "district_office")).map((s) => s.userId);
}

export function usersWithRole(stakeholders: Stakeholder[], roles: readonly Role[]): number[] {
  return stakeholders.filter((s) => s.roles.some((r) => roles.includes(r.role as Role))).map((s) => s.userId);
}

/**
 * Department-head escalation must reach the head of the department that owes the step, not every head.
 */
export function departmentHeads(stakeholders: Stakeholder[], departmentId: number | null): number[] {
  if (departmentId === null) return [];
  return stakeholders
    .filter((s) => s.roles.some((r) => r.role === "department_head" && r.departmentId === departmentId))
    .map((s) => s.userId);
}
